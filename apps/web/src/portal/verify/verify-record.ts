import { decodeReceiptCode, type ReceiptCode } from '@yangguang/core'
import {
  decodeHex,
  describeReceiptFinding,
  encodeHex,
  parseCheckpoint,
  parseNote,
  type ReceiptVerification,
  sha256,
  sha256Ed25519Profile,
  verifyReceipt,
} from '@yangguang/ledger'
import { api, ApiError } from '../../shared/api'

/** The log's public parameters, as /api/ledger/log publishes them. */
export type LedgerLog = {
  origin: string
  profile: string
  logKey: string
  witnesses: Array<{ name: string; key: string; url: string | null }>
  quorum: number
  integratedSize: number
  publishedSize: number | null
}

/** One line of the report: what was checked and whether it holds. */
export type Check = { label: string; ok: boolean | null; detail: string }

/** The outcome the page shows: a verdict, the checks, and the library's own findings. */
export type VerifyOutcome = {
  verdict: 'verified' | 'failed' | 'pending' | 'unknown'
  headline: string
  checks: Check[]
  proven: string[]
  notProven: string[]
  leaf?: Record<string, unknown>
  index: number | null
  leafHash: string
  log?: LedgerLog
  checkpointSize?: number
}

/**
 * Reads a receipt from what a person has: a compact code (`1.<index>.<hash>.<salt>`), the whole
 * verification address of a QR code, or a bare 64-digit leaf hash. Null when it is none of these.
 */
export function readReceipt(text: string): ReceiptCode | null {
  const trimmed = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return { index: null, leafHash: trimmed.toLowerCase(), salt: null }
  let code = trimmed
  try {
    const url = new URL(trimmed)
    code = url.searchParams.get('r') ?? ''
  } catch {
    // not an address: a code as typed
  }
  return decodeReceiptCode(code)
}

/**
 * Verifies a record in the browser: fetches the log's keys, the published checkpoint, the leaf and
 * its inclusion proof from the API, and checks them here — the checkpoint signature against the log
 * key, the witnesses' cosignatures against their keys, the inclusion proof against the signed root,
 * the leaf against its hash, and, given the original file and the salt, the content digest. The
 * server is only a messenger: every yes below is computed on this device.
 */
