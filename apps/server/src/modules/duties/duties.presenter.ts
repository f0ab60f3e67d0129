import { type DutyCategory, labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { canProposeDuty, dutyAdjustmentActions, dutyItemActions } from './duties.policy'
import type { DutyAdjustmentRow, DutyItemRow } from './duties.repository'
import type { DutyProposal } from './duties.service'

type CategoryCounts = { basic: number; cooperative: number; reclaimed: number }

export function presentTownship(actor: Actor, row: CategoryCounts & { code: string; name: string; path: string; pending: number; government_org_id: string | null }) {
  return {
    code: row.code,
    name: row.name,
    basic: row.basic,
    cooperative: row.cooperative,
    reclaimed: row.reclaimed,
    pending: row.pending,
    actions: canProposeDuty(actor, { path: row.path, governmentOrgId: row.government_org_id }) ? ['propose'] : [],
  }
}

export function totalsOf(rows: CategoryCounts[]) {
  return rows.reduce((t, r) => ({ basic: t.basic + r.basic, cooperative: t.cooperative + r.cooperative, reclaimed: t.reclaimed + r.reclaimed }), {
    basic: 0,
    cooperative: 0,
    reclaimed: 0,
  })
}

export function presentDutyItem(actor: Actor, row: DutyItemRow) {
  return {
    id: row.id,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    category: row.category,
    categoryLabel: labels.dutyCategory[row.category],
    seq: row.seq,
    name: row.name,
    leadDepartment: row.lead_department,
    cooperatingDepartments: row.cooperating_departments,
    legalBasis: row.legal_basis,
    powerItem: row.power_item_id && row.power_item_code ? { id: row.power_item_id, code: row.power_item_code, name: row.power_item_name ?? '' } : null,
    actions: dutyItemActions(actor, row, { path: row.township_path, governmentOrgId: row.government_org_id }),
  }
}

export function presentDutyAdjustment(actor: Actor, row: DutyAdjustmentRow) {
  const proposal = row.proposal as DutyProposal | null
  return {
    id: row.id,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    op: row.op,
    opLabel: labels.dutyAdjustmentOp[row.op],
    dutyItemId: row.duty_item_id,
    itemName: row.item_name ?? proposal?.name ?? '',
    itemCategory: row.item_category,
    itemCategoryLabel: row.item_category ? labels.dutyCategory[row.item_category] : null,
    proposal: proposal && { ...proposal, ...(proposal.category ? { categoryLabel: labels.dutyCategory[proposal.category as DutyCategory] } : {}) },
    reason: row.reason,
    status: row.status,
    statusLabel: labels.adjustmentStatus[row.status] ?? row.status,
    approvalRef: row.approval_ref,
    decisionNote: row.decision_note,
    createdByName: row.created_by_name,
    createdByOrgName: row.created_by_org_name,
    createdAt: row.created_at.toISOString(),
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at?.toISOString() ?? null,
    actions: dutyAdjustmentActions(actor, row, { path: row.township_path, governmentOrgId: row.government_org_id }),
  }
}

/** The portal's view of a duty item: the published list's columns, no internal ids. */
export function presentPublicDutyItem(row: DutyItemRow) {
  return {
    townshipCode: row.township_code,
    townshipName: row.township_name,
    category: row.category,
    categoryLabel: labels.dutyCategory[row.category],
    seq: row.seq,
    name: row.name,
    leadDepartment: row.lead_department,
    cooperatingDepartments: row.cooperating_departments,
    legalBasis: row.legal_basis,
    powerItemCode: row.power_item_code,
    powerItemName: row.power_item_name,
  }
}
