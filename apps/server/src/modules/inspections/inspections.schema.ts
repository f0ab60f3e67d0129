import { enterpriseKinds, inspectionKinds, inspectionPlanKinds, inspectionResults, inspectionStatuses, inspectionTriggers, isoDateSchema, usccSchema } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

const note = z.string().trim().max(500)
const reason = z.string().trim().min(2, '请填写原因（至少2个字）').max(500)
const uuidList = z.array(z.uuid()).max(200)
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v))

export const planBody = z.object({
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(inspectionPlanKinds),
  title: z.string().trim().min(4).max(100),
  description: z.string().trim().max(2000).nullish(),
  months: z.array(z.number().int().min(1).max(12)).min(1, '请选择检查月份').max(12),
  powerItemIds: uuidList.min(1, '请选择检查事项'),
  targetMode: z.enum(['list', 'sampling']),
  enterpriseIds: uuidList.optional(),
  samplingRule: z.object({ count: z.number().int().min(1).max(10000), industry: z.string().trim().max(50).nullish(), townshipCode: z.string().max(12).nullish() }).nullish(),
})

export const planMoveBody = z.object({ note: note.nullish() })
export const listPlansQuery = z.object({ year: z.coerce.number().int().optional(), status: z.string().max(20).optional(), orgId: z.uuid().optional() })
export const scheduleBody = z.object({ enterpriseIds: uuidList.min(1), plannedDate: isoDateSchema, officerIds: uuidList.min(2, '至少指派两名执法人员') })

export const planView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  kind: z.enum(inspectionPlanKinds),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  months: z.array(z.number()),
  targetMode: z.enum(['list', 'sampling']),
  samplingRule: z.object({ count: z.number(), industry: z.string().nullish(), townshipCode: z.string().nullish() }).nullable(),
  status: z.string(),
  statusLabel: z.string(),
  statusNote: z.string().nullable(),
  targetCount: z.number(),
  doneCount: z.number(),
  publishedAt: z.string().nullable(),
  actions: z.array(z.string()),
})

export const planDetailView = z.object({
  plan: planView,
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), domain: z.string(), kind: z.string() })),
  targets: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string() })),
})

/** Which of the unit's held items: 行政检查 (plans and inspections) or 行政处罚 (a case's 案由). */
export const heldItemsQuery = z.object({ kind: z.enum(['inspection', 'penalty']).default('inspection') })

export const heldItemView = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), domain: z.string() })

export const adHocBody = z.object({
  enterpriseId: z.uuid(),
  trigger: z.enum(inspectionTriggers),
  triggerNote: z.string().trim().min(2, '请写明启动事由').max(500),
  powerItemIds: uuidList.min(1, '请选择检查事项'),
  plannedDate: isoDateSchema,
  officerIds: uuidList.min(2, '至少指派两名执法人员'),
})

export const listInspectionsQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  status: z.enum(inspectionStatuses).optional(),
  kind: z.enum(inspectionKinds).optional(),
  year: z.coerce.number().int().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
})

export const inspectionView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string(), address: z.string().nullable() }),
  kind: z.enum(inspectionKinds),
  kindLabel: z.string(),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  trigger: z.enum(inspectionTriggers).nullable(),
  triggerNote: z.string().nullable(),
  status: z.enum(inspectionStatuses),
  statusLabel: z.string(),
  plannedDate: z.string(),
  assigned: z.array(z.object({ id: z.string(), name: z.string() })),
  inspectionDate: z.string().nullable(),
  scanMethod: z.enum(['qr', 'typed']).nullable(),
  scannedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  offlineReason: z.string().nullable(),
  officers: z.array(z.object({ personId: z.string(), name: z.string(), role: z.enum(['lead', 'co']), certNo: z.string().nullable() })),
  certificatesShown: z.array(z.object({ personId: z.string(), name: z.string(), certNo: z.string(), shownAt: z.string() })).describe('亮证：哪位执法人员何时出示了哪张执法证'),
  numbers: z.object({ notice: z.string().nullable(), record: z.string().nullable(), correction: z.string().nullable() }).describe('文号：检查通知书、现场检查笔录（入企时取号）、责令改正通知书（提交时取号）'),
  items: z.array(z.object({ powerItemId: z.string(), code: z.string(), name: z.string(), domain: z.string(), outcome: z.enum(['ok', 'issue', 'not_applicable']).nullable(), note: z.string().nullable() })),
  photos: z.array(z.object({ sha256: z.string(), capturedAt: z.string(), byteSize: z.number(), mediaType: z.string() })),
  findings: z.string().nullable(),
  result: z.enum(inspectionResults).nullable(),
  resultLabel: z.string().nullable(),
  correctionDeadline: z.string().nullable(),
  representativeName: z.string().nullable(),
  representativeConfirmedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  syncedAt: z.string().nullable(),
  lateSync: z.boolean(),
  overrideId: z.string().nullable(),
  jointId: z.string().nullable(),
  clientKey: z.string().nullable(),
  actions: z.array(z.string()),
})

export const decisionBody = z.object({ note: note.nullish() })
export const cancelBody = z.object({ reason })

const clientKey = z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, '同步编号格式不正确')

