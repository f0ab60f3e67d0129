import { discretionTiers, isoDateSchema, partyKinds, penaltyKinds } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

// ——— input ————————————————————————————————————————————————————————————————

/** One provision: the law's name without 《》, the article, optionally its text. */
export const provisionInput = z.object({
  law: z
    .string()
    .trim()
    .transform((s) => s.replace(/^《|》$/g, ''))
    .pipe(z.string().min(2, '请填写法律法规名称').max(100)),
  article: z.string().trim().min(1, '请填写条款').max(60),
  text: z.string().trim().max(4000).optional(),
})

const fen = z.number().int('金额应为整数（分）').min(0, '金额不能为负数').max(100_000_000_000, '金额超出范围').nullable().optional()
/** Multiples of a base (0.05 = 5%), up to six decimals. */
const multiple = z.number().min(0, '倍数不能为负数').max(1000, '倍数超出范围').nullable().optional()

export const statutoryInput = z.object({
  kinds: z.array(z.enum(penaltyKinds)).min(1, '请选择法定处罚种类').max(10),
  fineMinFen: fen,
  fineMaxFen: fen,
  multipleMin: multiple,
  multipleMax: multiple,
  multipleOf: z.string().trim().max(40).nullable().optional(),
})

export const tierInput = z.object({
  tier: z.enum(discretionTiers),
  conditions: z.array(z.string().trim().min(2, '情形至少两个字').max(300)).min(1, '每个阶次至少写一种情形').max(20),
  kinds: z.array(z.enum(penaltyKinds)).max(10),
  fineMinFen: fen,
  fineMaxFen: fen,
  multipleMin: multiple,
  multipleMax: multiple,
  note: z.string().trim().max(500).nullable().optional(),
})

export const benchmarkContentInput = z.object({
  violation: z.string().trim().min(4, '请填写违法行为').max(500),
  violationBasis: z.array(provisionInput).max(10).default([]),
  penaltyBasis: z.array(provisionInput).min(1, '至少填写一项处罚依据').max(10),
  statutory: statutoryInput,
  tiers: z.array(tierInput).min(1, '至少填写一个裁量阶次').max(5, '最多五个裁量阶次'),
  effectiveFrom: isoDateSchema.nullable().optional(),
})

export const createBenchmarkBody = benchmarkContentInput.extend({
  powerItemId: z.uuid('请选择权力事项'),
  /** Left out: 「<事项编码>-<序号>」. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, '基准编码须为 2–40 位字母、数字或连字符')
    .optional(),
  /** Left out: the region of the caller's unit (or the supervisor's jurisdiction). */
  regionCode: z.string().trim().max(12).optional(),
})

export const updateBenchmarkBody = benchmarkContentInput.partial()

export const listBenchmarksQuery = pageQuery.extend({
  powerItemId: z.uuid().optional(),
  status: z.enum(['draft', 'published', 'superseded']).optional(),
  domain: z.string().trim().max(30).optional(),
  q: z.string().trim().max(50).optional(),
})

export const calculateBody = z.object({
  benchmarkId: z.uuid('请选择裁量基准'),
  tier: z.enum(discretionTiers).optional(),
  conditions: z.array(z.string().trim().max(300)).max(40).optional(),
  /** The base a multiple applies to (违法所得、工程合同价款…), fen. */
  baseFen: z.number().int('计罚基数应为整数（分）').min(0).max(1_000_000_000_000).nullable().optional(),
  partyKind: z.enum(partyKinds),
})

export const noPenaltyContentInput = z.object({
  listKind: z.enum(['first_violation', 'minor']),
  violation: z.string().trim().min(4, '请填写违法行为').max(500),
  legalBasis: z.array(provisionInput).min(1, '至少填写一项依据').max(10),
  conditions: z.array(z.string().trim().min(2).max(300)).min(1, '至少填写一项适用条件').max(10),
  correctionDays: z.number().int('改正期限应为整数天').min(1, '改正期限为1–365天').max(365, '改正期限为1–365天').nullable().optional(),
  educationMeasure: z.string().trim().min(2, '请填写教育措施').max(500),
})

