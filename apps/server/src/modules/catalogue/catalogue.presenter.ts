import { type AdjustmentOp, labelOf, labels } from '@yangguang/core'
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
