import { z } from 'zod'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'
import { lufengRegionCode, provincePrefixes } from './region-code'

/**
 * 统一社会信用代码 — Unified Social Credit Code, GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》.
 *
 * 18 characters from a 31-character alphabet (digits and capitals without
 * I, O, Z, S, V):
 *   1      登记管理部门码 registration authority
 *   2      机构类别码 entity category
 *   3–8    登记管理机关行政区划码 GB/T 2260 region of the registering office
 *   9–17   主体标识码, the GB 11714 组织机构代码 (8 characters + its own check)
 *   18     校验码, weights 3^(i) mod 31, check = (31 − Σ mod 31) mod 31
 */

/** The 31 characters a USCC may contain, in check-value order (0–30). */
export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/**
 * 登记管理部门码 and their 机构类别码, as assigned under GB 32100 by the
 * national code centre (9 = 工商, today 市场监管).
 */
export const usccRegistrationAuthorities = {
  '1': { label: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { label: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    label: '司法行政',
    categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { label: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { label: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    label: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { label: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { label: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { label: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { label: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { label: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { label: '其他', categories: { '1': '其他' } },
} as const satisfies Record<string, { label: string; categories: Record<string, string> }>

export type UsccAuthorityCode = keyof typeof usccRegistrationAuthorities

/** Why a USCC was rejected. Stable codes: store and branch on these. */
export const usccFailureReasons = [
  'not_a_string',
  'empty',
  'invalid_length',
  'invalid_characters',
  'unknown_registration_authority',
  'unknown_entity_category',
  'invalid_region',
  'invalid_organization_code',
  'checksum_mismatch',
] as const
export type UsccFailureReason = (typeof usccFailureReasons)[number]

/** User-facing messages for each failure reason (candidates for `labels.ts`). */
export const usccFailureMessages = {
  not_a_string: '统一社会信用代码应为文本',
  empty: '请填写统一社会信用代码',
  invalid_length: '统一社会信用代码应为18位',
  invalid_characters: '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）',
  unknown_registration_authority: '统一社会信用代码第1位（登记管理部门码）不正确',
  unknown_entity_category: '统一社会信用代码第2位（机构类别码）不正确',
  invalid_region: '统一社会信用代码第3至8位（行政区划码）不正确',
  invalid_organization_code: '统一社会信用代码第9至17位（组织机构代码）校验不通过',
  checksum_mismatch: '统一社会信用代码校验位不正确，请核对是否录入有误',
} as const satisfies Record<UsccFailureReason, string>

export type UsccValidation =
  | {
      ok: true
      normalized: string
      authorityCode: UsccAuthorityCode
      authorityLabel: string
      categoryCode: string
      categoryLabel: string
      regionCode: string
      /** The 9-character 主体标识码 (former 组织机构代码). */
      organizationCode: string
      /** Whether the 组织机构代码 passes its own GB 11714 check; informational unless required. */
      organizationCodeValid: boolean
    }
  | { ok: false; reason: UsccFailureReason; message: string }

export interface ValidateUsccOptions {
  /**
   * Also reject codes whose 主体标识码 fails the GB 11714 check. Off by
   * default: the standard says the part follows GB 11714, but we have not
   * confirmed that every code issued (notably to 个体工商户) honours it, and a
   * false rejection would block a real party from being entered.
   */
  requireValidOrganizationCode?: boolean
}

/**
 * Validates a 统一社会信用代码: length, alphabet, the registration authority
 * and category pair, the region code shape and the GB 32100 check character.
 * Surrounding spaces are trimmed and letters upper-cased.
 *
 * @example
 * ```ts
 * const result = validateUscc('91110108551385082q')
 * if (result.ok) {
 *   result.normalized    // '91110108551385082Q'
 *   result.authorityLabel // '工商'
 *   result.categoryLabel  // '企业'
 *   result.regionCode     // '110108'
 * }
 * ```
 */
export function validateUscc(input: unknown, options: ValidateUsccOptions = {}): UsccValidation {
  if (typeof input !== 'string') return fail('not_a_string')
  const normalized = input.trim().toUpperCase()
  if (normalized === '') return fail('empty')
  if (normalized.length !== 18) return fail('invalid_length')
  if (![...normalized].every((character) => usccAlphabet.includes(character))) return fail('invalid_characters')

  const authorityCode = normalized[0]
  if (!isAuthorityCode(authorityCode)) return fail('unknown_registration_authority')
  const authority = usccRegistrationAuthorities[authorityCode]
  const categoryCode = normalized[1]
  const categories: Readonly<Record<string, string>> = authority.categories
  const categoryLabel = categories[categoryCode]
  if (categoryLabel === undefined) return fail('unknown_entity_category')

  const regionCode = normalized.slice(2, 8)
  if (!/^\d{6}$/.test(regionCode) || !usccProvinceCodes.has(regionCode.slice(0, 2))) return fail('invalid_region')

  const organizationCode = normalized.slice(8, 17)
  const organizationCodeValid = computeOrganizationCodeCheckChar(organizationCode.slice(0, 8)) === organizationCode[8]
  if (options.requireValidOrganizationCode && !organizationCodeValid) return fail('invalid_organization_code')

  if (computeUsccCheckChar(normalized.slice(0, 17)) !== normalized[17]) return fail('checksum_mismatch')

  return {
    ok: true,
    normalized,
    authorityCode,
    authorityLabel: authority.label,
    categoryCode,
    categoryLabel,
    regionCode,
    organizationCode,
    organizationCodeValid,
  }
}

/**
 * Boolean shortcut for `validateUscc(input, options).ok`.
 *
 * @example
 * ```ts
 * isValidUscc('91110108551385082Q') // true
 * isValidUscc('91110108551385082R') // false
 * ```
 */
export function isValidUscc(input: unknown, options?: ValidateUsccOptions): boolean {
  return validateUscc(input, options).ok
}

/**
 * The GB 32100 check character for the first 17 characters.
 *
 * @example
 * ```ts
 * computeUsccCheckChar('91110108551385082') // 'Q'
 * ```
 */
export function computeUsccCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17 || ![...first17].every((c) => usccAlphabet.includes(c))) {
    throw new InvalidArgumentError('invalid_uscc_body', `Expected 17 USCC characters, got ${describeValue(first17)}`)
  }
  let sum = 0
  for (let index = 0; index < 17; index += 1) sum += usccAlphabet.indexOf(first17[index]) * usccWeights[index]
  return usccAlphabet[(31 - (sum % 31)) % 31]
}

/**
 * The GB 11714-1997 check character of a 组织机构代码 (weights 3 7 9 10 5 8 4 2,
 * check = 11 − Σ mod 11; 10 → 'X', 11 → '0'). Letters count A = 10 … Z = 35.
 *
 * @example
 * ```ts
 * computeOrganizationCodeCheckChar('55138508') // '2'
 * ```
 */
export function computeOrganizationCodeCheckChar(first8: string): string {
  if (typeof first8 !== 'string' || !/^[0-9A-Z]{8}$/.test(first8)) {
    throw new InvalidArgumentError('invalid_organization_code', `Expected 8 digits or capital letters, got ${describeValue(first8)}`)
  }
  let sum = 0
  for (let index = 0; index < 8; index += 1) sum += Number.parseInt(first8[index], 36) * organizationCodeWeights[index]
  const check = 11 - (sum % 11)
  if (check === 10) return 'X'
  if (check === 11) return '0'
  return String(check)
}

export interface GenerateUsccOptions {
  /** 登记管理部门码; defaults to '9' (工商/市场监管). */
  authorityCode?: UsccAuthorityCode
  /** 机构类别码; defaults to '1' (企业 under authority 9). Must exist for the authority. */
  categoryCode?: string
  /** 6-digit region code; defaults to 禄丰市 (532302). */
  regionCode?: string
  /** 0–99,999,999; becomes the 8-character body of the 组织机构代码. */
  serial: number
}

/**
 * Builds a valid USCC for demo data and tests: the 组织机构代码 gets its GB
 * 11714 check and the whole code its GB 32100 check, so it passes even the
 * strict validation. Deterministic: the same options give the same code.
 *
 * @example
 * ```ts
 * generateUscc({ serial: 1 })                      // '91532302000000019K'
 * generateUscc({ categoryCode: '2', serial: 42 })  // a 个体工商户 in 禄丰市
 * ```
 */
export function generateUscc(options: GenerateUsccOptions): string {
  const authorityCode = options.authorityCode ?? '9'
  if (!isAuthorityCode(authorityCode)) {
    throw new InvalidArgumentError('unknown_registration_authority', `Unknown authority code ${describeValue(authorityCode)}`)
  }
  const categoryCode = options.categoryCode ?? '1'
  const categories: Readonly<Record<string, string>> = usccRegistrationAuthorities[authorityCode].categories
  if (typeof categoryCode !== 'string' || categories[categoryCode] === undefined) {
    throw new InvalidArgumentError('unknown_entity_category', `Category ${describeValue(categoryCode)} does not exist for authority ${authorityCode}`)
  }
  const regionCode = options.regionCode ?? lufengRegionCode
  if (typeof regionCode !== 'string' || !/^\d{6}$/.test(regionCode) || !usccProvinceCodes.has(regionCode.slice(0, 2))) {
    throw new InvalidArgumentError('invalid_region', `regionCode must be a 6-digit region code, got ${describeValue(regionCode)}`)
  }
  const { serial } = options
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999) {
    throw new InvalidArgumentError('invalid_serial', `serial must be an integer 0–99999999, got ${describeValue(serial)}`)
  }
  const body = String(serial).padStart(8, '0')
  const first17 = `${authorityCode}${categoryCode}${regionCode}${body}${computeOrganizationCodeCheckChar(body)}`
  return `${first17}${computeUsccCheckChar(first17)}`
}

/**
 * Zod schema that accepts a valid USCC and outputs its normalized form.
 * Issues carry the failure reason in `params.reason`.
 *
 * @example
 * ```ts
 * usccSchema.parse(' 91110108551385082q') // '91110108551385082Q'
 * ```
 */
export const usccSchema = z.string().transform((value, context) => {
  const result = validateUscc(value)
  if (result.ok) return result.normalized
  context.addIssue({ code: 'custom', message: result.message, params: { reason: result.reason } })
  return z.NEVER
})

// 3^i mod 31 for i = 0…16.
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const organizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2]

// National-level registrations use region 100000, which is not a GB/T 2260 province.
const usccProvinceCodes: ReadonlySet<string> = new Set([...provincePrefixes, '10'])

function isAuthorityCode(value: unknown): value is UsccAuthorityCode {
  return typeof value === 'string' && Object.hasOwn(usccRegistrationAuthorities, value)
}

function fail(reason: UsccFailureReason): UsccValidation {
  return { ok: false, reason, message: usccFailureMessages[reason] }
}
