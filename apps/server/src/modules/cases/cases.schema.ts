import {
  caseActions,
  caseDeadlineKinds,
  caseProcedures,
  caseSources,
  caseStatuses,
  decisionOutcomes,
  deliveryMethods,
  discretionTiers,
  evidenceKinds,
  extendableDeadlineKinds,
  isoDateSchema,
  legalReviewAspects,
  legalReviewConclusions,
  legalReviewVerdicts,
  mitigationGrounds,
  noPenaltyGrounds,
  partyKinds,
  penaltyKinds,
  preservationOutcomes,
  preservedItemStatuses,
  validateIdNumber,
  validateUscc,
  remedyOutcomes,
  type CaseAction,
  type LegalReviewAspect,
} from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

/**
 * Request and response shapes of the 行政处罚 case API. The web builds its forms from these: one
 * body section per kind of act (`evidence`, `proposal`, `hearing`…), and {@link actionBodySchemas}
 * says which sections an act needs.
 */

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max)
const reason = z.string().trim().min(2, '请填写理由（至少2个字）').max(1000)
const fen = z.number().int('金额须为整数（分）').min(0).max(1e13)
const uuidList = z.array(z.uuid()).max(50)

// ——— party 当事人 ———————————————————————————————————————————————————————————

export const partyBody = z
  .object({
    kind: z.enum(partyKinds),
    name: text(100),
    idNumber: z.string().trim().max(18).nullish(),
    creditCode: z.string().trim().max(18).nullish(),
    legalRep: z.string().trim().max(50).nullish(),
    address: z.string().trim().max(200).nullish(),
    phone: z.string().trim().max(30).nullish(),
  })
  .superRefine((party, ctx) => {
    // GB 11643 (公民身份号码) and GB 32100 (统一社会信用代码): check characters verified.
    if (party.idNumber) {
      const r = validateIdNumber(party.idNumber)
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `公民身份号码有误：${r.message}` })
    }
    if (party.creditCode) {
      const r = validateUscc(party.creditCode)
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: `统一社会信用代码有误：${r.message}` })
    }
    if (party.kind === 'person' && party.creditCode && !party.idNumber) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '自然人当事人请填写公民身份号码' })
    }
  })
  .transform((party) => ({
    ...party,
    idNumber: party.idNumber ? (validateIdNumber(party.idNumber) as { ok: true; normalized: string }).normalized : null,
    creditCode: party.creditCode ? (validateUscc(party.creditCode) as { ok: true; normalized: string }).normalized : null,
  }))

// ——— 线索登记 / 简易程序 ————————————————————————————————————————————————————

/** 线索登记: the case before 立案. From an inspection whose result was `transfer`, missing fields come from it. */
export const createCaseBody = z.object({
  source: z.enum(caseSources),
  sourceNote: z.string().trim().max(1000).nullish(),
  inspectionId: z.uuid().nullish(),
  powerItemId: z.uuid(),
  title: text(200),
  party: partyBody.optional(),
  enterpriseId: z.uuid().nullish(),
  actDate: isoDateSchema.optional(),
  actEndDate: isoDateSchema.nullish(),
  actPlace: z.string().trim().max(200).nullish(),
  harmToSafety: z.boolean().default(false),
  facts: z.string().trim().max(5000).optional(),
  officerIds: uuidList.optional(),
  major: z.boolean().default(false),
})
export type CreateCaseInput = z.infer<typeof createCaseBody>

/** 简易程序 (arts. 51–53): facts certain, a warning or a small fine, decided and handed over on the spot. */
export const simpleCaseBody = z.object({
  powerItemId: z.uuid(),
  title: text(200),
  party: partyBody,
  enterpriseId: z.uuid().nullish(),
  actDate: isoDateSchema,
  actPlace: text(200),
  facts: text(5000),
  officerIds: uuidList.min(1, '请选择执法人员'),
  kinds: z.array(z.enum(['warning', 'circulate_criticism', 'fine'])).min(1, '请选择处罚种类'),
  fineFen: fen.default(0),
  /** The provision applied, e.g. 《…》第X条. */
  basis: text(500),
  decidedOn: isoDateSchema.optional(),
  inspectionId: z.uuid().nullish(),
})
export type SimpleCaseInput = z.infer<typeof simpleCaseBody>

// ——— act bodies (one section per kind of act) ————————————————————————————————

