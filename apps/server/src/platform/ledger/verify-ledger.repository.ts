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

/**
 * A page of entries: their leaf ids and the leaves' stored hashes, each concatenated in index order
 * (8 bytes big-endian an id, 32 bytes a hash), and the first index whose leaf no longer exists.
 */
export type EntryPage = { count: number; leafIds: Buffer; leafHashes: Buffer; firstMissing: number | null }

/**
 * The entries `start ≤ i < end` in one row: the database only moves the bytes (one value a page
 * instead of a row an entry); each stored hash is checked against its leaf's content in
 * {@link leavesWithReceipts}. A missing leaf's hash is absent from `leafHashes`, whose positions are
 * right up to `firstMissing`. The caller has checked that the batches covering the range are contiguous.
 */
export async function entryPage(db: Executor, start: number, end: number): Promise<EntryPage> {
  const { rows } = await sql<{ count: number; leaf_ids: Buffer | null; leaf_hashes: Buffer | null; first_missing: number | null }>`
    ${entryIdsInRange(start, end)}
    SELECT count(*)::int AS count, string_agg(int8send(ids.leaf_id), ''::bytea ORDER BY ids.idx) AS leaf_ids,
           string_agg(l.leaf_hash, ''::bytea ORDER BY ids.idx) AS leaf_hashes, min(ids.idx) FILTER (WHERE l.id IS NULL) AS first_missing
    FROM ids LEFT JOIN ledger_leaf l ON l.id = ids.leaf_id`.execute(db)
  const r = rows[0]
  return { count: r.count, leafIds: r.leaf_ids ?? Buffer.alloc(0), leafHashes: r.leaf_hashes ?? Buffer.alloc(0), firstMissing: r.first_missing }
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

/** A leaf with one receipt that names its id (if any), and the audit row that names the receipt (if any). */
export type LeafReceiptRow = {
  id: number
  /** The leaf's bytes as UTF-8 text, or as bytes when they are not valid UTF-8 (then no honest leaf). */
  leaf: string | Buffer
  /** The stored leaf hash, hex: what the tree was built from and what receipts and rows name. */
  leaf_hash: string
  /** Committed within the last finished interval's snapshot (then the leaf must be in the log). */
  settled: boolean
  /** The receipt names the leaf's stored hash; null when the leaf has no receipt. */
  receipt_matches: boolean | null
  record_type: string | null
  record_id: string | null
  record_version: number | null
  salt: Buffer | null
  audit_id: number | null
  action: string | null
  /** The audit row is about the receipt's record. */
  same_record: boolean | null
  org_id: string | null
  summary: string | null
  before: string | null
  after: string | null
  /** The audit row's instant in whole milliseconds since 1970 (as a JS Date holds it). */
  at: number | null
  actor_id: string | null
  owned: boolean
}

/** The lowest and highest leaf id: where the windows of {@link leavesWithReceipts} start and end. */
export async function leafIdRange(db: Executor): Promise<{ first: number; last: number }> {
  const { rows } = await sql<{ first: number | null; last: number | null }>`SELECT min(id) AS first, max(id) AS last FROM ledger_leaf`.execute(db)
  return { first: Number(rows[0].first ?? 0), last: Number(rows[0].last ?? -1) }
}

/**
 * The leaves `from ≤ id < to` in id order, each with the receipts that name its id (a leaf without
 * one comes alone), each receipt with the audit row that names it (its jsonb as text, to be parsed
 * the same way on every engine) and whether a document row names it. Leaves come as text (a leaf is
 * UTF-8 JSON): half the bytes of bytea's hex and no decoding; a window holding a leaf that is not
 * UTF-8 is read again with the leaves as bytes. Windows of ids rather than LIMIT pages: each window
 * is a bounded index range on both tables, merged in id order (a LIMIT page made the planner merge
 * with the leaves from the first one, quadratic over the log), and the next window can be asked for
 * while this one is checked.
 */
export async function leavesWithReceipts(
  db: Executor,
  window: { from: number; to: number },
  owners: ReadonlyArray<{ table: string; column: string }>,
  lastDoneSnapshot: string | null,
): Promise<LeafReceiptRow[]> {
  try {
    return await leavesWithReceiptsAs(db, window, owners, lastDoneSnapshot, sql`convert_from(l.leaf, 'UTF8')`)
  } catch (error) {
    if ((error as { code?: unknown }).code !== INVALID_UTF8) throw error
    return leavesWithReceiptsAs(db, window, owners, lastDoneSnapshot, sql`l.leaf`)
  }
}

/** SQLSTATE character_not_in_repertoire: bytes that are not UTF-8 (or a NUL) converted to text. */
const INVALID_UTF8 = '22021'

async function leavesWithReceiptsAs(
  db: Executor,
  window: { from: number; to: number },
  owners: ReadonlyArray<{ table: string; column: string }>,
  lastDoneSnapshot: string | null,
  leaf: RawBuilder<unknown>,
): Promise<LeafReceiptRow[]> {
  const ownedBy: RawBuilder<boolean> =
    owners.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(
          owners.map((o) => sql`EXISTS (SELECT 1 FROM ${sql.table(o.table)} d WHERE d.${sql.ref(o.column)} = r.leaf_hash)`),
          sql` OR `,
        )})`
  const settled = lastDoneSnapshot === null ? sql`false` : sql`pg_visible_in_snapshot(l.xid, ${lastDoneSnapshot}::pg_snapshot)`
  const { rows } = await sql<LeafReceiptRow>`
    SELECT l.id, ${leaf} AS leaf, encode(l.leaf_hash, 'hex') AS leaf_hash, ${settled} AS settled,
           r.leaf_hash = l.leaf_hash AS receipt_matches, r.record_type, r.record_id, r.record_version, r.salt,
           a.id AS audit_id, a.action, a.entity_type = r.record_type AND a.entity_id = r.record_id AS same_record,
           a.org_id::text AS org_id, a.summary, a.before::text AS before, a.after::text AS after,
           floor(extract(epoch FROM a.at) * 1000)::float8 AS at, a.actor_id::text AS actor_id,
           CASE WHEN r.leaf_hash IS NOT NULL AND a.id IS NULL THEN ${ownedBy} ELSE false END AS owned
    FROM ledger_leaf l
    LEFT JOIN ledger_receipt r ON r.leaf_id = l.id AND r.leaf_id >= ${window.from}::bigint AND r.leaf_id < ${window.to}::bigint
    -- Lateral with LIMIT (so it is not flattened into a join): one index probe per receipt. A plain
    -- join let the planner hash the whole audit log for every window — quadratic in the log's size.
    LEFT JOIN LATERAL (SELECT * FROM audit_log x WHERE x.leaf_hash = r.leaf_hash LIMIT 1) a ON true
    WHERE l.id >= ${window.from}::bigint AND l.id < ${window.to}::bigint
    ORDER BY l.id, r.leaf_hash`.execute(db)
  return rows
}

/** The first receipt that names a leaf id with no leaf (the leaf was deleted, or the receipt forged). */
export async function firstReceiptWithoutLeaf(db: Executor): Promise<{ leaf_id: number; leaf_hash: Buffer } | undefined> {
  const { rows } = await sql<{ leaf_id: number; leaf_hash: Buffer }>`
    SELECT r.leaf_id, r.leaf_hash FROM ledger_receipt r WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.id = r.leaf_id)
    ORDER BY r.leaf_id, r.leaf_hash LIMIT 1`.execute(db)
  return rows[0]
}

/** The first audit row that names no existing leaf receipt (inserted, or its leaf deleted). */
export async function firstAuditRowWithoutLeaf(db: Executor): Promise<{ id: number; action: string; entity_type: string; entity_id: string } | undefined> {
  const { rows } = await sql<{ id: string; action: string; entity_type: string; entity_id: string }>`
    SELECT a.id, a.action, a.entity_type, a.entity_id FROM audit_log a
    WHERE a.leaf_hash IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_receipt r WHERE r.leaf_hash = a.leaf_hash)
    ORDER BY a.id LIMIT 1`.execute(db)
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : undefined
}
