import { type RawBuilder, sql } from 'kysely'
import { entryIdsInRange, type Executor } from './ledger.repository'

// The reads of `yangguang ledger verify`. Each one streams a table in pages by an indexed key (or is
// one set-based anti-join), so a verify costs a fixed number of statements per page, never one per
// leaf, batch, tile or checkpoint.

export type BatchHeader = { first_index: number; size: number; root: Buffer; frontier: Buffer; snapshot_hi: string; interval_done: boolean }

/** Batches after `afterFirstIndex`, in index order, without their leaf ids. */
export async function batchHeaders(db: Executor, afterFirstIndex: number, limit: number): Promise<BatchHeader[]> {
  const { rows } = await sql<BatchHeader>`
    SELECT first_index, size, root, frontier, snapshot_hi, interval_done FROM ledger_batch
    WHERE first_index > ${afterFirstIndex} ORDER BY first_index LIMIT ${limit}`.execute(db)
  return rows.map((r) => ({ ...r, first_index: Number(r.first_index), size: Number(r.size) }))
}

export type EntryWithLeaf = { idx: number; leaf_id: number; leaf: Buffer | null; leaf_hash: Buffer | null }

/**
 * Entries `start ≤ i < end` in index order with their leaves; `leaf` is null where the batch names a
 * leaf that no longer exists. The caller has checked that the batches covering the range are contiguous.
 */
export async function entriesWithLeaves(db: Executor, start: number, end: number): Promise<EntryWithLeaf[]> {
  const { rows } = await sql<EntryWithLeaf>`
    ${entryIdsInRange(start, end)}
    SELECT ids.idx, ids.leaf_id, l.leaf, l.leaf_hash
    FROM ids LEFT JOIN ledger_leaf l ON l.id = ids.leaf_id ORDER BY ids.idx`.execute(db)
  return rows.map((r) => ({ ...r, idx: Number(r.idx), leaf_id: Number(r.leaf_id) }))
}

/** Stored full tiles by (level, index), for the tiles a page of entries completed: one statement. */
export async function tilesAt(db: Executor, keys: ReadonlyArray<{ level: number; index: number }>): Promise<Map<string, Buffer>> {
  if (keys.length === 0) return new Map()
  const { rows } = await sql<{ level: number; idx: number; hashes: Buffer }>`
    SELECT t.level, t.idx, t.hashes FROM ledger_tile t
    JOIN unnest(${keys.map((k) => k.level)}::smallint[], ${keys.map((k) => k.index)}::bigint[]) AS k(level, idx) ON t.level = k.level AND t.idx = k.idx`.execute(db)
  return new Map(rows.map((r) => [`${r.level}/${Number(r.idx)}`, r.hashes]))
}

export async function countTiles(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ledger_tile`.execute(db)
  return Number(rows[0].n)
}

export type CheckpointWithTime = { size: number; root: Buffer; note: string; created_at: Date }

export async function allCheckpoints(db: Executor): Promise<CheckpointWithTime[]> {
  const { rows } = await sql<CheckpointWithTime>`SELECT size, root, note, created_at FROM ledger_checkpoint ORDER BY size`.execute(db)
  return rows.map((r) => ({ ...r, size: Number(r.size) }))
}

/** Every cosignature, grouped by checkpoint size. */
export async function cosignaturesBySize(db: Executor): Promise<Map<number, Array<{ witness_key: string; line: string }>>> {
  const { rows } = await sql<{ size: number; witness_key: string; line: string }>`SELECT size, witness_key, line FROM ledger_cosignature ORDER BY size, witness_key`.execute(db)
  const bySize = new Map<number, Array<{ witness_key: string; line: string }>>()
  for (const r of rows) {
    const size = Number(r.size)
    const list = bySize.get(size) ?? []
    list.push({ witness_key: r.witness_key, line: r.line })
    bySize.set(size, list)
  }
  return bySize
}

/**
 * Leaf ids after `after` in id order, with whether each was committed within the last finished
 * interval's snapshot (then it must be in the log).
 */
export async function leavesSettledPage(db: Executor, after: number, lastDoneSnapshot: string | null, limit: number): Promise<Array<{ id: number; settled: boolean }>> {
  const { rows } = await sql<{ id: string; settled: boolean }>`
    SELECT id, ${lastDoneSnapshot === null ? sql`false` : sql`pg_visible_in_snapshot(xid, ${lastDoneSnapshot}::pg_snapshot)`} AS settled
    FROM ledger_leaf WHERE id > ${after} ORDER BY id LIMIT ${limit}`.execute(db)
  return rows.map((r) => ({ id: Number(r.id), settled: r.settled }))
}

/** The first leaf with no receipt (every leaf is written with one). */
export async function firstLeafWithoutReceipt(db: Executor): Promise<number | undefined> {
  const { rows } = await sql<{ id: string }>`
    SELECT l.id FROM ledger_leaf l WHERE NOT EXISTS (SELECT 1 FROM ledger_receipt r WHERE r.leaf_id = l.id) ORDER BY l.id LIMIT 1`.execute(db)
  return rows[0] ? Number(rows[0].id) : undefined
}

/**
 * Tables besides the audit log that keep the hash of the leaf they wrote (issued documents): a leaf
 * one of them names has an owner. Found from the catalogue, so a new such table counts at once.
 */
export async function leafOwnerTables(db: Executor): Promise<Array<{ table: string; column: string }>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = 'bytea'
      AND c.column_name LIKE '%leaf\\_hash' AND c.table_name NOT LIKE 'ledger\\_%' AND c.table_name <> 'audit_log'
    ORDER BY c.table_name, c.column_name`.execute(db)
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }))
}

