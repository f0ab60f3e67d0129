import { z } from 'zod'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'

/**
 * Money as integer 分 (fen). Floats never hold money here: 0.1 + 0.2 yuan is
 * not 0.3 yuan in binary floating point, and a fine must print exactly.
 */

/** Largest amount handled: Number.MAX_SAFE_INTEGER fen (about 90 万亿元). */
export const maxFen = Number.MAX_SAFE_INTEGER

/**
 * Formats fen as yuan with thousands separators and exactly two decimals.
 * Negative amounts (refunds, corrections) get a leading '-'.
 *
 * @example
 * ```ts
 * formatYuan(1234560) // '12,345.60'
 * formatYuan(5)       // '0.05'
 * formatYuan(-200)    // '-2.00'
 * ```
 */
export function formatYuan(fen: number): string {
  assertFen(fen, { allowNegative: true })
  const sign = fen < 0 ? '-' : ''
  const absolute = Math.abs(fen)
  const yuan = Math.floor(absolute / 100)
  const cents = absolute % 100
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${grouped}.${String(cents).padStart(2, '0')}`
}

/**
 * Returns `value` if it is an integer number of fen from `min` (default 0) to `max` (default
 * {@link maxFen}), else throws InvalidArgumentError('invalid_amount') naming the parameter — the
 * check every amount taken by the penalty rules, the late fee and the discretion calculator passes.
 *
 * @example
 * ```ts
 * assertFenAmount(500_000, 'fineFen')                    // 500_000
 * assertFenAmount(12.5, 'fineFen')                       // throws: fineFen must be a non-negative integer number of fen
 * assertFenAmount(0, 'amountFen', { min: 1, max: 1e13 }) // throws: amountFen must be a positive integer number of fen
 * ```
 */
export function assertFenAmount(value: unknown, name: string, { min = 0, max = maxFen }: { min?: 0 | 1; max?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const kind = min === 1 ? 'a positive' : 'a non-negative'
    throw new InvalidArgumentError('invalid_amount', `${name} must be ${kind} integer number of fen, got ${describeValue(value)}`)
  }
  return value
}

export interface ChineseCapitalOptions {
  /**
   * Write 整 after 角 when there are no 分 ('…伍角整'). The PBoC rule makes it
   * optional ("在'角'之后可以不写'整'") and its own example omits it, so the
   * default is false.
   */
  zhengAfterJiao?: boolean
  /** Prefix '人民币', which the rules require where the form does not print it. */
  withCurrency?: boolean
}

/**
 * 金额大写 — the amount in Chinese capital numerals for 决定书, 缴款书 and
 * receipts, following 《支付结算办法》附件《正确填写票据和结算凭证的基本规定》
 * (中国人民银行, 银发〔1997〕393号):
 *
 * - 整 after 元 when the amount stops at 元; none after 分; after 角 optional.
 * - A zero between digits is written 零; a run of zeros is one 零 (¥1,409.50 →
 *   壹仟肆佰零玖元伍角; ¥6,007.14 → 陆仟零柒元壹角肆分).
 * - Where 万位 or 元位 is zero the rules allow the 零 either way (¥1,680.32 →
 *   壹仟陆佰捌拾元零叁角贰分 or …捌拾元叁角贰分). We always write it: it is
 *   how the amount is read aloud, and it leaves no gap to insert a digit into.
 * - 角 zero, 分 not zero: 零 after 元 (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
 * - 拾 at the head is written 壹拾 (¥100,000 → 壹拾万元整), as in the rules' own
 *   example 壹拾万柒仟元…, so a digit cannot be prefixed.
 *
 * @example
 * ```ts
 * toChineseCapital(1234560)                            // '壹万贰仟叁佰肆拾伍元陆角'
 * toChineseCapital(1234560, { zhengAfterJiao: true })  // '壹万贰仟叁佰肆拾伍元陆角整'
 * toChineseCapital(100500)                             // '壹仟零伍元整'
 * toChineseCapital(0, { withCurrency: true })          // '人民币零元整'
 * ```
 */
export function toChineseCapital(fen: number, options: ChineseCapitalOptions = {}): string {
  assertFen(fen, { allowNegative: false })
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const fenDigit = fen % 10
  const prefix = options.withCurrency ? '人民币' : ''

  if (fen === 0) return `${prefix}零元整`

  let text = ''
  let zeroBeforeJiao = false
  if (yuan > 0) {
    const integer = integerToCapital(yuan)
    text = `${integer}元`
    // 元位 is zero (e.g. 1,680.32): one 零 bridges the gap to 角.
    zeroBeforeJiao = yuan % 10 === 0
  }

  if (jiao > 0) {
    text += `${zeroBeforeJiao ? '零' : ''}${digits[jiao]}角`
  } else if (fenDigit > 0 && yuan > 0) {
    text += '零'
  }
  if (fenDigit > 0) return `${prefix}${text}${digits[fenDigit]}分`
  if (jiao === 0) return `${prefix}${text}整`
  return `${prefix}${text}${options.zhengAfterJiao ? '整' : ''}`
}

/** Why a yuan string was rejected. */
export const parseYuanFailureReasons = [
  'not_a_string',
  'empty',
  'negative',
  'too_many_decimals',
  'too_large',
  'invalid_format',
] as const
export type ParseYuanFailureReason = (typeof parseYuanFailureReasons)[number]

/** User-facing messages for each failure reason (candidates for `labels.ts`). */
export const parseYuanFailureMessages = {
  not_a_string: '金额应为文本',
  empty: '请填写金额',
  negative: '金额不能为负数',
  too_many_decimals: '金额最多保留两位小数（到分）',
  too_large: '金额过大',
  invalid_format: '金额格式不正确，应为如 12345.60 或 12,345.60 的数字',
} as const satisfies Record<ParseYuanFailureReason, string>

export type ParseYuanResult = { ok: true; fen: number } | { ok: false; reason: ParseYuanFailureReason; message: string }

/**
 * Parses a yuan amount typed by a person into fen, strictly: digits with at
 * most two decimals, optional correctly placed thousands commas (so the
 * output of `formatYuan` parses back), surrounding spaces ignored. Rejects
 * negatives, a third decimal (no silent rounding of money), exponents,
 * currency symbols, full-width digits, '.5', '12.' and leading zeros ('007').
 * Never uses floating point.
 *
 * @example
 * ```ts
 * parseYuanToFen('12.3')      // { ok: true, fen: 1230 }
 * parseYuanToFen('12,345.60') // { ok: true, fen: 1234560 }
 * parseYuanToFen('12.345')    // { ok: false, reason: 'too_many_decimals', message: '…' }
 * ```
 */
export function parseYuanToFen(input: unknown): ParseYuanResult {
  if (typeof input !== 'string') return fail('not_a_string')
  const text = input.trim()
  if (text === '') return fail('empty')
  if (/^-\s*[\d.,]/.test(text)) return fail('negative')
  if (/^(?:\d+|\d{1,3}(?:,\d{3})+)\.\d{3,}$/.test(text)) return fail('too_many_decimals')
  const match = /^(0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return fail('invalid_format')
  const integerDigits = match[1].replaceAll(',', '')
  const fractionDigits = (match[2] ?? '').padEnd(2, '0')
  // Length check first: Number() of a 20-digit string silently loses precision.
  if (integerDigits.length > 14) return fail('too_large')
  const fen = Number(integerDigits) * 100 + Number(fractionDigits)
  if (!Number.isSafeInteger(fen)) return fail('too_large')
  return { ok: true, fen }
}

/**
 * Zod schema: a yuan string in, integer fen out (same rules as `parseYuanToFen`).
 *
 * @example
 * ```ts
 * yuanToFenSchema.parse('200') // 20000
 * ```
 */
export const yuanToFenSchema = z.string().transform((value, context) => {
  const result = parseYuanToFen(value)
  if (result.ok) return result.fen
  context.addIssue({ code: 'custom', message: result.message, params: { reason: result.reason } })
  return z.NEVER
})

/**
 * Zod schema for a stored amount: a non-negative safe integer of fen.
 *
 * @example
 * ```ts
 * fenSchema.safeParse(12.5).success // false
 * ```
 */
export const fenSchema = z.number().int().min(0).max(maxFen)

const digits = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
const smallUnits = ['', '拾', '佰', '仟']

// Walks the digits from the highest; a run of zeros becomes one 零, written
// only when a non-zero digit follows. Sections of four digits get 万 / 亿 / 万(亿).
function integerToCapital(value: number): string {
  const text = String(value)
  let out = ''
  let pendingZero = false
  for (let index = 0; index < text.length; index += 1) {
    const position = text.length - 1 - index
    const digit = Number(text[index])
    if (digit === 0) {
      pendingZero = true
    } else {
      if (pendingZero) out += '零'
      pendingZero = false
      out += digits[digit] + smallUnits[position % 4]
    }
    if (position % 4 !== 0 || position === 0) continue
    const sectionNonZero = /[1-9]/.test(text.slice(Math.max(0, index - 3), index + 1))
    // 亿 is written whenever anything stands at or above it (壹拾贰万亿); 万 only for a non-zero section.
    if (position % 8 === 0) out += '亿'
    else if (sectionNonZero) out += '万'
  }
  return out
}

function assertFen(fen: number, { allowNegative }: { allowNegative: boolean }): void {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw new InvalidArgumentError('invalid_amount', `Amount must be an integer number of fen, got ${describeValue(fen)}`)
  }
  if (!allowNegative && fen < 0) {
    throw new InvalidArgumentError('negative_amount', `Amount must not be negative, got ${fen} fen`)
  }
}

function fail(reason: ParseYuanFailureReason): ParseYuanResult {
  return { ok: false, reason, message: parseYuanFailureMessages[reason] }
}
