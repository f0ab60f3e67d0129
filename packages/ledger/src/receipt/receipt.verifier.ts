import { parseCheckpoint, type Checkpoint } from '../checkpoint/checkpoint.codec'
import { COSIGNATURE_V1_TYPE_ID, parseCosignatureV1 } from '../cosignature/cosignature-v1.key-type'
import { encodeBase64, tryDecodeBase64 } from '../encoding/bytes.codec'
import { toLogIndex } from '../encoding/log-index.math'
import { LedgerError, type LedgerErrorCode } from '../ledger.error'
import { formatKeyId } from '../note/key-id.codec'
import { parseVerifierKey } from '../note/note-key.codec'
import type { NoteVerifier } from '../note/note-key.types'
import { parseNote, type Note } from '../note/signed-note.codec'
import { checkNoteSignatures, type NoteSignatureCheck } from '../note/signed-note.verifier'
import { sha256Ed25519Profile, type LogProfile } from '../profile/log.profile'
import { parseTlogProof } from '../proof-bundle/tlog-proof.codec'
import { verifyInclusionProof } from '../tree/merkle.verifier'

/**
 * What a public verification page knows about one record: the log's signed checkpoint, the pinned keys,
 * and the record's leaf hash, index and inclusion proof. Hashes may be bytes or standard base64 strings;
 * the index may be a number, bigint or decimal string (as it arrives from JSON or PostgreSQL).
 *
 * @example
 * import type { ReceiptInput } from '@yangguang/ledger'
 * const input: ReceiptInput = {
 *   checkpoint: 'zfjd.example.gov.cn/log/2026\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n\n— zfjd.example.gov.cn/log/2026 …\n',
 *   logKey: 'zfjd.example.gov.cn/log/2026+01234567+AT…',
 *   witnessKeys: ['witness.sfj.example.gov.cn+89abcdef+BA…'],
 *   leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
 *   index: 0,
 *   proof: [],
 * }
 */
export interface ReceiptInput {
  /** The signed checkpoint note, verbatim (log signature and witness cosignatures). */
  readonly checkpoint: string | Uint8Array
  /** The log's verifier key, pinned in the page (not taken from the server being checked). */
  readonly logKey: string
  /** Verifier keys of the witnesses the page trusts (cosignature/v1). */
  readonly witnessKeys?: readonly string[]
  /** How many of those witnesses must have cosigned; all of them by default. */
  readonly witnessThreshold?: number
  /** Expected checkpoint origin; the log key's name by default. */
  readonly origin?: string
  readonly leafHash: Uint8Array | string
  readonly index: number | bigint | string
  readonly proof: readonly (Uint8Array | string)[]
  /** The log's profile; SHA-256 + Ed25519 by default. */
  readonly profile?: LogProfile
}

/**
 * Stable codes of the statements a receipt verification makes. Each has a zh-CN and an English sentence in
 * `RECEIPT_FINDING_LABELS`.
 *
 * @example
 * import type { ReceiptFindingCode } from '@yangguang/ledger'
 * const alarming: ReceiptFindingCode[] = ['LOG_SIGNATURE_INVALID', 'WITNESS_SIGNATURE_INVALID', 'ORIGIN_MISMATCH']
 */
export type ReceiptFindingCode =
  | 'LOG_KEY_INVALID'
  | 'WITNESS_KEY_INVALID'
  | 'PROOF_BUNDLE_MALFORMED'
  | 'CHECKPOINT_MALFORMED'
  | 'LOG_SIGNATURE_VALID'
  | 'LOG_SIGNATURE_INVALID'
  | 'LOG_SIGNATURE_MISSING'
  | 'ORIGIN_MISMATCH'
  | 'WITNESS_COSIGNED'
  | 'WITNESS_SIGNATURE_INVALID'
  | 'WITNESS_MISSING'
  | 'WITNESS_QUORUM_MET'
  | 'WITNESS_QUORUM_NOT_MET'
  | 'INCLUSION_PROVEN'
  | 'INCLUSION_FAILED'
  | 'INCLUSION_NOT_CHECKED'
  | 'LEAF_CONTENT_NOT_CHECKED'

/**
 * One statement of a receipt verification, with the values its sentence needs.
 *
 * @example
 * import type { ReceiptFinding } from '@yangguang/ledger'
 * const finding: ReceiptFinding = { code: 'INCLUSION_PROVEN', params: { index: 17, size: 1000 } }
 */
export interface ReceiptFinding {
  readonly code: ReceiptFindingCode
  readonly params: Readonly<Record<string, string | number>>
}

