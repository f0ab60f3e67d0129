import { type AdjustmentOp, type StatutoryPenaltyRange, citeProvision, labelOf, labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { type CatalogueDiff, type CatalogueItemSnapshot, type FieldChange, itemChanges } from './catalogue-diff'
import { adjustmentActions, powerItemActions, type VersionFacts, versionActions } from './catalogue.policy'
import type { AdjustmentRow, PowerItemRow, VersionRow } from './catalogue.repository'

export function presentPowerItem(actor: Actor, row: PowerItemRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    kindLabel: labels.powerKind[row.kind],
    domain: row.domain,
    legalBasis: row.legal_basis.map(({ law, article, text }) => ({ law, article, text })),
    statutoryRange: row.statutory_range ? { ...row.statutory_range, mandatory: row.statutory_range.mandatory ?? [] } : null,
    statutoryRangeText: row.statutory_range ? describeStatutoryRange(row.statutory_range) : null,
    holders: row.holders.map(({ entityId, name, orgId }) => ({ entityId, name, orgId })),
    status: row.status,
    statusLabel: labels.powerItemStatus[row.status],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: powerItemActions(actor, row),
  }
}

export function versionFacts(row: VersionRow): VersionFacts {
  return { status: row.status, regionPath: row.region_path, pendingCount: row.pending_count, itemCount: row.item_count }
}

export function presentVersion(actor: Actor, row: VersionRow) {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    regionCode: row.region_code,
    regionName: row.region_name,
    status: row.status,
    statusLabel: labels.catalogueVersionStatus[row.status],
    basedOnId: row.based_on_id,
    basedOnTitle: row.based_on_title,
    meetingName: row.meeting_name,
    meetingDate: row.meeting_date,
    approvalDocNo: row.approval_doc_no,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedByName: row.approved_by_name,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    itemCount: row.item_count,
    pendingAdjustments: row.pending_count,
    actions: versionActions(actor, versionFacts(row)),
  }
}

export function presentSnapshot(item: CatalogueItemSnapshot) {
  return {
    code: item.code,
    name: item.name,
    kind: item.kind,
    kindLabel: labelOf('powerKind', item.kind),
    domain: item.domain,
    legalBasis: item.legalBasis.map(({ law, article, text }) => ({ law, article, text })),
    holderNames: item.holderNames,
  }
}

/**
 * An adjustment request. `current` is the draft's item with that code now; while the request is
 * pending, `changes` says field by field what accepting it would do.
 */
export function presentAdjustment(actor: Actor, row: AdjustmentRow, version: VersionRow, current: CatalogueItemSnapshot | undefined) {
  const proposal = row.proposal ? (row.proposal as CatalogueItemSnapshot) : null
  const changes: FieldChange[] = row.status === 'pending' && row.op === 'modify' && proposal && current ? itemChanges(current, proposal) : []
  return {
    id: row.id,
    versionId: row.version_id,
    op: row.op,
    opLabel: labels.adjustmentOp[row.op as AdjustmentOp],
    itemCode: row.item_code,
    itemName: proposal?.name ?? current?.name ?? row.item_code,
    proposal: proposal && presentSnapshot(proposal),
    changes,
    reason: row.reason,
    status: row.status,
    statusLabel: labels.adjustmentStatus[row.status] ?? row.status,
    createdByName: row.created_by_name,
    createdByOrgName: row.created_by_org_name,
    createdAt: row.created_at.toISOString(),
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    actions: adjustmentActions(actor, row, versionFacts(version)),
  }
}

export function presentVersionSummary(row: VersionRow) {
  return { id: row.id, title: row.title, year: row.year, status: row.status, statusLabel: labels.catalogueVersionStatus[row.status] }
}

export function presentDiff(diff: CatalogueDiff) {
  return {
    added: diff.added.map(presentSnapshot),
    removed: diff.removed.map(presentSnapshot),
    modified: diff.modified.map((m) => ({ code: m.code, before: presentSnapshot(m.before), after: presentSnapshot(m.after), changes: m.changes })),
    unchangedCount: diff.unchangedCount,
  }
}

/**
 * The portal's view of a version: what the government published (title, the meeting that
 * decided it, when) — never who drafted or approved it inside the platform.
 */
export function presentPublicVersion(row: VersionRow) {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    regionCode: row.region_code,
    regionName: row.region_name,
    status: row.status as 'published' | 'superseded',
    statusLabel: row.status === 'published' ? '现行有效' : '已被替代',
    meetingName: row.meeting_name,
    meetingDate: row.meeting_date,
    approvalDocNo: row.approval_doc_no,
    publishedAt: row.published_at?.toISOString() ?? null,
    itemCount: row.item_count,
  }
}

/**
 * 法定处罚幅度 in one Chinese sentence: the provision, the kinds (mandatory ones marked) and each fine
 * band as the law words it.
 *
 * @example
 * describeStatutoryRange(range) // '《城市道路管理条例》第四十二条：罚款；罚款2万元以下'
 */
export function describeStatutoryRange(range: StatutoryPenaltyRange): string {
  const kinds = range.kinds.map((k) => `${labels.penaltyKind[k]}${range.mandatory?.includes(k) ? '（应当）' : ''}`).join('、') || '不设行政处罚种类'
  const fines = range.fines.map((f) => {
    const who = f.party ? `对${f.party === 'person' ? '个人' : '单位'}` : ''
    if (f.kind === 'fixed') return `${who}${amountText(f.minFen, f.maxFen)}`
    if (f.kind === 'per_unit') return `${who}按${f.base}每${f.unit}${amountText(f.minFenPerUnit, f.maxFenPerUnit)}`
    const percent = (f.max ?? f.min) < 1
    const n = (x: number) => (percent ? `${Number((x * 100).toFixed(4))}%` : `${Number(x.toFixed(6))}倍`)
    const multiples = f.max === null ? `${n(f.min)}以上` : f.min === 0 ? `${n(f.max)}以下` : `${n(f.min)}以上${n(f.max)}以下`
    return `${who}${f.base}的${multiples}${f.fallback ? `（${f.fallback.when}，${amountText(f.fallback.minFen, f.fallback.maxFen)}）` : ''}`
  })
  return `${citeProvision(range.basis)}：${kinds}${fines.length ? `；罚款${fines.join('，')}` : ''}${range.note ? `。${range.note}` : ''}`
}

function amountText(minFen: number, maxFen: number | null): string {
  const yuan = (fen: number) => (fen % 1_000_000 === 0 && fen >= 1_000_000 ? `${fen / 1_000_000}万元` : `${fen / 100}元`)
  if (maxFen === null) return minFen > 0 ? `${yuan(minFen)}以上` : '数额未规定'
  return minFen === 0 ? `${yuan(maxFen)}以下` : `${yuan(minFen)}以上${yuan(maxFen)}以下`
}