export const createNoPenaltyBody = noPenaltyContentInput.extend({
  powerItemId: z.uuid('请选择权力事项'),
  regionCode: z.string().trim().max(12).optional(),
})

export const updateNoPenaltyBody = noPenaltyContentInput.partial()

export const listNoPenaltyQuery = pageQuery.extend({
  listKind: z.enum(['first_violation', 'minor']).optional(),
  status: z.enum(['draft', 'published', 'superseded']).optional(),
  powerItemId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
})

export const withdrawBody = z.object({ reason: z.string().trim().min(2, '请填写停止适用的理由').max(500) })

export const publicBenchmarksQuery = z.object({
  powerItemId: z.uuid().optional(),
  domain: z.string().trim().max(30).optional(),
  q: z.string().trim().max(50).optional(),
})

export const publicNoPenaltyQuery = z.object({
  listKind: z.enum(['first_violation', 'minor']).optional(),
  q: z.string().trim().max(50).optional(),
})

// ——— output ———————————————————————————————————————————————————————————————

const provisionView = z.object({ law: z.string(), article: z.string(), text: z.string().optional() })

const statutoryView = z.object({
  kinds: z.array(z.string()),
  kindLabels: z.array(z.string()),
  fineMinFen: z.number().nullable(),
  fineMaxFen: z.number().nullable(),
  multipleMin: z.number().nullable(),
  multipleMax: z.number().nullable(),
  multipleOf: z.string().nullable(),
  text: z.string().describe('法定幅度的中文表述'),
})

const tierView = z.object({
  tier: z.enum(discretionTiers),
  tierLabel: z.string(),
  conditions: z.array(z.string()),
  kinds: z.array(z.string()),
  kindLabels: z.array(z.string()),
  fineMinFen: z.number().nullable(),
  fineMaxFen: z.number().nullable(),
  multipleMin: z.number().nullable(),
  multipleMax: z.number().nullable(),
  note: z.string().nullable(),
  rangeText: z.string().describe('本阶次幅度的中文表述'),
})

const powerItemRef = z.object({ id: z.string(), code: z.string(), name: z.string(), domain: z.string() })

export const publicBenchmarkView = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  powerItem: powerItemRef,
  regionCode: z.string(),
  regionName: z.string(),
  violation: z.string(),
  violationBasis: z.array(provisionView),
  penaltyBasis: z.array(provisionView),
  statutory: statutoryView,
  tiers: z.array(tierView),
  effectiveFrom: z.string().nullable(),
  publishedAt: z.string().nullable(),
})

export const benchmarkView = publicBenchmarkView.extend({
  status: z.enum(['draft', 'published', 'superseded']),
  statusLabel: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
})

export const publicNoPenaltyView = z.object({
  id: z.string(),
  listKind: z.enum(['first_violation', 'minor']),
  listKindLabel: z.string(),
  powerItem: powerItemRef,
  regionCode: z.string(),
  regionName: z.string(),
  violation: z.string(),
  legalBasis: z.array(provisionView),
  conditions: z.array(z.string()),
  correctionDays: z.number().nullable(),
  educationMeasure: z.string(),
  publishedAt: z.string().nullable(),
})

export const noPenaltyView = publicNoPenaltyView.extend({
  status: z.enum(['draft', 'published', 'superseded']),
  statusLabel: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
})

export const calculationView = z.object({
  tier: z.enum(discretionTiers),
  tierLabel: z.string(),
  kinds: z.array(z.string()),
  kindLabels: z.array(z.string()),
  minFen: z.number().nullable(),
  maxFen: z.number().nullable(),
  statutoryMinFen: z.number().nullable(),
  statutoryMaxFen: z.number().nullable(),
  rangeKind: z.enum(['fixed', 'multiple', 'none']),
  basis: z.array(provisionView),
  explanation: z.array(z.string()),
  warnings: z.array(z.string()),
  benchmark: z.object({ id: z.string(), code: z.string(), version: z.number(), status: z.string() }),
})

export const versionSummaryView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published', 'superseded']),
  statusLabel: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
})
