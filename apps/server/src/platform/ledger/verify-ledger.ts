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
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { readLastCheckpoint } from './checkpoint-log'
import { splitHashes } from './integrate-batch'
import { canonicalJsonOfParsed, contentDigestOfJson, type LeafFields, leafHashHex } from './ledger-leaf'
import type { WitnessEndpoint } from './ledger-runtime'
import { consistencyProof } from './ledger-tiles'
import { findLog } from './ledger.repository'
import {
  allCheckpoints,
  batchHeaders,
  cosignaturesBySize,
  countTiles,
  entryPage,
  firstAuditRowWithoutLeaf,
  firstReceiptWithoutLeaf,
  type LeafReceiptRow,
  leafOwnerTables,
  leavesWithReceipts,
  leafIdRange,
  tilesAt,
} from './verify-ledger.repository'

/** The first thing found that does not hold, in Chinese, with the coordinates to look at. */
export type Divergence = { message: string; details: Record<string, unknown> }

export type VerifyReport = {
  ok: boolean
  divergence?: Divergence
  counts: {
    entries: number
    batches: number
    tiles: number
    checkpoints: number
    cosignatures: number
    receipts: number
    pending: number
    /** Audit rows checked against their leaves. */
    auditRows: number
    /** Checkpoints from outside the database compared: the published file's last entry and witnesses'. */
    anchors: number
  }
  /** Observations that are not failures (e.g. cosignatures of witnesses no longer configured). */
  notes: string[]
}

export type VerifyOptions = {
  /** The log key this server is configured with; it must be the one recorded for the log. */
  verifierKey?: string
  /** Witness keys currently configured, to say which stored cosignatures they cover. */
  witnessKeys?: readonly string[]
  /**
   * The published-checkpoint file (`DATA_DIR/keys/checkpoints.log`): its last entry must be signed by
   * the log, and the log in the database at least that long and consistent with it.
   */
  checkpointLog?: string
  /** Witnesses to ask for the latest checkpoint they cosigned: the log must reach it too. */
  witnesses?: ReadonlyArray<Pick<WitnessEndpoint, 'name' | 'verifier' | 'latestCheckpoint'>>
  hasher?: MerkleHasher
  /** Progress callback, every page of entries. */
  onProgress?: (entries: number) => void
}

/**
 * Acts of writers that put a record's own content on the ledger without an audit row: bulk imports
 * and the demo seed. Any other leaf must be named by an audit row or by a document that keeps its
 * leaf hash — the act is inside the signed leaf, so a deleted row cannot be passed off as one of these.
 */
export const UNAUDITED_ACTS: readonly RegExp[] = [/\.seed$/, /\.import(\.|$)/]

class Diverged extends Error {
  constructor(readonly divergence: Divergence) {
    super(divergence.message)
  }
}

const fail = (message: string, details: Record<string, unknown> = {}): never => {
  throw new Diverged({ message, details })
}

/** Entries read per statement; tiles and checkpoints of a page are checked with one statement each. */
const ENTRY_PAGE = 16_384
const BATCH_PAGE = 2_000
const LEAF_WINDOW = 10_000

/**
 * Audits the whole ledger: recomputes the tree from the entries' leaf hashes, every full tile,
 * every batch's root and frontier, every stored checkpoint's root and signature and every
 * cosignature; then reads every leaf once, in id order with its receipts and audit rows, and
 * recomputes its hash from its content (so every hash the tree was built from rests on a leaf, and
 * no hash is taken from the database unchecked), the receipts against their leaves, every audit row
 * against its leaf (the digest recomputed from the row and the receipt's salt), every leaf against a
 * row that names it, and that no committed leaf was left out. Then what lives outside the database:
 * the last entry of the published-checkpoint file and each witness's latest cosigned checkpoint,
 * which the log must still reach with the same root — so a log cut back together with its
 * checkpoints is caught. Linear: a fixed number of statements per page of entries or window of leaf
 * ids. Stops at the first divergence.
 *
 * @example
 * const report = await verifyLedger(db, { verifierKey: ledger.verifierKey, checkpointLog: ledger.checkpointLog, witnesses: ledger.witnesses })
 * if (!report.ok) console.error(report.divergence?.message)
 */
export async function verifyLedger(db: Kysely<DB>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const counts = { entries: 0, batches: 0, tiles: 0, checkpoints: 0, cosignatures: 0, receipts: 0, pending: 0, auditRows: 0, anchors: 0 }
  const notes: string[] = []
  try {
    await run(db, options, counts, notes)
    return { ok: true, counts, notes }
  } catch (error) {
    if (error instanceof Diverged) return { ok: false, divergence: error.divergence, counts, notes }
    throw error
  }
}

