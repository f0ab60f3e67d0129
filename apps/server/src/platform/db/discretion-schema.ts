/** Kysely types of migration 0007: holiday years, 裁量基准, 首违不罚 lists, penalty rules. */
export interface DiscretionTables {}
