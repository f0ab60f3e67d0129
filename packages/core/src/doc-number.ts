import { InvalidArgumentError, describeValue } from './invalid-argument-error'

/**
 * 文号 (发文字号) — document numbers such as 禄住建罚决字〔2026〕第12号.
 *
 * GB/T 9704-2012《党政机关公文格式》7.2.5 (发文字号): "年份、发文顺序号用阿拉伯数字
 * 标注；年份应标全称，用六角括号'〔〕'括入；发文顺序号不加'第'字，不编虚位（即1不编为
 * 01），在阿拉伯数字后加'号'字。" So: 〔〕 (U+3014/U+3015), never [] 【】 () （）,
 * four-digit year, no leading zeros.
 *
 * 执法文书 (决定书, 告知书…) are not 公文 in the GB/T 9704 sense, and their
 * sector templates commonly write 第N号; this module therefore writes 第 by
 * default and `withDi: false` produces the strict GB/T 9704 form.
 */

export interface DocNumberParts {
  /** 机关代字, e.g. '禄住建'. */
  prefix: string
  /** 文书类别代字, e.g. '罚决字'; may be '' (禄政发 is all prefix). */
  kind: string
  /** Full year, e.g. 2026. */
  year: number
  /** 发文顺序号, from 1. */
  seq: number
}

export interface FormatDocNumberOptions {
  /** Write 第 before the sequence number; default true. False gives the GB/T 9704 公文 form. */
  withDi?: boolean
}

/**
 * Formats a 文号; throws InvalidArgumentError for a blank prefix, a prefix
 * containing brackets, digits or spaces, a year outside 1000–9999 or a
 * sequence number below 1.
 *
 * @example
 * ```ts
 * formatDocNumber({ prefix: '禄住建', kind: '罚决字', year: 2026, seq: 12 })                      // '禄住建罚决字〔2026〕第12号'
 * formatDocNumber({ prefix: '禄政', kind: '发', year: 2026, seq: 3 }, { withDi: false })          // '禄政发〔2026〕3号'
 * ```
 */
export function formatDocNumber(parts: DocNumberParts, options: FormatDocNumberOptions = {}): string {
  if (typeof parts !== 'object' || parts === null) {
    throw new InvalidArgumentError('invalid_doc_number_parts', `Expected { prefix, kind, year, seq }, got ${describeValue(parts)}`)
  }
  const { prefix, kind, year, seq } = parts
  if (typeof prefix !== 'string' || prefix.trim() === '' || !isCodeText(prefix)) {
    throw new InvalidArgumentError('invalid_prefix', `prefix must be non-empty text without brackets, digits or spaces, got ${describeValue(prefix)}`)
  }
  if (typeof kind !== 'string' || (kind !== '' && !isCodeText(kind))) {
    throw new InvalidArgumentError('invalid_kind', `kind must be text without brackets, digits or spaces, got ${describeValue(kind)}`)
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidArgumentError('invalid_year', `year must be a full four-digit year, got ${describeValue(year)}`)
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new InvalidArgumentError('invalid_sequence', `seq must be an integer from 1, got ${describeValue(seq)}`)
  }
  const di = (options.withDi ?? true) ? '第' : ''
  return `${prefix}${kind}〔${year}〕${di}${seq}号`
}

/** Deviations from GB/T 9704 that the parser tolerates but reports. */
export type DocNumberIssue = 'non_standard_brackets' | 'leading_zeros' | 'whitespace'

/** Why a 文号 could not be parsed. */
export const docNumberFailureReasons = ['not_a_string', 'empty', 'year_not_full', 'invalid_sequence', 'invalid_format'] as const
export type DocNumberFailureReason = (typeof docNumberFailureReasons)[number]

/** User-facing messages for each failure reason (candidates for `labels.ts`). */
export const docNumberFailureMessages = {
  not_a_string: '文号应为文本',
  empty: '请填写文号',
  year_not_full: '文号中的年份应写全称（四位数字）',
  invalid_sequence: '文号中的顺序号应从1开始',
  invalid_format: '文号格式不正确，应如“禄住建罚决字〔2026〕第12号”',
} as const satisfies Record<DocNumberFailureReason, string>

