import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { isIsoDate, type IsoDate } from './calendar-date'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'
import { reviewFileKinds, type ReviewFileKind } from './review-scoring'

/**
 * 案卷评查抽样 — a reproducible random draw of case files that nobody can steer.
 *
 * The three steps, and why each matters:
 * 1. **Freeze the pool.** The eligible files (closed in the batch's period, of its kinds, from its units) are
 *    written as one canonical text ({@link canonicalPool}) and its SHA-256 ({@link poolDigest}) is logged on the
 *    ledger *before* anybody knows the seed. After that nobody can add or remove a file unnoticed.
 * 2. **Take the seed from the future.** The seed is a value nobody could know at freezing time — the server uses
 *    the root hash of the first ledger checkpoint signed after the freeze. Since the pool is fixed first, the
 *    bureau cannot pick a seed that favours or spares a unit's files.
 * 3. **Publish pool, seed and algorithm.** {@link drawSample} is deterministic; anyone with the published pool
 *    text and seed re-runs it (here, or in a dozen lines of any language — {@link reviewDrawAlgorithm} describes
 *    it in Chinese for the portal) and gets the same files; {@link verifyDraw} does the comparison.
 *
 * Limit, stated honestly: the checkpoint root is computed by the platform's own log, so an operator willing to
 * tamper could delay or reorder leaves before that checkpoint and try many roots ("grinding"). Witness
 * cosignatures and the published leaf order make such games visible after the fact but do not rule them out.
 * Where that matters, derive the seed as SHA-256(checkpoint root ‖ an external public value fixed after the
 * freeze, e.g. a public randomness beacon); this module takes any seed of at least 16 bytes.
 */

/** One eligible case file in a review pool (an archived penalty case or a licensing file). */
export type PoolFile = {
  /** Stable identifier of the file (the case id); unique in the pool. */
  id: string
  /** The unit (执法单位) that handled it; the draw is made per unit. */
  unitId: string
  kind: ReviewFileKind
  /** 结案/办结 date, 'YYYY-MM-DD'. Part of the frozen record, not of the ranking. */
  closedOn: IsoDate
}

/** How many files to draw: one number for every unit, or a number per unit id (units not listed get 0). */
export type DrawOptions = { perUnit: number | Readonly<Record<string, number>> }

/** A pool file with its place in its unit's ranking. */
export type RankedFile = PoolFile & {
  /** 1-based position in the unit's ranking (1 = smallest hash). */
  rank: number
  /** Lower-case hex SHA-256(seed ‖ 0x00 ‖ UTF-8(id)) — the ranking key anyone can recompute. */
  hash: string
  selected: boolean
}

/** The draw for one unit: every file of the unit ranked, the first `drawn` of them selected. */
export type UnitDraw = {
  unitId: string
  poolSize: number
  /** The sample size asked for this unit. */
  requested: number
  /** min(requested, poolSize). */
  drawn: number
  ranking: RankedFile[]
}

/** The full, publishable result of a draw. */
export type DrawResult = {
  algorithm: typeof reviewDrawAlgorithm.id
  poolDigest: string
  /** The seed as lower-case hex. */
  seed: string
  /** Units in canonical order (by UTF-8 bytes of the unit id). */
  units: UnitDraw[]
  /** The selected files, unit by unit in canonical order, each unit's by rank. */
  selected: RankedFile[]
}

/** What someone claims the draw selected; `rank` and `hash` are checked when given. */
export type ClaimedDraw = {
  poolDigest?: string
  selected: ReadonlyArray<{ id: string; rank?: number; hash?: string }>
}

/** The first point where a claimed draw departs from the recomputed one. */
export type DrawDifference = {
  field: 'poolDigest' | 'selected' | 'rank' | 'hash'
  fileId: string | null
  expected: string | null
  claimed: string | null
  /** Chinese explanation, fit for the portal. */
  messageZh: string
}

export type DrawVerification = { valid: true; recomputed: DrawResult } | { valid: false; difference: DrawDifference; recomputed: DrawResult }

/**
 * The algorithm's identifier (written into every result and into the pool text's first line) and its
 * description in Chinese, published on the portal next to each batch's pool, seed and result.
 */
