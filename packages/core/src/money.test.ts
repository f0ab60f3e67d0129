import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from './invalid-argument-error'
import {
  assertFenAmount,
  fenSchema,
  formatYuan,
  maxFen,
  parseYuanFailureMessages,
  parseYuanFailureReasons,
  parseYuanToFen,
  toChineseCapital,
  yuanToFenSchema,
} from './money'

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [60, '0.60'],
    [100, '1.00'],
    [20000, '200.00'],
    [300000, '3,000.00'],
    [1234560, '12,345.60'],
    [100000000, '1,000,000.00'],
    [maxFen, '90,071,992,547,409.91'],
    [-200, '-2.00'],
    [-1234560, '-12,345.60'],
  ])('formats %i fen as %s', (fen, expected) => {
    expect(formatYuan(fen)).toBe(expected)
  })

  it('prints negative zero as 0.00', () => {
    expect(formatYuan(-0)).toBe('0.00')
  })

  it.each([12.5, Number.NaN, Number.POSITIVE_INFINITY, maxFen + 1, '100' as unknown as number])('throws for %j', (fen) => {
    expect(() => formatYuan(fen)).toThrow(InvalidArgumentError)
  })
})

describe('toChineseCapital — 《正确填写票据和结算凭证的基本规定》 examples', () => {
  it.each([
    [140950, '壹仟肆佰零玖元伍角'], // (一) a zero in the middle is written 零
    [600714, '陆仟零柒元壹角肆分'], // (二) a run of zeros is one 零
    [168032, '壹仟陆佰捌拾元零叁角贰分'], // (三) 元位 zero: we write the optional 零
    [10700053, '壹拾万零柒仟元零伍角叁分'], // (三) 万位 and 元位 zero: both optional 零 written
    [1640902, '壹万陆仟肆佰零玖元零贰分'], // (四) 角 zero, 分 not: 零 after 元
    [32504, '叁佰贰拾伍元零肆分'], // (四)
  ])('%i fen → %s', (fen, expected) => {
    expect(toChineseCapital(fen)).toBe(expected)
  })
})

describe('toChineseCapital — 整, 角 and 分', () => {
  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [100500, '壹仟零伍元整'],
    [1000000, '壹万元整'],
    [1234500, '壹万贰仟叁佰肆拾伍元整'],
    [60, '陆角'],
    [5, '伍分'],
    [65, '陆角伍分'],
    [105, '壹元零伍分'],
    [150, '壹元伍角'],
    [155, '壹元伍角伍分'],
    [1050, '壹拾元零伍角'],
    [1234560, '壹万贰仟叁佰肆拾伍元陆角'],
    [1234565, '壹万贰仟叁佰肆拾伍元陆角伍分'],
  ])('%i fen → %s', (fen, expected) => {
    expect(toChineseCapital(fen)).toBe(expected)
  })

  it('writes 整 after 角 only when asked, and never after 分', () => {
    expect(toChineseCapital(1234560, { zhengAfterJiao: true })).toBe('壹万贰仟叁佰肆拾伍元陆角整')
    expect(toChineseCapital(60, { zhengAfterJiao: true })).toBe('陆角整')
    expect(toChineseCapital(65, { zhengAfterJiao: true })).toBe('陆角伍分')
    expect(toChineseCapital(100, { zhengAfterJiao: true })).toBe('壹元整')
  })

  it('prefixes 人民币 when asked', () => {
    expect(toChineseCapital(0, { withCurrency: true })).toBe('人民币零元整')
    expect(toChineseCapital(20000, { withCurrency: true })).toBe('人民币贰佰元整')
  })
})

describe('toChineseCapital — 万 and 亿 sections', () => {
  it.each([
    [1010000, '壹万零壹佰元整'],
    [1001000, '壹万零壹拾元整'],
    [1000100, '壹万零壹元整'],
    [10000000, '壹拾万元整'],
    [10010000, '壹拾万零壹佰元整'],
    [100000000, '壹佰万元整'],
    [1000000000, '壹仟万元整'],
    [1000000005, '壹仟万元零伍分'],
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10001000000, '壹亿零壹万元整'],
    [10000100000, '壹亿零壹仟元整'],
    [101000000000, '壹拾亿零壹仟万元整'], // 亿位 zero: the same optional 零 as 壹拾万零柒仟
    [100000000000000, '壹万亿元整'],
    [1200000000000000, '壹拾贰万亿元整'],
    [maxFen, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i fen → %s', (fen, expected) => {
    expect(toChineseCapital(fen)).toBe(expected)
  })

  it('only ever uses the permitted characters, with no doubled 零 and no trailing 零', () => {
    const allowed = /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/u
    const bad: string[] = []
    for (let fen = 1; fen < 300_000; fen += 7) {
      const text = toChineseCapital(fen * 131)
      if (!allowed.test(text) || /零零|零元|零万|零亿|零整/.test(text)) bad.push(`${fen * 131}: ${text}`)
    }
    expect(bad).toEqual([])
  })
})

describe('toChineseCapital — bad input', () => {
  it.each([-1, 1.5, Number.NaN, maxFen + 1, '100' as unknown as number, undefined as unknown as number])(
    'throws InvalidArgumentError for %j',
    (fen) => {
      expect(() => toChineseCapital(fen)).toThrow(InvalidArgumentError)
    },
  )
})