/** User-facing wording of each tolerated issue, for a 案卷评查 pre-check. */
export const docNumberIssueMessages = {
  non_standard_brackets: '年份应使用六角括号〔〕',
  leading_zeros: '顺序号不编虚位（1不编为01）',
  whitespace: '文号中不应有空格',
} as const satisfies Record<DocNumberIssue, string>

export type ParseDocNumberResult =
  | {
      ok: true
      value: DocNumberParts & { withDi: boolean }
      /** The same number written to GB/T 9704 (〔〕, no leading zeros), keeping 第 as written. */
      normalized: string
      issues: DocNumberIssue[]
    }
  | { ok: false; reason: DocNumberFailureReason; message: string }

export interface ParseDocNumberOptions {
  /**
   * Known 文书类别代字 ('罚决字', '罚告字'…). The code before the year cannot be
   * split into 机关代字 and 类别 without knowing them: the longest kind that
   * ends the code wins; with none, `kind` is '' and `prefix` holds it all.
   */
  kinds?: readonly string[]
}

/**
 * Parses a 文号. Tolerates the brackets people type by mistake ([] 【】 ()
 * （） ［］ ﹝﹞), spaces and leading zeros, and reports each as an issue, so
 * the same call serves data import and the 文号 format check in 案卷评查.
 *
 * @example
 * ```ts
 * const result = parseDocNumber('禄住建罚决字[2026]第012号', { kinds: ['罚决字'] })
 * if (result.ok) {
 *   result.value      // { prefix: '禄住建', kind: '罚决字', year: 2026, seq: 12, withDi: true }
 *   result.normalized // '禄住建罚决字〔2026〕第12号'
 *   result.issues     // ['non_standard_brackets', 'leading_zeros']
 * }
 * ```
 */
export function parseDocNumber(input: unknown, options: ParseDocNumberOptions = {}): ParseDocNumberResult {
  if (typeof input !== 'string') return fail('not_a_string')
  const text = input.trim()
  if (text === '') return fail('empty')

  const issues: DocNumberIssue[] = []
  if (/\s/.test(text)) issues.push('whitespace')
  const compact = text.replace(/\s+/g, '')

  const match = /^(.+?)([〔[【(（［﹝])(\d+)([〕\]】)）］﹞])(第?)(\d+)号$/u.exec(compact)
  if (!match) return fail('invalid_format')
  const [, code, open, yearText, close, di, seqText] = match
  if (!isCodeText(code)) return fail('invalid_format')
  if (yearText.length !== 4) return fail('year_not_full')
  const seq = Number(seqText)
  if (!Number.isSafeInteger(seq) || seq < 1) return fail('invalid_sequence')
  if (open !== '〔' || close !== '〕') issues.push('non_standard_brackets')
  if (seqText.length > 1 && seqText.startsWith('0')) issues.push('leading_zeros')

  const kind = longestKindSuffix(code, options.kinds ?? [])
  const value = { prefix: code.slice(0, code.length - kind.length), kind, year: Number(yearText), seq, withDi: di === '第' }
  return { ok: true, value, normalized: formatDocNumber(value, { withDi: value.withDi }), issues }
}

function longestKindSuffix(code: string, kinds: readonly string[]): string {
  let best = ''
  for (const kind of kinds) {
    // The prefix must keep at least one character: a 文号 always names its agency.
    if (typeof kind === 'string' && kind.length > best.length && kind.length < code.length && code.endsWith(kind)) best = kind
  }
  return best
}

function isCodeText(text: string): boolean {
  return !/[\s\d〔〕[\]【】()（）［］﹝﹞]/u.test(text)
}

function fail(reason: DocNumberFailureReason): ParseDocNumberResult {
  return { ok: false, reason, message: docNumberFailureMessages[reason] }
}
