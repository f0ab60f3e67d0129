import { describe, expect, it } from 'vitest'
import { computeCaseDeadline } from './case-deadlines'
import { InvalidArgumentError } from './invalid-argument-error'
import { type LateFeeInput, calculateLateFee } from './late-fee'
import { chinaWorkCalendar } from './work-calendar'

// A 10,000-yuan fine due Monday 2026-03-16; 3% of it is 300 yuan (30,000 fen) a day.
function fee(overrides: Partial<LateFeeInput> = {}) {
  return calculateLateFee({ fineFen: 1_000_000, dueOn: '2026-03-16', asOf: '2026-03-26', ...overrides })
}

describe('加处罚款 (art. 72): 3% of the fine a day after the due date', () => {
  it('counts every day after the due date up to asOf', () => {
    // 03-17 … 03-26 = 10 days × 30,000 fen.
    expect(fee()).toMatchObject({ lateFeeFen: 300_000, daysCounted: 10, capped: false, outstandingFineFen: 1_000_000, overdueFineFen: 1_000_000 })
    expect(fee().breakdown[0]?.from).toBe('2026-03-17') // the day after the due date
  })

  it('is nothing up to and including the due day', () => {
    expect(fee({ asOf: '2026-03-16' })).toMatchObject({ lateFeeFen: 0, daysCounted: 0, overdueFineFen: 0, outstandingFineFen: 1_000_000 })
    expect(fee({ asOf: '2026-03-01' })).toMatchObject({ lateFeeFen: 0, daysCounted: 0, breakdown: [] })
  })

  it('is nothing when the fine is paid on the due day', () => {
    const result = fee({ payments: [{ paidOn: '2026-03-16', amountFen: 1_000_000 }], asOf: '2026-06-30' })
    expect(result).toMatchObject({ lateFeeFen: 0, daysCounted: 0, outstandingFineFen: 0, breakdown: [] })
  })

  it('counts the day of a late payment', () => {
    expect(fee({ payments: [{ paidOn: '2026-03-17', amountFen: 1_000_000 }], asOf: '2026-06-30' })).toMatchObject({
      lateFeeFen: 30_000,
      daysCounted: 1,
      outstandingFineFen: 0,
    })
  })

  it('stops at the amount of the fine', () => {
    // 1,000 yuan due 01-10: day 33 (02-12) brings 99%, day 34 (02-13) would bring 102% → capped at 100%.
    const base = { fineFen: 100_000, dueOn: '2026-01-10' }
    expect(calculateLateFee({ ...base, asOf: '2026-02-12' })).toMatchObject({ lateFeeFen: 99_000, daysCounted: 33, capped: false })
    const capped = calculateLateFee({ ...base, asOf: '2026-12-31' })
    expect(capped).toMatchObject({ lateFeeFen: 100_000, daysCounted: 34, capped: true, outstandingFineFen: 100_000 })
    expect(capped.breakdown.at(-1)?.to).toBe('2026-02-13')
  })

  it('rounds down once, at the end, in whole fen', () => {
    // 3.33 yuan: 3% = 9.99 fen a day. One day → 9 fen; three days → 29.97 → 29 fen (not 3 × 9 = 27).
    const one = calculateLateFee({ fineFen: 333, dueOn: '2026-03-16', asOf: '2026-03-17' })
    const three = calculateLateFee({ fineFen: 333, dueOn: '2026-03-16', asOf: '2026-03-19' })
    expect(one.lateFeeFen).toBe(9)
    expect(three.lateFeeFen).toBe(29)
    expect(three.breakdown.reduce((sum, span) => sum + span.feeFen, 0)).toBe(29)
    for (const value of [three.lateFeeFen, ...three.breakdown.map((s) => s.feeFen)]) expect(Number.isInteger(value)).toBe(true)
  })
})

describe('paused during 行政复议 / 行政诉讼 (art. 73)', () => {
  it('does not count the days of a closed 复议', () => {
    // 03-17…03-20 counted (4); 复议 03-21…04-10 not; 04-11…04-15 counted (5): 9 × 30,000.
    const result = fee({ pauses: [{ from: '2026-03-21', to: '2026-04-10' }], asOf: '2026-04-15' })
    expect(result).toMatchObject({ lateFeeFen: 270_000, daysCounted: 9 })
    expect(result.breakdown).toEqual([
      { from: '2026-03-17', to: '2026-03-20', days: 4, baseFen: 1_000_000, paused: false, feeFen: 120_000 },
      { from: '2026-03-21', to: '2026-04-10', days: 21, baseFen: 1_000_000, paused: true, feeFen: 0 },
      { from: '2026-04-11', to: '2026-04-15', days: 5, baseFen: 1_000_000, paused: false, feeFen: 150_000 },
    ])
  })

  it('stops counting while a 诉讼 is still running', () => {
    expect(fee({ pauses: [{ from: '2026-03-21', to: null }], asOf: '2026-09-30' })).toMatchObject({ lateFeeFen: 120_000, daysCounted: 4, capped: false })
  })

  it('a remedy before the due date does not shift anything', () => {
    expect(fee({ pauses: [{ from: '2026-03-01', to: '2026-03-10' }] })).toMatchObject({ lateFeeFen: 300_000, daysCounted: 10 })
  })
})

