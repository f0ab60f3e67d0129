import { z } from 'zod'

/** zod schemas of the supervision routes: requests, and the views every 2xx response declares. */

const responseUnit = z.enum(['working_days', 'natural_days'])
export const sourceKind = z.enum(['review_finding', 'inspection_oversight', 'complaint', 'daily_supervision', 'case', 'escalation'])
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`)

export const docTypeCodeParams = z.object({ code: z.string().min(1).max(40) })

export const templateSchema = z.object({ opening: text(2000, '开头'), requirement: text(2000, '整改要求'), closing: text(500, '结尾') })

/** Whose set of document types: administrators may name a region (default: the platform's); supervisors only their own. */
export const docTypeRegionQuery = z.object({ regionCode: z.string().trim().min(1).max(20).optional() })

export const docTypeView = z.object({
  id: z.string(),
  code: z.string(),
  /** null: the platform's default row; else the region (county) that keeps it. */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  name: z.string(),
  binding: z.boolean(),
  responseDays: z.number().int(),
  responseUnit,
  escalatesTo: z.string(),
  numberCode: z.string(),
  template: templateSchema,
  sortOrder: z.number().int(),
  updatedAt: z.string(),
  /** `update`: change this row; `override`: write the shown region's own row in place of the inherited one. */
  actions: z.array(z.enum(['update', 'override'])),
})

/** A region's set as the caller sees it. */
export const docTypeListView = z.object({
  region: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  items: z.array(docTypeView),
})

export const updateDocTypeBody = z.object({
  name: text(60, '名称'),
  binding: z.boolean(),
  responseDays: z.number().int().min(1).max(365),
  responseUnit,
  escalatesTo: z.string().min(1).max(40),
  numberCode: z.string().trim().regex(/^[^\d\s〔〕()（）[\]]{1,8}$/, '文号代字应为不含数字、括号和空格的文字'),
  template: templateSchema,
})

export const createDocTypeBody = updateDocTypeBody.extend({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '代码应为2～40位小写字母、数字或下划线，以字母开头'),
})

export const findingInput = z.object({ problem: text(2000, '问题'), legalBasis: text(1000, '依据'), measure: text(2000, '整改要求') })

export const createDocumentBody = z.object({
  typeCode: z.string().min(1).max(40),
  subject: text(200, '事由'),
  source: z.object({ kind: sourceKind, ref: z.string().max(200).nullish(), snapshot: z.string().max(5000).optional() }),
  recipientOrgIds: z.array(z.uuid()).min(1, '请选择主送单位').max(100),
  findings: z.array(findingInput).min(1, '请至少列明一项问题').max(50),
  /** Issue at once (number, render, deliver) instead of keeping a draft. */
  issueNow: z.boolean().default(false),
})

export const listDocumentsQuery = z.object({
  status: z.enum(['draft', 'issued']).optional(),
  typeCode: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

const findingView = z.object({ id: z.string(), seq: z.number().int(), problem: z.string(), legalBasis: z.string(), measure: z.string() })
const recipientView = z.object({ orgId: z.string(), orgName: z.string(), deliveredOn: z.string().nullable(), readAt: z.string().nullable(), readByName: z.string().nullable() })

export const documentSummaryView = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  binding: z.boolean(),
  status: z.enum(['draft', 'issued']),
  subject: z.string(),
  sourceKind,
  sourceRef: z.string().nullable(),
  number: z.string().nullable(),
  issuerName: z.string(),
  issuedOn: z.string().nullable(),
  autoDrafted: z.boolean(),
  responseDays: z.number().int(),
  responseUnit,
  recipientCount: z.number().int().optional(),
  readCount: z.number().int().optional(),
  openTasks: z.number().int().optional(),
  actions: z.array(z.string()),
})

export const taskView = z.object({
  id: z.string(),
  documentId: z.string(),
  documentNumber: z.string().nullable(),
  typeName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  findingSeq: z.number().int(),
  problem: z.string(),
  legalBasis: z.string(),
  measure: z.string(),
  status: z.enum(['open', 'responded', 'closed']),
  dueOn: z.string(),
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  daysOpen: z.number().int().describe('送达以来的自然日数'),
  escalation: z.enum(['none', 'reminded', 'letter', 'reported']),
  letterDocumentId: z.string().nullable(),
  closedAt: z.string().nullable(),
  actions: z.array(z.string()),
})

export const documentDetailView = z.object({
  document: documentSummaryView.extend({
    sourceSnapshot: z.string(),
    sourceLink: z.string().nullable().describe('来源记录在管理端的页面（如评查批次）；单位看到的为空'),
    verifyId: z.string().nullable(),
    sha256: z.string().nullable(),
  }),
  findings: z.array(findingView),
  recipients: z.array(recipientView),
  tasks: z.array(taskView),
})

export const taskEventView = z.object({ seq: z.number().int(), at: z.string(), action: z.string(), actorName: z.string(), note: z.string().nullable(), data: z.record(z.string(), z.unknown()) })
export const taskDetailView = z.object({
  task: taskView,
  events: z.array(taskEventView),
  report: z
    .object({
      id: z.string(),
      addressee: z.string(),
      body: z.string(),
      createdAt: z.string(),
      number: z.string().nullable().describe('文号；早期以文字记录的报告为空'),
      title: z.string().nullable(),
      issuedOn: z.string().nullable(),
      verifyId: z.string().nullable(),
      pdfUrl: z.string().nullable().describe('报告 PDF 的下载地址'),
    })
    .nullable(),
})

export const listTasksQuery = z.object({
  status: z.enum(['open', 'responded', 'closed']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
})

export const respondBody = z.object({
  measures: text(5000, '整改措施'),
  evidence: z.array(z.object({ name: text(200, '文件名'), contentBase64: z.string().min(1).max(7_000_000) })).max(10).default([]),
})
export const acceptBody = z.object({ note: z.string().max(2000).optional() })
export const returnBody = z.object({ reason: text(2000, '退回理由'), days: z.number().int().min(1).max(60).optional() })

export const evidenceParams = z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })

export const legalPointSchema = z.object({ basis: text(300, '法律依据'), point: text(2000, '要点') })
export const createLegalNoticeBody = z.object({
  title: text(100, '标题'),
  content: text(10000, '内容'),
  legalPoints: z.array(legalPointSchema).min(1, '请至少列明一个法律要点').max(30),
  sourceNote: z.string().max(500).optional(),
  recipientOrgIds: z.array(z.uuid()).min(1, '请选择接收单位').max(200),
})
export const legalNoticeView = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  legalPoints: z.array(z.object({ basis: z.string(), point: z.string() })),
  sourceNote: z.string(),
  issuerName: z.string(),
  issuedAt: z.string(),
  recipientCount: z.number().int().optional(),
  readCount: z.number().int().optional(),
})
export const legalNoticeDetailView = z.object({
  notice: legalNoticeView,
  recipients: z.array(z.object({ orgId: z.string(), orgName: z.string(), readAt: z.string().nullable(), readByName: z.string().nullable() })),
})
