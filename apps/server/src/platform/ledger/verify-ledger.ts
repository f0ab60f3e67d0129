import {
  CompactRange,
  cosignatureV1KeyType,
  ed25519KeyType,
  equalBytes,
  isLedgerError,
  type MerkleHasher,
  type NoteVerifier,
  openCheckpoint,
  parseNote,
  parseVerifierKey,
  checkNoteSignatures,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileLayout,
  verifyConsistencyProof,
} from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'
import { splitHashes } from './integrate-batch'
import { leafHashOf } from './ledger-leaf'
import { consistencyProof } from './ledger-tiles'
import { findLog, findTile } from './ledger.repository'

/** The first thing found that does not hold, in Chinese, with the coordinates to look at. */
export type Divergence = { message: string; details: Record<string, unknown> }

export type VerifyReport = {
  ok: boolean
  divergence?: Divergence
  counts: { entries: number; batches: number; tiles: number; checkpoints: number; cosignatures: number; receipts: number; pending: number }
  /** Observations that are not failures (e.g. cosignatures of witnesses no longer configured). */
  notes: string[]
}

export type VerifyOptions = {
  /** The log key this server is configured with; it must be the one recorded for the log. */
  verifierKey?: string
  /** Witness keys currently configured, to say which stored cosignatures they cover. */
  witnessKeys?: readonly string[]
  hasher?: MerkleHasher
  /** Progress callback, every batch page. */
  onProgress?: (entries: number) => void
}

class Diverged extends Error {
  constructor(readonly divergence: Divergence) {
    super(divergence.message)
  }
}

const fail = (message: string, details: Record<string, unknown> = {}): never => {
  throw new Diverged({ message, details })
}

/**
 * Audits the whole ledger from the database alone: re-reads every entry, checks each leaf against
 * its hash, recomputes the tree, every full tile, every batch's root and frontier, every stored
 * checkpoint's root and signature and every cosignature, the consistency between consecutive
 * checkpoints, the receipts, and that no committed leaf was left out. Stops at the first
 * divergence. Editing or deleting any ledger row (even with the triggers disabled) shows up here.
 *
 * @example
 * const report = await verifyLedger(db, { verifierKey: ledger.verifierKey })
 * if (!report.ok) console.error(report.divergence?.message)
 */
export async function verifyLedger(db: Kysely<DB>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const counts = { entries: 0, batches: 0, tiles: 0, checkpoints: 0, cosignatures: 0, receipts: 0, pending: 0 }
  const notes: string[] = []
  try {
    await run(db, options, counts, notes)
    return { ok: true, counts, notes }
  } catch (error) {
    if (error instanceof Diverged) return { ok: false, divergence: error.divergence, counts, notes }
    throw error
  }
}