/**
 * One trusted witness and whether it cosigned the checkpoint.
 *
 * @example
 * import type { WitnessResult } from '@yangguang/ledger'
 * const witness: WitnessResult = { name: 'witness.sfj.example.gov.cn', keyId: '89abcdef', status: 'cosigned', timestamp: 1790000000 }
 */
export interface WitnessResult {
  readonly name: string
  /** Key ID as 8 hex digits. */
  readonly keyId: string
  readonly status: 'cosigned' | 'invalid' | 'missing'
  /** POSIX seconds of the cosignature, when it is a valid cosignature/v1. */
  readonly timestamp?: number
}

/**
 * The outcome of {@link verifyReceipt}, in two forms: per-check fields for code, and `proven` / `notProven`
 * statements for people. `verified` is true only when everything a receipt needs holds: a valid log
 * signature on a well-formed checkpoint of the expected log, no invalid signature from a trusted key, the
 * witness quorum, and inclusion of the leaf.
 *
 * @example
 * import { describeReceiptFinding, type ReceiptVerification } from '@yangguang/ledger'
 * function render(result: ReceiptVerification): string[] {
 *   return [...result.proven, ...result.notProven].map((finding) => describeReceiptFinding(finding, 'zh-CN'))
 * }
 */
export interface ReceiptVerification {
  readonly verified: boolean
  /** The checkpoint as parsed (present even when its signature failed, to show what was claimed). */
  readonly checkpoint?: { readonly origin: string; readonly size: number; readonly rootHash: string; readonly extensions: readonly string[] }
  readonly logSignature: 'valid' | 'invalid' | 'missing' | 'not-checked'
  readonly witnesses: readonly WitnessResult[]
  readonly witnessQuorum: { readonly required: number; readonly cosigned: number; readonly met: boolean }
  readonly inclusion: 'proven' | 'failed' | 'not-checked'
  /** Statements that hold. */
  readonly proven: readonly ReceiptFinding[]
  /** Statements that failed, could not be checked, or are outside what this check can show. */
  readonly notProven: readonly ReceiptFinding[]
}

/**
 * Verifies a record's receipt for a public verification page, entirely client-side, and says plainly what
 * was proven and what was not. Never throws on malformed input — every problem becomes a finding; only a
 * bug would throw. Steps, as C2SP tlog-proof describes: check the checkpoint's log signature and origin,
 * check each trusted witness's cosignature and the quorum, then check the inclusion proof against the
 * signed root. It does not check that the leaf hash belongs to the document in hand — the caller must
 * recompute it from the record (reported as `LEAF_CONTENT_NOT_CHECKED`).
 *
 * @example
 * import { MemoryTree, describeReceiptFinding, formatCheckpoint, generateNoteKey, parseSignerKey, signNote, verifyReceipt } from '@yangguang/ledger'
 * // What the server publishes …
 * const origin = 'zfjd.example.gov.cn/log/2026'
 * const log = generateNoteKey(origin)
 * const tree = new MemoryTree()
 * const index = tree.append(new TextEncoder().encode('{"act":"立案","record":"LF-2026-0001"}'))
 * const body = formatCheckpoint({ origin, size: tree.size, rootHash: tree.root(), extensions: [] })
 * const checkpoint = await signNote(body, [parseSignerKey(log.signerKey)])
 * // … and what the page checks, with the log key pinned in the page.
 * const result = verifyReceipt({ checkpoint, logKey: log.verifierKey, leafHash: tree.leafHash(index), index, proof: tree.inclusionProof(index) })
 * console.log(result.verified) // true (no witnesses configured, so none required)
 * console.log(result.notProven.map((finding) => describeReceiptFinding(finding, 'zh-CN'))) // ['本核验只针对给定的记录哈希；…']
 */