describe('parseYuanToFen', () => {
  it.each([
    ['0', 0],
    ['0.00', 0],
    ['0.5', 50],
    ['0.05', 5],
    ['12', 1200],
    ['12.3', 1230],
    ['12.30', 1230],
    ['200', 20000],
    ['3000', 300000],
    ['12,345.60', 1234560],
    ['1,000,000', 100000000],
    ['  88.80 ', 8880],
    ['90071992547409.91', maxFen],
  ])('parses %j as %i fen', (input, fen) => {
    expect(parseYuanToFen(input)).toEqual({ ok: true, fen })
  })

  it('never rounds through floating point (0.29 and 1.13 are exact)', () => {
    expect(parseYuanToFen('0.29')).toEqual({ ok: true, fen: 29 })
    expect(parseYuanToFen('1.13')).toEqual({ ok: true, fen: 113 })
    expect(parseYuanToFen('4.35')).toEqual({ ok: true, fen: 435 })
  })

  it('parses everything formatYuan prints (round trip)', () => {
    const bad: number[] = []
    for (let fen = 0; fen < 5_000_000; fen += 997) {
      const result = parseYuanToFen(formatYuan(fen))
      if (!result.ok || result.fen !== fen) bad.push(fen)
    }
    expect(bad).toEqual([])
  })

  it.each([
    [12.3, 'not_a_string'],
    [null, 'not_a_string'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['-12.30', 'negative'],
    ['-0', 'negative'],
    ['- 5', 'negative'],
    ['12.345', 'too_many_decimals'],
    ['12.300', 'too_many_decimals'],
    ['1,234.567', 'too_many_decimals'],
    ['90071992547409.92', 'too_large'],
    ['100000000000000', 'too_large'],
    ['99999999999999999999', 'too_large'],
    ['12.', 'invalid_format'],
    ['.5', 'invalid_format'],
    ['+12', 'invalid_format'],
    ['007', 'invalid_format'],
    ['1e3', 'invalid_format'],
    ['¥12.30', 'invalid_format'],
    ['12元', 'invalid_format'],
    ['１２', 'invalid_format'],
    ['12,34', 'invalid_format'],
    ['1,2345', 'invalid_format'],
    [',123', 'invalid_format'],
    ['1 234', 'invalid_format'],
    ['12.3.4', 'invalid_format'],
    ['abc', 'invalid_format'],
    ['Infinity', 'invalid_format'],
    ['0x10', 'invalid_format'],
  ])('rejects %j as %s', (input, reason) => {
    expect(parseYuanToFen(input)).toMatchObject({ ok: false, reason })
  })

  it('has a Chinese message for every reason', () => {
    for (const reason of parseYuanFailureReasons) expect(parseYuanFailureMessages[reason]).toMatch(/\p{Script=Han}/u)
    expect(parseYuanToFen('12.345')).toEqual({
      ok: false,
      reason: 'too_many_decimals',
      message: parseYuanFailureMessages.too_many_decimals,
    })
  })
})

describe('zod schemas', () => {
  it('yuanToFenSchema turns a form string into fen', () => {
    expect(yuanToFenSchema.parse('200')).toBe(20000)
    expect(yuanToFenSchema.safeParse('12.345').error?.issues[0]).toMatchObject({ params: { reason: 'too_many_decimals' } })
  })

  it('fenSchema accepts only non-negative integer fen', () => {
    expect(fenSchema.parse(20000)).toBe(20000)
    expect(fenSchema.safeParse(12.5).success).toBe(false)
    expect(fenSchema.safeParse(-1).success).toBe(false)
  })
})

describe('assertFenAmount', () => {
  it('returns an integer amount of fen within the bounds', () => {
    expect(assertFenAmount(0, 'fineFen')).toBe(0)
    expect(assertFenAmount(500_000, 'fineFen')).toBe(500_000)
    expect(assertFenAmount(Number.MAX_SAFE_INTEGER, 'fineFen')).toBe(Number.MAX_SAFE_INTEGER)
    expect(assertFenAmount(1, 'amountFen', { min: 1, max: 1e13 })).toBe(1)
    expect(assertFenAmount(1e13, 'amountFen', { min: 1, max: 1e13 })).toBe(1e13)
  })

  it.each([
    [12.5, {}, 'fineFen must be a non-negative integer number of fen, got 12.5'],
    [-1, {}, 'fineFen must be a non-negative integer number of fen, got -1'],
    ['100', {}, 'fineFen must be a non-negative integer number of fen, got "100"'],
    [Number.NaN, {}, 'fineFen must be a non-negative integer number of fen, got NaN'],
    [0, { min: 1 as const }, 'fineFen must be a positive integer number of fen, got 0'],
    [1e13 + 1, { min: 1 as const, max: 1e13 }, 'fineFen must be a positive integer number of fen, got 10000000000001'],
  ])('refuses %s (%o) naming the parameter', (value, bounds, message) => {
    const refusal = (() => {
      try {
        assertFenAmount(value, 'fineFen', bounds)
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(InvalidArgumentError)
    expect(refusal).toMatchObject({ code: 'invalid_amount', message })
  })
})
