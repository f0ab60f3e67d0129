import type { LegalBasis } from '../../platform/db/schema'

/** One item of a catalogue version as it stood in that version (a `catalogue_version_item` row). */
export type CatalogueItemSnapshot = {
  code: string
  name: string
  kind: string
  domain: string
  legalBasis: LegalBasis[]
  holderNames: string[]
}

export const diffFields = ['name', 'kind', 'domain', 'legalBasis', 'holderNames'] as const
export type DiffField = (typeof diffFields)[number]

/** A field that differs between two versions of one item, with both values. */
export type FieldChange =
  | { field: 'name' | 'kind' | 'domain'; before: string; after: string }
  | { field: 'legalBasis'; before: LegalBasis[]; after: LegalBasis[] }
  | { field: 'holderNames'; before: string[]; after: string[]; added: string[]; removed: string[] }

export type ModifiedItem = { code: string; before: CatalogueItemSnapshot; after: CatalogueItemSnapshot; changes: FieldChange[] }

export type CatalogueDiff = {
  /** In `to` only. */
  added: CatalogueItemSnapshot[]
  /** In `from` only. */
  removed: CatalogueItemSnapshot[]
  /** In both, with at least one field changed. */
  modified: ModifiedItem[]
  unchangedCount: number
}

/**
 * What changed from one catalogue version to another, item by item (matched by code) and field
 * by field. Order does not count: the holders are a set, and legal bases are compared sorted.
 * Text is compared after trimming, so a stray space is not reported as a change.
 *
 * @example
 * const d = diffCatalogues(items2024, items2025)
 * d.added.map((i) => i.code)          // ['CF-LC-032', …]
 * d.modified[0].changes[0].field      // 'legalBasis'
 */
export function diffCatalogues(from: CatalogueItemSnapshot[], to: CatalogueItemSnapshot[]): CatalogueDiff {
  const before = new Map(from.map((i) => [i.code, i]))
  const after = new Map(to.map((i) => [i.code, i]))
  const added = to.filter((i) => !before.has(i.code))
  const removed = from.filter((i) => !after.has(i.code))
  const modified: ModifiedItem[] = []
  let unchangedCount = 0
  for (const next of to) {
    const prev = before.get(next.code)
    if (!prev) continue
    const changes = itemChanges(prev, next)
    if (changes.length === 0) unchangedCount++
    else modified.push({ code: next.code, before: prev, after: next, changes })
  }
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)
  return { added: added.sort(byCode), removed: removed.sort(byCode), modified: modified.sort(byCode), unchangedCount }
}

/** The changed fields of one item, in a fixed order. */
export function itemChanges(prev: CatalogueItemSnapshot, next: CatalogueItemSnapshot): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of ['name', 'kind', 'domain'] as const) {
    if (prev[field].trim() !== next[field].trim()) changes.push({ field, before: prev[field], after: next[field] })
  }
  if (legalBasisKey(prev.legalBasis) !== legalBasisKey(next.legalBasis)) {
    changes.push({ field: 'legalBasis', before: prev.legalBasis, after: next.legalBasis })
  }
  const prevHolders = new Set(prev.holderNames.map((h) => h.trim()))
  const nextHolders = new Set(next.holderNames.map((h) => h.trim()))
  const holdersAdded = [...nextHolders].filter((h) => !prevHolders.has(h)).sort()
  const holdersRemoved = [...prevHolders].filter((h) => !nextHolders.has(h)).sort()
  if (holdersAdded.length > 0 || holdersRemoved.length > 0) {
    changes.push({ field: 'holderNames', before: prev.holderNames, after: next.holderNames, added: holdersAdded, removed: holdersRemoved })
  }
  return changes
}

function legalBasisKey(bases: LegalBasis[]): string {
  return JSON.stringify(bases.map((b) => [b.law.trim(), b.article.trim(), b.text.trim()]).sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000'))))
}