export type ReceiptAuditRow = {
  leaf_hash: Buffer
  leaf_id: number
  record_type: string
  record_id: string
  record_version: number
  salt: Buffer
  leaf: Buffer | null
  /** The leaf exists and its stored hash is the receipt's. */
  leaf_matches: boolean
  audit_id: number | null
  action: string | null
  /** The audit row is about the receipt's record. */
  same_record: boolean
  org_id: string | null
  summary: string | null
  before: string | null
  after: string | null
  at: Date | null
  actor_id: string | null
  owned: boolean
}

/** The highest leaf id any leaf or receipt has: where the windows of {@link receiptsWithOwners} end. */
export async function maxLeafId(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: string | null }>`SELECT greatest((SELECT max(id) FROM ledger_leaf), (SELECT max(leaf_id) FROM ledger_receipt)) AS n`.execute(db)
  return Number(rows[0].n ?? 0)
}

/**
 * The receipts of the leaves `from ≤ id < to`, each with its leaf, the audit row that names it (its
 * jsonb as text, to be parsed the same way on every engine) and whether a document row names it.
 * Windows of ids rather than LIMIT pages: each window is a bounded index range on both tables (a
 * LIMIT page made the planner merge with the leaves from the first one, quadratic over the log),
 * and the next window can be asked for while this one is checked.
 */
export async function receiptsWithOwners(db: Executor, window: { from: number; to: number }, owners: ReadonlyArray<{ table: string; column: string }>): Promise<ReceiptAuditRow[]> {
  const ownedBy: RawBuilder<boolean> =
    owners.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          owners.map((o) => sql`EXISTS (SELECT 1 FROM ${sql.table(o.table)} d WHERE d.${sql.ref(o.column)} = r.leaf_hash)`),
          sql` OR `,
        )})`
  const { rows } = await sql<ReceiptAuditRow>`
    SELECT r.leaf_hash, r.leaf_id, r.record_type, r.record_id, r.record_version, r.salt, l.leaf, coalesce(l.leaf_hash = r.leaf_hash, false) AS leaf_matches,
           a.id AS audit_id, a.action, coalesce(a.entity_type = r.record_type AND a.entity_id = r.record_id, false) AS same_record,
           a.org_id::text AS org_id, a.summary, a.before::text AS before, a.after::text AS after, a.at, a.actor_id::text AS actor_id,
           CASE WHEN a.id IS NULL THEN ${ownedBy} ELSE false END AS owned
    FROM ledger_receipt r
    LEFT JOIN ledger_leaf l ON l.id = r.leaf_id AND l.id >= ${window.from}::bigint AND l.id < ${window.to}::bigint
    -- Lateral with LIMIT (so it is not flattened into a join): one index probe per receipt. A plain
    -- join let the planner hash the whole audit log for every window — quadratic in the log's size.
    LEFT JOIN LATERAL (SELECT * FROM audit_log x WHERE x.leaf_hash = r.leaf_hash LIMIT 1) a ON true
    WHERE r.leaf_id >= ${window.from}::bigint AND r.leaf_id < ${window.to}::bigint
    ORDER BY r.leaf_id, r.leaf_hash`.execute(db)
  return rows.map((r) => ({ ...r, leaf_id: Number(r.leaf_id), audit_id: r.audit_id === null ? null : Number(r.audit_id) }))
}

/** The first audit row that names no existing leaf receipt (inserted, or its leaf deleted). */
export async function firstAuditRowWithoutLeaf(db: Executor): Promise<{ id: number; action: string; entity_type: string; entity_id: string } | undefined> {
  const { rows } = await sql<{ id: string; action: string; entity_type: string; entity_id: string }>`
    SELECT a.id, a.action, a.entity_type, a.entity_id FROM audit_log a
    WHERE a.leaf_hash IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_receipt r WHERE r.leaf_hash = a.leaf_hash)
    ORDER BY a.id LIMIT 1`.execute(db)
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : undefined
}
