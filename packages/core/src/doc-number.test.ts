import { describe, expect, it } from 'vitest'
import {
  docNumberFailureMessages,
  docNumberFailureReasons,
  docNumberIssueMessages,
  formatDocNumber,
  parseDocNumber,
} from './doc-number'
import { InvalidArgumentError } from './invalid-argument-error'

const kinds = ['罚决字', '罚告字', '听告字', '立字', '发'] as const

describe('formatDocNumber', () => {
  it('writes the year in 六角括号 〔〕 and 第 before the sequence by default', () => {
    expect(formatDocNumber({ prefix: '禄住建', kind: '罚决字', year: 2026, seq: 12 })).toBe('禄住建罚决字〔2026〕第12号')
  })

  it('writes the strict GB/T 9704 form without 第 when asked', () => {
    expect(formatDocNumber({ prefix: '禄政', kind: '发', year: 2026, seq: 3 }, { withDi: false })).toBe('禄政发〔2026〕3号')
  })

  it('uses U+3014/U+3015, not look-alike brackets', () => {
    const text = formatDocNumber({ prefix: '禄市监', kind: '罚决字', year: 2025, seq: 1 })
    expect(text).toContain('\u3014')
    expect(text).toContain('\u3015')
    expect(text).not.toMatch(/[[\]【】()（）［］﹝﹞]/u)
  })

  it('never pads the sequence number (不编虚位)', () => {
    expect(formatDocNumber({ prefix: '禄住建', kind: '罚决字', year: 2026, seq: 1 })).toBe('禄住建罚决字〔2026〕第1号')
    expect(formatDocNumber({ prefix: '禄住建', kind: '罚决字', year: 2026, seq: 1024 })).toBe('禄住建罚决字〔2026〕第1024号')
  })

  it('allows an empty kind', () => {
    expect(formatDocNumber({ prefix: '禄政办发', kind: '', year: 2026, seq: 8 }, { withDi: false })).toBe('禄政办发〔2026〕8号')
  })

  it.each([
    [{ prefix: '', kind: '罚决字', year: 2026, seq: 1 }, 'invalid_prefix'],
    [{ prefix: '  ', kind: '罚决字', year: 2026, seq: 1 }, 'invalid_prefix'],
    [{ prefix: '禄住建〔', kind: '罚决字', year: 2026, seq: 1 }, 'invalid_prefix'],
    [{ prefix: '禄住建1', kind: '罚决字', year: 2026, seq: 1 }, 'invalid_prefix'],
    [{ prefix: '禄住建', kind: '罚 决字', year: 2026, seq: 1 }, 'invalid_kind'],
    [{ prefix: '禄住建', kind: undefined, year: 2026, seq: 1 }, 'invalid_kind'],
    [{ prefix: '禄住建', kind: '罚决字', year: 26, seq: 1 }, 'invalid_year'],
    [{ prefix: '禄住建', kind: '罚决字', year: 2026.5, seq: 1 }, 'invalid_year'],
    [{ prefix: '禄住建', kind: '罚决字', year: 2026, seq: 0 }, 'invalid_sequence'],
    [{ prefix: '禄住建', kind: '罚决字', year: 2026, seq: -3 }, 'invalid_sequence'],
    [{ prefix: '禄住建', kind: '罚决字', year: 2026, seq: 1.5 }, 'invalid_sequence'],
  ])('throws %s for %j', (parts, code) => {
    expect(() => formatDocNumber(parts as never)).toThrow(expect.objectContaining({ code }))
  })

  it('throws InvalidArgumentError for a non-object', () => {
    expect(() => formatDocNumber(null as never)).toThrow(InvalidArgumentError)
  })
})

