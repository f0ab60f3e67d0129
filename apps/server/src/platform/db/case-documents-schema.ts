/** Kysely types of migration 0009: case documents (文书), their numbers and publication. */
export interface CaseDocumentTables {}
