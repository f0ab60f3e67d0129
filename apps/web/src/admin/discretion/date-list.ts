import { addCalendarDays, compareIsoDates, isIsoDate } from '@yangguang/core'

/**
 * Dates typed by an admin: one per line or separated by commas, with `a~b` (or `a至b`) for a
 * block of consecutive days, as the State Council notice writes them.
 *
 * @example
 * parseDateList('2027-01-01~2027-01-03\n2027-02-06') // ['2027-01-01','2027-01-02','2027-01-03','2027-02-06']
 */
export function parseDateList(text: string): { dates: string[]; invalid: string[] } {
  const dates: string[] = []
  const invalid: string[] = []
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const [from, to] = token.split(/~|至|—|–/)
    if (!from || !isIsoDate(from) || (to !== undefined && !isIsoDate(to))) {
      invalid.push(token)
      continue
    }
    if (to === undefined) {
      dates.push(from)
      continue
    }
    for (let d = from; compareIsoDates(d, to) <= 0 && dates.length < 400; d = addCalendarDays(d, 1)) dates.push(d)
  }
  return { dates: [...new Set(dates)].sort(), invalid }
}

/** Consecutive dates folded back into `a~b` blocks, one per line, for editing. */
export function formatDateList(dates: string[]): string {
  const lines: string[] = []
  let start: string | null = null
  let prev: string | null = null
  const flush = () => start && lines.push(start === prev ? start : `${start}~${prev}`)
  for (const date of [...dates].sort()) {
    if (prev && addCalendarDays(prev, 1) === date) {
      prev = date
      continue
    }
    flush()
    start = date
    prev = date
  }
  flush()
  return lines.join('\n')
}