const qa = z.object({ q: text(1000), a: z.string().trim().max(5000) })

/** A file attached to an evidence item (case-evidence-files.service.ts). */
export const evidenceFileView = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string().describe('按内容判定的类型'),
  mediaTypeLabel: z.string(),
  byteSize: z.number(),
  sha256: z.string(),
  attachedAt: z.string(),
  url: z.string().describe('下载地址'),
})

export const evidenceSection = z.object({
  kind: z.enum(evidenceKinds),
  title: text(200),
  description: z.string().trim().max(5000).nullish(),
  collectedOn: isoDateSchema,
  /** The officers who collected it (art. 42: at least two with valid certificates). */
  officerIds: uuidList.min(1, '请选择取证的执法人员'),
  /** 询问笔录: the questions and answers, and who was asked. */
  inquiry: z.object({ person: text(50), qa: z.array(qa).min(1).max(200) }).nullish(),
  /** 现场检查（勘验）笔录. */
  onSite: z.object({ place: text(200), findings: text(5000) }).nullish(),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/).nullish(),
  fileName: z.string().max(200).nullish(),
  fileSize: z.number().int().min(0).nullish(),
})

const actSection = z.object({ description: text(500), norms: z.array(text(200)).max(10).optional(), fineFen: fen })

/** 处罚建议 / 决定 share one shape. */
const outcomeFields = {
  outcome: z.enum(decisionOutcomes),
  kinds: z.array(z.enum(penaltyKinds)).max(10).default([]),
  fineFen: fen.default(0),
  confiscateFen: fen.default(0),
  ground: z.enum(noPenaltyGrounds).nullish(),
  tier: z.enum(discretionTiers).nullish(),
  benchmarkId: z.uuid().nullish(),
  conditions: z.array(text(200)).max(30).default([]),
  /** 违法所得 (or another base) a multiple applies to. */
  baseFen: fen.nullish(),
  /** The quantity a per-unit rate applies to (非法占用土地面积, 平方米). */
  baseUnits: z.number().int().min(0).max(100_000_000).nullish(),
  /** The evidence the base rests on (鉴定意见, 合同, 账目…): required when the fine is a multiple or a rate. */
  baseEvidence: z.string().trim().max(1000).nullish(),
  /** 从轻/减轻 on the grounds of arts. 30–32, with their evidence: 减轻 lowers the statutory floor. */
  mitigation: z
    .object({ effect: z.enum(['lenient', 'mitigated']), grounds: z.array(z.enum(mitigationGrounds)).min(1, '请选择从轻、减轻的法定情形').max(7), evidence: z.string().trim().max(1000).nullish() })
    .nullish(),
  /** Why the amount lies outside the benchmark range, or why 首违不罚 does not apply. */
  reason: z.string().trim().max(2000).nullish(),
  acts: z.array(actSection).max(20).default([]),
}
export const proposalSection = z.object(outcomeFields)
export const decisionSection = z.object({ ...outcomeFields, transferTo: z.string().trim().max(100).nullish() })

/**
 * 公告送达 (民事诉讼法 第九十五条): only after the other methods failed (each attempt with its day and
 * result) or with the whereabouts unknown; the document is deemed served thirty days after the
 * announcement, and the server computes that day (it is not typed in).
 */
export const announcementSection = z.object({
  announcedOn: isoDateSchema,
  /** Where it was announced: 报纸、政府网站、公告栏… */
  medium: text(200),
  whereaboutsUnknown: z.boolean().default(false),
  attempts: z
    .array(z.object({ method: z.enum(deliveryMethods).exclude(['announcement']), on: isoDateSchema, result: text(200) }))
    .max(10)
    .default([]),
})

/** A served document's date: typed in for every method but 公告送达, whose date follows from the announcement. */
function requireServiceDate(dateField: 'servedOn' | 'deliveredOn') {
  return (v: { method: string; announcement?: unknown; servedOn?: string; deliveredOn?: string }, ctx: z.RefinementCtx) => {
    if (v.method === 'announcement') {
      if (!v.announcement) ctx.addIssue({ code: 'custom', path: ['announcement'], message: '公告送达须填写公告日期、公告方式及此前的送达尝试（或下落不明的情况）' })
      if (v[dateField]) ctx.addIssue({ code: 'custom', path: [dateField], message: '公告送达的送达日期由公告日期推算（自发出公告之日起经过三十日），不能另行填写' })
    } else if (!v[dateField]) {
      ctx.addIssue({ code: 'custom', path: [dateField], message: '请填写送达日期' })
    }
  }
}

