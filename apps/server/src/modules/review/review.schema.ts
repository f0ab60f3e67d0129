import { isoDateSchema, reviewFileKinds, reviewGrades, reviewSheetItemSchema } from '@yangguang/core'
import { z } from 'zod'
import { evidenceFileView } from '../cases/cases.schema'

// A calendar date: 2025-02-30 is refused, not just a malformed string.
const isoDate = isoDateSchema

// ——— input ————————————————————————————————————————————————————————————————

export const createBatchBody = z.object({
  title: z.string().trim().min(2, '请填写批次名称').max(100),
  kind: z.enum(['regular', 'special', 'key']),
  regionCode: z.string().max(20).optional(),
  orgIds: z.array(z.uuid()).min(1, '请选择被评查单位').max(200),
  fileKinds: z.array(z.enum(reviewFileKinds)).min(1, '请选择案卷类别').max(2),
  closedFrom: isoDate,
  closedTo: isoDate,
  perUnit: z.number().int().min(1, '每单位抽样数至少 1 卷').max(100),
  penaltyStandardId: z.uuid().optional(),
  licenseStandardId: z.uuid().optional(),
})

export const drawBody = z.object({
  /** 外部公开随机值 fixed after the freeze (e.g. a published lottery result); optional. */
  beacon: z.string().trim().max(200).optional(),
})

export const assignBody = z.object({
  fileId: z.uuid(),
  reviewerId: z.uuid(),
  role: z.enum(['primary', 'cross', 're_review']).default('primary'),
})

export const saveSheetBody = z.object({ items: z.array(reviewSheetItemSchema).max(500) })

export const respondBody = z.object({ response: z.string().trim().min(2, '请填写书面回应').max(4000) })

export const externalFileBody = z.object({
  orgId: z.uuid(),
  fileNo: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  closedOn: isoDate,
  source: z.string().trim().max(100).optional(),
})

export const externalFilesQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() })
export const resultsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
export const fileDraftQuery = z.object({ sheetId: z.uuid().optional().describe('取该评分表的扣分（默认取决定结果的评分表）') })

// ——— output ————————————————————————————————————————————————————————————————

export const standardView = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  fileKind: z.enum(reviewFileKinds),
  title: z.string(),
  source: z.string(),
  status: z.enum(['draft', 'published']),
  gradeThresholds: z.object({ excellent: z.number(), pass: z.number() }),
  body: z.unknown().describe('ReviewStandard (packages/core review-scoring.ts)'),
})

const grade = z.enum(reviewGrades).nullable()

export const sheetSummaryView = z.object({
  id: z.string(),
  role: z.enum(['primary', 'cross', 're_review']),
  reviewerName: z.string(),
  status: z.enum(['assigned', 'submitted']),
  score: z.number().nullable(),
  grade,
})

export const fileView = z.object({
  id: z.string(),
  poolId: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  kind: z.enum(reviewFileKinds),
  fileNo: z.string(),
  title: z.string(),
  closedOn: z.string(),
  rank: z.number(),
  drawHash: z.string(),
  caseId: z.string().nullable(),
  score: z.number().nullable(),
  grade,
  vetoed: z.boolean().nullable(),
  response: z.string().nullable(),
  responseAt: z.string().nullable(),
  deductions: z.array(z.object({ itemCode: z.string(), deductionCode: z.string(), count: z.number(), points: z.number(), veto: z.boolean() })),
  sheets: z.array(sheetSummaryView),
  actions: z.array(z.string()),
})

export const batchView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['regular', 'special', 'key']),
  regionCode: z.string(),
  regionName: z.string(),
  orgIds: z.array(z.string()),
  fileKinds: z.array(z.enum(reviewFileKinds)),
  closedFrom: z.string(),
  closedTo: z.string(),
  perUnit: z.number(),
  status: z.enum(['draft', 'frozen', 'drawn', 'reviewing', 'published']),
  origin: z.enum(['platform', 'imported']),
  originNote: z.string().nullable(),
  poolDigest: z.string().nullable(),
  poolSize: z.number().nullable(),
  frozenAt: z.string().nullable(),
  seed: z.string().nullable(),
  seedCheckpointSize: z.number().nullable(),
  seedCheckpointRoot: z.string().nullable(),
  seedBeacon: z.string().nullable(),
  drawnAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  actions: z.array(z.string()),
})

const aggregateView = z.object({
  count: z.number(),
  averageScore: z.number().nullable(),
  counts: z.object({ excellent: z.number(), pass: z.number(), fail: z.number() }),
  passed: z.number(),
  passRate: z.number().nullable(),
  excellentRate: z.number().nullable(),
  failRate: z.number().nullable(),
  vetoed: z.number(),
  topDeductions: z.array(z.object({ itemCode: z.string(), deductionCode: z.string(), text: z.string(), files: z.number(), share: z.number() })),
})

