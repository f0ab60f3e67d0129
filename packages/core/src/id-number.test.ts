import { describe, expect, it } from 'vitest'
import {
  computeIdNumberCheckChar,
  generateIdNumber,
  idNumberFailureMessages,
  idNumberFailureReasons,
  idNumberSchema,
  isValidIdNumber,
  maskIdNumber,
  validateIdNumber,
} from './id-number'
import { InvalidArgumentError } from './invalid-argument-error'
import { lufengLegacyRegionCode, lufengRegionCode } from './region-code'

// The worked example printed in GB 11643-1999: a woman born 1949-12-31 in 北京市朝阳区.
const standardExample = '11010519491231002X'
const today = '2026-03-15'

function lufengResident(overrides: Partial<Parameters<typeof generateIdNumber>[0]> = {}): string {
  return generateIdNumber({ birthDate: '1990-05-17', sequence: 123, ...overrides })
}

describe('validateIdNumber — valid numbers', () => {
  it('accepts the GB 11643 example and reads birth date and sex from it', () => {
    expect(validateIdNumber(standardExample, { today })).toEqual({
      ok: true,
      normalized: standardExample,
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    })
  })

  it('accepts a lowercase x and trims surrounding spaces, returning the normalized form', () => {
    const result = validateIdNumber('  11010519491231002x \n', { today })
    expect(result.ok && result.normalized).toBe(standardExample)
  })

  it('reads sex from the 17th digit: odd is male, even is female', () => {
    const male = validateIdNumber(lufengResident({ sequence: 457 }), { today })
    const female = validateIdNumber(lufengResident({ sequence: 458 }), { today })
    expect(male.ok && male.sex).toBe('male')
    expect(female.ok && female.sex).toBe('female')
  })

  it('accepts both the current 禄丰市 code and the pre-2021 禄丰县 code', () => {
    expect(isValidIdNumber(lufengResident({ regionCode: lufengRegionCode }), { today })).toBe(true)
    expect(isValidIdNumber(lufengResident({ regionCode: lufengLegacyRegionCode }), { today })).toBe(true)
  })

  it('accepts a 29 February birth date in a leap year', () => {
    expect(isValidIdNumber(lufengResident({ birthDate: '2000-02-29' }), { today })).toBe(true)
  })

  it('accepts someone born today (Beijing date) but not tomorrow', () => {
    expect(validateIdNumber(lufengResident({ birthDate: today }), { today }).ok).toBe(true)
    expect(validateIdNumber(lufengResident({ birthDate: '2026-03-16' }), { today })).toMatchObject({
      ok: false,
      reason: 'birth_date_in_future',
    })
  })

  it('accepts 港澳台居民居住证 numbers (810000/820000/830000)', () => {
    for (const regionCode of ['810000', '820000', '830000']) {
      expect(isValidIdNumber(lufengResident({ regionCode }), { today })).toBe(true)
    }
  })

  it('uses the real Beijing date when no today is given', () => {
    expect(isValidIdNumber(standardExample)).toBe(true)
    expect(validateIdNumber(lufengResident({ birthDate: '9999-12-31' }))).toMatchObject({ reason: 'birth_date_in_future' })
  })
})

describe('validateIdNumber — rejections', () => {
  it.each([
    [12345, 'not_a_string'],
    [null, 'not_a_string'],
    [undefined, 'not_a_string'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['110105491231002', 'legacy_15_digit'],
    ['1101051949123100', 'invalid_length'],
    ['11010519491231002X1', 'invalid_length'],
    ['1101051949123100XX', 'invalid_characters'],
    ['11010519491231002Y', 'invalid_characters'],
    ['11010519491231 02X', 'invalid_characters'],
    ['１１０１０５１９４９１２３１００２X', 'invalid_characters'],
    ['001051194912310021', 'invalid_region'],
    ['201051194912310021', 'invalid_region'],
    ['110105194902300021', 'invalid_birth_date'],
    ['110105194913010021', 'invalid_birth_date'],
    ['110105189912310021', 'birth_date_too_early'],
    ['110105194912310021', 'checksum_mismatch'],
  ])('rejects %j as %s', (input, reason) => {
    expect(validateIdNumber(input, { today })).toMatchObject({ ok: false, reason })
  })

  it('attaches the Chinese message for the reason', () => {
    const result = validateIdNumber('110105194912310021', { today })
    expect(result).toEqual({ ok: false, reason: 'checksum_mismatch', message: idNumberFailureMessages.checksum_mismatch })
  })

  it('has a message for every reason', () => {
    for (const reason of idNumberFailureReasons) expect(idNumberFailureMessages[reason]).toMatch(/\p{Script=Han}/u)
  })

  it('rejects every wrong check character', () => {
    const body = standardExample.slice(0, 17)
    const wrong = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].filter((c) => c !== 'X')
    for (const character of wrong) {
      expect(validateIdNumber(body + character, { today })).toMatchObject({ reason: 'checksum_mismatch' })
    }
  })

  it('catches every single-digit typo in a valid number', () => {
    const valid = lufengResident()
    for (let index = 0; index < 17; index += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === valid[index]) continue
        const typo = valid.slice(0, index) + digit + valid.slice(index + 1)
        expect(isValidIdNumber(typo, { today }), typo).toBe(false)
      }
    }
  })

  it('catches every swap of two adjacent different digits', () => {
    const valid = lufengResident({ birthDate: '1987-06-24', sequence: 391 })
    for (let index = 0; index < 16; index += 1) {
      if (valid[index] === valid[index + 1]) continue
      const swapped = valid.slice(0, index) + valid[index + 1] + valid[index] + valid.slice(index + 2)
      expect(isValidIdNumber(swapped, { today }), swapped).toBe(false)
    }
  })

  it('throws InvalidArgumentError for a malformed today option', () => {
    expect(() => validateIdNumber(standardExample, { today: '2026/03/15' })).toThrow(InvalidArgumentError)
  })
})