export const noticeSection = z
  .object({ servedOn: isoDateSchema.optional(), method: z.enum(deliveryMethods).default('direct'), announcement: announcementSection.optional() })
  .superRefine(requireServiceDate('servedOn'))
export const statementSection = z.object({ text: text(5000), adopted: z.boolean().default(false), response: z.string().trim().max(5000).nullish() })
export const hearingSection = z.object({
  requestedOn: isoDateSchema.optional(),
  date: isoDateSchema.optional(),
  place: z.string().trim().max(200).optional(),
  presidingPersonId: z.uuid().optional(),
  /** The day the 听证通知书 reached the party (default: the day of the act). */
  noticeServedOn: isoDateSchema.optional(),
  heldOn: isoDateSchema.optional(),
  /** The party did not appear: treated as giving up the hearing (art. 65). */
  absent: z.boolean().optional(),
  summary: z.string().trim().max(5000).optional(),
})
/**
 * 法制审核意见 (art. 58): the seven points (主体、权限、事实、证据、依据、程序、裁量), each 合法 or 存在问题
 * with a note, and the conclusion; `opinion` is the reviewer's summary. Consistency (a note for each
 * problem, no 同意 with a problem) is core's `legalReviewOpinionProblems`, checked by the act.
 */
const aspectAnswer = z.object({ verdict: z.enum(legalReviewVerdicts), note: z.string().trim().max(1000).nullish() })
export const reviewSection = z.object({
  opinion: text(5000),
  aspects: z.object(Object.fromEntries(legalReviewAspects.map((a) => [a, aspectAnswer])) as Record<LegalReviewAspect, typeof aspectAnswer>),
  conclusion: z.enum(legalReviewConclusions),
})
export const discussionSection = z.object({ heldOn: isoDateSchema, attendees: z.array(text(50)).min(3, '集体讨论至少三人参加').max(30), conclusion: text(5000) })
export const deliverySection = z
  .object({
    method: z.enum(deliveryMethods),
    /** Not for 公告送达 (computed from the announcement). */
    deliveredOn: isoDateSchema.optional(),
    /** 受送达人; for 公告送达 the party. */
    receiver: text(50).optional(),
    /** Electronic delivery needs the party's signed consent (art. 61). */
    consentForElectronic: z.boolean().default(false),
    announcement: announcementSection.optional(),
  })
  .superRefine(requireServiceDate('deliveredOn'))
  .superRefine((v, ctx) => {
    if (v.method !== 'announcement' && !v.receiver) ctx.addIssue({ code: 'custom', path: ['receiver'], message: '请填写受送达人' })
  })
export const paymentSection = z.object({ kind: z.enum(['fine', 'late_fee', 'confiscation']), amountFen: fen.min(1), paidOn: isoDateSchema, receiptNo: z.string().trim().max(50).nullish() })
export const deferralSection = z.object({ instalments: z.array(z.object({ dueOn: isoDateSchema, amountFen: fen.min(1) })).min(1).max(36) })
/**
 * 行政复议 / 行政诉讼. When it ended, its `outcome` (维持、变更、撤销、确认违法、确认无效), the organ and the
 * document number; every outcome but 维持 withdraws the published decision within three working days
 * (第四十八条第二款、第八十五条).
 */
export const remedySection = z
  .object({
    kind: z.enum(['reconsideration', 'litigation']),
    startedOn: isoDateSchema,
    endedOn: isoDateSchema.nullish(),
    result: z.string().trim().max(1000).nullish(),
    outcome: z.enum(remedyOutcomes).nullish(),
    organ: z.string().trim().max(100).nullish(),
    documentNo: z.string().trim().max(100).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome && !v.endedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: '记录复议、诉讼结果须填写结束日期' })
    if (v.outcome && (!v.organ || !v.documentNo)) ctx.addIssue({ code: 'custom', path: ['organ'], message: '记录复议、诉讼结果须填写复议机关或人民法院及其文书编号' })
  })
/**
 * 期限延长: only the kinds the jurisdiction's rule set lists, only before the due date; a further
 * extension carries the 集体讨论 record (the check is core's `checkDeadlineExtension`, refusals 422).
 */
