import type { DiscretionTier, PenaltyKind } from '@yangguang/core'

/** A provision as the discretion API returns it. */
export type Provision = { law: string; article: string; text?: string }

export type TierView = {
  tier: DiscretionTier
  tierLabel: string
  conditions: string[]
  kinds: PenaltyKind[]
  kindLabels: string[]
  fineMinFen: number | null
  fineMaxFen: number | null
  multipleMin: number | null
  multipleMax: number | null
  note: string | null
  rangeText: string
}

export type StatutoryView = {
  kinds: PenaltyKind[]
  kindLabels: string[]
  fineMinFen: number | null
  fineMaxFen: number | null
  multipleMin: number | null
  multipleMax: number | null
  multipleOf: string | null
  text: string
}

/** `GET /api/public/benchmarks` items. */
export type PublicBenchmark = {
  id: string
  code: string
  version: number
  powerItem: { id: string; code: string; name: string; domain: string }
  regionCode: string
  regionName: string
  violation: string
  violationBasis: Provision[]
  penaltyBasis: Provision[]
  statutory: StatutoryView
  tiers: TierView[]
  effectiveFrom: string | null
  publishedAt: string | null
}

/** `GET /api/public/no-penalty-items` items. */
export type PublicNoPenaltyItem = {
  id: string
  listKind: 'first_violation' | 'minor'
  listKindLabel: string
  powerItem: { id: string; code: string; name: string; domain: string }
  regionName: string
  violation: string
  legalBasis: Provision[]
  conditions: string[]
  correctionDays: number | null
  educationMeasure: string
  publishedAt: string | null
}

export function cite(p: Provision): string {
  return `《${p.law}》${p.article}`
}