/** A tree head the log must still reach: from outside the database, so deleting rows cannot hide it. */
type Anchor = { size: number; root: Uint8Array; source: string }

async function run(db: Kysely<DB>, options: VerifyOptions, counts: VerifyReport['counts'], notes: string[]) {
  const hasher = options.hasher ?? nodeSha256Ed25519Profile.hasher
  const log = await findLog(db)
  const checkpoints = await allCheckpoints(db)
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
  } else if (options.verifierKey) {
    // The log row itself may be what was deleted: the configured key still checks what outsiders hold.
    logVerifier = parseVerifierKey(options.verifierKey, [ed25519KeyType])
  }
  const anchors = await collectAnchors(options, logVerifier, notes)
  counts.anchors = anchors.length
  const checkpointBySize = new Map(checkpoints.map((c) => [c.size, c]))
  const cosignatures = await cosignaturesBySize(db)
  const configured = new Set(options.witnessKeys ?? [])

  // Checkpoints were signed in growing order: sizes must increase with time.
  const byTime = [...checkpoints].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.size - b.size)
  for (let i = 1; i < byTime.length; i++) {
    if (byTime[i].size <= byTime[i - 1].size) fail('检查点签名顺序与大小不一致（后签的检查点更小）', { size: byTime[i].size, after: byTime[i - 1].size })
  }

  const checked = new Set<number>()
  const checkCheckpoint = (size: number, root: Uint8Array) => {
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
    for (const c of cosignatures.get(size) ?? []) {
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
  for (const size of cosignatures.keys()) {
    if (!checkpointBySize.has(size)) fail(`大小为 ${size} 的联署没有对应的检查点（检查点被删除）`, { size })
  }

  // Anchors are compared when the recomputed tree reaches their size, in size order.
  const pendingAnchors = [...anchors].sort((a, b) => a.size - b.size)
  let nextAnchor = 0
  const range = new CompactRange(hasher)
  const checkAnchors = () => {
    while (nextAnchor < pendingAnchors.length && pendingAnchors[nextAnchor].size === range.size) {
      const anchor = pendingAnchors[nextAnchor++]
      if (!equalBytes(range.root(), anchor.root)) fail(`日志与${anchor.source}大小为 ${anchor.size} 的检查点不一致（树根不同：日志被改写或分叉）`, { size: anchor.size })
    }
  }
  checkAnchors()
  if (checkpointBySize.has(0)) checkCheckpoint(0, hasher.emptyRoot())

  const hashSize = hasher.hashSize
  const tiles = new TileRebuilder(hashSize)
  const integratedIds: number[] = []
  let lastDoneSnapshot: string | null = null
  let afterBatch = -1
  for (;;) {
    const headers = await batchHeaders(db, afterBatch, BATCH_PAGE)
    if (headers.length === 0) break
    afterBatch = headers[headers.length - 1].first_index
    let expected = range.size
    for (const batch of headers) {
      if (batch.first_index !== expected) fail(`日志条目不连续：第 ${expected} 条之后的批次从第 ${batch.first_index} 条开始（有批次被删除或改动）`, { expected, found: batch.first_index })
      expected = batch.size
    }
    let b = 0
    const pageAt = (start: number) => prefetched(entryPage(db, start, Math.min(expected, start + ENTRY_PAGE)))
    let nextPage = pageAt(range.size)
    for (let start = range.size; start < expected; ) {
      const end = Math.min(expected, start + ENTRY_PAGE)
      const page = await nextPage
      // The database reads the next page while this one is hashed here.
      if (end < expected) nextPage = pageAt(end)
      if (page.count !== end - start) fail(`批次 ${headers[b]?.first_index ?? start} 的条数与其记录的大小不符`, { firstIndex: headers[b]?.first_index ?? start })
      for (let index = start, i = 0; index < end; index++, i++) {
        const leafId = page.leafIds.readUInt32BE(8 * i) * 2 ** 32 + page.leafIds.readUInt32BE(8 * i + 4)
        if (index === page.firstMissing) fail(`序号 ${index} 的条目缺失：叶子 ${leafId} 不存在（被删除）`, { index, leafId })
        // The stored hash stands in for the leaf here; the leaf pass recomputes it from the leaf.
        range.append(page.leafHashes.subarray(hashSize * i, hashSize * (i + 1)), tiles.sink)
        integratedIds.push(leafId)
        checkAnchors()
        // Batch ends inside this page: root, frontier and checkpoint at exactly that size.
        while (b < headers.length && headers[b].size === range.size) {
          const batch = headers[b++]
          counts.batches++
          if (!equalBytes(range.root(), batch.root)) fail(`第 ${batch.first_index}–${batch.size - 1} 条之后记录的树根与重新计算的不符`, { size: batch.size })
          const frontier = range.toFrontier().hashes
          const stored = splitHashes(batch.frontier, hashSize)
          if (stored.length !== frontier.length || frontier.some((h, i) => !equalBytes(h, stored[i]))) fail(`大小为 ${batch.size} 时记录的树前沿与重新计算的不符`, { size: batch.size })
          if (batch.interval_done) lastDoneSnapshot = batch.snapshot_hi
          checkCheckpoint(batch.size, range.root())
        }
      }
      counts.entries = range.size
      const done = tiles.drain()
      const stored = await tilesAt(db, done)
      for (const tile of done) {
        const storedTile = stored.get(`${tile.level}/${tile.index}`)
        if (!storedTile) fail(`完整瓦片 ${tile.level}/${tile.index} 缺失`, { level: tile.level, index: tile.index })
        if (!equalBytes(storedTile!, tile.hashes)) fail(`瓦片 ${tile.level}/${tile.index} 与重新计算的不符（被修改）`, { level: tile.level, index: tile.index })
        counts.tiles++
      }
      options.onProgress?.(range.size)
      start = end
    }
  }

  const size = range.size
  // Truncation: something outside the database holds a longer log than the database now has.
  const beyond = pendingAnchors.filter((a) => a.size > size).sort((a, b) => b.size - a.size)[0]
  if (beyond) fail(`日志被截断：${beyond.source}大小为 ${beyond.size} 的检查点，数据库中的日志只有 ${size} 条`, { size: beyond.size, entries: size })
  for (const c of checkpoints) {
    if (c.size > size) fail(`检查点大小 ${c.size} 超出日志的 ${size} 条`, { size: c.size })
  }
  const unchecked = checkpoints.find((c) => !checked.has(c.size))
  if (unchecked) fail(`大小为 ${unchecked.size} 的检查点不在任何批次的边界上，其树根无从核对`, { size: unchecked.size })
  const expectedTiles = tileLayout(size).reduce((n, level) => n + level.fullTiles, 0)
  const storedTiles = await countTiles(db)
  if (storedTiles !== expectedTiles) fail(`瓦片表有 ${storedTiles} 个完整瓦片，应为 ${expectedTiles} 个（有多余或缺失的瓦片）`)

  // Every root above was recomputed from the leaves, so the checkpoints are consistent with each
  // other and with the anchors; proofs served from the tiles are checked too, as a witness checks
  // them: from the oldest checkpoint and from each anchor to the newest checkpoint.
  const newest = checkpoints[checkpoints.length - 1]
  const oldest = checkpoints.find((c) => c.size > 0)
  const proofFrom: Array<{ size: number; root: Uint8Array }> = [...(oldest ? [oldest] : []), ...anchors.filter((a) => a.size > 0)]
  for (const from of proofFrom) {
    if (!newest || from.size >= newest.size) continue
    try {
      verifyConsistencyProof({ size1: from.size, size2: newest.size, root1: from.root, root2: newest.root, proof: await consistencyProof(db, from.size, newest.size, {}, hasher) }, hasher)
    } catch (error) {
      fail(`检查点 ${from.size} 与 ${newest.size} 之间的一致性证明不成立`, { from: from.size, to: newest.size, reason: messageOf(error) })
    }
  }

  // Every leaf is in the log once.
  const sorted = Float64Array.from(integratedIds).sort()
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) fail(`叶子 ${sorted[i]} 在日志中出现了两次`, { leafId: sorted[i] })
  await checkLeavesAndReceipts(db, { integratedIds, sorted, lastDoneSnapshot }, counts)

  // Every audit row names a leaf that exists: a row without one was inserted behind the ledger's back.
  const stray = await firstAuditRowWithoutLeaf(db)
  if (stray) fail(`审计日志第 ${stray.id} 条（${stray.action} ${stray.entity_type} ${stray.entity_id}）没有对应的存证叶子（被插入，或其叶子被删除）`, { auditId: stray.id })
}