export const extensionSection = z.object({ kind: z.enum(caseDeadlineKinds), days: z.number().int().min(1).max(365), discussion: discussionSection.optional() })
export const transferSection = z.object({ toOrgId: z.uuid().nullish(), judicial: z.boolean().default(false), toName: z.string().trim().max(100).nullish(), powerItemId: z.uuid().nullish() })
export const officerSection = z.object({ personIds: uuidList.min(1) })
export const reminderSection = z.object({ servedOn: isoDateSchema })
export const courtSection = z.object({ appliedOn: isoDateSchema, court: text(100) })
/** 当场处罚备案 (art. 52 ¶3): to whom (the unit's legal or records office, or a named person) and when. */
export const simpleFilingSection = z.object({ recordedWith: text(100), recordedOn: isoDateSchema })
/** 先行登记保存 (art. 56): where, how kept, why the evidence may be lost, and the list of items. */
export const preservationSection = z.object({
  preservedOn: isoDateSchema,
  place: text(200),
  custody: z.enum(['on_site', 'agency']),
  custodian: z.string().trim().max(100).nullish(),
  /** Why the evidence may be lost or hard to obtain later. */
  grounds: text(1000),
  items: z
    .array(z.object({ name: text(100), spec: z.string().trim().max(100).nullish(), quantity: text(30), unit: text(20), note: z.string().trim().max(500).nullish() }))
    .min(1, '请填写先行登记保存的物品')
    .max(200),
})
/** 先行登记保存的处理决定: one outcome for every item of the preservation. */
export const preservationResolutionSection = z.object({
  preservationId: z.uuid(),
  items: z
    .array(
      z
        .object({ itemId: z.uuid(), outcome: z.enum(preservationOutcomes), transferTo: z.string().trim().max(100).nullish() })
        .refine((i) => i.outcome !== 'transfer' || Boolean(i.transferTo), { message: '移送的物品须填写接收的机关', path: ['transferTo'] }),
    )
    .min(1)
    .max(200),
})

/**
 * The body of `POST /api/cases/:id/actions/:action`: every section optional here (one route serves
 * every act); {@link actionBodySchemas} holds the strict schema of each act.
 */
export const caseActionBody = z.object({
  reason: z.string().trim().max(1000).nullish(),
  note: z.string().trim().max(2000).nullish(),
  /** The legal date of the act; defaults to today (Asia/Shanghai). */
  onDate: isoDateSchema.optional(),
  evidence: evidenceSection.optional(),
  proposal: proposalSection.optional(),
  notice: noticeSection.optional(),
  statement: statementSection.optional(),
  hearing: hearingSection.optional(),
  review: reviewSection.optional(),
  discussion: discussionSection.optional(),
  decision: decisionSection.optional(),
  delivery: deliverySection.optional(),
  payment: paymentSection.optional(),
  deferral: deferralSection.optional(),
  remedy: remedySection.optional(),
  extension: extensionSection.optional(),
  transfer: transferSection.optional(),
  officers: officerSection.optional(),
  reminder: reminderSection.optional(),
  court: courtSection.optional(),
  simpleFiling: simpleFilingSection.optional(),
  preservation: preservationSection.optional(),
  preservationResolution: preservationResolutionSection.optional(),
})
export type CaseActionInput = z.infer<typeof caseActionBody>

const base = caseActionBody.pick({ note: true, onDate: true, reason: true })
const withReason = base.extend({ reason })