export const reviewDrawAlgorithm = {
  id: 'yangguang-review-draw/v1',
  poolHeader: 'yangguang-review-pool/v1',
  descriptionZh: [
    '一、冻结案卷池：符合条件的案卷每卷一行，格式为“案卷编号<TAB>单位编号<TAB>案卷类别<TAB>结案日期”，' +
      '案卷类别为 penalty（行政处罚）或 license（行政许可），日期为 YYYY-MM-DD；各行按 UTF-8 字节序升序排列，' +
      '首行为 yangguang-review-pool/v1，每行（含首行）以换行符（0x0A）结尾。全文 UTF-8 编码后的 SHA-256 即“案卷池摘要”，' +
      '在取得随机种子之前记入存证账本。',
    '二、取得种子：种子为案卷池冻结之后签署的第一个存证检查点的根哈希（32 字节，十六进制书写），冻结时任何人都无法预知。',
    '三、逐单位排序：对每一卷计算 SHA-256(种子字节 ‖ 0x00 ‖ 案卷编号的 UTF-8 字节)，同一单位内按该哈希值从小到大排序' +
      '（按字节比较，等同于十六进制小写字符串比较）；哈希相同（实际上不会发生）时按案卷编号的 UTF-8 字节序。',
    '四、抽取：每个单位取排序最前的 k 卷（k 为该单位的抽样数；不足 k 卷的全部抽取，k 为 0 的不抽取）。',
    '五、复核：任何人取得公布的案卷池全文和种子，按上述步骤重算，应得到完全相同的案卷、名次和哈希值。',
  ].join('\n'),
} as const

/**
 * Writes the pool as canonical text: the header line `yangguang-review-pool/v1`, then one line per file
 * `id TAB unitId TAB kind TAB closedOn`, lines sorted ascending by their UTF-8 bytes, every line (the header too)
 * ending in LF. Input order does not matter. Throws InvalidArgumentError for a duplicate id, an empty field, a
 * field containing a control character (TAB, LF …), an unknown kind or a malformed date — a pool that could
 * not be written unambiguously must not be frozen.
 *
 * @example
 * ```ts
 * canonicalPool([
 *   { id: 'case-2', unitId: 'LF-ZJJ', kind: 'penalty', closedOn: '2026-03-02' },
 *   { id: 'case-1', unitId: 'LF-ZJJ', kind: 'license', closedOn: '2026-02-11' },
 * ])
 * // 'yangguang-review-pool/v1\ncase-1\tLF-ZJJ\tlicense\t2026-02-11\ncase-2\tLF-ZJJ\tpenalty\t2026-03-02\n'
 * ```
 */
export function canonicalPool(files: readonly PoolFile[]): string {
  const seen = new Set<string>()
  const lines = files.map((file) => {
    assertPoolFile(file)
    if (seen.has(file.id)) throw new InvalidArgumentError('duplicate_file_id', `File id ${describeValue(file.id)} appears twice in the pool`)
    seen.add(file.id)
    return `${file.id}\t${file.unitId}\t${file.kind}\t${file.closedOn}`
  })
  lines.sort(compareUtf8)
  return `${reviewDrawAlgorithm.poolHeader}\n${lines.map((line) => `${line}\n`).join('')}`
}

/**
 * Reads a published canonical pool text back into files. Throws InvalidArgumentError when the text is not
 * exactly what {@link canonicalPool} writes (wrong header, unsorted lines, missing final LF …), so a verifier
 * never accepts a pool text that hashes differently from the frozen one.
 *
 * @example
 * ```ts
 * parseCanonicalPool('yangguang-review-pool/v1\ncase-1\tLF-ZJJ\tpenalty\t2026-02-11\n')
 * // [{ id: 'case-1', unitId: 'LF-ZJJ', kind: 'penalty', closedOn: '2026-02-11' }]
 * ```
 */
export function parseCanonicalPool(text: string): PoolFile[] {
  if (typeof text !== 'string' || !text.startsWith(`${reviewDrawAlgorithm.poolHeader}\n`)) {
    throw new InvalidArgumentError('invalid_pool_text', `Pool text must start with the line ${reviewDrawAlgorithm.poolHeader}`)
  }
  const body = text.slice(reviewDrawAlgorithm.poolHeader.length + 1)
  if (body !== '' && !body.endsWith('\n')) throw new InvalidArgumentError('invalid_pool_text', 'Every pool line must end with LF')
  const files = body === '' ? [] : body.slice(0, -1).split('\n').map((line, index) => {
    const fields = line.split('\t')
    if (fields.length !== 4) throw new InvalidArgumentError('invalid_pool_text', `Pool line ${index + 2} must have 4 TAB-separated fields`)
    const [id, unitId, kind, closedOn] = fields as [string, string, string, string]
    return { id, unitId, kind: kind as ReviewFileKind, closedOn }
  })
  if (canonicalPool(files) !== text) throw new InvalidArgumentError('invalid_pool_text', 'Pool text is not in canonical form (lines must be sorted by UTF-8 bytes)')
  return files
}

