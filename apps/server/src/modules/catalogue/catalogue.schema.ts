import { adjustmentOps, catalogueVersionStatuses, isoDateSchema, orgKinds, partyKinds, penaltyKinds, powerItemStatuses, powerKinds } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

// ——— input ————————————————————————————————————————————————————————————————

/** One legal basis: the law's name without 《》, the article (第六十四条, 第七十六条第一款), its text. */
export const legalBasisInput = z.object({
  law: z
    .string()
    .trim()
    .transform((s) => s.replace(/^《|》$/g, ''))
    .pipe(z.string().min(2, '请填写法律法规名称').max(100)),
  article: z.string().trim().min(1, '请填写条款').max(60),
  text: z.string().trim().min(1, '请填写条文内容').max(4000),
})

const fen = z.number().int('金额须为整数（分）').min(0).max(100_000_000_000_00)
const party = z.enum(partyKinds).nullish()
const multiple = z.number().min(0).max(1_000)

/**
 * 法定处罚幅度 of a penalty item (core's StatutoryPenaltyRange): the provision that sets the penalty,
 * the kinds it allows and makes mandatory, and the fine bands. Checked further by core's rangeProblem.
 */
export const statutoryRangeInput = z.object({
  basis: z.object({ law: z.string().trim().min(2, '请填写罚则所在法律法规').max(100), article: z.string().trim().min(1, '请填写罚则条款').max(60) }),
  kinds: z.array(z.enum(penaltyKinds)).max(14),
  mandatory: z.array(z.enum(penaltyKinds)).max(14).default([]),
  fines: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('fixed'), party, minFen: fen, maxFen: fen.nullable() }),
        z.object({
          kind: z.literal('multiple'),
          party,
          base: z.string().trim().min(2, '请填写计罚基数').max(60),
          min: multiple,
          max: multiple.nullable(),
          fallback: z.object({ when: z.string().trim().min(2, '请填写适用情形').max(100), minFen: fen, maxFen: fen.nullable(), belowFen: fen.nullish() }).nullish(),
        }),
        z.object({ kind: z.literal('per_unit'), party, base: z.string().trim().min(2).max(60), unit: z.string().trim().min(1).max(10), minFenPerUnit: fen, maxFenPerUnit: fen.nullable() }),
      ]),
    )
    .max(2),
  note: z.string().trim().max(500).nullish(),
})

export const powerItemCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, '事项编码须为 2–32 位字母、数字或连字符')

export const createPowerItemBody = z.object({
  code: powerItemCode,
  name: z.string().trim().min(2, '请填写事项名称').max(300),
  kind: z.enum(powerKinds),
  domain: z.string().trim().min(2, '请填写领域').max(30),
  legalBasis: z.array(legalBasisInput).min(1, '至少填写一项法律依据').max(10),
  holderEntityIds: z.array(z.uuid()).max(300).default([]),
  /** 法定处罚幅度; a penalty item without one cannot be used for a penalty until it is entered. */
  statutoryRange: statutoryRangeInput.nullish(),
})

export const updatePowerItemBody = z.object({
  name: z.string().trim().min(2).max(300).optional(),
  kind: z.enum(powerKinds).optional(),
  domain: z.string().trim().min(2).max(30).optional(),
  legalBasis: z.array(legalBasisInput).min(1, '至少填写一项法律依据').max(10).optional(),
  /** 法定处罚幅度; null clears it. */
  statutoryRange: statutoryRangeInput.nullish(),
  /** The complete list of holders the caller may assign; holders outside the caller's scope stay. */
  holderEntityIds: z.array(z.uuid()).max(300).optional(),
})

export const reasonBody = z.object({ reason: z.string().trim().min(2, '请填写原因').max(500) })

export const listPowerItemsQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(powerKinds).optional(),
  domain: z.string().trim().max(30).optional(),
  holderEntityId: z.uuid().optional(),
  status: z.enum(powerItemStatuses).optional(),
})

export const createVersionBody = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** Defaults to 「<region>相对集中行政处罚权事项目录（<year>年版）」. */
  title: z.string().trim().min(4).max(100).optional(),
  /** Defaults to the region of the caller's unit. */
  regionCode: z.string().trim().max(12).optional(),
})

/** The item as it should read after the change; fields left out keep their current value. */
export const proposedItemInput = z.object({
  name: z.string().trim().min(2).max(300).optional(),
  kind: z.enum(powerKinds).optional(),
  domain: z.string().trim().min(2).max(30).optional(),
  legalBasis: z.array(legalBasisInput).min(1).max(10).optional(),
  holderNames: z.array(z.string().trim().min(2).max(100)).max(300).optional(),
})

export const createAdjustmentBody = z.object({
  op: z.enum(adjustmentOps),
  itemCode: powerItemCode,
  reason: z.string().trim().min(2, '请填写调整理由').max(1000),
  /**
   * For add and modify. Left out: the item is taken from the power-item master list (权力事项库)
   * as it stands now — the usual way to bring a catalogue in line with an edited item.
   */
  item: proposedItemInput.optional(),
})