export function verifyReceipt(input: ReceiptInput): ReceiptVerification {
  const profile = input.profile ?? sha256Ed25519Profile
  const proven: ReceiptFinding[] = []
  const notProven: ReceiptFinding[] = []
  const finish = (fields: Omit<ReceiptVerification, 'proven' | 'notProven'>): ReceiptVerification => {
    notProven.push({ code: 'LEAF_CONTENT_NOT_CHECKED', params: {} })
    return { ...fields, proven, notProven }
  }
  const noWitnesses = { witnesses: [], witnessQuorum: { required: input.witnessThreshold ?? input.witnessKeys?.length ?? 0, cosigned: 0, met: false } }

  let logVerifier: NoteVerifier
  try {
    logVerifier = parseVerifierKey(input.logKey, [profile.logKeyType])
  } catch (error) {
    notProven.push({ code: 'LOG_KEY_INVALID', params: reasonOf(error) })
    return finish({ verified: false, logSignature: 'not-checked', inclusion: 'not-checked', ...noWitnesses })
  }
  const witnessVerifiers = parseWitnessKeys(input.witnessKeys ?? [], logVerifier, profile, notProven)

  let note: Note
  try {
    note = parseNote(input.checkpoint)
  } catch (error) {
    notProven.push({ code: 'CHECKPOINT_MALFORMED', params: reasonOf(error) })
    return finish({ verified: false, logSignature: 'not-checked', inclusion: 'not-checked', ...noWitnesses })
  }
  const checks = checkNoteSignatures(note, [logVerifier, ...witnessVerifiers])
  const logSignature = signatureStatus(checks, logVerifier)
  const logKey = { keyName: logVerifier.name, keyId: formatKeyId(logVerifier.keyId) }
  if (logSignature === 'valid') proven.push({ code: 'LOG_SIGNATURE_VALID', params: logKey })
  if (logSignature === 'invalid') notProven.push({ code: 'LOG_SIGNATURE_INVALID', params: logKey })
  if (logSignature === 'missing') notProven.push({ code: 'LOG_SIGNATURE_MISSING', params: logKey })

  let checkpoint: Checkpoint | undefined
  try {
    checkpoint = parseCheckpoint(note.text, { hashSize: profile.hasher.hashSize })
  } catch (error) {
    notProven.push({ code: 'CHECKPOINT_MALFORMED', params: reasonOf(error) })
  }
  const expectedOrigin = input.origin ?? logVerifier.name
  const originOk = checkpoint !== undefined && checkpoint.origin === expectedOrigin
  if (checkpoint !== undefined && !originOk) notProven.push({ code: 'ORIGIN_MISMATCH', params: { origin: checkpoint.origin, expected: expectedOrigin } })

  const witnesses = witnessVerifiers.map((verifier) => witnessResult(verifier, checks))
  for (const witness of witnesses) {
    if (witness.status === 'cosigned') {
      const time = witness.timestamp === undefined ? '' : new Date(witness.timestamp * 1000).toISOString()
      proven.push({ code: 'WITNESS_COSIGNED', params: { name: witness.name, keyId: witness.keyId, time } })
    }
    if (witness.status === 'invalid') notProven.push({ code: 'WITNESS_SIGNATURE_INVALID', params: { name: witness.name, keyId: witness.keyId } })
    if (witness.status === 'missing') notProven.push({ code: 'WITNESS_MISSING', params: { name: witness.name, keyId: witness.keyId } })
  }
  const cosigned = witnesses.filter((witness) => witness.status === 'cosigned').length
  const required = input.witnessThreshold ?? (input.witnessKeys?.length ?? 0)
  const quorumMet = Number.isInteger(required) && required >= 0 && cosigned >= required
  if (required > 0 || !quorumMet) {
    const finding: ReceiptFinding = { code: quorumMet ? 'WITNESS_QUORUM_MET' : 'WITNESS_QUORUM_NOT_MET', params: { cosigned, required } }
    ;(quorumMet ? proven : notProven).push(finding)
  }

  let inclusion: ReceiptVerification['inclusion'] = 'not-checked'
  if (logSignature === 'valid' && checkpoint !== undefined && originOk) {
    const failure = checkInclusion(input, checkpoint, profile)
    inclusion = failure === undefined ? 'proven' : 'failed'
    if (failure === undefined) {
      proven.push({ code: 'INCLUSION_PROVEN', params: { index: toLogIndex(input.index), size: checkpoint.size, origin: checkpoint.origin } })
    } else {
      notProven.push({ code: 'INCLUSION_FAILED', params: failure })
    }
  } else {
    notProven.push({ code: 'INCLUSION_NOT_CHECKED', params: {} })
  }

  const anyInvalid = checks.some((check) => check.status === 'invalid')
  return finish({
    verified: logSignature === 'valid' && originOk && !anyInvalid && quorumMet && inclusion === 'proven',
    checkpoint:
      checkpoint === undefined
        ? undefined
        : { origin: checkpoint.origin, size: checkpoint.size, rootHash: encodeBase64(checkpoint.rootHash), extensions: checkpoint.extensions },
    logSignature,
    witnesses,
    witnessQuorum: { required, cosigned, met: quorumMet },
    inclusion,
  })
}

