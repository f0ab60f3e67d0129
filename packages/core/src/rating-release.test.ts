import { describe, expect, it } from 'vitest'
import { RATING_RELEASE_MIN_COUNT, type RatingObservation, releaseRatings } from './rating-release'

/** `count` ratings of `score` given on `day`. */
const given = (day: string, score: number, count = 1): RatingObservation[] => Array.from({ length: count }, () => ({ ratedOn: day, score }))

const Y2026 = { from: 2026, to: 2026 }
const ALL = { from: 2025, to: 2026 }
const cell = (r: ReturnType<typeof releaseRatings>, quarter: string) => r.quarters.find((c) => c.quarter === quarter)

describe('releaseRatings', () => {
  it('releases a closed quarter with five ratings and suppresses one with four, without any number', () => {
    const r = releaseRatings([...given('2026-02-10', 4, 5), ...given('2026-05-10', 1, 4)], { today: '2026-11-20', years: Y2026 })
    expect(cell(r, '2026-Q1')).toEqual({ quarter: '2026-Q1', from: '2026-01-01', to: '2026-03-31', released: true, ratedCount: 5, average: 4, distribution: [0, 0, 0, 5, 0] })
    expect(cell(r, '2026-Q2')).toEqual({ quarter: '2026-Q2', from: '2026-04-01', to: '2026-06-30', released: false, reason: 'too_few' })
    expect(r.total).toEqual({ releasedQuarters: 1, ratedCount: 5, average: 4, distribution: [0, 0, 0, 5, 0] })
  })

  it('never releases the quarter still running, however many ratings it holds, and lists no future quarter', () => {
    const r = releaseRatings(given('2026-10-02', 5, 30), { today: '2026-11-20', years: Y2026 })
    expect(cell(r, '2026-Q4')).toMatchObject({ released: false, reason: 'open' })
    expect(r.quarters.map((c) => c.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(r.total).toBeNull()
  })

  it('a quarter closes the day after its last day', () => {
    const ratings = given('2026-09-30', 3, 5)
    expect(cell(releaseRatings(ratings, { today: '2026-09-30', years: Y2026 }), '2026-Q3')).toMatchObject({ released: false, reason: 'open' })
    expect(cell(releaseRatings(ratings, { today: '2026-10-01', years: Y2026 }), '2026-Q3')).toMatchObject({ released: true, ratedCount: 5 })
  })

  it('does not tell an empty quarter from one with a single rating', () => {
    const r = releaseRatings(given('2026-05-01', 1), { today: '2026-11-20', years: Y2026 })
    const { quarter: _q1, from: _f1, to: _t1, ...empty } = cell(r, '2026-Q1')!
    const { quarter: _q2, from: _f2, to: _t2, ...single } = cell(r, '2026-Q2')!
    expect(single).toEqual(empty)
    expect(single).toEqual({ released: false, reason: 'too_few' })
  })

  it('lists the same quarters whether or not anyone rated: the list is the caller’s years, not the data', () => {
    const none = releaseRatings([], { today: '2026-11-20', years: ALL })
    const one = releaseRatings(given('2025-05-01', 2), { today: '2026-11-20', years: ALL })
    expect(one).toEqual(none)
    expect(none.quarters.map((c) => c.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
  })

  it('a region may raise the threshold but not lower it below five', () => {
    const ratings = given('2026-02-10', 2, 6)
    expect(releaseRatings(ratings, { today: '2026-11-20', minCount: 2, years: Y2026 }).minCount).toBe(RATING_RELEASE_MIN_COUNT)
    expect(cell(releaseRatings(given('2026-02-10', 2, 4), { today: '2026-11-20', minCount: 2, years: Y2026 }), '2026-Q1')).toMatchObject({ released: false })
    expect(cell(releaseRatings(ratings, { today: '2026-11-20', minCount: 7, years: Y2026 }), '2026-Q1')).toMatchObject({ released: false, reason: 'too_few' })
  })

  it('the differencing attack: all years minus one year, and a later query minus an earlier one, reveal no single rating', () => {
    // 2025-Q1 holds five ratings of 4; one 1 is given in 2026-Q1, alone in its quarter.
    const before = [...given('2025-02-01', 4, 5)]
    const after = [...before, ...given('2026-02-01', 1)]
    const allYears = releaseRatings(after, { today: '2026-11-20', years: ALL })
    const only2025 = releaseRatings(after, { today: '2026-11-20', years: { from: 2025, to: 2025 } })
    const only2026 = releaseRatings(after, { today: '2026-11-20', years: { from: 2026, to: 2026 } })
    // Every published total is the sum of released cells; the lone 1 is in none of them.
    expect(allYears.total).toEqual(only2025.total)
    expect(only2026.total).toBeNull()
    expect(allYears.total!.distribution[0]).toBe(0)
    // Asking before and after the rating was given: the released numbers are the same.
    expect(releaseRatings(before, { today: '2026-11-20', years: ALL }).total).toEqual(allYears.total)
    // A late rating cannot change a closed quarter: it is dated by when it was given.
    const late = releaseRatings([...after, ...given('2026-11-19', 1)], { today: '2026-11-20', years: ALL })
    expect(late.total).toEqual(allYears.total)
  })

  it('a total is never shown beside a suppressed cell it would let one derive', () => {
    // Q1 released (6), Q2 suppressed (2): a total of 8 would give Q2 as total − Q1.
    const r = releaseRatings([...given('2026-01-15', 5, 6), ...given('2026-04-15', 1, 2)], { today: '2026-11-20', years: Y2026 })
    const released = r.quarters.filter((c) => c.released)
    expect(r.total!.ratedCount).toBe(released.reduce((n, c) => n + (c.released ? c.ratedCount : 0), 0))
    expect(r.total!.ratedCount).toBe(6)
  })
})