/** What the tree pass leaves for the leaf pass: the log's leaf ids, in log order and sorted. */
type LogLeaves = { integratedIds: readonly number[]; sorted: Float64Array; lastDoneSnapshot: string | null }

/**
 * Every leaf, once, in id order: its content against the stored hash the tree was built from (so
 * every tree hash rests on a leaf hash recomputed here); a leaf outside the log must not have been
 * committed before the last finished interval; every leaf has a receipt that says what the leaf
 * says; an audit row's leaf commits to the row (digest recomputed from the row and the receipt's
 * salt, act, record and instant compared); and a leaf that no row names, outside the bulk writers'
 * acts, is a deleted audit row.
 */
async function checkLeavesAndReceipts(db: Kysely<DB>, log: LogLeaves, counts: VerifyReport['counts']) {
  const owners = await leafOwnerTables(db)
  const ids = await leafIdRange(db)
  const windowAt = (from: number) => prefetched(leavesWithReceipts(db, { from, to: from + LEAF_WINDOW }, owners, log.lastDoneSnapshot))
  let position = 0
  let previousLeaf: number | undefined
  let next = windowAt(ids.first)
  for (let from = ids.first; from <= ids.last; from += LEAF_WINDOW) {
    const rows = await next
    // The database reads the next window while this one is checked here.
    if (from + LEAF_WINDOW <= ids.last) next = windowAt(from + LEAF_WINDOW)
    for (const r of rows) {
      if (r.id !== previousLeaf) {
        previousLeaf = r.id
        checkLeaf(r, log)
        while (position < log.sorted.length && log.sorted[position] < r.id) position++
        if (position >= log.sorted.length || log.sorted[position] !== r.id) {
          if (r.settled) fail(`叶子 ${r.id} 已提交，却没有纳入日志`, { leafId: r.id })
          counts.pending++
        }
      }
      if (r.receipt_matches === null) fail(`叶子 ${r.id} 没有回执（回执被删除）`, { leafId: r.id })
      counts.receipts++
      if (!r.receipt_matches) fail(`叶子 ${r.id} 的回执所记的叶子哈希与叶子不符`, { leafId: r.id })
      checkReceipt(r, counts)
    }
  }
  // Every receipt names a leaf that exists.
  const stray = await firstReceiptWithoutLeaf(db)
  if (stray) fail(`回执 ${stray.leaf_hash.toString('hex')} 指向的叶子不存在或不符`, { leafId: stray.leaf_id })
}