export async function verifyRecord(receipt: ReceiptCode, original?: File): Promise<VerifyOutcome> {
  const leafHash = receipt.leafHash.toLowerCase()
  const checks: Check[] = []
  const base = { leafHash, checks, proven: [] as string[], notProven: [] as string[] }
  const log = await api.get<LedgerLog>('/api/ledger/log')

  type Status = { status: 'pending' | 'integrated'; index: number | null; leaf: string }
  let status: Status | null = null
  try {
    status = await api.get<Status>(`/api/ledger/receipts/${leafHash}`)
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error
  }
  if (status?.status === 'pending') {
    return { ...base, verdict: 'pending', headline: '已登记，尚未纳入日志', index: null, log, leaf: parseLeaf(status.leaf) }
  }
  const index = receipt.index ?? status?.index ?? null
  if (index === null) {
    return {
      ...base,
      verdict: 'unknown',
      headline: '未找到该记录',
      index: null,
      log,
      checks: [{ label: '记录登记', ok: false, detail: '日志中没有这个记录哈希。请核对回执是否完整、是否抄错。' }],
    }
  }
  if (status && status.index !== index) {
    checks.push({ label: '回执序号', ok: false, detail: `回执上的序号 ${index} 与日志中该记录的序号 ${status.index} 不一致。` })
  }

  let checkpoint: string
  try {
    checkpoint = await fetchText('/api/ledger/checkpoint')
  } catch {
    return { ...base, verdict: 'pending', headline: '日志尚无已发布的检查点', index, log }
  }
  const size = checkpointSize(checkpoint)
  if (size !== null && index >= size) {
    return { ...base, verdict: 'pending', headline: '已纳入日志，尚未进入已发布的检查点', index, log, checkpointSize: size }
  }

  let proof: string[] = []
  try {
    proof = (await api.get<{ proof: string[] }>('/api/ledger/proof/inclusion', { index, size: size ?? undefined })).proof
  } catch (error) {
    checks.push({ label: '包含证明', ok: false, detail: error instanceof ApiError ? error.message : '无法取得包含证明' })
  }

  const result: ReceiptVerification = verifyReceipt({
    checkpoint,
    logKey: log.logKey,
    witnessKeys: log.witnesses.map((w) => w.key),
    witnessThreshold: log.quorum,
    leafHash: decodeHex(leafHash),
    index,
    proof: proof.map((h) => decodeHex(h)),
    profile: sha256Ed25519Profile,
  })

  checks.unshift(
    {
      label: '日志签名',
      ok: result.logSignature === 'valid',
      detail: result.logSignature === 'valid' ? `签名有效（日志 ${log.origin}）` : result.logSignature === 'invalid' ? '签名无效：检查点可能被篡改' : '检查点上没有日志的有效签名',
    },
    {
      label: '见证方联署',
      ok: log.quorum === 0 ? null : result.witnessQuorum.met,
      detail:
        log.quorum === 0
          ? '本日志未配置见证方：无法排除日志向不同的人展示不同的历史'
          : `${result.witnessQuorum.cosigned}/${log.witnesses.length} 个见证方联署（要求 ${result.witnessQuorum.required} 个）${result.witnesses
              .filter((w) => w.status === 'cosigned')
              .map((w) => `：${w.name}`)
              .join('')}`,
    },
    {
      label: '包含证明',
      ok: result.inclusion === 'proven',
      detail:
        result.inclusion === 'proven'
          ? `成立：该记录是第 ${index} 条，包含在共 ${result.checkpoint?.size} 条的已签名日志中`
          : result.inclusion === 'failed'
            ? '不成立：该记录哈希不在日志的这个位置'
            : '未核验（检查点未通过）',
    },
  )

  // The leaf itself: its hash is recomputed here, so the page shows what was really logged.
  let leafText = status?.leaf
  if (!leafText) {
    try {
      leafText = (await api.get<{ leaf: string }>(`/api/ledger/entries/${index}`)).leaf
    } catch {
      leafText = undefined
    }
  }
  let leaf: Record<string, unknown> | undefined
  if (leafText !== undefined) {
    const bytes = new TextEncoder().encode(leafText)
    const matches = encodeHex(sha256Ed25519Profile.hasher.hashLeaf(bytes)) === leafHash
    checks.push({ label: '记录内容', ok: matches, detail: matches ? '叶子内容与记录哈希相符' : '日志中该位置的叶子与回执的记录哈希不符' })
    if (matches) leaf = parseLeaf(leafText)
  }

  if (original) {
    const digest = typeof leaf?.digest === 'string' ? leaf.digest : null
    if (!receipt.salt) checks.push({ label: '原件', ok: null, detail: '回执中没有盐值，无法核对原件（盐值由记录持有人保管）' })
    else if (!digest) checks.push({ label: '原件', ok: null, detail: '无法取得叶子中的内容摘要' })
    else {
      const computed = await saltedDigest(decodeHex(receipt.salt), new Uint8Array(await original.arrayBuffer()))
      checks.push({
        label: '原件',
        ok: computed === digest,
        detail: computed === digest ? `文件“${original.name}”与登记的内容摘要一致（在本机计算，未上传）` : `文件“${original.name}”与登记的内容摘要不一致：不是登记的原件，或已被修改`,
      })
    }
  }

  const allHold = result.verified && checks.every((c) => c.ok !== false)
  return {
    ...base,
    verdict: allHold ? 'verified' : 'failed',
    headline: allHold ? '核验通过' : '核验未通过',
    proven: result.proven.map((f) => describeReceiptFinding(f, 'zh-CN')),
    notProven: result.notProven.map((f) => describeReceiptFinding(f, 'zh-CN')),
    leaf,
    index,
    log,
    checkpointSize: result.checkpoint?.size,
  }
}

/** hex SHA-256(salt ‖ content): WebCrypto where the page is a secure context, else the library's SHA-256. */
async function saltedDigest(salt: Uint8Array, content: Uint8Array): Promise<string> {
  const input = new Uint8Array(salt.length + content.length)
  input.set(salt)
  input.set(content, salt.length)
  if (globalThis.crypto?.subtle) return encodeHex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)))
  return encodeHex(sha256.digest(input))
}

function checkpointSize(note: string): number | null {
  try {
    return parseCheckpoint(parseNote(note).text).size
  } catch {
    return null
  }
}

