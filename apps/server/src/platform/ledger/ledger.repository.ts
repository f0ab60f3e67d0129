import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'

/** A database handle or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>

// ── Leaves and receipts ─────────────────────────────────────────────────────────────────────────

/** A leaf to store: its canonical JSON up to `"ver":` (see `leafPrefix`), the record and its salt. */
export type NewLeafRow = { prefix: string; salt: Buffer; recordType: string; recordId: string }

/**
 * Numbers each record's new leaves after those it already has, completes and hashes the leaves, and
 * inserts them with their receipts — one statement, so an interactive write pays one round trip.
 * Returns the version and leaf hash of each row, by salt (hex).
 */
export async function insertLeaves(db: Executor, rows: readonly NewLeafRow[]): Promise<Map<string, { version: number; leafHash: Buffer }>> {
  const { rows: stored } = await sql<{ salt: Buffer; record_version: number; leaf_hash: Buffer }>`
    WITH input AS (
      SELECT * FROM unnest(${rows.map((r) => r.prefix)}::text[], ${rows.map((r) => r.salt)}::bytea[], ${rows.map((r) => r.recordType)}::text[], ${rows.map((r) => r.recordId)}::text[])
        WITH ORDINALITY AS t(prefix, salt, record_type, record_id, ord)
    ), numbered AS (
      SELECT i.*, (SELECT count(*) FROM ledger_receipt r WHERE r.record_type = i.record_type AND r.record_id = i.record_id)
                  + row_number() OVER (PARTITION BY i.record_type, i.record_id ORDER BY i.ord) AS ver
      FROM input i
    ), completed AS (
      SELECT n.*, convert_to(n.prefix || n.ver || '}', 'UTF8') AS leaf FROM numbered n
    ), hashed AS (
      SELECT c.*, sha256('\\x00'::bytea || c.leaf) AS leaf_hash FROM completed c
    ), leaves AS (
      INSERT INTO ledger_leaf (leaf, leaf_hash) SELECT leaf, leaf_hash FROM hashed ORDER BY ord RETURNING id, leaf_hash
    )
    INSERT INTO ledger_receipt (leaf_hash, leaf_id, record_type, record_id, record_version, salt)
    SELECT h.leaf_hash, l.id, h.record_type, h.record_id, h.ver, h.salt FROM hashed h JOIN leaves l ON l.leaf_hash = h.leaf_hash
    RETURNING salt, record_version, leaf_hash`.execute(db)
  return new Map(stored.map((r) => [r.salt.toString('hex'), { version: r.record_version, leafHash: r.leaf_hash }]))
}

export type ReceiptRow = {
  leafHash: Buffer
  leafId: number
  leaf: Buffer
  recordType: string
  recordId: string
  recordVersion: number
  salt: Buffer
  createdAt: Date
  /** Log index, once integrated. */
  index: number | null
}

/** The receipt of a leaf, with its log index once a batch holds it. */
export async function findReceipt(db: Executor, leafHash: Uint8Array): Promise<ReceiptRow | undefined> {
  const { rows } = await sql<ReceiptDbRow>`
    SELECT r.leaf_hash, r.leaf_id, l.leaf, r.record_type, r.record_id, r.record_version, r.salt, r.created_at, ${indexOfLeaf(sql.ref('r.leaf_id'))} AS idx
    FROM ledger_receipt r JOIN ledger_leaf l ON l.id = r.leaf_id
    WHERE r.leaf_hash = ${Buffer.from(leafHash)}`.execute(db)
  return rows[0] && receiptOf(rows[0])
}

/** Every receipt of a record, oldest first. */
export async function findRecordReceipts(db: Executor, recordType: string, recordId: string): Promise<ReceiptRow[]> {
  const { rows } = await sql<ReceiptDbRow>`
    SELECT r.leaf_hash, r.leaf_id, l.leaf, r.record_type, r.record_id, r.record_version, r.salt, r.created_at, ${indexOfLeaf(sql.ref('r.leaf_id'))} AS idx
    FROM ledger_receipt r JOIN ledger_leaf l ON l.id = r.leaf_id
    WHERE r.record_type = ${recordType} AND r.record_id = ${recordId}
    ORDER BY r.record_version, r.leaf_id`.execute(db)
  return rows.map(receiptOf)
}