describe('partial payments: the base is the fine still unpaid', () => {
  it('charges 3% of what is left after a payment', () => {
    // 03-17…03-20: 1,000,000 unpaid (the payment day counts) → 4 × 30,000 = 120,000;
    // 03-21…03-25: 600,000 unpaid → 5 × 18,000 = 90,000.
    const result = fee({ payments: [{ paidOn: '2026-03-20', amountFen: 400_000 }], asOf: '2026-03-25' })
    expect(result).toMatchObject({ lateFeeFen: 210_000, daysCounted: 9, outstandingFineFen: 600_000 })
    expect(result.breakdown.map((s) => [s.baseFen, s.days, s.feeFen])).toEqual([
      [1_000_000, 4, 120_000],
      [600_000, 5, 90_000],
    ])
  })

  it('a payment before the due date lowers the base from the start', () => {
    expect(fee({ payments: [{ paidOn: '2026-03-10', amountFen: 500_000 }] })).toMatchObject({ lateFeeFen: 150_000, outstandingFineFen: 500_000 })
  })

  it('ignores payments after asOf', () => {
    expect(fee({ payments: [{ paidOn: '2026-04-01', amountFen: 1_000_000 }] })).toMatchObject({ lateFeeFen: 300_000, outstandingFineFen: 1_000_000 })
  })

  it('reports an overpayment', () => {
    expect(fee({ payments: [{ paidOn: '2026-03-16', amountFen: 1_100_000 }] })).toMatchObject({ lateFeeFen: 0, outstandingFineFen: 0, overpaidFen: 100_000 })
  })
})

describe('deferral and instalments (art. 66)', () => {
  const instalments = [
    { dueOn: '2026-03-16', amountFen: 300_000 },
    { dueOn: '2026-04-16', amountFen: 300_000 },
    { dueOn: '2026-05-16', amountFen: 300_000 },
  ]

  it('each instalment runs from its own due date', () => {
    // 1st paid on time; 2nd paid 04-20 → 04-17…04-20 = 4 × 9,000; 3rd unpaid → 05-17…05-20 = 4 × 9,000.
    const result = calculateLateFee({
      fineFen: 900_000,
      instalments,
      payments: [
        { paidOn: '2026-03-16', amountFen: 300_000 },
        { paidOn: '2026-04-20', amountFen: 300_000 },
      ],
      asOf: '2026-05-20',
    })
    expect(result).toMatchObject({ lateFeeFen: 72_000, daysCounted: 8, outstandingFineFen: 300_000, overdueFineFen: 300_000 })
  })

  it('a payment goes to the oldest instalment first; instalments not yet due cost nothing', () => {
    // 600,000 paid on 03-20 covers the 1st (4 days late: 4 × 9,000) and the 2nd early.
    const result = calculateLateFee({ fineFen: 900_000, instalments, payments: [{ paidOn: '2026-03-20', amountFen: 600_000 }], asOf: '2026-04-30' })
    expect(result).toMatchObject({ lateFeeFen: 36_000, outstandingFineFen: 300_000, overdueFineFen: 0 })
  })

  it('a deferral is just a later due date', () => {
    expect(fee({ dueOn: '2026-04-16', asOf: '2026-04-20' })).toMatchObject({ lateFeeFen: 120_000, daysCounted: 4 })
  })

  it('refuses instalments that do not add up to the fine, or both forms at once', () => {
    expect(() => calculateLateFee({ fineFen: 1_000_000, instalments, asOf: '2026-05-20' })).toThrow(/add up/)
    expect(() => calculateLateFee({ fineFen: 900_000, dueOn: '2026-03-16', instalments, asOf: '2026-05-20' })).toThrow(InvalidArgumentError)
  })
})

describe('due date on a holiday (payment period in natural days)', () => {
  // Decision received 2025-09-16: 15 days → 10-01 (国庆 2025, 10-01…10-08 off); paid Thu 10-09.
  const moved = computeCaseDeadline(chinaWorkCalendar, { kind: 'payment', startsOn: '2025-09-16' })
  const unmoved = computeCaseDeadline(chinaWorkCalendar, { kind: 'payment', startsOn: '2025-09-16', moveOffRestDay: false })

  it('no fee when the rule set moves the due date to 10-09', () => {
    if (!moved.ok) throw new Error('2025 data is built in')
    expect(moved.dueOn).toBe('2025-10-09')
    expect(calculateLateFee({ fineFen: 50_000, dueOn: moved.dueOn, payments: [{ paidOn: '2025-10-09', amountFen: 50_000 }], asOf: '2025-10-31' }).lateFeeFen).toBe(0)
  })

  it('8 days when it does not move: 10-02 … 10-09', () => {
    if (!unmoved.ok) throw new Error('2025 data is built in')
    expect(unmoved.dueOn).toBe('2025-10-01')
    expect(calculateLateFee({ fineFen: 50_000, dueOn: unmoved.dueOn, payments: [{ paidOn: '2025-10-09', amountFen: 50_000 }], asOf: '2025-10-31' })).toMatchObject({
      lateFeeFen: 12_000,
      daysCounted: 8,
    })
  })
})

describe('input checks', () => {
  it('refuses amounts that are not whole fen, and malformed dates or pauses', () => {
    expect(() => fee({ fineFen: 100.5 })).toThrow(InvalidArgumentError)
    expect(() => fee({ fineFen: 0 })).toThrow(InvalidArgumentError)
    expect(() => fee({ payments: [{ paidOn: '2026-03-20', amountFen: -1 }] })).toThrow(InvalidArgumentError)
    expect(() => fee({ asOf: '2026-3-26' })).toThrow(InvalidArgumentError)
    expect(() => fee({ pauses: [{ from: '2026-03-21', to: '2026-03-20' }] })).toThrow(/ends before/)
  })
})
