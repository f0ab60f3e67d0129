import { lawfulRange, type PartyKind, type PenaltyKind, type StatutoryPenaltyRange } from '@yangguang/core'

/** A demo penalty: what the demo wants to propose, and what it proposes once made lawful. */
export type DemoPenalty = {
  kinds: PenaltyKind[]
  fineFen: number
  confiscateFen: number
  baseFen: number | null
  baseUnits: number | null
  baseEvidence: string | null
  /** The statutory minimum for this case (a lowered decision stays at or above it). */
  minFen: number
}

/**
 * Makes a demo penalty lawful under the item's statutory range, the way an officer would: the kinds the
 * provision allows plus the ones it makes mandatory; a base (违法所得, 工程合同价款, 面积…) chosen so the
 * wanted amount sits inside the multiple, with its evidence named; the fine moved into the range (in
 * whole hundreds of yuan where the range allows) and under `capFen` (the simple procedure's limit).
 * Null when no lawful penalty exists (the provision sets none, or the cap lies below its minimum).
 *
 * @example
 * lawfulDemoPenalty(permitRange, 'organization', { kinds: ['fine'], fineFen: 12_000_000, … }, null)
 * // → { kinds: ['fine'], fineFen: 12_000_000, baseFen: 800_000_000, baseEvidence: '工程合同价款以…认定', … }
 */
export function lawfulDemoPenalty(range: StatutoryPenaltyRange | null, partyKind: PartyKind, wanted: Omit<DemoPenalty, 'minFen'>, capFen: number | null): DemoPenalty | null {
  if (!range || range.kinds.length === 0) return null
  const allowed = wanted.kinds.filter((k) => range.kinds.includes(k))
  const kinds = [...new Set([...allowed, ...(range.mandatory ?? [])])]
  if (kinds.length === 0) kinds.push(range.kinds.includes('fine') ? 'fine' : range.kinds[0]!)
  const confiscates = kinds.some((k) => k === 'confiscate_gains' || k === 'confiscate_property')
  const confiscateFen = confiscates ? wanted.confiscateFen || 500_000 : 0
  if (!kinds.includes('fine')) return { kinds, fineFen: 0, confiscateFen, baseFen: null, baseUnits: null, baseEvidence: null, minFen: 0 }

  const band = range.fines.find((f) => f.party === partyKind) ?? range.fines.find((f) => !f.party)
  if (!band) return null
  const want = Math.max(wanted.fineFen, 5_000)
  let baseFen: number | null = null
  let baseUnits: number | null = null
  let baseEvidence: string | null = null
  if (band.kind === 'multiple') {
    const middle = band.max === null ? band.min * 1.5 : (band.min + band.max) / 2
    baseFen = wanted.baseFen && wanted.baseFen > 0 ? wanted.baseFen : Math.max(100_000, Math.round(want / middle / 10_000) * 10_000)
    baseEvidence = `${band.base}以询问笔录、现场勘验笔录及有关票据、合同认定（见证据材料）`
  } else if (band.kind === 'per_unit') {
    const middle = band.maxFenPerUnit === null ? band.minFenPerUnit * 1.5 : (band.minFenPerUnit + band.maxFenPerUnit) / 2
    baseUnits = Math.max(1, Math.round(want / middle))
    baseEvidence = `${band.base}以现场勘测图和测量记录认定（见证据材料）`
  }
  const lawful = lawfulRange(range, { partyKind, baseFen, baseUnits })
  if (!lawful.ok || !lawful.fine) return null
  const lo = Math.max(lawful.fine.minFen, 1)
  const hi = Math.min(lawful.fine.maxFen ?? Number.MAX_SAFE_INTEGER, capFen ?? Number.MAX_SAFE_INTEGER)
  if (hi < lo) return null
  const clamped = Math.min(hi, Math.max(lo, want))
  // Whole hundreds of yuan where the range holds one; else the exact bound.
  const rounded = Math.round(clamped / 10_000) * 10_000
  const fineFen = rounded >= lo && rounded <= hi ? rounded : clamped
  return { kinds, fineFen, confiscateFen, baseFen, baseUnits, baseEvidence, minFen: lawful.fine.minFen }
}