describe('computeIdNumberCheckChar', () => {
  it('computes ISO 7064 MOD 11-2', () => {
    expect(computeIdNumberCheckChar('11010519491231002')).toBe('X')
    expect(computeIdNumberCheckChar('53230219900517123')).toBe('5')
  })

  it.each(['1101051949123100', '1101051949123100A', 17 as unknown as string])('throws for %j', (input) => {
    expect(() => computeIdNumberCheckChar(input)).toThrow(InvalidArgumentError)
  })
})

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters of an 18-character number', () => {
    expect(maskIdNumber('53230219900517123x')).toBe('5323**********123X')
    expect(maskIdNumber(standardExample)).toBe('1101**********002X')
  })

  it('hides the whole birth date', () => {
    const masked = maskIdNumber(lufengResident({ birthDate: '1990-05-17' }))
    expect(masked).not.toContain('1990')
    expect(masked).not.toContain('0517')
  })

  it('masks invalid and legacy input the same way, never revealing more than 8 characters', () => {
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002')
    expect(maskIdNumber(' 123456789 ')).toBe('1234*6789')
    expect(maskIdNumber('12345678')).toBe('********')
    expect(maskIdNumber('')).toBe('')
  })

  it('throws InvalidArgumentError for a non-string', () => {
    expect(() => maskIdNumber(undefined as unknown as string)).toThrow(InvalidArgumentError)
  })
})

describe('generateIdNumber', () => {
  it('defaults to 禄丰市 and produces valid numbers', () => {
    const id = generateIdNumber({ birthDate: '1990-05-17', sequence: 123 })
    expect(id).toBe('532302199005171235')
    expect(isValidIdNumber(id, { today })).toBe(true)
  })

  it('reproduces the GB 11643 example', () => {
    expect(generateIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe(standardExample)
  })

  it('produces valid numbers for every sequence number', () => {
    for (let sequence = 0; sequence <= 999; sequence += 1) {
      const id = generateIdNumber({ birthDate: '2001-01-01', sequence })
      expect(validateIdNumber(id, { today }).ok).toBe(true)
    }
  })

  it.each([
    [{ regionCode: '53230', birthDate: '1990-01-01', sequence: 1 }, 'invalid_region'],
    [{ regionCode: '993302', birthDate: '1990-01-01', sequence: 1 }, 'invalid_region'],
    [{ birthDate: '1990-02-30', sequence: 1 }, 'invalid_date'],
    [{ birthDate: '1899-12-31', sequence: 1 }, 'invalid_date'],
    [{ birthDate: '1990-01-01', sequence: 1000 }, 'invalid_sequence'],
    [{ birthDate: '1990-01-01', sequence: -1 }, 'invalid_sequence'],
    [{ birthDate: '1990-01-01', sequence: 1.5 }, 'invalid_sequence'],
  ])('throws %s for %j', (options, code) => {
    expect(() => generateIdNumber(options)).toThrow(expect.objectContaining({ code }))
  })
})

describe('idNumberSchema', () => {
  it('outputs the normalized number', () => {
    expect(idNumberSchema.parse(' 11010519491231002x ')).toBe(standardExample)
  })

  it('reports the reason code and Chinese message', () => {
    const result = idNumberSchema.safeParse('110105194912310021')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      message: idNumberFailureMessages.checksum_mismatch,
      params: { reason: 'checksum_mismatch' },
    })
  })
})