/** The strict body of each act: which sections it requires. */
export const actionBodySchemas = {
  submit_filing: base,
  approve_filing: base,
  reject_filing: withReason,
  add_officer: base.extend({ officers: officerSection }),
  record_evidence: base.extend({ evidence: evidenceSection }),
  finish_investigation: base.extend({ proposal: proposalSection.optional() }),
  return_investigation: withReason,
  notify: base.extend({ proposal: proposalSection.optional(), notice: noticeSection }),
  record_statement: base.extend({ statement: statementSection }),
  record_waiver: base.extend({ statement: statementSection.partial().optional() }),
  request_hearing: base.extend({ hearing: hearingSection.pick({ requestedOn: true }).optional() }),
  schedule_hearing: base.extend({ hearing: hearingSection.required({ date: true, place: true, presidingPersonId: true }) }),
  hold_hearing: base.extend({ hearing: hearingSection.optional() }),
  conclude_statements: base,
  submit_legal_review: base.extend({ proposal: proposalSection.optional() }),
  pass_legal_review: base.extend({ review: reviewSection }),
  fail_legal_review: withReason.extend({ review: reviewSection }),
  record_collective_discussion: base.extend({ discussion: discussionSection }),
  decide: base.extend({ decision: decisionSection }),
  deliver: base.extend({ delivery: deliverySection }),
  record_payment: base.extend({ payment: paymentSection }),
  grant_deferral: withReason.extend({ deferral: deferralSection }),
  record_remedy: base.extend({ remedy: remedySection }),
  remind: base.extend({ reminder: reminderSection.optional() }),
  apply_court: base.extend({ court: courtSection }),
  close: base,
  archive: base,
  terminate: withReason,
  transfer: withReason.extend({ transfer: transferSection }),
  suspend: withReason,
  resume: base,
  revoke_decision: withReason,
  extend_deadline: withReason.extend({ extension: extensionSection }),
  record_simple_filing: base.extend({ simpleFiling: simpleFilingSection }),
  preserve_evidence: base.extend({ preservation: preservationSection }),
  resolve_preservation: base.extend({ preservationResolution: preservationResolutionSection }),
} satisfies Record<CaseAction, z.ZodType>

export const actionParams = z.object({ id: z.uuid('编号格式不正确'), action: z.enum(caseActions) })

export const listCasesQuery = pageQuery.extend({
  status: z.enum(caseStatuses).optional(),
  procedure: z.enum(caseProcedures).optional(),
  q: z.string().trim().max(50).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  orgId: z.uuid().optional(),
  outsideBenchmark: z.enum(['true', 'false']).optional(),
})
export type ListCasesQuery = z.infer<typeof listCasesQuery>

// ——— responses ——————————————————————————————————————————————————————————————

const loose = z.record(z.string(), z.unknown())

export const deadlineView = z.object({
  id: z.string(),
  kind: z.enum(caseDeadlineKinds),
  label: z.string(),
  basis: z.string(),
  startsOn: z.string(),
  days: z.number(),
  unit: z.enum(['working_days', 'natural_days']),
  dueOn: z.string(),
  status: z.enum(['open', 'met', 'missed', 'superseded', 'cancelled']),
  metOn: z.string().nullable(),
  /** Done, but after its due day (e.g. a 备案 filed late: met late, or missed with the day it came). */
  late: z.boolean(),
  /** Natural days from today; negative when overdue (open deadlines only). */
  daysLeft: z.number().nullable(),
  workingDaysLeft: z.number().nullable(),
  state: z.enum(['overdue', 'due_soon', 'ok']).nullable(),
  moved: z.boolean(),
  /** A year without holiday data was involved: the date is an estimate. */
  provisional: z.boolean(),
  reason: z.string().nullable(),
  supersededBy: z.string().nullable(),
  /** The statutory due date, never moved by an extension. */
  originalDueOn: z.string(),
  /** The due date the acts are judged against: the original one plus the extensions granted in time. */
  lawfulDueOn: z.string(),
  /** met / met_late (the act came after the lawful due date; stays flagged) / missed / running; null when superseded or cancelled. */
  outcome: z.enum(['met', 'met_late', 'missed', 'running']).nullable(),
  /** Set on a row that extended the previous one. */
  extension: z
    .object({
      ground: z.enum(['head_approval', 'collective_discussion', 'suspension', 'legacy']),
      groundLabel: z.string(),
      days: z.number().nullable(),
      fromDueOn: z.string(),
      extendedOn: z.string(),
      /** False for an extension recorded after the period it extended was missed (before 0024): it does not count. */
      lawful: z.boolean(),
      discussion: z.object({ heldOn: z.string(), attendees: z.array(z.string()), conclusion: z.string() }).nullable(),
    })
    .nullable(),
  /** Whether and how this running period may be extended now (null: it may not). */
  extendable: z.object({ maxDays: z.number().nullable(), needsDiscussion: z.boolean(), unit: z.enum(['working_days', 'natural_days']) }).nullable(),
})

export const nextDeadlineView = z.object({ kind: z.enum(caseDeadlineKinds), label: z.string(), dueOn: z.string(), daysLeft: z.number(), state: z.enum(['overdue', 'due_soon', 'ok']), provisional: z.boolean() })

