/** Kysely types of migration 0008: 行政处罚 cases. */
export interface PenaltyCaseTables {}