describe('parseDocNumber', () => {
  it('splits a standard number using the known kinds', () => {
    expect(parseDocNumber('禄住建罚决字〔2026〕第12号', { kinds })).toEqual({
      ok: true,
      value: { prefix: '禄住建', kind: '罚决字', year: 2026, seq: 12, withDi: true },
      normalized: '禄住建罚决字〔2026〕第12号',
      issues: [],
    })
  })

  it('parses the GB/T 9704 form without 第', () => {
    expect(parseDocNumber('禄政发〔2026〕3号', { kinds })).toMatchObject({
      ok: true,
      value: { prefix: '禄政', kind: '发', year: 2026, seq: 3, withDi: false },
      normalized: '禄政发〔2026〕3号',
    })
  })

  it('keeps the whole code as prefix when no kind matches', () => {
    expect(parseDocNumber('禄住建罚决字〔2026〕第12号')).toMatchObject({
      ok: true,
      value: { prefix: '禄住建罚决字', kind: '' },
    })
  })

  it('prefers the longest matching kind and never leaves the prefix empty', () => {
    expect(parseDocNumber('禄住建立字〔2026〕第5号', { kinds: ['字', '立字'] })).toMatchObject({
      value: { prefix: '禄住建', kind: '立字' },
    })
    expect(parseDocNumber('罚决字〔2026〕第5号', { kinds: ['罚决字'] })).toMatchObject({
      value: { prefix: '罚决字', kind: '' },
    })
  })

  it.each([
    ['禄住建罚决字[2026]第12号'],
    ['禄住建罚决字【2026】第12号'],
    ['禄住建罚决字(2026)第12号'],
    ['禄住建罚决字（2026）第12号'],
    ['禄住建罚决字［2026］第12号'],
    ['禄住建罚决字﹝2026﹞第12号'],
    ['禄住建罚决字〔2026]第12号'],
  ])('tolerates the mistaken brackets in %s and reports them', (input) => {
    expect(parseDocNumber(input, { kinds })).toEqual({
      ok: true,
      value: { prefix: '禄住建', kind: '罚决字', year: 2026, seq: 12, withDi: true },
      normalized: '禄住建罚决字〔2026〕第12号',
      issues: ['non_standard_brackets'],
    })
  })

  it('reports leading zeros (虚位) and spaces, and normalizes them away', () => {
    expect(parseDocNumber(' 禄住建罚决字 〔2026〕 第012号 ', { kinds })).toEqual({
      ok: true,
      value: { prefix: '禄住建', kind: '罚决字', year: 2026, seq: 12, withDi: true },
      normalized: '禄住建罚决字〔2026〕第12号',
      issues: ['whitespace', 'leading_zeros'],
    })
  })

  it('round-trips every number formatDocNumber writes', () => {
    for (const kind of kinds) {
      for (const seq of [1, 9, 10, 99, 100, 12345]) {
        for (const withDi of [true, false]) {
          const text = formatDocNumber({ prefix: '禄市监', kind, year: 2026, seq }, { withDi })
          expect(parseDocNumber(text, { kinds })).toEqual({
            ok: true,
            value: { prefix: '禄市监', kind, year: 2026, seq, withDi },
            normalized: text,
            issues: [],
          })
        }
      }
    }
  })

  it.each([
    [42, 'not_a_string'],
    [undefined, 'not_a_string'],
    ['', 'empty'],
    ['  ', 'empty'],
    ['禄住建罚决字〔26〕第12号', 'year_not_full'],
    ['禄住建罚决字〔20266〕第12号', 'year_not_full'],
    ['禄住建罚决字〔2026〕第0号', 'invalid_sequence'],
    ['禄住建罚决字〔2026〕第000号', 'invalid_sequence'],
    ['禄住建罚决字〔2026〕第12', 'invalid_format'],
    ['禄住建罚决字2026第12号', 'invalid_format'],
    ['〔2026〕第12号', 'invalid_format'],
    ['禄住建罚决字〔二〇二六〕第12号', 'invalid_format'],
    ['禄住建罚决字〔2026〕第十二号', 'invalid_format'],
    ['禄住建罚决字〔2026〕第12号附件', 'invalid_format'],
    ['禄住建3罚决字〔2026〕第12号', 'invalid_format'],
  ])('rejects %j as %s', (input, reason) => {
    expect(parseDocNumber(input, { kinds })).toMatchObject({ ok: false, reason })
  })

  it('has a Chinese message for every reason and issue', () => {
    for (const reason of docNumberFailureReasons) expect(docNumberFailureMessages[reason]).toMatch(/\p{Script=Han}/u)
    for (const message of Object.values(docNumberIssueMessages)) expect(message).toMatch(/\p{Script=Han}/u)
  })
})
