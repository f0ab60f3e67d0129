import { z } from 'zod'
import { type IsoDate, isIsoDate, isoDateFromParts, splitIsoDate, todayInShanghai } from './calendar-date'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'
import { lufengRegionCode, provincePrefixes } from './region-code'

/**
 * 居民身份证号码 — citizen ID number, GB 11643-1999 《公民身份号码》.
 *
 * 18 characters: 6-digit address code (GB/T 2260 region), 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd = male, even = female) and one check
 * character computed with ISO 7064 MOD 11-2.
 */

export type Sex = 'male' | 'female'

/** Why an ID number was rejected. Stable codes: store and branch on these. */
export const idNumberFailureReasons = [
  'not_a_string',
  'empty',
  'legacy_15_digit',
  'invalid_length',
  'invalid_characters',
  'invalid_region',
  'invalid_birth_date',
  'birth_date_too_early',
  'birth_date_in_future',
  'checksum_mismatch',
] as const
export type IdNumberFailureReason = (typeof idNumberFailureReasons)[number]

/** User-facing messages for each failure reason (candidates for `labels.ts`). */
export const idNumberFailureMessages = {
  not_a_string: '身份证号码应为文本',
  empty: '请填写身份证号码',
  legacy_15_digit: '15位身份证号码已停止使用，请填写18位号码',
  invalid_length: '身份证号码应为18位',
  invalid_characters: '身份证号码前17位应为数字，最后一位为数字或X',
  invalid_region: '身份证号码前6位地址码不正确',
  invalid_birth_date: '身份证号码中的出生日期不是有效日期',
  birth_date_too_early: '身份证号码中的出生日期早于1900年，请核对',
  birth_date_in_future: '身份证号码中的出生日期晚于今天',
  checksum_mismatch: '身份证号码校验位不正确，请核对是否录入有误',
} as const satisfies Record<IdNumberFailureReason, string>

export type IdNumberValidation =
  | { ok: true; normalized: string; regionCode: string; birthDate: IsoDate; sex: Sex }
  | { ok: false; reason: IdNumberFailureReason; message: string }

export interface ValidateIdNumberOptions {
  /** "Today" in Beijing for the not-in-the-future check; defaults to the real today. */
  today?: IsoDate
}

/**
 * Validates an 18-character 居民身份证号码: format, region code shape, birth
 * date (a real date, 1900-01-01 or later, not after today in Beijing) and the
 * ISO 7064 MOD 11-2 check character. Surrounding spaces are trimmed and a
 * lowercase `x` is accepted and normalized to `X`.
 *
 * Region codes are checked only for a known province prefix (including 81/82/83
 * for 港澳台居民居住证); the county part is not looked up because GB/T 2260
 * changes every year while old numbers stay valid for life.
 *
 * @example
 * ```ts
 * const result = validateIdNumber('11010519491231002x')
 * if (result.ok) {
 *   result.normalized // '11010519491231002X'
 *   result.birthDate  // '1949-12-31'
 *   result.sex        // 'female'
 * } else {
 *   console.log(result.reason, result.message)
 * }
 * ```
 */
