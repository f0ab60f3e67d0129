import { dutyAdjustmentOps, dutyCategories } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

const townshipCode = z.string().trim().regex(/^\d{9,12}$/, '乡镇代码格式不正确')

export const dutyItemContentInput = z.object({
  name: z.string().trim().min(2, '请填写事项名称').max(300).optional(),
  leadDepartment: z.string().trim().min(2, '请填写牵头部门').max(100).optional(),
  cooperatingDepartments: z.array(z.string().trim().min(2).max(100)).max(30).optional(),
  legalBasis: z.string().trim().max(1000).nullish(),
  powerItemId: z.uuid().nullish(),
})

export const createDutyAdjustmentBody = z.object({
  townshipCode,
  op: z.enum(dutyAdjustmentOps),
  dutyItemId: z.uuid().optional(),
  category: z.enum(dutyCategories).optional(),
  item: dutyItemContentInput.optional(),
  reason: z.string().trim().min(2, '请填写调整理由').max(1000),
})

export const approveDutyBody = z.object({
  /** 审批依据, e.g. 禄丰市机构编制委员会2025年第3次会议 or a document number. */
  approvalRef: z.string().trim().min(2, '请填写审批依据（会议或文号）').max(200),
  note: z.string().trim().max(500).optional(),
})

export const rejectDutyBody = z.object({ note: z.string().trim().min(2, '请填写驳回理由').max(500) })

export const dutyItemsQuery = pageQuery.extend({
  township: townshipCode.optional(),
  category: z.enum(dutyCategories).optional(),
  q: z.string().trim().max(50).optional(),
})

export const dutyAdjustmentsQuery = pageQuery.extend({
  township: townshipCode.optional(),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
})

const categoryCounts = { basic: z.number().int(), cooperative: z.number().int(), reclaimed: z.number().int() }

export const townshipSummaryView = z.object({ code: z.string(), name: z.string(), ...categoryCounts, pending: z.number().int(), actions: z.array(z.string()) })

export const dutySummaryView = z.object({
  townships: z.array(townshipSummaryView),
  totals: z.object(categoryCounts),
  adjustmentsByYear: z.array(z.object({ year: z.number().int(), approved: z.number().int(), rejected: z.number().int(), pending: z.number().int() })),
})

export const dutyItemView = z.object({
  id: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  category: z.enum(dutyCategories),
  categoryLabel: z.string(),
  seq: z.number().int(),
  name: z.string(),
  leadDepartment: z.string(),
  cooperatingDepartments: z.array(z.string()),
  legalBasis: z.string().nullable(),
  powerItem: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  actions: z.array(z.string()),
})

export const dutyProposalView = z.object({
  category: z.enum(dutyCategories).optional(),
  categoryLabel: z.string().optional(),
  fromCategory: z.enum(dutyCategories).optional(),
  name: z.string().optional(),
  leadDepartment: z.string().optional(),
  cooperatingDepartments: z.array(z.string()).optional(),
  legalBasis: z.string().nullable().optional(),
  powerItemId: z.string().nullable().optional(),
})

export const dutyAdjustmentView = z.object({
  id: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  op: z.enum(dutyAdjustmentOps),
  opLabel: z.string(),
  dutyItemId: z.string().nullable(),
  itemName: z.string(),
  itemCategory: z.enum(dutyCategories).nullable(),
  itemCategoryLabel: z.string().nullable(),
  proposal: dutyProposalView.nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  statusLabel: z.string(),
  approvalRef: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdByOrgName: z.string().nullable(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  actions: z.array(z.string()),
})

// ——— public ———

export const publicTownshipsView = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), ...categoryCounts })),
  totals: z.object(categoryCounts),
})

export const publicDutyItemView = z.object({
  townshipCode: z.string(),
  townshipName: z.string(),
  category: z.enum(dutyCategories),
  categoryLabel: z.string(),
  seq: z.number().int(),
  name: z.string(),
  leadDepartment: z.string(),
  cooperatingDepartments: z.array(z.string()),
  legalBasis: z.string().nullable(),
  powerItemCode: z.string().nullable(),
  powerItemName: z.string().nullable(),
})