async function run(db: Kysely<DB>, options: VerifyOptions, counts: VerifyReport['counts'], notes: string[]) {
  const hasher = options.hasher ?? nodeSha256Ed25519Profile.hasher
  const log = await findLog(db)
  const checkpoints = await db.selectFrom('ledger_checkpoint').selectAll().orderBy('size').execute()
  if (!log) {
    if (checkpoints.length > 0) fail('缺少日志参数（ledger_log）：已有检查点，却没有记录签名公钥')
    notes.push('日志尚未签名任何检查点。')
  }
  if (log && options.verifierKey && log.verifier_key !== options.verifierKey) {
    fail('数据库记录的日志公钥与本服务器配置的公钥不符', { recorded: log.verifier_key, configured: options.verifierKey })
  }
  let logVerifier: NoteVerifier | undefined
  if (log) {
    try {
      logVerifier = parseVerifierKey(log.verifier_key, [ed25519KeyType])
    } catch (error) {
      fail('数据库记录的日志公钥无效', { reason: messageOf(error) })
    }
    if (logVerifier?.name !== log.origin) fail('日志公钥名称与日志标识不符', { origin: log.origin, key: log.verifier_key })
  }
  const checkpointBySize = new Map(checkpoints.map((c) => [Number(c.size), c]))
  const configured = new Set(options.witnessKeys ?? [])

  // Checkpoints were signed in growing order: sizes must increase with time.
  const byTime = [...checkpoints].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.size - b.size)
  for (let i = 1; i < byTime.length; i++) {
    if (byTime[i].size <= byTime[i - 1].size) fail('检查点签名顺序与大小不一致（后签的检查点更小）', { size: byTime[i].size, after: byTime[i - 1].size })
  }

  const checked = new Set<number>()
  const checkCheckpoint = async (size: number, root: Uint8Array) => {
    const row = checkpointBySize.get(size)
    if (!row) return
    checked.add(size)
    if (!equalBytes(row.root, root)) fail(`大小为 ${size} 的检查点记录的树根与重新计算的不符`, { size })
    let opened
    try {
      opened = openCheckpoint(row.note, { logVerifier: logVerifier as NoteVerifier, origin: log?.origin })
    } catch (error) {
      fail(`大小为 ${size} 的检查点签名无效或格式不正确`, { size, reason: messageOf(error) })
    }
    if (opened?.checkpoint.size !== size || !equalBytes(opened.checkpoint.rootHash, root)) fail(`大小为 ${size} 的检查点签名文本与其大小或树根不符`, { size })
    counts.checkpoints++
    const text = parseNote(row.note).text
    const cosignatures = await db.selectFrom('ledger_cosignature').selectAll().where('size', '=', size).execute()
    for (const c of cosignatures) {
      let status: string
      try {
        const verifier = parseVerifierKey(c.witness_key, [cosignatureV1KeyType])
        status = checkNoteSignatures(parseNote(`${text}\n${c.line}\n`), [verifier])[0]?.status ?? 'unknown'
      } catch (error) {
        status = messageOf(error)
      }
      if (status !== 'valid') fail(`大小为 ${size} 的检查点上见证方联署无效`, { size, witness: c.witness_key, status })
      if (options.witnessKeys && !configured.has(c.witness_key)) notes.push(`检查点 ${size} 有当前未配置的见证方 ${c.witness_key} 的联署（有效）。`)
      counts.cosignatures++
    }
  }

  if (checkpointBySize.has(0)) await checkCheckpoint(0, hasher.emptyRoot())

  const range = new CompactRange(hasher)
  const tiles = new TileRebuilder(hasher.hashSize)
  const integratedIds: number[] = []
  let lastDoneSnapshot: string | null = null
  let cursor = -1
  for (;;) {
    const page = await sql<{
      first_index: number
      size: number
      leaf_ids: string[]
      root: Buffer
      frontier: Buffer
      snapshot_hi: string
      interval_done: boolean
    }>`SELECT first_index, size, leaf_ids, root, frontier, snapshot_hi, interval_done FROM ledger_batch
       WHERE first_index > ${cursor} ORDER BY first_index LIMIT 64`.execute(db)
    if (page.rows.length === 0) break
    for (const batch of page.rows) {
      cursor = batch.first_index
      counts.batches++
      if (batch.first_index !== range.size) fail(`日志条目不连续：第 ${range.size} 条之后的批次从第 ${batch.first_index} 条开始（有批次被删除或改动）`, { expected: range.size, found: batch.first_index })
      const ids = batch.leaf_ids.map(Number)
      if (batch.size !== batch.first_index + ids.length) fail(`批次 ${batch.first_index} 的条数与其记录的大小不符`, { firstIndex: batch.first_index })
      const { rows: leaves } = await sql<{ id: number; leaf: Buffer; leaf_hash: Buffer }>`
        SELECT id, leaf, leaf_hash FROM ledger_leaf WHERE id = ANY (${ids}::bigint[])`.execute(db)
      const byId = new Map(leaves.map((l) => [Number(l.id), l]))
      for (const [offset, id] of ids.entries()) {
        const index = batch.first_index + offset
        const leaf = byId.get(id)
        if (!leaf) fail(`序号 ${index} 的条目缺失：叶子 ${id} 不存在（被删除）`, { index, leafId: id })
        const hash = leafHashOf(leaf!.leaf)
        if (!equalBytes(hash, leaf!.leaf_hash)) fail(`序号 ${index} 的条目内容与其哈希不符（被修改）`, { index, leafId: id })
        range.append(hash, tiles.sink)
        integratedIds.push(id)
      }
      counts.entries = range.size
      if (!equalBytes(range.root(), batch.root)) fail(`第 ${batch.first_index}–${batch.size - 1} 条之后记录的树根与重新计算的不符`, { size: batch.size })
      const frontier = range.toFrontier().hashes
      const stored = splitHashes(batch.frontier, hasher.hashSize)
      if (stored.length !== frontier.length || frontier.some((h, i) => !equalBytes(h, stored[i]))) fail(`大小为 ${batch.size} 时记录的树前沿与重新计算的不符`, { size: batch.size })
      for (const tile of tiles.drain()) {
        const storedTile = await findTile(db, tile.level, tile.index)
        if (!storedTile) fail(`完整瓦片 ${tile.level}/${tile.index} 缺失`, tile)
        if (!equalBytes(storedTile!, tile.hashes)) fail(`瓦片 ${tile.level}/${tile.index} 与重新计算的不符（被修改）`, { level: tile.level, index: tile.index })
        counts.tiles++
      }
      if (batch.interval_done) lastDoneSnapshot = batch.snapshot_hi
      await checkCheckpoint(batch.size, range.root())
    }
    options.onProgress?.(range.size)
  }

  const size = range.size
  for (const c of checkpoints) {
    if (c.size > size) fail(`检查点大小 ${c.size} 超出日志的 ${size} 条`, { size: c.size })
  }
  const unchecked = checkpoints.find((c) => !checked.has(c.size))
  if (unchecked) fail(`大小为 ${unchecked.size} 的检查点不在任何批次的边界上，其树根无从核对`, { size: unchecked.size })
  const expectedTiles = tileLayout(size).reduce((n, level) => n + level.fullTiles, 0)
  const { n: storedTiles } = await db.selectFrom('ledger_tile').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  if (Number(storedTiles) !== expectedTiles) fail(`瓦片表有 ${storedTiles} 个完整瓦片，应为 ${expectedTiles} 个（有多余或缺失的瓦片）`)

  // Consecutive checkpoints, checked the way a witness checks them: a consistency proof from tiles.
  for (let i = 1; i < checkpoints.length; i++) {
    const a = checkpoints[i - 1]
    const b = checkpoints[i]
    if (a.size === 0) continue
    try {
      verifyConsistencyProof({ size1: a.size, size2: b.size, root1: a.root, root2: b.root, proof: await consistencyProof(db, a.size, b.size, {}, hasher) }, hasher)
    } catch (error) {
      fail(`检查点 ${a.size} 与 ${b.size} 之间的一致性证明不成立`, { from: a.size, to: b.size, reason: messageOf(error) })
    }
  }

  // Every leaf is in the log once; none committed before the last finished interval is missing.
  const sorted = Float64Array.from(integratedIds).sort()
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) fail(`叶子 ${sorted[i]} 在日志中出现了两次`, { leafId: sorted[i] })
  let position = 0
  let after = 0
  for (;;) {
    const { rows } = await sql<{ id: number; settled: boolean }>`
      SELECT id, ${lastDoneSnapshot === null ? sql`false` : sql`pg_visible_in_snapshot(xid, ${lastDoneSnapshot}::pg_snapshot)`} AS settled
      FROM ledger_leaf WHERE id > ${after} ORDER BY id LIMIT 10000`.execute(db)
    if (rows.length === 0) break
    for (const row of rows) {
      const id = Number(row.id)
      after = id
      while (position < sorted.length && sorted[position] < id) position++
      if (position < sorted.length && sorted[position] === id) continue
      if (row.settled) fail(`叶子 ${id} 已提交，却没有纳入日志`, { leafId: id })
      counts.pending++
    }
  }

  // Every leaf was written with its receipt: a leaf without one means a receipt was deleted.
  const { rows: orphans } = await sql<{ id: number }>`
    SELECT l.id FROM ledger_leaf l WHERE NOT EXISTS (SELECT 1 FROM ledger_receipt r WHERE r.leaf_id = l.id) ORDER BY l.id LIMIT 1`.execute(db)
  if (orphans.length > 0) fail(`叶子 ${orphans[0].id} 没有回执（回执被删除）`, { leafId: Number(orphans[0].id) })

  // Receipts point at their leaves and say what the leaves say.
  let afterHash: Buffer = Buffer.alloc(0)
  for (;;) {
    const { rows } = await sql<{ leaf_hash: Buffer; leaf_id: number; record_type: string; record_id: string; record_version: number; leaf: Buffer | null; stored_hash: Buffer | null }>`
      SELECT r.leaf_hash, r.leaf_id, r.record_type, r.record_id, r.record_version, l.leaf, l.leaf_hash AS stored_hash
      FROM ledger_receipt r LEFT JOIN ledger_leaf l ON l.id = r.leaf_id
      WHERE r.leaf_hash > ${afterHash} ORDER BY r.leaf_hash LIMIT 5000`.execute(db)
    if (rows.length === 0) break
    for (const r of rows) {
      afterHash = r.leaf_hash
      counts.receipts++
      if (!r.leaf || !r.stored_hash || !equalBytes(r.stored_hash, r.leaf_hash)) fail(`回执 ${r.leaf_hash.toString('hex')} 指向的叶子不存在或不符`, { leafId: r.leaf_id })
      let fields: { type?: string; id?: string; ver?: number }
      try {
        fields = JSON.parse(r.leaf!.toString('utf8')) as typeof fields
      } catch {
        fields = {}
      }
      const idMatches = fields.id === r.record_id || (r.record_id.length > 128 && fields.id?.startsWith('sha256:'))
      if (fields.type !== r.record_type || !idMatches || fields.ver !== r.record_version) {
        fail(`回执 ${r.leaf_hash.toString('hex')} 所记的记录与叶子内容不符`, { recordType: r.record_type, recordId: r.record_id })
      }
    }
  }
}

/** Rebuilds full tiles from the nodes a compact range emits, as the integrator stores them. */
class TileRebuilder {
  readonly #open = new Map<number, { index: number; hashes: Uint8Array; count: number }>()
  #done: Array<{ level: number; index: number; hashes: Uint8Array }> = []

  constructor(readonly hashSize: number) {}

  readonly sink = (level: number, index: number, hash: Uint8Array): void => {
    if (level % TILE_HEIGHT !== 0) return
    const tileLevel = level / TILE_HEIGHT
    const slot = index % TILE_WIDTH
    let open = this.#open.get(tileLevel)
    if (slot === 0 || !open) {
      open = { index: Math.floor(index / TILE_WIDTH), hashes: new Uint8Array(TILE_WIDTH * this.hashSize), count: 0 }
      this.#open.set(tileLevel, open)
    }
    open.hashes.set(hash, slot * this.hashSize)
    open.count = slot + 1
    if (open.count === TILE_WIDTH) {
      this.#done.push({ level: tileLevel, index: open.index, hashes: open.hashes })
      this.#open.delete(tileLevel)
    }
  }

  drain() {
    const done = this.#done
    this.#done = []
    return done
  }
}

function messageOf(error: unknown): string {
  if (isLedgerError(error)) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}