/**
 * Lower-case hex SHA-256 of the canonical pool text (UTF-8). Pass the files, or a published pool text (which is
 * checked to be canonical first). Changing, adding or removing any file changes the digest.
 *
 * @example
 * ```ts
 * poolDigest([{ id: 'case-1', unitId: 'LF-ZJJ', kind: 'penalty', closedOn: '2026-02-11' }]) // 64 hex digits
 * poolDigest(canonicalPool(files)) === poolDigest(files) // true
 * ```
 */
export function poolDigest(pool: readonly PoolFile[] | string): string {
  const text = typeof pool === 'string' ? canonicalPool(parseCanonicalPool(pool)) : canonicalPool(pool)
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/**
 * Draws the sample. For each unit in the pool: rank its files by their key, lower-case hex SHA-256(seed bytes ‖ 0x00
 * ‖ UTF-8(id)), ascending (byte order, equal to comparing the lower-case hex; ties — which SHA-256 makes practically
 * impossible — by the id's UTF-8 bytes) and
 * select the first k, where k is `perUnit` (a number for every unit, or the unit's entry in a record; a unit
 * absent from the record gets 0). A unit with fewer than k files gives all of them. Deterministic: no
 * Math.random, no clock, and the input order of the files does not matter. The seed is hex (case-insensitive)
 * of at least 16 bytes; the server passes the 32-byte root hash of the first checkpoint signed after the freeze.
 *
 * Every file of the pool comes back ranked (with its hash), so the published result can be checked line by line.
 *
 * @example
 * ```ts
 * const result = drawSample(files, checkpointRootHex, { perUnit: { 'LF-ZJJ': 3, 'JS-ZF': 2 } })
 * result.selected.map((file) => file.id) // the 5 files to review, the same for anyone who re-runs it
 * ```
 */
export function drawSample(pool: readonly PoolFile[], seedHex: string, options: DrawOptions): DrawResult {
  const digest = poolDigest(pool)
  const seed = normaliseSeed(seedHex)
  const seedBytes = hexToBytes(seed)
  const byUnit = new Map<string, PoolFile[]>()
  for (const file of pool) {
    const files = byUnit.get(file.unitId)
    if (files) files.push(file)
    else byUnit.set(file.unitId, [file])
  }
  const units = [...byUnit.keys()].sort(compareUtf8).map((unitId): UnitDraw => {
    const files = byUnit.get(unitId) ?? []
    const requested = sampleSize(options, unitId)
    const drawn = Math.min(requested, files.length)
    const ranking = files
      .map((file) => ({ file, hash: keyOf(seedBytes, file.id) }))
      .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : compareUtf8(a.file.id, b.file.id)))
      .map(({ file, hash }, index): RankedFile => ({ id: file.id, unitId: file.unitId, kind: file.kind, closedOn: file.closedOn, rank: index + 1, hash, selected: index < drawn }))
    return { unitId, poolSize: files.length, requested, drawn, ranking }
  })
  return {
    algorithm: reviewDrawAlgorithm.id,
    poolDigest: digest,
    seed,
    units,
    selected: units.flatMap((unit) => unit.ranking.filter((file) => file.selected)),
  }
}

/**
 * Re-runs the draw and compares it with a claimed result: the pool digest (when claimed), then each recomputed
 * selected file in order — present in the claim, with the same rank and hash when those are claimed — then any
 * claimed file the draw did not select. Returns the first difference, or `valid: true`. Both answers carry the
 * recomputed draw.
 *
 * @example
 * ```ts
 * const check = verifyDraw(files, seed, { perUnit: 3 }, { poolDigest: published.poolDigest, selected: published.selected })
 * if (!check.valid) console.log(check.difference.messageZh) // e.g. '案卷 case-7 未被抽中，但公布结果中列有该卷'
 * ```
 */
