import type { ColumnType, Generated } from 'kysely'

/**
 * Kysely's view of the ledger tables (migration 0005_ledger.sql). Hashes, leaves and salts are
 * `bytea` (Buffer); `xid` and snapshots stay strings; bigint columns come back as numbers.
 */
export interface LedgerTables {
  ledger_log: LedgerLogTable
  ledger_leaf: LedgerLeafTable
  ledger_receipt: LedgerReceiptTable
  ledger_batch: LedgerBatchTable
  ledger_tile: LedgerTileTable
  ledger_checkpoint: LedgerCheckpointTable
  ledger_cosignature: LedgerCosignatureTable
  // 0019
  ledger_witness_status: LedgerWitnessStatusTable
}

type Bytes = ColumnType<Buffer, Buffer | Uint8Array, never>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export interface LedgerLogTable {
  origin: string
  profile: string
  verifier_key: string
  created_at: CreatedAt
}

export interface LedgerLeafTable {
  id: Generated<number>
  xid: Generated<string>
  leaf: Bytes
  leaf_hash: Bytes
  created_at: CreatedAt
}

export interface LedgerReceiptTable {
  leaf_hash: Bytes
  leaf_id: number
  record_type: string
  record_id: string
  record_version: number
  salt: Bytes
  created_at: CreatedAt
}

export interface LedgerBatchTable {
  first_index: number
  size: number
  /** int8[] comes back as decimal strings. */
  leaf_ids: ColumnType<string[], number[], never>
  leaf_id_range: string
  root: Bytes
  frontier: Bytes
  snapshot_lo: string | null
  snapshot_hi: string
  interval_done: boolean
  created_at: CreatedAt
}

export interface LedgerTileTable {
  level: number
  idx: number
  hashes: Bytes
  root: Bytes
}

export interface LedgerCheckpointTable {
  size: number
  root: Bytes
  note: string
  created_at: CreatedAt
}

export interface LedgerCosignatureTable {
  size: number
  witness_key: string
  line: string
  signed_at: ColumnType<Date, Date | string, never>
  received_at: CreatedAt
}

/** The last answer of each witness (0019): a refusal is an alarm until the witness cosigns again. */
export interface LedgerWitnessStatusTable {
  witness_key: string
  witness_name: string
  status: 'cosigned' | 'refused' | 'unreachable'
  detail: string | null
  size: number
  since: Date
  checked_at: CreatedAt
}
