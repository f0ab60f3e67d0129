/**
 * What a unit may learn of the ratings enterprises gave its inspections (企业评价), as one rule for
 * every summary the server answers.
 *
 * The threat is differencing: a unit that can ask for two aggregates whose sets of ratings differ by
 * one rating learns that rating (all years minus one year; this week minus last week; a cell shown
 * beside a total). So:
 *
 * - **Fixed cells.** Ratings are counted in calendar quarters of the day they were *given* — never
 *   in a range the caller chooses, so no two answers ever cover overlapping but different sets.
 * - **Closed cells only.** A quarter is released once it has ended. Ratings are dated by when they
 *   were given, so nothing joins a closed quarter later: its numbers never change, and asking again
 *   next week reveals nothing new. (Counting by inspection date would let a late rating change an
 *   old cell by exactly one.) The cost: a unit waits up to a quarter for feedback.
 * - **At least {@link RATING_RELEASE_MIN_COUNT} per cell.** A closed quarter with fewer is
 *   suppressed, and so is an empty one (telling 0 from 1–4 apart would say that someone rated).
 * - **Totals are sums of released cells.** Nothing is ever shown that includes a suppressed cell,
 *   so no suppressed cell can be derived as a total minus the others: complementary suppression is
 *   not needed because no complement is published.
 *
 * Quarters rather than months: a unit with a few dozen inspections a year fills a quarter to five
 * ratings far more often than a month. Rather than years: a year would withhold all feedback for
 * up to twelve months.
 */

/** Fewest ratings a released quarter holds. A region's setting may raise it, never lower it. */
export const RATING_RELEASE_MIN_COUNT = 5

/** One rating as the rule sees it: the day it was given (Asia/Shanghai) and its score 1–5. */
export type RatingObservation = { ratedOn: string; score: number }

/** One quarter's cell. Suppressed cells carry no number at all. */
export type RatingCell =
  | { quarter: string; from: string; to: string; released: true; ratedCount: number; average: number; distribution: number[] }
  | { quarter: string; from: string; to: string; released: false; reason: 'open' | 'too_few' }

export type RatingRelease = {
  /** The threshold applied: the larger of the region's setting and {@link RATING_RELEASE_MIN_COUNT}. */
  minCount: number
  quarters: RatingCell[]
  /** Over the released quarters only; null when none is released. */
  total: { releasedQuarters: number; ratedCount: number; average: number; distribution: number[] } | null
}

/**
 * Cuts ratings into calendar quarters and releases the closed ones holding at least `minCount`.
 * Quarters are listed for the years `from`–`to`, which the caller takes from what the unit knows
 * anyway (its first inspection's year to this year) — never from the ratings, or the list itself
 * would say that a rating exists. Quarters that have not begun are left out; ratings outside the
 * years count nowhere.
 *
 * @example
 * releaseRatings([{ ratedOn: '2026-02-03', score: 4 }, …], { today: '2026-11-20', years: { from: 2026, to: 2026 } })
 * // { minCount: 5, quarters: [{ quarter: '2026-Q1', released: true, ratedCount: 6, average: 4.17, … },
 * //   { quarter: '2026-Q2', released: false, reason: 'too_few' }, …, { quarter: '2026-Q4', released: false, reason: 'open' }],
 * //   total: { releasedQuarters: 1, ratedCount: 6, … } }
 */
export function releaseRatings(
  ratings: readonly RatingObservation[],
  options: { today: string; minCount?: number; years: { from: number; to: number } },
): RatingRelease {
  const minCount = Math.max(RATING_RELEASE_MIN_COUNT, options.minCount ?? 0)
  const quarters: RatingCell[] = []
  for (let year = options.years.from; year <= options.years.to; year++) {
    for (let q = 1; q <= 4; q++) {
      const { from, to } = quarterBounds(year, q)
      if (from > options.today) continue
      const quarter = `${year}-Q${q}`
      if (to >= options.today) {
        quarters.push({ quarter, from, to, released: false, reason: 'open' })
        continue
      }
      const scores = ratings.filter((r) => r.ratedOn >= from && r.ratedOn <= to).map((r) => r.score)
      if (scores.length < minCount) quarters.push({ quarter, from, to, released: false, reason: 'too_few' })
      else quarters.push({ quarter, from, to, released: true, ...aggregate(scores) })
    }
  }
  const released = quarters.filter((c): c is Extract<RatingCell, { released: true }> => c.released)
  if (released.length === 0) return { minCount, quarters, total: null }
  const distribution = [0, 1, 2, 3, 4].map((i) => released.reduce((n, c) => n + c.distribution[i], 0))
  const ratedCount = released.reduce((n, c) => n + c.ratedCount, 0)
  const sum = distribution.reduce((n, count, i) => n + count * (i + 1), 0)
  return { minCount, quarters, total: { releasedQuarters: released.length, ratedCount, average: round2(sum / ratedCount), distribution } }
}

function quarterBounds(year: number, q: number): { from: string; to: string } {
  const firstMonth = (q - 1) * 3 + 1
  const lastMonth = firstMonth + 2
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` }
}

function aggregate(scores: number[]): { ratedCount: number; average: number; distribution: number[] } {
  const distribution = [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length)
  return { ratedCount: scores.length, average: round2(scores.reduce((a, b) => a + b, 0) / scores.length), distribution }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