export const caseRowView = z.object({
  id: z.string(),
  caseNo: z.string().nullable(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  procedure: z.enum(caseProcedures),
  procedureLabel: z.string(),
  status: z.enum(caseStatuses),
  statusLabel: z.string(),
  partyName: z.string(),
  partyKind: z.enum(partyKinds),
  powerItemName: z.string(),
  registeredAt: z.string(),
  filedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  fineFen: z.number(),
  outsideBenchmark: z.boolean(),
  nextDeadline: nextDeadlineView.nullable(),
})

export const caseActionView = z.object({
  action: z.enum(caseActions),
  label: z.string(),
  allowed: z.boolean(),
  refusals: z.array(z.object({ guard: z.string(), message: z.string() })),
})

export const caseView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  caseNo: z.string().nullable(),
  procedure: z.enum(caseProcedures),
  procedureLabel: z.string(),
  status: z.enum(caseStatuses),
  statusLabel: z.string(),
  statusBeforeSuspension: z.enum(caseStatuses).nullable(),
  source: z.enum(caseSources),
  sourceLabel: z.string(),
  sourceNote: z.string().nullable(),
  inspectionId: z.string().nullable(),
  transferredFromId: z.string().nullable(),
  transferredToOrgId: z.string().nullable(),
  powerItem: z.object({ id: z.string(), code: z.string(), name: z.string(), domain: z.string() }),
  benchmarkId: z.string().nullable(),
  title: z.string(),
  party: z.object({
    kind: z.enum(partyKinds),
    kindLabel: z.string(),
    name: z.string(),
    /** Full for the case's unit and admins; masked for supervisors. */
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
    legalRep: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  enterpriseId: z.string().nullable(),
  actDate: z.string(),
  actEndDate: z.string().nullable(),
  actPlace: z.string().nullable(),
  harmToSafety: z.boolean(),
  facts: z.string().nullable(),
  registeredAt: z.string(),
  filedOn: z.string().nullable(),
  major: z.boolean(),
  legalReviewRequired: z.boolean(),
  legalReviewReasons: z.array(z.string()),
  legalReviewPoint: z.enum(['before_decision', 'before_notice']),
  proposal: loose.nullable(),
  notifiedProposal: loose.nullable(),
  noticeServedOn: z.string().nullable(),
  waivedAt: z.string().nullable(),
  hearingEligible: z.boolean(),
  hearing: loose.nullable(),
  legalReview: loose.nullable(),
  collectiveDiscussion: loose.nullable(),
  decision: loose.nullable(),
  decidedOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  fineFen: z.number(),
  confiscateFen: z.number(),
  paymentDueOn: z.string().nullable(),
  outsideBenchmark: z.boolean(),
  closedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const eventView = z.object({
  seq: z.number(),
  action: z.string(),
  label: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  fromStatusLabel: z.string(),
  toStatusLabel: z.string(),
  at: z.string(),
  onDate: z.string(),
  actorName: z.string(),
  officerIds: z.array(z.string()),
  note: z.string().nullable(),
  data: loose,
})

export const executionView = z.object({
  fineFen: z.number(),
  finePaidFen: z.number(),
  confiscateFen: z.number(),
  confiscationPaidFen: z.number(),
  /** 加处罚款 (art. 72) as of today: 3 % a day of the unpaid fine, capped at the fine, paused during 复议/诉讼. */
  lateFeeFen: z.number(),
  lateFeePaidFen: z.number(),
  lateFeeDays: z.number(),
  /** The unpaid fine already due (with approved instalments, the instalments past their date). */
  overdueFineFen: z.number(),
  outstandingFen: z.number(),
  asOf: z.string(),
  paused: z.boolean(),
  complete: z.boolean(),
})

export const caseDetailView = z.object({
  case: caseView,
  officers: z.array(z.object({ personId: z.string(), name: z.string(), role: z.enum(['lead', 'co']), certNo: z.string().nullable(), certValid: z.boolean() })),
  events: z.array(eventView),
  deadlines: z.array(deadlineView),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(evidenceKinds),
      kindLabel: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      collectedOn: z.string(),
      officerIds: z.array(z.string()),
      fileSha256: z.string().nullable(),
      fileName: z.string().nullable(),
      files: z.array(evidenceFileView).describe('附加的证据文件（照片、扫描件、录音、录像），按附加先后'),
    }),
  ),
  mayAttachEvidenceFiles: z.boolean().describe('调用者现在可否为证据附加文件（本案承办人或单位负责人，作出决定前）'),
  payments: z.array(z.object({ id: z.string(), kind: z.enum(['fine', 'late_fee', 'confiscation']), amountFen: z.number(), paidOn: z.string(), receiptNo: z.string().nullable() })),
  instalments: z.array(z.object({ seq: z.number(), dueOn: z.string(), amountFen: z.number() })),
  remedies: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['reconsideration', 'litigation']),
      startedOn: z.string(),
      endedOn: z.string().nullable(),
      result: z.string().nullable(),
      outcome: z.enum(remedyOutcomes).nullable(),
      organ: z.string().nullable(),
      documentNo: z.string().nullable(),
    }),
  ),
  execution: executionView.nullable(),
  /** 先行登记保存 (art. 56) with its items and their 处理. */
  preservations: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      approvedOn: z.string(),
      approverName: z.string(),
      preservedOn: z.string(),
      place: z.string(),
      custody: z.enum(['on_site', 'agency']),
      custodian: z.string().nullable(),
      grounds: z.string(),
      dueOn: z.string().nullable(),
      resolvedOn: z.string().nullable(),
      late: z.boolean(),
      items: z.array(
        z.object({
          id: z.string(),
          seq: z.number(),
          name: z.string(),
          spec: z.string().nullable(),
          quantity: z.string(),
          unit: z.string(),
          note: z.string().nullable(),
          status: z.enum(preservedItemStatuses),
          statusLabel: z.string(),
          outcomeOn: z.string().nullable(),
          transferTo: z.string().nullable(),
        }),
      ),
    }),
  ),
  benchmarkCheck: z
    .object({ benchmarkId: z.string(), code: z.string().nullable(), within: z.boolean().nullable(), rangeMinFen: z.number().nullable(), rangeMaxFen: z.number().nullable(), message: z.string() })
    .nullable(),
  actions: z.array(caseActionView),
})
export type CaseDetailView = z.infer<typeof caseDetailView>