/**
 * A receipt against its leaf (record and version); then the audit row that names it, or a document
 * row, or a bulk writer's act — else the leaf stands for a deleted audit row.
 */
function checkReceipt(r: LeafReceiptRow, counts: VerifyReport['counts']) {
  let fields: Partial<LeafFields>
  try {
    fields = JSON.parse(r.leaf.toString()) as Partial<LeafFields>
  } catch {
    fields = {}
  }
  const recordId = r.record_id as string
  const idMatches = fields.id === recordId || (recordId.length > 128 && fields.id === longIdOf(recordId))
  if (fields.type !== r.record_type || !idMatches || fields.ver !== r.record_version) {
    fail(`回执 ${r.leaf_hash} 所记的记录与叶子内容不符`, { recordType: r.record_type, recordId })
  }
  if (r.audit_id !== null) {
    checkAuditRow(r, fields)
    counts.auditRows++
    return
  }
  if (r.owned || UNAUDITED_ACTS.some((act) => act.test(fields.act ?? ''))) return
  fail(`存证叶子 ${r.id}（${fields.act} ${r.record_type} ${recordId}，${fields.at}）没有对应的审计日志或文书（记录被删除）`, {
    leafId: r.id,
    leafHash: r.leaf_hash,
    act: fields.act,
    recordType: r.record_type,
    recordId,
  })
}

/** A leaf's content against its stored hash, which is what the tree and the receipts were checked with. */
function checkLeaf(r: LeafReceiptRow, log: LogLeaves) {
  if (leafHashHex(r.leaf) === r.leaf_hash) return
  // Only on a divergence: where the leaf sits in the log, to name the entry.
  const index = log.integratedIds.indexOf(r.id)
  if (index >= 0) fail(`序号 ${index} 的条目内容与其哈希不符（被修改）`, { index, leafId: r.id })
  fail(`叶子 ${r.id} 的内容与其哈希不符（被修改）`, { leafId: r.id })
}

