import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from './invalid-argument-error'
import { lufengRegionCode } from './region-code'
import {
  computeOrganizationCodeCheckChar,
  computeUsccCheckChar,
  generateUscc,
  isValidUscc,
  usccAlphabet,
  usccFailureMessages,
  usccFailureReasons,
  usccRegistrationAuthorities,
  usccSchema,
  validateUscc,
} from './uscc'

// Codes printed on published business licences and company disclosures. Each
// passes the GB 32100 check and its 组织机构代码 passes GB 11714, which a
// misremembered code would do only by chance (1 in 31 × 1 in 11).
const publishedCodes = [
  ['914403001922038216', '华为技术有限公司', '440300'],
  ['9144030071526726XG', '深圳市腾讯计算机系统有限公司', '440300'],
  ['91110108551385082Q', '小米科技有限责任公司', '110108'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司', '330100'],
  ['91110000100010433L', '中国石油天然气集团有限公司', '110000'],
  ['91110000600037341L', 'the example in python-stdnum (stdnum.cn.uscc)', '110000'],
] as const

describe('validateUscc — valid codes', () => {
  it.each(publishedCodes)('accepts %s (%s)', (code, _name, regionCode) => {
    const result = validateUscc(code)
    expect(result).toMatchObject({
      ok: true,
      normalized: code,
      authorityCode: '9',
      authorityLabel: '工商',
      categoryCode: '1',
      categoryLabel: '企业',
      regionCode,
      organizationCode: code.slice(8, 17),
      organizationCodeValid: true,
    })
  })

  it('upper-cases and trims input', () => {
    const result = validateUscc('  91110108551385082q ')
    expect(result.ok && result.normalized).toBe('91110108551385082Q')
  })

  it('accepts codes with letters in the registration authority position (A, N, Y)', () => {
    for (const authorityCode of ['A', 'N', 'Y'] as const) {
      const code = generateUscc({ authorityCode, categoryCode: '1', serial: 7 })
      expect(validateUscc(code)).toMatchObject({ ok: true, authorityCode })
    }
  })

  it('accepts national-level registrations with region 100000', () => {
    expect(isValidUscc(generateUscc({ authorityCode: '1', categoryCode: '1', regionCode: '100000', serial: 19 }))).toBe(true)
  })

  it('reports a 组织机构代码 that fails GB 11714 without rejecting, unless asked to', () => {
    const first17 = `91${lufengRegionCode}123456780`
    const code = first17 + computeUsccCheckChar(first17)
    expect(computeOrganizationCodeCheckChar('12345678')).not.toBe('0')
    expect(validateUscc(code)).toMatchObject({ ok: true, organizationCodeValid: false })
    expect(validateUscc(code, { requireValidOrganizationCode: true })).toMatchObject({
      ok: false,
      reason: 'invalid_organization_code',
    })
  })
})

describe('validateUscc — rejections', () => {
  it.each([
    [42, 'not_a_string'],
    [null, 'not_a_string'],
    ['', 'empty'],
    ['  ', 'empty'],
    ['9111010855138508', 'invalid_length'],
    ['91110108551385082Q0', 'invalid_length'],
    ['91110108551385O82Q', 'invalid_characters'], // letter O
    ['9111010855138I082Q', 'invalid_characters'], // letter I
    ['911101085513S5082Q', 'invalid_characters'], // letter S
    ['91110108551385082-', 'invalid_characters'],
    ['B1110108551385082Q', 'unknown_registration_authority'],
    ['9111010855138508\u200bQ', 'invalid_characters'], // zero-width space pasted from a web page
    ['01110108551385082Q', 'unknown_registration_authority'],
    ['94110108551385082Q', 'unknown_entity_category'], // 工商 has categories 1–3 only
    ['9A110108551385082Q', 'unknown_entity_category'],
    ['Y2110108551385082Q', 'unknown_entity_category'],
    ['91001108551385082Q', 'invalid_region'],
    ['9111A108551385082Q', 'invalid_region'],
    ['91110108551385082R', 'checksum_mismatch'],
  ])('rejects %j as %s', (input, reason) => {
    expect(validateUscc(input)).toMatchObject({ ok: false, reason })
  })

  it('has a Chinese message for every reason', () => {
    for (const reason of usccFailureReasons) expect(usccFailureMessages[reason]).toMatch(/\p{Script=Han}/u)
    expect(validateUscc('91110108551385082R')).toMatchObject({ message: usccFailureMessages.checksum_mismatch })
  })

  it('catches every single-character substitution in a valid code', () => {
    const [code] = publishedCodes[0]
    for (let index = 0; index < 18; index += 1) {
      for (const character of usccAlphabet) {
        if (character === code[index]) continue
        const typo = code.slice(0, index) + character + code.slice(index + 1)
        expect(isValidUscc(typo), typo).toBe(false)
      }
    }
  })

  it('catches every swap of two adjacent different characters', () => {
    for (const [code] of publishedCodes) {
      for (let index = 0; index < 17; index += 1) {
        if (code[index] === code[index + 1]) continue
        const swapped = code.slice(0, index) + code[index + 1] + code[index] + code.slice(index + 2)
        expect(isValidUscc(swapped), swapped).toBe(false)
      }
    }
  })
})

describe('check characters', () => {
  it('computes the GB 32100 check character', () => {
    for (const [code] of publishedCodes) expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it('computes the GB 11714 check, mapping 10 to X and 11 to 0', () => {
    expect(computeOrganizationCodeCheckChar('55138508')).toBe('2')
    expect(computeOrganizationCodeCheckChar('71526726')).toBe('X')
    expect(computeOrganizationCodeCheckChar('00000000')).toBe('0')
  })

  it.each([['1234567890123456'], ['1234567890123456I'], [undefined]])('rejects bad bodies %j', (input) => {
    expect(() => computeUsccCheckChar(input as string)).toThrow(InvalidArgumentError)
  })

  it('rejects a bad organization-code body', () => {
    expect(() => computeOrganizationCodeCheckChar('1234567')).toThrow(InvalidArgumentError)
    expect(() => computeOrganizationCodeCheckChar('1234567a')).toThrow(InvalidArgumentError)
  })
})

describe('generateUscc', () => {
  it('defaults to an enterprise registered in 禄丰市', () => {
    const code = generateUscc({ serial: 1 })
    expect(code).toBe('91532302000000019K')
    expect(validateUscc(code, { requireValidOrganizationCode: true })).toMatchObject({
      ok: true,
      regionCode: lufengRegionCode,
      categoryLabel: '企业',
    })
  })

  it('is deterministic and gives distinct codes for distinct serials', () => {
    const codes = new Set(Array.from({ length: 500 }, (_, serial) => generateUscc({ categoryCode: '2', serial })))
    expect(codes.size).toBe(500)
    expect(generateUscc({ categoryCode: '2', serial: 42 })).toBe(generateUscc({ categoryCode: '2', serial: 42 }))
    for (const code of codes) expect(validateUscc(code, { requireValidOrganizationCode: true }).ok).toBe(true)
  })

  it('generates valid codes for every authority and category in the table', () => {
    for (const [authorityCode, authority] of Object.entries(usccRegistrationAuthorities)) {
      for (const categoryCode of Object.keys(authority.categories)) {
        const code = generateUscc({ authorityCode: authorityCode as keyof typeof usccRegistrationAuthorities, categoryCode, serial: 99_999_999 })
        expect(validateUscc(code, { requireValidOrganizationCode: true }), code).toMatchObject({ ok: true, authorityCode, categoryCode })
      }
    }
  })

  it.each([
    [{ authorityCode: 'B' as never, serial: 1 }, 'unknown_registration_authority'],
    [{ categoryCode: '9', serial: 1 }, 'unknown_entity_category'],
    [{ regionCode: '5323', serial: 1 }, 'invalid_region'],
    [{ regionCode: '203302', serial: 1 }, 'invalid_region'],
    [{ serial: -1 }, 'invalid_serial'],
    [{ serial: 100_000_000 }, 'invalid_serial'],
    [{ serial: 2.5 }, 'invalid_serial'],
  ])('throws %s for %j', (options, code) => {
    expect(() => generateUscc(options)).toThrow(expect.objectContaining({ code }))
  })
})

describe('usccSchema', () => {
  it('normalizes valid codes and reports reasons for invalid ones', () => {
    expect(usccSchema.parse(' 91110108551385082q')).toBe('91110108551385082Q')
    const result = usccSchema.safeParse('91110108551385082R')
    expect(result.error?.issues[0]).toMatchObject({ params: { reason: 'checksum_mismatch' } })
  })
})
