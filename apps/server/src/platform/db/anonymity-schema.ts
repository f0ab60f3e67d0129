import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migration 0017: daily address keys and the anonymous entries waiting for the ledger. */
export interface AnonymityTables {
  anonymity_key: AnonymityKeyTable
  ledger_delayed_entry: LedgerDelayedEntryTable
}

/** One random HMAC key per Shanghai day; earlier days' keys are deleted. */
export interface AnonymityKeyTable {
  /** 'YYYY-MM-DD' */
  day: string
  key: ColumnType<Buffer, Buffer, never>
}

/** An anonymous submission's audit row and leaf, released to the log after `not_before`. */
export interface LedgerDelayedEntryTable {
  id: Generated<string>
  not_before: ColumnType<Date, Date | string, never>
  leaf_prefix: string
  salt: ColumnType<Buffer, Buffer, never>
  record_type: string
  record_id: string
  audit: ColumnType<DelayedAuditRow | null, string | null, never>
}

/** The audit_log row of an anonymous submission, as stored until release (no actor, address or agent). */
export type DelayedAuditRow = {
  at: string
  orgId: string | null
  action: string
  entityType: string
  entityId: string
  summary: string
  before: unknown
  after: unknown
}