type ReceiptDbRow = {
  leaf_hash: Buffer
  leaf_id: number
  leaf: Buffer
  record_type: string
  record_id: string
  record_version: number
  salt: Buffer
  created_at: Date
  idx: number | null
}

function receiptOf(r: ReceiptDbRow): ReceiptRow {
  return {
    leafHash: r.leaf_hash,
    leafId: r.leaf_id,
    leaf: r.leaf,
    recordType: r.record_type,
    recordId: r.record_id,
    recordVersion: r.record_version,
    salt: r.salt,
    createdAt: r.created_at,
    index: r.idx,
  }
}

// A leaf's position: the batch whose id range covers it (GiST), then its place in the batch.
function indexOfLeaf(leafId: ReturnType<typeof sql.ref>) {
  return sql<number | null>`(SELECT b.first_index + array_position(b.leaf_ids, ${leafId}) - 1 FROM ledger_batch b
    WHERE b.leaf_id_range @> ${leafId} AND ${leafId} = ANY (b.leaf_ids) LIMIT 1)`
}

// ── Integration ─────────────────────────────────────────────────────────────────────────────────

/** One advisory lock serialises integration and signing across every server on the database. */
const LEDGER_LOCK = 7_305_938_274

/** Takes the ledger lock for the rest of the transaction, or answers false when another holds it. */
export async function tryLedgerLock(trx: Transaction<DB>): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${LEDGER_LOCK}::bigint) AS locked`.execute(trx)
  return rows[0]?.locked === true
}

export type BatchState = {
  firstIndex: number
  size: number
  root: Buffer
  frontier: Buffer
  snapshotLo: string | null
  snapshotHi: string
  intervalDone: boolean
  /** The last leaf the batch took (batches take leaves in (xid, id) order). */
  lastLeaf: LeafCursor
}

/** The newest batch: where the tree stands. */
export async function lastBatch(db: Executor): Promise<BatchState | undefined> {
  const { rows } = await sql<{
    first_index: number
    size: number
    root: Buffer
    frontier: Buffer
    snapshot_lo: string | null
    snapshot_hi: string
    interval_done: boolean
    last_leaf_id: string
    last_xid: string
  }>`SELECT b.first_index, b.size, b.root, b.frontier, b.snapshot_lo, b.snapshot_hi, b.interval_done, b.leaf_ids[cardinality(b.leaf_ids)] AS last_leaf_id,
            (SELECT l.xid::text FROM ledger_leaf l WHERE l.id = b.leaf_ids[cardinality(b.leaf_ids)]) AS last_xid
     FROM (SELECT * FROM ledger_batch ORDER BY first_index DESC LIMIT 1) b`.execute(db)
  const r = rows[0]
  if (!r) return undefined
  return {
    firstIndex: r.first_index,
    size: r.size,
    root: r.root,
    frontier: r.frontier,
    snapshotLo: r.snapshot_lo,
    snapshotHi: r.snapshot_hi,
    intervalDone: r.interval_done,
    lastLeaf: { xid: r.last_xid, id: Number(r.last_leaf_id) },
  }
}

/** The batch that ends exactly at `size` (checkpoints are signed at batch boundaries). */
export async function batchEndingAt(db: Executor, size: number): Promise<{ size: number; root: Buffer } | undefined> {
  return db.selectFrom('ledger_batch').select(['size', 'root']).where('size', '=', size).executeTakeFirst()
}

/** The statement's snapshot, as `xmin:xmax:xip,…`. */
export async function currentSnapshot(db: Executor): Promise<string> {
  const { rows } = await sql<{ snapshot: string }>`SELECT pg_current_snapshot()::text AS snapshot`.execute(db)
  return rows[0].snapshot
}

/** A pg_snapshot in parts: transactions below xmax and not in xip had committed (or aborted). */
export type Snapshot = { xmin: string; xmax: string; xip: string[] }

export function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, xip = ''] = text.split(':')
  if (!/^\d+$/.test(xmin ?? '') || !/^\d+$/.test(xmax ?? '') || !/^(\d+(,\d+)*)?$/.test(xip)) throw new Error(`not a pg_snapshot: ${text}`)
  return { xmin, xmax, xip: xip ? xip.split(',') : [] }
}

/** Where the integrator stopped inside an interval: the last leaf taken, in (xid, id) order. */
export type LeafCursor = { xid: string; id: number }

/**
 * The leaves committed in the snapshot interval `(lo, hi]` — invisible in `lo` (or `lo` absent),
 * visible in `hi` — after `after`, in (xid, id) order. Every committed leaf falls in exactly one
 * interval, however late its transaction commits, so none is skipped or taken twice.
 */
export async function leavesInInterval(
  db: Executor,
  interval: { lo: string | null; hi: string; after: LeafCursor | null },
  limit: number,
): Promise<Array<{ id: number; leaf_hash: Buffer }>> {
  const hi = parseSnapshot(interval.hi)
  const after = interval.after ?? { xid: '0', id: 0 }
  const visibleInHi = sql`xid < ${hi.xmax}::xid8 AND NOT (xid = ANY (${`{${hi.xip.join(',')}}`}::xid8[]))`
  const afterCursor = sql`(xid, id) > (${after.xid}::xid8, ${after.id}::bigint)`
  if (interval.lo === null) {
    const { rows } = await sql<{ id: number; leaf_hash: Buffer }>`
      SELECT id, leaf_hash FROM ledger_leaf WHERE ${visibleInHi} AND ${afterCursor} ORDER BY ledger_leaf.xid, ledger_leaf.id LIMIT ${limit}`.execute(db)
    return rows
  }
  const lo = parseSnapshot(interval.lo)
  // Transactions still running at `lo` (its xip list) are older than lo.xmax, so their leaves come first.
  const late =
    lo.xip.length === 0
      ? []
      : (
          await sql<{ id: number; leaf_hash: Buffer }>`
            SELECT id, leaf_hash FROM ledger_leaf
            WHERE xid = ANY (${`{${lo.xip.join(',')}}`}::xid8[]) AND ${visibleInHi} AND ${afterCursor}
            ORDER BY ledger_leaf.xid, ledger_leaf.id LIMIT ${limit}`.execute(db)
        ).rows
  if (late.length >= limit) return late
  const { rows } = await sql<{ id: number; leaf_hash: Buffer }>`
    SELECT id, leaf_hash FROM ledger_leaf
    WHERE xid >= ${lo.xmax}::xid8 AND ${visibleInHi} AND ${afterCursor}
    ORDER BY ledger_leaf.xid, ledger_leaf.id LIMIT ${limit - late.length}`.execute(db)
  return [...late, ...rows]
}

export type NewBatch = {
  firstIndex: number
  leafIds: number[]
  root: Uint8Array
  frontier: Uint8Array
  snapshotLo: string | null
  snapshotHi: string
  intervalDone: boolean
}

export async function insertBatch(db: Executor, batch: NewBatch): Promise<void> {
  let min = batch.leafIds[0]
  let max = batch.leafIds[0]
  for (const id of batch.leafIds) {
    if (id < min) min = id
    if (id > max) max = id
  }
  await sql`
    INSERT INTO ledger_batch (first_index, size, leaf_ids, leaf_id_range, root, frontier, snapshot_lo, snapshot_hi, interval_done)
    VALUES (${batch.firstIndex}, ${batch.firstIndex + batch.leafIds.length}, ${batch.leafIds}::bigint[], int8range(${min}, ${max}, '[]'),
            ${Buffer.from(batch.root)}, ${Buffer.from(batch.frontier)}, ${batch.snapshotLo}, ${batch.snapshotHi}, ${batch.intervalDone})`.execute(db)
}

export type FullTile = { level: number; index: number; hashes: Uint8Array; root: Uint8Array }

export async function insertTiles(db: Executor, tiles: readonly FullTile[]): Promise<void> {
  if (tiles.length === 0) return
  await sql`
    INSERT INTO ledger_tile (level, idx, hashes, root)
    SELECT * FROM unnest(${tiles.map((t) => t.level)}::smallint[], ${tiles.map((t) => t.index)}::bigint[],
                         ${tiles.map((t) => Buffer.from(t.hashes))}::bytea[], ${tiles.map((t) => Buffer.from(t.root))}::bytea[])`.execute(db)
}

// ── Reading the tree ────────────────────────────────────────────────────────────────────────────

/** Number of integrated entries. */
export async function integratedSize(db: Executor): Promise<number> {
  const row = await db.selectFrom('ledger_batch').select('size').orderBy('first_index', 'desc').limit(1).executeTakeFirst()
  return row?.size ?? 0
}

export type EntryRow = { index: number; leafId: number; leafHash: Buffer; leaf?: Buffer }

/**
 * Entries `start ≤ i < end` in index order, from the batches that hold them; with the leaf bytes
 * when `withLeaves`. The caller keeps `end` within the integrated size.
 */
export async function entriesInRange(db: Executor, start: number, end: number, withLeaves = false): Promise<EntryRow[]> {
  if (end <= start) return []
  const { rows } = await sql<{ idx: number; leaf_id: number; leaf_hash: Buffer; leaf: Buffer | null }>`
    ${entryIdsInRange(start, end)}
    SELECT ids.idx, ids.leaf_id, l.leaf_hash, ${withLeaves ? sql`l.leaf` : sql`NULL::bytea`} AS leaf
    FROM ids JOIN ledger_leaf l ON l.id = ids.leaf_id ORDER BY ids.idx`.execute(db)
  return rows.map((r) => ({ index: Number(r.idx), leafId: Number(r.leaf_id), leafHash: r.leaf_hash, ...(r.leaf ? { leaf: r.leaf } : {}) }))
}

/**
 * The `WITH … ids(idx, leaf_id)` clause naming the entries `start ≤ i < end` and their leaf ids, read
 * from the batches that hold them; the caller joins the leaves as it needs.
 */
export function entryIdsInRange(start: number, end: number) {
  return sql`
    WITH parts AS (
      SELECT first_index, leaf_ids, greatest(${start}::bigint - first_index + 1, 1) AS lo, least(${end}::bigint - first_index, size - first_index) AS hi
      FROM ledger_batch
      WHERE first_index >= coalesce((SELECT max(first_index) FROM ledger_batch WHERE first_index <= ${start}::bigint), 0) AND first_index < ${end}::bigint
    ), ids AS (
      SELECT p.first_index + p.lo - 1 + o.ord - 1 AS idx, o.leaf_id
      FROM parts p CROSS JOIN LATERAL unnest(p.leaf_ids[p.lo:p.hi]) WITH ORDINALITY AS o(leaf_id, ord)
    )
  `
}

/** A stored full tile's hashes. */
export async function findTile(db: Executor, level: number, index: number): Promise<Buffer | undefined> {
  const row = await db.selectFrom('ledger_tile').select('hashes').where('level', '=', level).where('idx', '=', index).executeTakeFirst()
  return row?.hashes
}

/** Roots of the full tiles `from ≤ idx < to` of one level, in order: the hashes of the level above. */
export async function tileRoots(db: Executor, level: number, from: number, to: number): Promise<Buffer[]> {
  const rows = await db
    .selectFrom('ledger_tile')
    .select(['idx', 'root'])
    .where('level', '=', level)
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute()
  return rows.map((r) => r.root)
}

// ── Log, checkpoints, cosignatures ──────────────────────────────────────────────────────────────

export async function findLog(db: Executor) {
  return db.selectFrom('ledger_log').selectAll().executeTakeFirst()
}

export async function insertLog(db: Executor, log: { origin: string; profile: string; verifierKey: string }): Promise<void> {
  await db.insertInto('ledger_log').values({ origin: log.origin, profile: log.profile, verifier_key: log.verifierKey }).execute()
}

export type CheckpointRow = { size: number; root: Buffer; note: string; created_at: Date }

export async function latestCheckpoint(db: Executor): Promise<CheckpointRow | undefined> {
  return db.selectFrom('ledger_checkpoint').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst()
}

export async function findCheckpoint(db: Executor, size: number): Promise<CheckpointRow | undefined> {
  return db.selectFrom('ledger_checkpoint').selectAll().where('size', '=', size).executeTakeFirst()
}

export async function insertCheckpoint(db: Executor, checkpoint: { size: number; root: Uint8Array; note: string }): Promise<void> {
  await db.insertInto('ledger_checkpoint').values({ size: checkpoint.size, root: Buffer.from(checkpoint.root), note: checkpoint.note }).execute()
}

/** The newest checkpoint cosigned by at least `quorum` of the given witness keys. */
export async function latestCheckpointWithQuorum(db: Executor, witnessKeys: readonly string[], quorum: number): Promise<CheckpointRow | undefined> {
  if (quorum <= 0) return latestCheckpoint(db)
  if (witnessKeys.length === 0) return undefined
  return db
    .selectFrom('ledger_checkpoint as c')
    .selectAll('c')
    .where((eb) =>
      eb(
        eb.selectFrom('ledger_cosignature as s').select((s) => s.fn.countAll<number>().as('n')).whereRef('s.size', '=', 'c.size').where('s.witness_key', 'in', [...witnessKeys]),
        '>=',
        quorum,
      ),
    )
    .orderBy('c.size', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export type CosignatureRow = { size: number; witness_key: string; line: string; signed_at: Date; received_at: Date }

export async function cosignaturesOf(db: Executor, size: number): Promise<CosignatureRow[]> {
  return db.selectFrom('ledger_cosignature').selectAll().where('size', '=', size).orderBy('received_at').execute()
}

export async function insertCosignature(db: Executor, row: { size: number; witnessKey: string; line: string; signedAt: Date }): Promise<boolean> {
  const result = await db
    .insertInto('ledger_cosignature')
    .values({ size: row.size, witness_key: row.witnessKey, line: row.line, signed_at: row.signedAt })
    .onConflict((oc) => oc.columns(['size', 'witness_key']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** The largest checkpoint size this witness has cosigned, 0 if none. */
export async function witnessLatestSize(db: Executor, witnessKey: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_cosignature')
    .select((eb) => eb.fn.max('size').as('size'))
    .where('witness_key', '=', witnessKey)
    .executeTakeFirst()
  return row?.size == null ? 0 : Number(row.size)
}

// ── Witness answers ─────────────────────────────────────────────────────────────────────────────

export type WitnessStatusRow = { witness_key: string; witness_name: string; status: 'cosigned' | 'refused' | 'unreachable'; detail: string | null; size: number; since: Date; checked_at: Date }

/** Keeps the witness's last answer; `since` moves only when the status changes. */
export async function upsertWitnessStatus(
  db: Executor,
  row: { witnessKey: string; witnessName: string; status: WitnessStatusRow['status']; detail: string | null; size: number; at: Date },
): Promise<void> {
  await sql`
    INSERT INTO ledger_witness_status (witness_key, witness_name, status, detail, size, since, checked_at)
    VALUES (${row.witnessKey}, ${row.witnessName}, ${row.status}, ${row.detail}, ${row.size}, ${row.at}, ${row.at})
    ON CONFLICT (witness_key) DO UPDATE SET
      witness_name = EXCLUDED.witness_name, detail = EXCLUDED.detail, size = EXCLUDED.size, checked_at = EXCLUDED.checked_at,
      since = CASE WHEN ledger_witness_status.status = EXCLUDED.status THEN ledger_witness_status.since ELSE EXCLUDED.since END,
      status = EXCLUDED.status`.execute(db)
}

/** The last answers of the given witnesses (by verifier key). */
export async function witnessStatuses(db: Executor, witnessKeys: readonly string[]): Promise<WitnessStatusRow[]> {
  if (witnessKeys.length === 0) return []
  return db.selectFrom('ledger_witness_status').selectAll().where('witness_key', 'in', [...witnessKeys]).orderBy('witness_name').execute()
}