export function validateIdNumber(input: unknown, options: ValidateIdNumberOptions = {}): IdNumberValidation {
  if (typeof input !== 'string') return fail('not_a_string')
  const normalized = input.trim().toUpperCase()
  if (normalized === '') return fail('empty')
  if (/^\d{15}$/.test(normalized)) return fail('legacy_15_digit')
  if (normalized.length !== 18) return fail('invalid_length')
  if (!/^\d{17}[\dX]$/.test(normalized)) return fail('invalid_characters')

  const regionCode = normalized.slice(0, 6)
  if (!idProvinceCodes.has(regionCode.slice(0, 2))) return fail('invalid_region')

  const birth = normalized.slice(6, 14)
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`
  if (!isIsoDate(birthDate)) return fail('invalid_birth_date')
  if (birthDate < earliestBirthDate) return fail('birth_date_too_early')
  const today = options.today ?? todayInShanghai()
  if (!isIsoDate(today)) {
    throw new InvalidArgumentError('invalid_date', `options.today must be 'YYYY-MM-DD', got ${describeValue(today)}`)
  }
  // ISO dates compare correctly as strings.
  if (birthDate > today) return fail('birth_date_in_future')

  if (computeIdNumberCheckChar(normalized.slice(0, 17)) !== normalized[17]) return fail('checksum_mismatch')

  const sex: Sex = Number(normalized[16]) % 2 === 1 ? 'male' : 'female'
  return { ok: true, normalized, regionCode, birthDate, sex }
}

/**
 * Boolean shortcut for `validateIdNumber(input).ok`.
 *
 * @example
 * ```ts
 * isValidIdNumber('11010519491231002X') // true
 * isValidIdNumber('110105194912310021') // false (check character)
 * ```
 */
export function isValidIdNumber(input: unknown, options?: ValidateIdNumberOptions): boolean {
  return validateIdNumber(input, options).ok
}

/**
 * The ISO 7064 MOD 11-2 check character for the first 17 digits.
 *
 * @example
 * ```ts
 * computeIdNumberCheckChar('11010519491231002') // 'X'
 * ```
 */
export function computeIdNumberCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) {
    throw new InvalidArgumentError('invalid_id_body', `Expected 17 digits, got ${describeValue(first17)}`)
  }
  let sum = 0
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * idWeights[index]
  return idCheckChars[sum % 11]
}

/**
 * Masks an ID number for display, keeping the first 4 and last 4 characters.
 *
 * Why 4 + 4: the first 4 digits only name the province and prefecture (5323 =
 * 楚雄州), so the county, the whole birth date and thus the age are hidden;
 * the last 4 let an officer tell two parties apart on a list and match a card
 * held in hand. The 17th digit reveals sex, which the case file shows anyway.
 * Strings of 8 characters or fewer are masked completely so that a mistyped
 * short value is never shown in full. Works on invalid input too: masking must
 * never be the reason a list fails to render.
 *
 * @example
 * ```ts
 * maskIdNumber('53230219900517123x') // '5323**********123X'
 * maskIdNumber('1234')               // '****'
 * ```
 */
export function maskIdNumber(input: string): string {
  if (typeof input !== 'string') {
    throw new InvalidArgumentError('not_a_string', `maskIdNumber expects a string, got ${describeValue(input)}`)
  }
  const value = input.trim().toUpperCase()
  const characters = Array.from(value)
  if (characters.length <= 8) return '*'.repeat(characters.length)
  return `${characters.slice(0, 4).join('')}${'*'.repeat(characters.length - 8)}${characters.slice(-4).join('')}`
}

export interface GenerateIdNumberOptions {
  /** 6-digit GB/T 2260 code; defaults to 禄丰市 (532302). */
  regionCode?: string
  /** 'YYYY-MM-DD', from 1900-01-01. */
  birthDate: IsoDate
  /** 0–999; odd numbers give a male ID number, even numbers a female one. */
  sequence: number
}

/**
 * Builds a valid ID number for demo data and tests. It passes
 * `validateIdNumber` as long as `birthDate` is not in the future (the
 * generator stays deterministic, so it does not read the clock). It is not
 * knowingly anybody's real number; keep generated numbers to demo and test data.
 *
 * @example
 * ```ts
 * generateIdNumber({ birthDate: '1990-05-17', sequence: 123 }) // '532302199005171235'
 * generateIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 }) // '11010519491231002X'
 * ```
 */
export function generateIdNumber(options: GenerateIdNumberOptions): string {
  const regionCode = options.regionCode ?? lufengRegionCode
  if (typeof regionCode !== 'string' || !/^\d{6}$/.test(regionCode) || !idProvinceCodes.has(regionCode.slice(0, 2))) {
    throw new InvalidArgumentError('invalid_region', `regionCode must be a 6-digit region code, got ${describeValue(regionCode)}`)
  }
  const birth = splitIsoDate(options.birthDate)
  if (!birth || options.birthDate < earliestBirthDate) {
    throw new InvalidArgumentError('invalid_date', `birthDate must be 'YYYY-MM-DD' from 1900-01-01, got ${describeValue(options.birthDate)}`)
  }
  const { sequence } = options
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new InvalidArgumentError('invalid_sequence', `sequence must be an integer 0–999, got ${describeValue(sequence)}`)
  }
  const body = `${regionCode}${isoDateFromParts(birth.year, birth.month, birth.day).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`
  return `${body}${computeIdNumberCheckChar(body)}`
}

/**
 * Zod schema that accepts a valid ID number and outputs its normalized form.
 * Issues carry the failure reason in `params.reason`.
 *
 * @example
 * ```ts
 * idNumberSchema.parse(' 11010519491231002x ') // '11010519491231002X'
 * ```
 */
export const idNumberSchema = z.string().transform((value, context) => {
  const result = validateIdNumber(value)
  if (result.ok) return result.normalized
  context.addIssue({ code: 'custom', message: result.message, params: { reason: result.reason } })
  return z.NEVER
})

// 83 is not a GB/T 2260 province: 港澳台居民居住证 numbers use 810000,
// 820000 and 830000 (830000 for Taiwan residents).
const idProvinceCodes: ReadonlySet<string> = new Set([...provincePrefixes, '83'])

// Nobody born before 1900 holds a current card; earlier years are typos (1091 for 1991).
const earliestBirthDate = '1900-01-01'

// W_i = 2^(17 - i) mod 11, i.e. the ISO 7064 MOD 11-2 weights.
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idCheckChars = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']

function fail(reason: IdNumberFailureReason): IdNumberValidation {
  return { ok: false, reason, message: idNumberFailureMessages[reason] }
}