function parseLeaf(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { cache: 'no-store' })
  if (!res.ok) throw new ApiError(res.status, 'HTTP_ERROR', `请求失败（${res.status}）`)
  return res.text()
}

// ── Documents (文书): the QR code carries `?d=<verify id>.<salt, base64url>` ─────────────────────────

/** What a document's QR code carries: its public verification id and the private salt of its digest. */
export type DocumentCode = { verifyId: string; salt: string }

/** The public facts of an issued document, as `/api/public/documents/:verifyId` gives them. */
export type PublicDocument = {
  kind: string
  kindLabel: string
  title: string
  number: string | null
  organ: string
  issuedOn: string
  leafHash: string
  leaf: string | null
  ledger: { status: 'pending' | 'integrated'; index: number | null; publishedSize: number | null; inPublishedCheckpoint: boolean }
}

/**
 * Reads a document code: `<16 base32>.<salt base64url>`, or a whole verification address with `d=`.
 * The salt comes back as hex (what {@link verifyRecord} takes). Null when it is neither.
 *
 * @example
 * readDocumentCode('https://zf.example.gov.cn/verify?d=abcdefghijklmnop.AAECAwQFBgcICQoLDA0ODw')
 * // { verifyId: 'abcdefghijklmnop', salt: '000102030405060708090a0b0c0d0e0f' }
 */
export function readDocumentCode(text: string): DocumentCode | null {
  let code = text.trim()
  try {
    code = new URL(code).searchParams.get('d') ?? ''
  } catch {
    // a code as typed
  }
  const match = /^([a-z2-7]{16})\.([A-Za-z0-9_-]{22})$/.exec(code)
  if (!match) return null
  const salt = base64UrlToBytes(match[2])
  if (!salt || salt.length !== 16) return null
  return { verifyId: match[1], salt: encodeHex(salt) }
}

/** The short form for the address bar: `<verify id>.<salt base64url>`. */
export function encodeDocumentCode(code: DocumentCode): string {
  return `${code.verifyId}.${bytesToBase64Url(decodeHex(code.salt))}`
}

/** Fetches the public facts of a document by its verification id. */
export function fetchPublicDocument(verifyId: string): Promise<PublicDocument> {
  return api.get<PublicDocument>(`/api/public/documents/${verifyId}`)
}

/**
 * Verifies a document: its leaf in the signed, witnessed log (as for any receipt) and, given the PDF,
 * that SHA-256(salt ‖ file) computed on this device equals the digest in the leaf.
 */
export function verifyDocument(doc: PublicDocument, code: DocumentCode, file?: File): Promise<VerifyOutcome> {
  return verifyRecord({ index: doc.ledger.index, leafHash: doc.leafHash, salt: code.salt }, file)
}

function base64UrlToBytes(text: string): Uint8Array | null {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
    return Uint8Array.from(binary, (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

function bytesToBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Compares a file with the document's registered digest, on this device: the leaf must hash to the
 * document's leaf hash, and SHA-256(salt ‖ file) must equal the leaf's `digest`. Works before the leaf
 * reaches a signed checkpoint (the log checks then say so separately).
 */
export async function checkDocumentFile(doc: PublicDocument, code: DocumentCode, file: File): Promise<Check> {
  if (!doc.leaf) return { label: '文件比对', ok: null, detail: '暂时取不到该文书的存证叶子，请稍后再试' }
  const leafBytes = new TextEncoder().encode(doc.leaf)
  if (encodeHex(sha256Ed25519Profile.hasher.hashLeaf(leafBytes)) !== doc.leafHash.toLowerCase()) {
    return { label: '文件比对', ok: false, detail: '服务器给出的存证叶子与记录哈希不符' }
  }
  const digest = parseLeaf(doc.leaf)?.digest
  if (typeof digest !== 'string') return { label: '文件比对', ok: null, detail: '存证叶子中没有内容摘要' }
  const computed = await saltedDigest(decodeHex(code.salt), new Uint8Array(await file.arrayBuffer()))
  return computed === digest
    ? { label: '文件比对', ok: true, detail: `文件“${file.name}”与登记的文书一致（摘要在本机计算，文件未上传）` }
    : { label: '文件比对', ok: false, detail: `文件“${file.name}”与登记的文书不一致：不是签发的原件，或已被修改` }
}
