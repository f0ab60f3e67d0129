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
    if (!from || !isDate(from) || (to !== undefined && !isDate(to))) {
      invalid.push(token)
      continue
    }
    if (to === undefined) {
      dates.push(from)
      continue
    }
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`) && dates.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
      dates.push(d.toISOString().slice(0, 10))
    }
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
    if (prev && dayAfter(prev) === date) {
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

function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
}

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
