import { aggregateResults, reviewDrawAlgorithm, type AppliedDeduction, type ReviewAggregate, type ReviewStandard } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { batchActions, mayRespond, maySupervise } from './review.policy'
import type { BatchRow, FileRow, SheetRow, StandardRow } from './review.repository'
import { outcomesOf, seedDerivationZh } from './review.service'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)
const num = (v: string | null) => (v === null ? null : Number(v))

/**
 * A batch for staff screens, with the actions the actor may take now.
 *
 * @example
 * presentBatch(actor, row, true).actions // ['assign', 'publish']
 */
export function presentBatch(actor: Actor, b: BatchRow, allScored = false) {
  return {
    id: b.id,
    title: b.title,
    kind: b.kind,
    regionCode: b.region_code,
    regionName: b.region_name,
    orgIds: b.org_ids,
    fileKinds: b.file_kinds,
    closedFrom: b.closed_from,
    closedTo: b.closed_to,
    perUnit: b.per_unit,
    status: b.status,
    origin: b.origin,
    originNote: b.origin_note,
    poolDigest: b.pool_digest,
    poolSize: b.pool_size,
    frozenAt: iso(b.frozen_at),
    seed: b.seed,
    seedCheckpointSize: b.seed_checkpoint_size,
    seedCheckpointRoot: b.seed_checkpoint_root,
    seedBeacon: b.seed_beacon,
    drawnAt: iso(b.drawn_at),
    publishedAt: iso(b.published_at),
    actions: batchActions(actor, b, allScored) as string[],
  }
}

/**
 * A sampled file. Managers see every sheet with its reviewer; unit staff see the result and the deductions of the
 * deciding sheet, never the reviewers' names.
 */
export function presentFile(actor: Actor, f: FileRow, sheets: readonly SheetRow[], manager: boolean, batch: Pick<BatchRow, 'status' | 'region_path'>) {
  const own = sheets.filter((s) => s.file_id === f.id)
  const deciding = own.find((s) => s.id === f.result_sheet_id)
  const actions: string[] = []
  if (manager && (batch.status === 'drawn' || batch.status === 'reviewing')) actions.push('assign')
  if (batch.status === 'published' && mayRespond(actor, f.org_id)) actions.push('respond')
  if (maySupervise(actor, batch, deciding?.deductions?.length ?? 0)) actions.push('supervise')
  return {
    id: f.id,
    poolId: f.pool_id,
    orgId: f.org_id,
    orgCode: f.org_code,
    orgName: f.org_name,
    kind: f.kind,
    fileNo: f.file_no,
    title: f.title,
    closedOn: f.closed_on,
    rank: f.rank,
    drawHash: f.draw_hash,
    caseId: f.case_id,
    score: num(f.score),
    grade: f.grade,
    vetoed: f.vetoed,
    response: f.response,
    responseAt: iso(f.response_at),
    deductions: (deciding?.deductions ?? []) as AppliedDeduction[],
    sheets: manager
      ? own.map((s) => ({ id: s.id, role: s.role, reviewerName: s.reviewer_name, status: s.status, score: num(s.score), grade: s.grade }))
      : [],
    actions,
  }
}

/** Deduction code → its text, from every stored standard. */
export function deductionTexts(standards: readonly StandardRow[]): Map<string, string> {
  const texts = new Map<string, string>()
  for (const row of standards) {
    const body = row.body as ReviewStandard
    for (const section of body.sections) for (const item of section.items) for (const d of item.deductions) texts.set(d.code, d.text)
  }
  return texts
}

function withTexts<T extends ReviewAggregate>(a: T, texts: Map<string, string>) {
  return { ...a, topDeductions: a.topDeductions.map((d) => ({ ...d, text: texts.get(d.deductionCode) ?? d.deductionCode })) }
}

/**
 * Rates per batch, unit and file kind from the files' results (core's aggregateResults), with unit names and
 * deduction texts.
 */
export function presentResults(files: readonly FileRow[], sheets: readonly SheetRow[], texts: Map<string, string>) {
  const names = new Map(files.map((f) => [f.org_id, f.org_name]))
  const agg = aggregateResults(outcomesOf(files, sheets), { top: 5 })
  return {
    overall: withTexts(agg.overall, texts),
    byUnit: agg.byUnit.map((u) => ({ ...withTexts(u, texts), unitName: names.get(u.unitId) ?? u.unitId })),
    byKind: agg.byKind.map((k) => withTexts(k, texts)),
  }
}

/**
 * What the portal shows of a published batch. Public: pool text and digest, seed and the checkpoint it came from,
 * the algorithm, the drawn files (number, unit, kind, date, rank, hash) and the rates per unit. Not public: reviewers'
 * names, individual files' scores and deductions, the units' responses — those stay with the bureau and the unit.
 */
export function presentPublicBatch(b: BatchRow, files: readonly FileRow[], sheets: readonly SheetRow[], texts: Map<string, string>, full: boolean) {
  const results = presentResults(files, sheets, texts)
  const summary = {
    id: b.id,
    title: b.title,
    kind: b.kind,
    regionName: b.region_name,
    closedFrom: b.closed_from,
    closedTo: b.closed_to,
    origin: b.origin,
    originNote: b.origin_note,
    poolDigest: b.pool_digest,
    poolSize: b.pool_size,
    publishedAt: iso(b.published_at),
    overall: results.overall,
  }
  if (!full) return summary
  return {
    ...summary,
    perUnit: b.per_unit,
    poolText: b.pool_text,
    frozenAt: iso(b.frozen_at),
    seed: b.seed,
    seedCheckpointSize: b.seed_checkpoint_size,
    seedCheckpointRoot: b.seed_checkpoint_root,
    seedBeacon: b.seed_beacon,
    seedDerivation: seedDerivationZh,
    algorithm: { id: reviewDrawAlgorithm.id, descriptionZh: reviewDrawAlgorithm.descriptionZh },
    drawnFiles: files.map((f) => ({ poolId: f.pool_id, unitCode: f.org_code, unitName: f.org_name, kind: f.kind, fileNo: f.file_no, closedOn: f.closed_on, rank: f.rank, hash: f.draw_hash })),
    byUnit: results.byUnit,
  }
}
