import type { LedgerErrorCode } from '../ledger.error'
import type { ReceiptFinding, ReceiptFindingCode } from './receipt.verifier'

/**
 * Languages the labels are written in; zh-CN first, as everything user-facing in Yangguang.
 *
 * @example
 * import type { LabelLocale } from '@yangguang/ledger'
 * const locale: LabelLocale = 'zh-CN'
 */
export type LabelLocale = 'zh-CN' | 'en'

type Labels<K extends string> = { readonly [code in K]: { readonly 'zh-CN': string; readonly en: string } }

/**
 * The one table of sentences for receipt findings. `{name}` placeholders are filled from the finding's
 * params by {@link describeReceiptFinding}.
 *
 * @example
 * import { RECEIPT_FINDING_LABELS } from '@yangguang/ledger'
 * RECEIPT_FINDING_LABELS.INCLUSION_PROVEN['zh-CN']
 */
export const RECEIPT_FINDING_LABELS: Labels<ReceiptFindingCode> = {
  LOG_KEY_INVALID: {
    'zh-CN': '本页配置的日志公钥无效（{message}），无法核验。',
    en: 'The log key configured for this page is invalid ({message}); nothing could be verified.',
  },
  WITNESS_KEY_INVALID: {
    'zh-CN': '本页配置的一个见证方公钥无效（{message}），已忽略。',
    en: 'A witness key configured for this page is invalid ({message}) and was ignored.',
  },
  PROOF_BUNDLE_MALFORMED: {
    'zh-CN': '存证证明文件格式不正确（{message}），无法核验。',
    en: 'The proof file is malformed ({message}); nothing could be verified.',
  },
  CHECKPOINT_MALFORMED: {
    'zh-CN': '检查点（签名树头）格式不正确（{message}）。',
    en: 'The checkpoint (signed tree head) is malformed ({message}).',
  },
  LOG_SIGNATURE_VALID: {
    'zh-CN': '检查点由日志密钥 {keyName}（{keyId}）签名，签名有效。',
    en: 'The checkpoint is signed by the log key {keyName} ({keyId}); the signature is valid.',
  },
  LOG_SIGNATURE_INVALID: {
    'zh-CN': '检查点上日志密钥 {keyName}（{keyId}）的签名无效：内容可能被篡改。',
    en: 'The signature of the log key {keyName} ({keyId}) on the checkpoint is invalid: the content may have been altered.',
  },
  LOG_SIGNATURE_MISSING: {
    'zh-CN': '检查点上没有日志密钥 {keyName}（{keyId}）的签名。',
    en: 'The checkpoint carries no signature by the log key {keyName} ({keyId}).',
  },
  ORIGIN_MISMATCH: {
    'zh-CN': '检查点属于日志 {origin}，而不是应核验的日志 {expected}。',
    en: 'The checkpoint belongs to log {origin}, not to the expected log {expected}.',
  },
  WITNESS_COSIGNED: {
    'zh-CN': '见证方 {name} 于 {time} 联署：当时它所见该日志一致的最新树头即此检查点。',
    en: 'Witness {name} cosigned at {time}: it then saw this checkpoint as the log’s latest consistent tree head.',
  },
  WITNESS_SIGNATURE_INVALID: {
    'zh-CN': '见证方 {name} 的联署签名无效。',
    en: 'The cosignature of witness {name} is invalid.',
  },
  WITNESS_MISSING: {
    'zh-CN': '见证方 {name} 未联署此检查点。',
    en: 'Witness {name} has not cosigned this checkpoint.',
  },
  WITNESS_QUORUM_MET: {
    'zh-CN': '{cosigned} 个见证方联署，达到要求的 {required} 个。见证方只联署与其所见历史一致的树头，日志若要向您展示另一套历史，须这些见证方同谋。',
    en: '{cosigned} witnesses cosigned, meeting the required {required}. Witnesses only cosign tree heads consistent with what they have seen, so showing you a different history would need these witnesses to collude.',
  },
  WITNESS_QUORUM_NOT_MET: {
    'zh-CN': '只有 {cosigned} 个见证方联署，未达到要求的 {required} 个：无法排除日志向他人展示了不同的历史。',
    en: 'Only {cosigned} witnesses cosigned, fewer than the required {required}: the log may have shown others a different history.',
  },
  INCLUSION_PROVEN: {
    'zh-CN': '该记录是日志 {origin} 的第 {index} 条（从 0 起计），已包含在共 {size} 条的已签名树中。',
    en: 'The record is entry {index} (counting from 0) of log {origin}, included in the signed tree of {size} entries.',
  },
  INCLUSION_FAILED: {
    'zh-CN': '包含证明未通过（{message}）：不能证明该记录在日志中。',
    en: 'The inclusion proof failed ({message}): the record is not shown to be in the log.',
  },
  INCLUSION_NOT_CHECKED: {
    'zh-CN': '检查点未通过核验，因此未核验包含证明。',
    en: 'The checkpoint was not authenticated, so the inclusion proof was not checked.',
  },
  LEAF_CONTENT_NOT_CHECKED: {
    'zh-CN': '本核验只针对给定的记录哈希；它是否对应您手中的文书，须另行比对（重新计算哈希或核对文书字段）。',
    en: 'This check covers the given record hash only; whether it matches the document in hand must be checked separately (recompute the hash or compare its fields).',
  },
}