export const acceptBody = z.object({ note: z.string().trim().max(500).optional() })
export const rejectBody = z.object({ note: z.string().trim().min(2, '请填写驳回理由').max(500) })

/** 审议通过: the meeting that decided the version — all three are required. */
export const approveBody = z.object({
  meetingName: z.string().trim().min(2, '请填写审议会议名称').max(100),
  meetingDate: isoDateSchema,
  approvalDocNo: z.string().trim().min(2, '请填写文号').max(60),
})

export const versionItemsQuery = z.object({
  domain: z.string().trim().max(30).optional(),
  kind: z.enum(powerKinds).optional(),
  q: z.string().trim().max(50).optional(),
  holder: z.string().trim().max(100).optional(),
})

export const diffQuery = z.object({ from: z.uuid('请选择对比的版本'), to: z.uuid('请选择对比的版本') })

export const versionIdParams = z.object({ id: z.uuid('编号格式不正确') })

// ——— output ———————————————————————————————————————————————————————————————

export const legalBasisView = z.object({ law: z.string(), article: z.string(), text: z.string() })

export const powerItemView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(powerKinds),
  kindLabel: z.string(),
  domain: z.string(),
  legalBasis: z.array(legalBasisView),
  /** 法定处罚幅度 as data, and the same in one Chinese sentence per party kind; null when not entered. */
  statutoryRange: statutoryRangeInput.nullable(),
  statutoryRangeText: z.string().nullable(),
  holders: z.array(z.object({ entityId: z.string(), name: z.string(), orgId: z.string() })),
  status: z.enum(powerItemStatuses),
  statusLabel: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
})

export const holderOptionView = z.object({ id: z.string(), name: z.string(), orgId: z.string(), orgKind: z.enum(orgKinds), regionName: z.string() })

export const versionView = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(catalogueVersionStatuses),
  statusLabel: z.string(),
  basedOnId: z.string().nullable(),
  basedOnTitle: z.string().nullable(),
  meetingName: z.string().nullable(),
  meetingDate: z.string().nullable(),
  approvalDocNo: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  itemCount: z.number().int(),
  pendingAdjustments: z.number().int(),
  actions: z.array(z.string()),
})

export const itemSnapshotView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  domain: z.string(),
  legalBasis: z.array(legalBasisView),
  holderNames: z.array(z.string()),
})

export const fieldChangeView = z.union([
  z.object({ field: z.enum(['name', 'kind', 'domain']), before: z.string(), after: z.string() }),
  z.object({ field: z.literal('legalBasis'), before: z.array(legalBasisView), after: z.array(legalBasisView) }),
  z.object({
    field: z.literal('holderNames'),
    before: z.array(z.string()),
    after: z.array(z.string()),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
])

export const adjustmentView = z.object({
  id: z.string(),
  versionId: z.string(),
  op: z.enum(adjustmentOps),
  opLabel: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  /** The item as it should read after the change (add, modify). */
  proposal: itemSnapshotView.nullable(),
  /** While pending: what the change would do to the draft's current item. */
  changes: z.array(fieldChangeView),
  reason: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  statusLabel: z.string(),
  createdByName: z.string().nullable(),
  createdByOrgName: z.string().nullable(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  actions: z.array(z.string()),
})

export const versionSummaryView = z.object({ id: z.string(), title: z.string(), year: z.number().int(), status: z.string(), statusLabel: z.string() })

export const diffView = z.object({
  from: versionSummaryView,
  to: versionSummaryView,
  added: z.array(itemSnapshotView),
  removed: z.array(itemSnapshotView),
  modified: z.array(z.object({ code: z.string(), before: itemSnapshotView, after: itemSnapshotView, changes: z.array(fieldChangeView) })),
  unchangedCount: z.number().int(),
})

export const domainCountView = z.object({ domain: z.string(), count: z.number().int() })

// ——— public (portal) ——————————————————————————————————————————————————————

export const publicVersionView = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(['published', 'superseded']),
  statusLabel: z.string(),
  meetingName: z.string().nullable(),
  meetingDate: z.string().nullable(),
  approvalDocNo: z.string().nullable(),
  publishedAt: z.string().nullable(),
  itemCount: z.number().int(),
})

export const publicCatalogueQuery = z.object({
  region: z.string().trim().max(12).optional(),
  domain: z.string().trim().max(30).optional(),
  kind: z.enum(powerKinds).optional(),
  q: z.string().trim().max(50).optional(),
})

export const publicCatalogueView = z.object({
  version: publicVersionView,
  domains: z.array(domainCountView),
  items: z.array(itemSnapshotView),
})

export const publicDiffView = diffView.extend({ from: publicVersionView, to: publicVersionView })