/**
 * {@link verifyReceipt} for a C2SP tlog-proof document (`.tlog-proof`), which carries the index, the
 * inclusion proof and the signed checkpoint; the leaf hash still comes from the caller (it is
 * application-specific). A malformed document yields a `PROOF_BUNDLE_MALFORMED` finding, not an exception.
 *
 * @example
 * import { MemoryTree, formatCheckpoint, formatTlogProof, generateNoteKey, parseSignerKey, signNote, verifyTlogProof } from '@yangguang/ledger'
 * const origin = 'zfjd.example.gov.cn/log/2026'
 * const log = generateNoteKey(origin)
 * const tree = new MemoryTree()
 * for (let i = 0; i < 5; i++) tree.append(new TextEncoder().encode(`record ${i}`))
 * const checkpoint = await signNote(formatCheckpoint({ origin, size: 5, rootHash: tree.root(), extensions: [] }), [parseSignerKey(log.signerKey)])
 * const document = formatTlogProof({ index: 3, proof: tree.inclusionProof(3), checkpoint }) // the downloadable .tlog-proof
 * const result = verifyTlogProof(document, { leafHash: tree.leafHash(3), logKey: log.verifierKey })
 * console.log(result.verified) // true
 */
export function verifyTlogProof(
  document: string,
  options: Omit<ReceiptInput, 'checkpoint' | 'index' | 'proof'>,
): ReceiptVerification {
  const profile = options.profile ?? sha256Ed25519Profile
  try {
    const bundle = parseTlogProof(document, { hashSize: profile.hasher.hashSize })
    return verifyReceipt({ ...options, checkpoint: bundle.checkpoint, index: bundle.index, proof: bundle.proof })
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error
    return {
      verified: false,
      logSignature: 'not-checked',
      witnesses: [],
      witnessQuorum: { required: options.witnessThreshold ?? options.witnessKeys?.length ?? 0, cosigned: 0, met: false },
      inclusion: 'not-checked',
      proven: [],
      notProven: [
        { code: 'PROOF_BUNDLE_MALFORMED', params: reasonOf(error) },
        { code: 'LEAF_CONTENT_NOT_CHECKED', params: {} },
      ],
    }
  }
}

function parseWitnessKeys(keys: readonly string[], logVerifier: NoteVerifier, profile: LogProfile, notProven: ReceiptFinding[]): NoteVerifier[] {
  const verifiers: NoteVerifier[] = []
  for (const key of keys) {
    try {
      const verifier = parseVerifierKey(key, [profile.witnessKeyType])
      // A duplicate or a witness entry equal to the log key would make signature lines ambiguous.
      const clash = [logVerifier, ...verifiers].some((other) => other.name === verifier.name && other.keyId === verifier.keyId)
      if (clash) throw new LedgerError('NOTE_AMBIGUOUS_KEY', 'witness key listed twice or equal to the log key')
      verifiers.push(verifier)
    } catch (error) {
      notProven.push({ code: 'WITNESS_KEY_INVALID', params: { key: key.slice(0, 80), ...reasonOf(error) } })
    }
  }
  return verifiers
}

function signatureStatus(checks: readonly NoteSignatureCheck[], verifier: NoteVerifier): 'valid' | 'invalid' | 'missing' {
  const mine = checks.filter((check) => check.verifier === verifier)
  if (mine.some((check) => check.status === 'invalid')) return 'invalid'
  return mine.length > 0 ? 'valid' : 'missing'
}

function witnessResult(verifier: NoteVerifier, checks: readonly NoteSignatureCheck[]): WitnessResult {
  const base = { name: verifier.name, keyId: formatKeyId(verifier.keyId) }
  const status = signatureStatus(checks, verifier)
  if (status !== 'valid') return { ...base, status }
  const line = checks.find((check) => check.verifier === verifier) as NoteSignatureCheck
  if (verifier.typeId.length !== 1 || verifier.typeId[0] !== COSIGNATURE_V1_TYPE_ID) return { ...base, status: 'cosigned' }
  return { ...base, status: 'cosigned', timestamp: parseCosignatureV1(line.signature.signature).timestamp }
}

function checkInclusion(input: ReceiptInput, checkpoint: Checkpoint, profile: LogProfile): Record<string, string> | undefined {
  try {
    const leafHash = toBytes(input.leafHash, 'leafHash')
    const proof = input.proof.map((hash, i) => toBytes(hash, `proof[${i}]`))
    const index = toLogIndex(input.index)
    verifyInclusionProof({ index, size: checkpoint.size, leafHash, proof, root: checkpoint.rootHash }, profile.hasher)
    return undefined
  } catch (error) {
    return reasonOf(error)
  }
}

function toBytes(value: Uint8Array | string, what: string): Uint8Array {
  if (typeof value !== 'string') return value
  const bytes = tryDecodeBase64(value)
  if (bytes === undefined) throw new LedgerError('BAD_ENCODING', `${what} is not base64`)
  return bytes
}

function reasonOf(error: unknown): { reason: LedgerErrorCode; message: string } {
  if (!(error instanceof LedgerError)) throw error
  return { reason: error.code, message: error.message }
}