/**
 * zh-CN and English descriptions of every {@link LedgerErrorCode}, for callers that show library errors.
 *
 * @example
 * import { LEDGER_ERROR_LABELS } from '@yangguang/ledger'
 * LEDGER_ERROR_LABELS.PROOF_MISMATCH['zh-CN'] // '证明与树根不符'
 */
export const LEDGER_ERROR_LABELS: Labels<LedgerErrorCode> = {
  OUT_OF_RANGE: { 'zh-CN': '序号或大小超出范围', en: 'index or size out of range' },
  BAD_HASH_SIZE: { 'zh-CN': '哈希长度不正确', en: 'hash of the wrong length' },
  PROOF_WRONG_LENGTH: { 'zh-CN': '证明中的哈希个数不正确', en: 'proof has the wrong number of hashes' },
  PROOF_MISMATCH: { 'zh-CN': '证明与树根不符', en: 'proof does not match the root' },
  BAD_ENCODING: { 'zh-CN': '编码不正确', en: 'bad encoding' },
  NOTE_MALFORMED: { 'zh-CN': '签名文本格式不正确', en: 'malformed signed note' },
  NOTE_TOO_MANY_SIGNATURES: { 'zh-CN': '签名文本中的签名过多', en: 'too many signatures on the note' },
  NOTE_INVALID_SIGNATURE: { 'zh-CN': '已知密钥的签名无效', en: 'invalid signature from a known key' },
  NOTE_UNVERIFIED: { 'zh-CN': '没有已知密钥的签名', en: 'no signature from a known key' },
  NOTE_AMBIGUOUS_KEY: { 'zh-CN': '密钥名称与编号重复，无法区分', en: 'ambiguous key name and ID' },
  KEY_MALFORMED: { 'zh-CN': '密钥格式不正确', en: 'malformed key' },
  KEY_ID_MISMATCH: { 'zh-CN': '密钥编号与密钥不符', en: 'key ID does not match the key' },
  KEY_UNSUPPORTED_TYPE: { 'zh-CN': '不支持的签名算法', en: 'unsupported signature type' },
  CHECKPOINT_MALFORMED: { 'zh-CN': '检查点格式不正确', en: 'malformed checkpoint' },
  CHECKPOINT_ORIGIN_MISMATCH: { 'zh-CN': '检查点不属于该日志', en: 'checkpoint is for another log' },
  COSIGNATURE_MALFORMED: { 'zh-CN': '联署签名格式不正确', en: 'malformed cosignature' },
  TILE_MALFORMED: { 'zh-CN': '瓦片数据格式不正确', en: 'malformed tile' },
  TLOG_PROOF_MALFORMED: { 'zh-CN': '存证证明文件格式不正确', en: 'malformed proof file' },
  SIGNER_FAILED: { 'zh-CN': '签名失败', en: 'signing failed' },
}

/**
 * A finding as one sentence in the given language. A failure's `{message}` is rendered from the error code
 * in the same language (the English library message is kept in the params for logs).
 *
 * @example
 * import { describeReceiptFinding } from '@yangguang/ledger'
 * describeReceiptFinding({ code: 'WITNESS_MISSING', params: { name: 'witness.sfj.example.gov.cn' } }, 'zh-CN')
 * // '见证方 witness.sfj.example.gov.cn 未联署此检查点。'
 */
export function describeReceiptFinding(finding: ReceiptFinding, locale: LabelLocale = 'zh-CN'): string {
  const reason = finding.params.reason
  const params: Record<string, string | number> = { ...finding.params }
  if (typeof reason === 'string' && reason in LEDGER_ERROR_LABELS) params.message = LEDGER_ERROR_LABELS[reason as LedgerErrorCode][locale]
  return RECEIPT_FINDING_LABELS[finding.code][locale].replace(/\{(\w+)\}/g, (placeholder, key: string) => String(params[key] ?? placeholder))
}