export const resultsView = z.object({
  overall: aggregateView,
  byUnit: z.array(aggregateView.extend({ unitId: z.string(), unitName: z.string() })),
  byKind: z.array(aggregateView.extend({ kind: z.enum(reviewFileKinds) })),
})

export const batchDetailView = z.object({
  batch: batchView,
  files: z.array(fileView),
  results: resultsView,
  poolText: z.string().nullable(),
})

export const sheetView = z.object({
  id: z.string(),
  role: z.enum(['primary', 'cross', 're_review']),
  status: z.enum(['assigned', 'submitted']),
  reviewerName: z.string(),
  batch: z.object({ id: z.string(), title: z.string() }),
  file: z.object({ id: z.string(), fileNo: z.string(), title: z.string(), kind: z.enum(reviewFileKinds), orgName: z.string(), closedOn: z.string(), caseId: z.string().nullable() }),
  standard: z.object({ id: z.string(), code: z.string(), version: z.number(), title: z.string(), body: z.unknown() }),
  items: z.array(reviewSheetItemSchema),
  score: z.object({
    complete: z.boolean(),
    missingItems: z.array(z.string()),
    problems: z.array(z.object({ code: z.string(), itemCode: z.string(), deductionCode: z.string().nullable(), messageZh: z.string() })),
    score: z.number(),
    pointsBeforeVeto: z.number(),
    grade,
    vetoed: z.boolean(),
  }),
  suggestions: z.array(z.object({ code: z.string(), itemCode: z.string(), deductionCode: z.string(), description: z.string(), evidence: z.string() })),
  caseEvidence: z
    .array(z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), title: z.string(), collectedOn: z.string(), files: z.array(evidenceFileView) }))
    .describe('行政处罚案卷的证据及其附加文件（照片、扫描件、录音、录像）；许可案卷为空'),
  actions: z.array(z.string()),
})

export const mySheetView = z.object({
  id: z.string(),
  role: z.enum(['primary', 'cross', 're_review']),
  status: z.enum(['assigned', 'submitted']),
  batchId: z.string(),
  batchTitle: z.string(),
  fileNo: z.string(),
  fileTitle: z.string(),
  fileKind: z.enum(reviewFileKinds),
  orgName: z.string(),
  score: z.number().nullable(),
  grade,
})

export const candidateView = z.object({ id: z.string(), name: z.string(), role: z.string(), orgId: z.string().nullable(), orgName: z.string().nullable() })

export const externalFileView = z.object({ id: z.string(), orgId: z.string(), orgName: z.string(), kind: z.literal('license'), fileNo: z.string(), title: z.string(), closedOn: z.string(), source: z.string() })

export const myResultView = z.object({ batch: batchView, files: z.array(fileView) })

/** What the 制发监督文书 form is pre-filled with: the body of POST /api/supervision/documents, for the user to edit. */
export const supervisionDraftView = z.object({
  typeCode: z.string().describe('opinion（意见书，个案）或 suggestion（建议书，共性问题）'),
  subject: z.string(),
  source: z.object({ kind: z.literal('review_finding'), ref: z.string().describe('评查案卷或评查批次的编号'), snapshot: z.string() }),
  recipientOrgIds: z.array(z.string()),
  findings: z.array(z.object({ problem: z.string(), legalBasis: z.string(), measure: z.string() })),
})

// ——— public ————————————————————————————————————————————————————————————————

export const publicBatchSummaryView = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['regular', 'special', 'key']),
  regionName: z.string(),
  closedFrom: z.string(),
  closedTo: z.string(),
  origin: z.enum(['platform', 'imported']),
  originNote: z.string().nullable(),
  poolDigest: z.string().nullable(),
  poolSize: z.number().nullable(),
  publishedAt: z.string().nullable(),
  overall: aggregateView,
})

export const publicBatchView = publicBatchSummaryView.extend({
  perUnit: z.number(),
  poolText: z.string().nullable(),
  frozenAt: z.string().nullable(),
  seed: z.string().nullable(),
  seedCheckpointSize: z.number().nullable(),
  seedCheckpointRoot: z.string().nullable(),
  seedBeacon: z.string().nullable(),
  seedDerivation: z.string(),
  algorithm: z.object({ id: z.string(), descriptionZh: z.string() }),
  drawnFiles: z.array(z.object({ poolId: z.string(), unitCode: z.string(), unitName: z.string(), kind: z.enum(reviewFileKinds), fileNo: z.string(), closedOn: z.string(), rank: z.number(), hash: z.string() })),
  byUnit: z.array(aggregateView.extend({ unitId: z.string(), unitName: z.string() })),
})