export const startBody = z.object({
  clientKey,
  taskId: z.uuid().nullish(),
  scan: z.discriminatedUnion('method', [
    z.object({ method: z.literal('qr'), token: z.string().trim().min(16).max(200) }),
    z.object({ method: z.literal('typed'), creditCode: usccSchema }),
  ]),
  coOfficerIds: uuidList.min(1, '请确认同行执法人员'),
  scannedAt: instant,
  offlineReason: z.string().trim().max(200).nullish(),
  overrideId: z.uuid().nullish(),
})

export const startView = z.object({
  inspection: inspectionView,
  replayed: z.boolean(),
  jointCandidates: z.array(z.object({ taskId: z.string(), orgName: z.string(), plannedDate: z.string() })),
})

export const completeBody = z.object({
  clientKey,
  items: z.array(z.object({ powerItemId: z.uuid(), outcome: z.enum(['ok', 'issue', 'not_applicable']), note: z.string().trim().max(500).nullish() })).min(1),
  findings: z.string().trim().min(1, '请填写检查情况').max(5000),
  result: z.enum(inspectionResults),
  correctionDeadline: isoDateSchema.nullish(),
  // Type and size are read from the uploaded file itself; what the phone says about them is not kept
  // (older phones still send both, so they stay accepted).
  photos: z
    .array(
      z.object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        capturedAt: instant,
        byteSize: z.number().int().min(1).optional().describe('不采用：以服务器上文件的实际大小为准'),
        mediaType: z.string().max(50).optional().describe('不采用：以服务器按文件内容判定的类型为准'),
      }),
    )
    .max(30),
  representativeName: z.string().trim().min(2, '请企业现场负责人签名确认').max(50),
  representativeConfirmedAt: instant,
  completedAt: instant,
  certificatesShown: z
    .array(z.object({ personId: z.uuid(), certNo: z.string().trim().min(1).max(40), shownAt: instant }))
    .max(10)
    .default([])
    .describe('亮证记录：参加检查的执法人员各自出示的执法证编号和出示时间（手机采集）；至少两人，执法证须当日有效'),
})

export const sha256Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件哈希应为 64 位十六进制 SHA-256') })

export const overrideBody = z.object({ taskId: z.uuid(), date: isoDateSchema, reason })
export const overrideDecisionBody = z.object({ note: reason })
export const overrideView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  inspectionId: z.string().nullable(),
  rules: z.array(z.string()),
  violations: z.array(z.object({ rule: z.string(), message: z.string(), overridable: z.boolean() })),
  reason: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  validOn: z.string(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  actions: z.array(z.string()),
})

export const jointBody = z.object({ taskId: z.uuid(), jointId: z.uuid().nullish(), plannedDate: isoDateSchema })
export const jointProposalView = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  jointId: z.string().nullable(),
  tasks: z.array(z.object({ taskId: z.string(), orgId: z.string(), orgName: z.string(), plannedDate: z.string(), joined: z.boolean() })),
})

export const rulesBody = z.object({
  minOfficers: z.number().int().min(2).max(10),
  requireAreaMatch: z.boolean(),
  capPeriod: z.enum(['month', 'quarter', 'year']),
  capPerUnit: z.number().int().min(1).max(100),
  capAllUnits: z.number().int().min(1).max(100),
  jointWindowDays: z.number().int().min(1).max(366),
  lateSyncHours: z.number().int().min(1).max(720),
  backfillMaxDays: z.number().int().min(0).max(30),
  // Fewer than five ratings in an aggregate would let a unit work out one enterprise's rating (migration 0021).
  ratingMinCount: z.number().int().min(5, '评价汇总门槛不能少于 5 条：少于 5 条不公布，以防推算单条评价').max(100),
})
export const rulesView = rulesBody.extend({ regionCode: z.string().nullable() })
export const regionParams = z.object({ regionCode: z.string().regex(/^\d{6,12}$/) })

export const ratingBody = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(500).nullish() })
/** A unit's rating summary: calendar quarters released by `releaseRatings` (closed, ≥ threshold), totals over the released ones. */
const ratingDistribution = z.array(z.number().int()).length(5).describe('1–5 分各有几次评价')
export const ratingSummaryView = z.object({
  orgId: z.string(),
  orgName: z.string(),
  threshold: z.number().int().describe('一个季度至少多少次评价才公布（不低于 5）'),
  period: z.literal('quarter'),
  suppressed: z.boolean().describe('没有任何可公布的季度'),
  ratedCount: z.number().int().nullable().describe('已公布季度的评价总数'),
  average: z.number().nullable(),
  distribution: ratingDistribution.nullable(),
  releasedQuarters: z.number().int(),
  quarters: z.array(
    z.union([
      z.object({ quarter: z.string(), from: z.string(), to: z.string(), released: z.literal(true), ratedCount: z.number().int(), average: z.number(), distribution: ratingDistribution }),
      z.object({ quarter: z.string(), from: z.string(), to: z.string(), released: z.literal(false), reason: z.enum(['open', 'too_few']).describe('open：季度未结束；too_few：评价不足') }),
    ]),
  ),
})
export const complaintBody = z.object({ inspectionId: z.uuid().nullish(), orgId: z.uuid().nullish(), content: z.string().trim().min(5, '请具体描述投诉内容').max(2000), anonymous: z.boolean() })

export const enterpriseKindSchema = z.enum(enterpriseKinds)
export const loose = z.record(z.string(), z.unknown())
