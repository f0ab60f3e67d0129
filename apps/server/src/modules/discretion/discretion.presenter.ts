import { type BenchmarkTier, type DiscretionOutcome, type StatutoryRange, formatYuan, labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { type DiscretionFacts, discretionActions } from './discretion.policy'
import type { BenchmarkRow, NoPenaltyRow } from './discretion.repository'

/** The fields the portal may show of a published benchmark: everything but who drafted it. */
export function presentPublicBenchmark(row: BenchmarkRow) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    powerItem: { id: row.power_item_id, code: row.item_code, name: row.item_name, domain: row.item_domain },
    regionCode: row.region_code,
    regionName: row.region_name,
    violation: row.violation,
    violationBasis: row.violation_basis.map(provision),
    penaltyBasis: row.penalty_basis.map(provision),
    statutory: presentStatutory(row.statutory),
    tiers: row.tiers.map((t) => presentTier(t, row.statutory.multipleOf ?? null)),
    effectiveFrom: row.effective_from,
    publishedAt: row.published_at?.toISOString() ?? null,
  }
}

export function presentBenchmark(actor: Actor, row: BenchmarkRow, facts: DiscretionFacts) {
  return {
    ...presentPublicBenchmark(row),
    status: row.status,
    statusLabel: labels.discretionStatus[row.status],
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: discretionActions(actor, facts, ['update', 'delete', 'publish', 'revise', 'withdraw']),
  }
}

export function presentVersionSummary(v: { id: string; version: number; status: 'draft' | 'published' | 'superseded'; published_at: Date | null; updated_at: Date }) {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    statusLabel: labels.discretionStatus[v.status],
    publishedAt: v.published_at?.toISOString() ?? null,
    updatedAt: v.updated_at.toISOString(),
  }
}

export function presentPublicNoPenalty(row: NoPenaltyRow) {
  return {
    id: row.id,
    listKind: row.list_kind,
    listKindLabel: labels.noPenaltyListKind[row.list_kind],
    powerItem: { id: row.power_item_id, code: row.item_code, name: row.item_name, domain: row.item_domain },
    regionCode: row.region_code,
    regionName: row.region_name,
    violation: row.violation,
    legalBasis: row.legal_basis.map(provision),
    conditions: row.conditions,
    correctionDays: row.correction_days,
    educationMeasure: row.education_measure,
    publishedAt: row.published_at?.toISOString() ?? null,
  }
}

export function presentNoPenalty(actor: Actor, row: NoPenaltyRow, facts: DiscretionFacts) {
  return {
    ...presentPublicNoPenalty(row),
    status: row.status,
    statusLabel: labels.discretionStatus[row.status],
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: discretionActions(actor, facts, ['update', 'delete', 'publish', 'withdraw']),
  }
}

export function presentCalculation(outcome: Extract<DiscretionOutcome, { ok: true }>, row: BenchmarkRow) {
  return {
    tier: outcome.tier,
    tierLabel: labels.discretionTier[outcome.tier],
    kinds: outcome.kinds,
    kindLabels: outcome.kinds.map((k) => labels.penaltyKind[k]),
    minFen: outcome.minFen,
    maxFen: outcome.maxFen,
    statutoryMinFen: outcome.statutoryMinFen,
    statutoryMaxFen: outcome.statutoryMaxFen,
    rangeKind: outcome.rangeKind,
    basis: outcome.basis.map(provision),
    explanation: outcome.explanation,
    warnings: outcome.warnings,
    benchmark: { id: row.id, code: row.code, version: row.version, status: row.status },
  }
}

/**
 * A range in words: 「罚款1,000.00元至5,000.00元」, 「工程合同价款的1%至2%」, 「违法所得的1倍至3倍；
 * 无违法所得的，罚款2万元以下」.
 *
 * @example
 * ```ts
 * describeRange({ fineMinFen: 100000, fineMaxFen: 500000 }, null) // '罚款1,000.00元至5,000.00元'
 * ```
 */
export function describeRange(r: Pick<BenchmarkTier, 'fineMinFen' | 'fineMaxFen' | 'multipleMin' | 'multipleMax'>, multipleOf: string | null): string {
  const parts: string[] = []
  const mulMin = r.multipleMin ?? null
  const mulMax = r.multipleMax ?? null
  if (mulMin !== null || mulMax !== null) {
    const percent = (mulMax ?? mulMin ?? 0) < 1
    const show = (n: number) => (percent ? `${trim(n * 100)}%` : `${trim(n)}倍`)
    const span = mulMin !== null && mulMax !== null ? `${show(mulMin)}至${show(mulMax)}` : mulMax !== null ? `${show(mulMax)}以下` : `${show(mulMin ?? 0)}以上`
    parts.push(`${multipleOf ?? '计罚基数'}的${span}`)
  }
  const min = r.fineMinFen ?? null
  const max = r.fineMaxFen ?? null
  if (min !== null || max !== null) {
    const span = min !== null && max !== null ? (min === max ? `${yuan(min)}` : `${yuan(min)}至${yuan(max)}`) : max !== null ? `${yuan(max)}以下` : `${yuan(min ?? 0)}以上`
    parts.push(parts.length > 0 ? `没有${multipleOf ?? '计罚基数'}的，罚款${span}` : `罚款${span}`)
  }
  return parts.join('；')
}

function presentStatutory(s: StatutoryRange) {
  const range = describeRange(s, s.multipleOf ?? null)
  const kinds = s.kinds.filter((k) => k !== 'fine').map((k) => labels.penaltyKind[k])
  return {
    kinds: s.kinds,
    kindLabels: s.kinds.map((k) => labels.penaltyKind[k]),
    fineMinFen: s.fineMinFen ?? null,
    fineMaxFen: s.fineMaxFen ?? null,
    multipleMin: s.multipleMin ?? null,
    multipleMax: s.multipleMax ?? null,
    multipleOf: s.multipleOf ?? null,
    text: [...kinds, range].filter(Boolean).join('；') || '—',
  }
}

function presentTier(t: BenchmarkTier, multipleOf: string | null) {
  const range = describeRange(t, multipleOf)
  const kinds = t.kinds.filter((k) => k !== 'fine' || !range).map((k) => labels.penaltyKind[k])
  return {
    tier: t.tier,
    tierLabel: labels.discretionTier[t.tier],
    conditions: t.conditions,
    kinds: t.kinds,
    kindLabels: t.kinds.map((k) => labels.penaltyKind[k]),
    fineMinFen: t.fineMinFen ?? null,
    fineMaxFen: t.fineMaxFen ?? null,
    multipleMin: t.multipleMin ?? null,
    multipleMax: t.multipleMax ?? null,
    note: t.note ?? null,
    rangeText: t.tier === 'exempt' ? '不予行政处罚，进行教育' : [...kinds, range].filter(Boolean).join('；') || '—',
  }
}

function provision(p: { law: string; article: string; text?: string }) {
  return p.text ? { law: p.law, article: p.article, text: p.text } : { law: p.law, article: p.article }
}

function yuan(fen: number): string {
  return `${formatYuan(fen)}元`
}

function trim(n: number): string {
  return String(Number(n.toFixed(6)))
}