export function verifyDraw(pool: readonly PoolFile[], seedHex: string, options: DrawOptions, claimed: ClaimedDraw): DrawVerification {
  const recomputed = drawSample(pool, seedHex, options)
  const fail = (difference: DrawDifference): DrawVerification => ({ valid: false, difference, recomputed })
  if (claimed.poolDigest !== undefined && claimed.poolDigest.toLowerCase() !== recomputed.poolDigest) {
    return fail({
      field: 'poolDigest',
      fileId: null,
      expected: recomputed.poolDigest,
      claimed: claimed.poolDigest,
      messageZh: '案卷池摘要与重算结果不一致：公布的案卷池不是冻结时的案卷池',
    })
  }
  const claimedById = new Map(claimed.selected.map((file) => [file.id, file]))
  for (const file of recomputed.selected) {
    const claim = claimedById.get(file.id)
    if (!claim) {
      return fail({ field: 'selected', fileId: file.id, expected: file.id, claimed: null, messageZh: `案卷 ${file.id} 应被抽中，但公布结果中没有该卷` })
    }
    if (claim.rank !== undefined && claim.rank !== file.rank) {
      return fail({ field: 'rank', fileId: file.id, expected: String(file.rank), claimed: String(claim.rank), messageZh: `案卷 ${file.id} 的名次应为第 ${file.rank} 名，公布结果为第 ${claim.rank} 名` })
    }
    if (claim.hash !== undefined && claim.hash.toLowerCase() !== file.hash) {
      return fail({ field: 'hash', fileId: file.id, expected: file.hash, claimed: claim.hash, messageZh: `案卷 ${file.id} 的排序哈希与重算结果不一致` })
    }
  }
  const expectedIds = new Set(recomputed.selected.map((file) => file.id))
  const extra = claimed.selected.find((file) => !expectedIds.has(file.id))
  if (extra) {
    return fail({ field: 'selected', fileId: extra.id, expected: null, claimed: extra.id, messageZh: `案卷 ${extra.id} 未被抽中，但公布结果中列有该卷` })
  }
  return { valid: true, recomputed }
}

const SEPARATOR = new Uint8Array([0])
const MIN_SEED_BYTES = 16
const encoder = new TextEncoder()

function normaliseSeed(seedHex: string): string {
  if (typeof seedHex !== 'string' || !/^(?:[0-9a-fA-F]{2})+$/.test(seedHex) || seedHex.length < MIN_SEED_BYTES * 2) {
    throw new InvalidArgumentError('invalid_seed', `The seed must be hex of at least ${MIN_SEED_BYTES} bytes, got ${describeValue(seedHex)}`)
  }
  return seedHex.toLowerCase()
}

// The 0x00 separator keeps the seed and the id apart (ids are text and never contain NUL).
function keyOf(seed: Uint8Array, fileId: string): string {
  return bytesToHex(sha256(concatBytes(seed, SEPARATOR, utf8ToBytes(fileId))))
}

function sampleSize(options: DrawOptions, unitId: string): number {
  const { perUnit } = options
  const size = typeof perUnit === 'number' ? perUnit : Object.hasOwn(perUnit, unitId) ? perUnit[unitId] : 0
  if (!Number.isSafeInteger(size) || (size as number) < 0) {
    throw new InvalidArgumentError('invalid_sample_size', `Sample size for unit ${describeValue(unitId)} must be a whole number ≥ 0, got ${describeValue(size)}`)
  }
  return size as number
}

function assertPoolFile(file: PoolFile): void {
  if (typeof file !== 'object' || file === null) throw new InvalidArgumentError('invalid_pool_file', `Expected a pool file, got ${describeValue(file)}`)
  for (const field of ['id', 'unitId'] as const) {
    const value = file[field]
    // Control characters (TAB and LF above all) would make the canonical text ambiguous.
    if (typeof value !== 'string' || value === '' || /[\u0000-\u001f\u007f]/.test(value)) {
      throw new InvalidArgumentError('invalid_pool_file', `Pool file ${field} must be non-empty text without control characters, got ${describeValue(value)}`)
    }
  }
  if (!(reviewFileKinds as readonly string[]).includes(file.kind)) {
    throw new InvalidArgumentError('invalid_pool_file', `Pool file kind must be one of ${reviewFileKinds.join(', ')}, got ${describeValue(file.kind)}`)
  }
  if (!isIsoDate(file.closedOn)) throw new InvalidArgumentError('invalid_pool_file', `Pool file closedOn must be 'YYYY-MM-DD', got ${describeValue(file.closedOn)}`)
}

/** Compares two strings by their UTF-8 bytes (JS `<` compares UTF-16 code units, which differs above U+FFFF). */
function compareUtf8(a: string, b: string): number {
  const x = encoder.encode(a)
  const y = encoder.encode(b)
  const length = Math.min(x.length, y.length)
  for (let i = 0; i < length; i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number)
  }
  return x.length - y.length
}
