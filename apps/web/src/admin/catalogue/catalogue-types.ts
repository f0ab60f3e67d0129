import type { DutyAdjustmentOp, DutyCategory, OrgKind, PowerKind, StatutoryPenaltyRange } from '@yangguang/core'
import type { CatalogueItem, FieldChange, LegalBasis } from '../../portal/catalogue/catalogue-view'

export type { CatalogueDiff, CatalogueItem, FieldChange, LegalBasis } from '../../portal/catalogue/catalogue-view'

export type PowerItem = {
  id: string
  code: string
  name: string
  kind: PowerKind
  kindLabel: string
  domain: string
  legalBasis: LegalBasis[]
  /** 法定处罚幅度 (penalty items); null until entered. */
  statutoryRange: StatutoryPenaltyRange | null
  statutoryRangeText: string | null
  holders: Array<{ entityId: string; name: string; orgId: string }>
  status: 'active' | 'repealed'
  statusLabel: string
  updatedAt: string
  actions: string[]
}

export type HolderOption = { id: string; name: string; orgId: string; orgKind: OrgKind; regionName: string }

export type CatalogueVersion = {
  id: string
  title: string
  year: number
  regionCode: string
  regionName: string
  status: 'draft' | 'approved' | 'published' | 'superseded'
  statusLabel: string
  basedOnId: string | null
  basedOnTitle: string | null
  meetingName: string | null
  meetingDate: string | null
  approvalDocNo: string | null
  approvedAt: string | null
  approvedByName: string | null
  publishedAt: string | null
  createdAt: string
  createdByName: string | null
  itemCount: number
  pendingAdjustments: number
  actions: string[]
}

export type CatalogueAdjustment = {
  id: string
  versionId: string
  op: 'add' | 'remove' | 'modify'
  opLabel: string
  itemCode: string
  itemName: string
  proposal: CatalogueItem | null
  changes: FieldChange[]
  reason: string
  status: 'pending' | 'accepted' | 'rejected'
  statusLabel: string
  createdByName: string | null
  createdByOrgName: string | null
  createdAt: string
  decidedByName: string | null
  decidedAt: string | null
  decisionNote: string | null
  actions: string[]
}

export type TownshipSummary = { code: string; name: string; basic: number; cooperative: number; reclaimed: number; pending: number; actions: string[] }

export type DutySummary = {
  townships: TownshipSummary[]
  totals: { basic: number; cooperative: number; reclaimed: number }
  adjustmentsByYear: Array<{ year: number; approved: number; rejected: number; pending: number }>
}

export type DutyItem = {
  id: string
  townshipCode: string
  townshipName: string
  category: DutyCategory
  categoryLabel: string
  seq: number
  name: string
  leadDepartment: string
  cooperatingDepartments: string[]
  legalBasis: string | null
  powerItem: { id: string; code: string; name: string } | null
  actions: string[]
}

export type DutyAdjustment = {
  id: string
  townshipCode: string
  townshipName: string
  op: DutyAdjustmentOp
  opLabel: string
  dutyItemId: string | null
  itemName: string
  itemCategory: DutyCategory | null
  itemCategoryLabel: string | null
  proposal: {
    category?: DutyCategory
    categoryLabel?: string
    fromCategory?: DutyCategory
    name?: string
    leadDepartment?: string
    cooperatingDepartments?: string[]
    legalBasis?: string | null
  } | null
  reason: string
  status: 'pending' | 'approved' | 'rejected'
  statusLabel: string
  approvalRef: string | null
  decisionNote: string | null
  createdByName: string | null
  createdByOrgName: string | null
  createdAt: string
  decidedByName: string | null
  decidedAt: string | null
  actions: string[]
}