/** The audit row against its leaf: what the leaf states, and the digest over the row's content. */
function checkAuditRow(r: LeafReceiptRow, leaf: Partial<LeafFields>) {
  const id = r.audit_id as number
  const where = { auditId: id, leafId: r.id }
  if (leaf.act !== r.action || !r.same_record) fail(`审计日志第 ${id} 条的操作或对象与其存证叶子不符（被修改）`, where)
  if (r.at === null || leaf.at !== new Date(r.at).toISOString()) fail(`审计日志第 ${id} 条的时间与其存证叶子不符（被修改）`, where)
  const actor = leaf.actor ?? ''
  const actorMatches = actor.startsWith('acct:') ? r.actor_id === actor.slice(5) : actor.startsWith('cert:') || r.actor_id === null
  if (!actorMatches) fail(`审计日志第 ${id} 条的操作人与其存证叶子不符（被修改）`, where)
  let content: string
  try {
    content = auditContentJson(r)
  } catch {
    return fail(`审计日志第 ${id} 条的内容无法读取（被修改）`, where)
  }
  if (contentDigestOfJson(r.salt as Buffer, content) !== leaf.digest) fail(`审计日志第 ${id} 条的内容与其存证摘要不符（被修改）`, where)
}

/**
 * The canonical JSON of `auditContent(row)` — what recordAudit's digest commits to — written out with
 * its members in sorted order rather than built as an object and sorted, once per audit row.
 * `auditContentJson` and `canonicalJson(auditContent(…))` are compared in the tests.
 */
export function auditContentJson(r: Pick<LeafReceiptRow, 'action' | 'record_type' | 'record_id' | 'org_id' | 'summary' | 'before' | 'after'>): string {
  const s = JSON.stringify
  const before = r.before === null ? 'null' : canonicalJsonOfParsed(JSON.parse(r.before))
  const after = r.after === null ? 'null' : canonicalJsonOfParsed(JSON.parse(r.after))
  return `{"action":${s(r.action)},"after":${after},"before":${before},"entityId":${s(r.record_id)},"entityType":${s(r.record_type)},"orgId":${s(r.org_id)},"summary":${s(r.summary)}}`
}

/**
 * The last entry of the published-checkpoint file and each witness's latest cosigned checkpoint,
 * each checked for the log's signature (and the witness's cosignature) before it counts.
 */
async function collectAnchors(options: VerifyOptions, logVerifier: NoteVerifier | undefined, notes: string[]): Promise<Anchor[]> {
  const anchors: Anchor[] = []
  const origin = logVerifier?.name
  if (options.checkpointLog) {
    const last = readLastCheckpoint(options.checkpointLog)
    if (!last) notes.push(`已发布检查点记录文件 ${options.checkpointLog} 不存在或为空，未能据其核对日志长度。`)
    else if (!logVerifier) notes.push('没有日志公钥，无法核对已发布检查点记录文件。')
    else {
      let opened
      try {
        opened = openCheckpoint(last.note, { logVerifier })
      } catch (error) {
        fail('已发布检查点记录文件的最后一条签名无效或格式不正确', { file: options.checkpointLog, reason: messageOf(error) })
      }
      if (opened!.checkpoint.size !== last.size) fail('已发布检查点记录文件的最后一条大小与其签名文本不符', { file: options.checkpointLog })
      anchors.push({ size: opened!.checkpoint.size, root: opened!.checkpoint.rootHash, source: '已发布检查点记录文件记有' })
    }
  }
  for (const witness of options.witnesses ?? []) {
    if (!logVerifier || !origin) break
    let note: string | undefined
    try {
      note = await witness.latestCheckpoint(origin)
    } catch (error) {
      notes.push(`无法向见证方 ${witness.name} 查询其最新联署的检查点：${messageOf(error)}`)
      continue
    }
    if (!note) {
      notes.push(`见证方 ${witness.name} 尚未联署本日志的检查点。`)
      continue
    }
    let opened
    try {
      opened = openCheckpoint(note, { logVerifier })
    } catch (error) {
      fail(`见证方 ${witness.name} 最新联署的检查点没有本日志的有效签名`, { witness: witness.name, reason: messageOf(error) })
    }
    const cosigned = checkNoteSignatures(parseNote(note), [witness.verifier]).some((c) => c.status === 'valid')
    if (!cosigned) fail(`见证方 ${witness.name} 返回的检查点没有其有效联署`, { witness: witness.name })
    anchors.push({ size: opened!.checkpoint.size, root: opened!.checkpoint.rootHash, source: `见证方 ${witness.name} 已联署` })
  }
  return anchors
}

/**
 * A read started ahead of its use. If verify stops at a divergence first, nobody awaits it; a
 * failure of that read must not surface as an unhandled rejection (it still throws where awaited).
 */
function prefetched<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined)
  return read
}

function longIdOf(recordId: string): string {
  return `sha256:${createHash('sha256').update(recordId).digest('hex')}`
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