// ——— 处罚程序规则 per jurisdiction ———————————————————————————————————————————

/**
 * 期限延长规则: per extendable period, the head's one extension (at most `headApprovalMaxDays`) and
 * whether 集体讨论 may extend it further (at most `collectiveDiscussionMaxDays` each, null: the discussion
 * fixes a reasonable period). Periods fixed by law (送达, 听证, 缴纳罚款, 申请强制执行…) cannot be listed.
 */
export const deadlineExtensionRulesSchema = z.partialRecord(
  z.enum(extendableDeadlineKinds),
  z.object({
    headApprovalMaxDays: z.number().int().min(1).max(365),
    collectiveDiscussion: z.boolean(),
    collectiveDiscussionMaxDays: z.number().int().min(1).max(365).nullable(),
  }),
)

export const penaltyRulesBody = z.object({
  filingDays: z.number().int().min(1).max(90),
  filingUnit: z.enum(['working_days', 'natural_days']),
  statementDays: z.number().int().min(3).max(30),
  publicationDays: z.number().int().min(1).max(30),
  simpleRecordDays: z.number().int().min(1).max(30),
  hearingFinePersonFen: fen.min(1),
  hearingFineOrgFen: fen.min(1),
  legalReviewFineFen: fen.min(1),
  legalReviewPoint: z.enum(['before_decision', 'before_notice']),
  moveOffRestDays: z.partialRecord(z.enum(caseDeadlineKinds), z.boolean()).default({}),
  remindDaysBefore: z.number().int().min(1).max(30),
  /** Which periods may be extended and how; left out, the rules in force stay. */
  deadlineExtensions: deadlineExtensionRulesSchema.optional(),
})
export type PenaltyRulesInput = z.infer<typeof penaltyRulesBody>

export const penaltyRulesView = penaltyRulesBody.extend({
  deadlineExtensions: deadlineExtensionRulesSchema,
  regionCode: z.string(),
  /** The region whose row applies (longest match), or null for the built-in defaults. */
  sourceRegionCode: z.string().nullable(),
  sourceRegionName: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export const regionParams = z.object({ regionCode: z.string().regex(/^\d{6,12}$/, '区域代码格式不正确') })
