import {
  chineseDate,
  type CaseDocumentKind,
  type DiscretionTier,
  formatYuan,
  labels,
  legalReviewAspectNames,
  legalReviewAspects,
  legalReviewConclusionNames,
  legalReviewVerdictNames,
  type LegalReviewOpinion,
  type NoPenaltyGround,
  type PartyKind,
  type PenaltyKind,
  toChineseCapital,
} from '@yangguang/core'
import type { LegalBasis } from '../../platform/db/schema'
import type { DocumentBlock, OfficialDocument } from '../../platform/pdf/official-document'

/**
 * 执法文书 as data: one builder per document kind turns what the case holds into an
 * {@link OfficialDocument}, which the renderer prints. The legal content of each document lives
 * here, beside the articles that require it (行政处罚法 2021; 行政强制法 art. 35 for 催告书), so a
 * reviewer reads one function per document. Builders are pure: the same input gives the same
 * document, and the stored document renders to the same bytes.
 */

/** Everything a builder may print, gathered by the service from the case in the act's transaction. */
export type CaseDocumentInput = {
  /** The issuing unit. */
  organ: { name: string; address: string | null; postalCode: string | null; phone: string | null }
  /** 复议机关 and the court of first instance for the unit (printed in 救济 clauses). */
  remedy: { reviewOrgan: string; court: string }
  caseNo: string | null
  /** 案由, e.g. 未取得施工许可证擅自施工案. */
  caseTitle: string
  source: string
  party: CaseParty
  act: { date: string; endDate: string | null; place: string | null }
  /** 违法事实 as established. */
  facts: string | null
  powerItem: { code: string; name: string; legalBasis: LegalBasis[] }
  /** 违法依据 and 处罚依据 (from the benchmark, else the power item's basis). */
  violationBasis: LegalBasis[]
  penaltyBasis: LegalBasis[]
  officers: Array<{ name: string; certNo: string | null; role: 'lead' | 'co' }>
  /** `files`: the names of the files attached to the item (photos, scans, recordings), listed with it. */
  evidence: Array<{ kind: string; title: string; collectedOn: string; files?: string[] }>
  /** 处罚建议 / 决定 (whichever the document reports). */
  outcome: CaseOutcome | null
  /** The party's statements and the unit's answer (事先告知 → 决定书 must address them, art. 45). */
  statements: Array<{ onDate: string; summary: string; adopted: string | null }>
  hearing: {
    requestedOn: string | null
    date: string | null
    place: string | null
    presidingName: string | null
    heldOn: string | null
    absent: boolean
    summary: string | null
  } | null
  legalReview: {
    passed: boolean
    reviewerName: string
    onDate: string
    opinion: string
    /** The structured opinion (art. 58); absent on reviews recorded before it existed. */
    aspects?: LegalReviewOpinion['aspects']
    conclusion?: LegalReviewOpinion['conclusion']
    /** Why the reviewer may review (art. 58 ¶2). */
    qualification?: string | null
  } | null
  collectiveDiscussion: { heldOn: string; attendees: string[]; conclusion: string } | null
  dates: {
    filedOn: string | null
    noticeServedOn: string | null
    decidedOn: string | null
    deliveredOn: string | null
    paymentDueOn: string | null
    closedOn: string | null
  }
  /** Periods the party is told (working days for 陈述申辩 and 听证, arts. 44, 64, 85). */
  periods: { statementDays: number; hearingRequestDays: number }
  hearingEligible: boolean
  payments: Array<{ kind: 'fine' | 'late_fee' | 'confiscation'; amountFen: number; paidOn: string }>
  /** What the act recorded (笔录 questions, findings, delivery details…). */
  extra: Record<string, unknown>
  /** The day the document is issued ('YYYY-MM-DD'). */
  issuedOn: string
  /** 文号, chosen before building (null for 笔录 and forms without one). */
  number: string | null
  verification: { qrText: string; verifyId: string }
  /** 当事人查询码 and where to use it — printed on documents delivered to the party. */
  lookup: { code: string; url: string } | null
}

export type CaseParty = {
  kind: PartyKind
  name: string
  /** 公民身份号码: printed only on documents delivered to the party or kept in the file. */
  idNumber: string | null
  creditCode: string | null
  legalRep: string | null
  address: string | null
  phone: string | null
}

export type CaseOutcome = {
  outcome: 'penalty' | 'no_penalty' | 'transfer_judicial'
  kinds: PenaltyKind[]
  fineFen: number
  confiscateFen: number
  tier: DiscretionTier | null
  ground: NoPenaltyGround | null
  reason: string | null
  conditions: string[]
  transferTo?: string | null
}

/** Whether a document of this kind is delivered to the party (and so shows in the party's lookup). */
export const partyDocumentKinds: ReadonlySet<CaseDocumentKind> = new Set<CaseDocumentKind>([
  'rectification_order',
  'prior_notice',
  'hearing_notice',
  'penalty_decision',
  'no_penalty_decision',
  'on_the_spot_decision',
  'payment_reminder',
  'preservation_notice',
  'preservation_list',
])

/**
 * 文书类别代字 per kind, for numbers like 禄住建罚决字〔2026〕第12号; null: the document has no 文号
 * (笔录, 回证, 报告 and internal records are identified by the case number).
 */
export const documentNumberCodes: Readonly<Record<CaseDocumentKind, string | null>> = {
  filing_approval_form: '立字',
  inquiry_record: null,
  on_site_record: null,
  rectification_order: '改字',
  prior_notice: '罚告字',
  hearing_notice: '听通字',
  hearing_record: null,
  legal_review_opinion: '法审字',
  collective_discussion_record: null,
  penalty_decision: '罚决字',
  no_penalty_decision: '不罚字',
  transfer_letter: '移字',
  on_the_spot_decision: '当罚字',
  delivery_receipt: null,
  payment_reminder: '催字',
  closing_report: null,
  preservation_notice: '先保字',
  // The list goes with the notice and is identified by its number.
  preservation_list: null,
}

/**
 * Builds the document of `kind` from the case.
 *
 * @example
 * const doc = buildCaseDocument('penalty_decision', input)
 * doc.title // '行政处罚决定书'
 * doc.closing // { organ: '禄丰市住房和城乡建设局', date: '2026-11-20', sealed: true }
 */
export function buildCaseDocument(kind: CaseDocumentKind, input: CaseDocumentInput): OfficialDocument {
  return builders[kind](input)
}

const builders: Record<CaseDocumentKind, (input: CaseDocumentInput) => OfficialDocument> = {
  filing_approval_form: filingApprovalForm,
  inquiry_record: inquiryRecord,
  on_site_record: onSiteRecord,
  rectification_order: rectificationOrder,
  prior_notice: priorNotice,
  hearing_notice: hearingNotice,
  hearing_record: hearingRecord,
  legal_review_opinion: legalReviewOpinion,
  collective_discussion_record: collectiveDiscussionRecord,
  penalty_decision: penaltyDecision,
  no_penalty_decision: noPenaltyDecision,
  transfer_letter: transferLetter,
  on_the_spot_decision: onTheSpotDecision,
  delivery_receipt: deliveryReceipt,
  payment_reminder: paymentReminder,
  closing_report: closingReport,
  preservation_notice: preservationNotice,
  preservation_list: preservationList,
}

// ── The documents ────────────────────────────────────────────────────────────────────────────────

/** 立案审批表 (art. 54): source, party, facts in brief, basis, the officers' proposal and the head's approval. */
function filingApprovalForm(i: CaseDocumentInput): OfficialDocument {
  const approval = text(i.extra.approvalOpinion) ?? '同意立案调查。'
  return base(i, 'filing_approval_form', [
    {
      type: 'fields',
      rows: [
        { label: '案件编号', value: i.caseNo ?? '（立案时编号）' },
        { label: '案由', value: i.caseTitle },
        { label: '案件来源', value: i.source },
        ...partyRows(i.party, { withIdNumber: true }),
        { label: '违法行为发生时间', value: chineseDate(i.act.date) + (i.act.endDate ? ` 至 ${chineseDate(i.act.endDate)}` : '') },
        { label: '违法行为发生地点', value: i.act.place ?? '—' },
        { label: '涉及事项', value: `${i.powerItem.name}（${i.powerItem.code}）` },
        { label: '承办人员', value: officerLine(i.officers) },
      ],
    },
    { type: 'labelled', label: '简要案情：', text: i.facts ?? '见案件登记材料。' },
    { type: 'labelled', label: '立案依据：', text: `${basisLine(i.violationBasis)}；《中华人民共和国行政处罚法》第五十四条。` },
    { type: 'opinion', label: '承办人意见', text: text(i.extra.officerOpinion) ?? '当事人涉嫌违法，符合立案条件，建议立案调查。', signer: leadName(i), date: i.issuedOn },
    { type: 'opinion', label: '负责人审批意见', text: approval, signer: text(i.extra.approverName) ?? '', date: i.dates.filedOn ?? i.issuedOn },
  ], { sealed: false })
}

/** 询问笔录 (art. 55): time, place, the officers and their certificates shown, the person questioned, questions and answers. */
function inquiryRecord(i: CaseDocumentInput): OfficialDocument {
  const subject = record(i.extra.subject)
  const items = qaItems(i.extra.items)
  return base(i, 'inquiry_record', [
    {
      type: 'fields',
      rows: [
        { label: '案由', value: i.caseTitle },
        { label: '询问时间', value: text(i.extra.time) ?? chineseDate(i.issuedOn) },
        { label: '询问地点', value: text(i.extra.place) ?? i.organ.address ?? '—' },
        { label: '询问人及执法证号', value: officerLine(i.officers) },
        { label: '记录人', value: text(i.extra.recorder) ?? i.officers[1]?.name ?? '—' },
        { label: '被询问人', value: text(subject.name) ?? (i.party.kind === 'person' ? i.party.name : (i.party.legalRep ?? '—')) },
        { label: '公民身份号码', value: text(subject.idNumber) ?? (i.party.kind === 'person' ? (i.party.idNumber ?? '—') : '—') },
        { label: '与本案关系', value: text(subject.relation) ?? (i.party.kind === 'person' ? '当事人' : `${i.party.name} 法定代表人`) },
        { label: '联系电话', value: text(subject.phone) ?? i.party.phone ?? '—' },
      ],
    },
    {
      type: 'paragraph',
      text: `我们是${i.organ.name}的执法人员，已向你出示执法证件（证号见上）。现就${i.caseTitle}依法向你进行询问调查，请如实回答。你有权申请执法人员回避，有陈述和申辩的权利；对与本案无关的问题有拒绝回答的权利。（《中华人民共和国行政处罚法》第四十三条、第五十五条）`,
    },
    { type: 'qa', items: items.length > 0 ? items : [{ q: '以上告知内容你是否听清楚？', a: '（未记录）' }] },
    { type: 'paragraph', text: '以上笔录已交被询问人核对（或已向其宣读），与所述一致。' },
  ], {
    signatures: [
      { label: '被询问人签名', value: null },
      { label: '询问人签名', value: null },
      { label: '记录人签名', value: null },
    ],
  })
}

/** 现场检查（勘验）笔录 (arts. 47, 55): who, when, where, certificates shown, what was found, the party present. */
function onSiteRecord(i: CaseDocumentInput): OfficialDocument {
  return base(i, 'on_site_record', [
    {
      type: 'fields',
      rows: [
        { label: '案由', value: i.caseTitle },
        { label: '检查（勘验）时间', value: text(i.extra.time) ?? chineseDate(i.issuedOn) },
        { label: '检查（勘验）地点', value: text(i.extra.place) ?? i.act.place ?? '—' },
        ...partyRows(i.party, { withIdNumber: true }),
        { label: '执法人员及执法证号', value: officerLine(i.officers) },
        { label: '在场人', value: text(i.extra.present) ?? i.party.legalRep ?? i.party.name },
      ],
    },
    { type: 'paragraph', text: `执法人员已向当事人（在场人）出示执法证件，告知其有申请回避的权利和配合检查的义务（《中华人民共和国行政处罚法》第四十三条、第五十五条）。` },
    { type: 'labelled', label: '现场情况：', text: text(i.extra.findings) ?? i.facts ?? '（未记录）' },
    ...(text(i.extra.measures) ? [{ type: 'labelled' as const, label: '采取措施：', text: text(i.extra.measures) as string }] : []),
  ], {
    signatures: [
      { label: '当事人（在场人）签名', value: null },
      { label: '执法人员签名', value: null },
    ],
  })
}

/** 责令改正通知书 (art. 28): the act, the norm it breaks, what to correct and by when, the rights. */
function rectificationOrder(i: CaseDocumentInput): OfficialDocument {
  const correctBy = text(i.extra.correctBy)
  const measures = text(i.extra.measures) ?? '停止违法行为，并依法改正'
  return base(i, 'rectification_order', [
    ...addressee(i.party, { withIdNumber: true }),
    { type: 'paragraph', text: `经查，你（单位）${factsText(i)}上述行为违反了${basisLine(i.violationBasis)}的规定。` },
    {
      type: 'paragraph',
      text: `根据《中华人民共和国行政处罚法》第二十八条第一款${i.penaltyBasis.length ? `及${basisLine(i.penaltyBasis)}` : ''}的规定，现责令你（单位）${correctBy ? `于${chineseDate(correctBy)}前` : '立即'}${measures}。`,
    },
    { type: 'paragraph', text: '逾期不改正的，本机关将依法处理。如对本通知有异议，可在收到本通知之日起五个工作日内向本机关提出陈述和申辩。' },
  ], { sealed: true })
}

/** 行政处罚事先告知书 (arts. 44, 45, 63, 64): proposed penalty, facts, reasons, basis, and the rights with their days. */
function priorNotice(i: CaseDocumentInput): OfficialDocument {
  const o = requireOutcome(i)
  const blocks: DocumentBlock[] = [
    ...addressee(i.party, { withIdNumber: true }),
    { type: 'paragraph', text: `本机关于${chineseDate(i.dates.filedOn ?? i.issuedOn)}对你（单位）${i.caseTitle.replace(/案$/, '')}一案立案调查。经查明：${factsText(i)}` },
    ...evidenceBlocks(i),
    { type: 'paragraph', text: `你（单位）的上述行为违反了${basisLine(i.violationBasis)}的规定。` },
    { type: 'paragraph', text: `依据${basisLine(i.penaltyBasis)}的规定，${reasonText(o)}本机关拟对你（单位）作出如下行政处罚：` },
    penaltyTable(o),
    { type: 'heading', text: '你（单位）享有的权利' },
    {
      type: 'paragraph',
      text: `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。请于收到本告知书之日起${cnNumber(i.periods.statementDays)}个工作日内向本机关提出陈述、申辩意见（书面或口头均可）；本机关将充分听取你（单位）的意见，对提出的事实、理由和证据进行复核，不因你（单位）陈述申辩而给予更重的处罚。`,
    },
  ]
  if (i.hearingEligible) {
    blocks.push({
      type: 'paragraph',
      text: `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证。如要求听证，请于收到本告知书之日起${cnNumber(i.periods.hearingRequestDays)}个工作日内向本机关提出（《中华人民共和国行政处罚法》第八十五条：期限以工作日计算，不含法定节假日）；听证不收取费用。`,
    })
  }
  blocks.push({
    type: 'paragraph',
    text: `逾期未提出陈述、申辩${i.hearingEligible ? '或者听证要求' : ''}的，视为放弃上述权利。`,
  })
  blocks.push(contactBlock(i))
  return base(i, 'prior_notice', blocks, { sealed: true })
}

/** 听证通知书 (art. 64): date, time and place at least seven working days ahead, the presiding officer, the party's rights. */
function hearingNotice(i: CaseDocumentInput): OfficialDocument {
  const h = i.hearing
  return base(i, 'hearing_notice', [
    ...addressee(i.party, { withIdNumber: false }),
    {
      type: 'paragraph',
      text: `根据你（单位）${h?.requestedOn ? `于${chineseDate(h.requestedOn)}` : ''}提出的听证要求，本机关决定就${i.caseTitle}举行听证，现将有关事项通知如下：`,
    },
    {
      type: 'fields',
      rows: [
        { label: '听证时间', value: text(i.extra.time) ?? (h?.date ? chineseDate(h.date) : '（另行通知）') },
        { label: '听证地点', value: h?.place ?? '—' },
        { label: '听证主持人', value: h?.presidingName ?? '—' },
        { label: '是否公开', value: text(i.extra.publicity) ?? '公开举行' },
      ],
    },
    { type: 'heading', text: '注意事项' },
    {
      type: 'paragraph',
      text: '一、听证由本机关指定的非本案调查人员主持；你（单位）认为主持人与本案有直接利害关系的，有权申请回避（《中华人民共和国行政处罚法》第六十四条第四项）。',
    },
    { type: 'paragraph', text: '二、你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当提交授权委托书（第六十四条第五项）。' },
    { type: 'paragraph', text: '三、请携带身份证明、有关证据材料按时参加。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证（第六十四条第六项）。' },
    { type: 'paragraph', text: '四、听证不收取费用（第六十三条第二款）。' },
    contactBlock(i),
  ], { sealed: true })
}

/** 听证笔录 (art. 64(8)): the hearing as held; signed by the participants. */
function hearingRecord(i: CaseDocumentInput): OfficialDocument {
  const h = i.hearing
  return base(i, 'hearing_record', [
    {
      type: 'fields',
      rows: [
        { label: '案由', value: i.caseTitle },
        { label: '听证时间', value: h?.heldOn ? chineseDate(h.heldOn) : '—' },
        { label: '听证地点', value: h?.place ?? '—' },
        { label: '听证主持人', value: h?.presidingName ?? '—' },
        { label: '案件调查人员', value: officerLine(i.officers) },
        { label: '当事人', value: i.party.name },
      ],
    },
    { type: 'labelled', label: '听证情况：', text: h?.absent ? '当事人无正当理由未出席听证，视为放弃听证权利（《中华人民共和国行政处罚法》第六十四条第六项）。' : (h?.summary ?? text(i.extra.summary) ?? '（见附页）') },
  ], {
    signatures: [
      { label: '当事人（代理人）签名', value: null },
      { label: '听证主持人签名', value: null },
      { label: '记录人签名', value: null },
    ],
  })
}

/** 法制审核意见书 (art. 58): what was reviewed, the conclusion and the reviewer. */
function legalReviewOpinion(i: CaseDocumentInput): OfficialDocument {
  const review = i.legalReview
  const o = i.outcome
  return base(i, 'legal_review_opinion', [
    {
      type: 'fields',
      rows: [
        { label: '案件编号', value: i.caseNo ?? '—' },
        { label: '案由', value: i.caseTitle },
        { label: '当事人', value: i.party.name },
        { label: '承办人员', value: officerLine(i.officers) },
        { label: '拟处理意见', value: o ? outcomeLine(o) : '—' },
      ],
    },
    { type: 'heading', text: '审核内容' },
    {
      type: 'table',
      columns: ['审核事项', '审核结论'],
      rows: review?.aspects ? legalReviewAspectRows(review.aspects) : [
        ['执法主体是否合法，是否超越法定权限', review?.passed ? '合法' : '见审核意见'],
        ['执法人员是否具备执法资格', review?.passed ? '具备' : '见审核意见'],
        ['案件事实是否清楚，证据是否确凿充分', review?.passed ? '清楚、确凿' : '见审核意见'],
        ['适用法律、法规、规章是否准确', review?.passed ? '准确' : '见审核意见'],
        ['执法程序是否合法', review?.passed ? '合法' : '见审核意见'],
        ['行政裁量是否适当，是否符合裁量基准', review?.passed ? '适当' : '见审核意见'],
      ],
    },
    {
      type: 'opinion',
      label: '审核意见',
      text: `${review?.conclusion ? `审核结论：${legalReviewConclusionNames[review.conclusion]}。` : review ? (review.passed ? '通过。' : '不通过。') : ''}${review?.opinion ?? ''}${review?.qualification ? `（审核人员：${review.qualification}）` : ''}`,
      signer: review?.reviewerName ?? '',
      date: review?.onDate ?? i.issuedOn,
    },
    { type: 'paragraph', text: '依据：《中华人民共和国行政处罚法》第五十八条。未经法制审核或者审核未通过的，不得作出决定。' },
  ], { sealed: false })
}

/** The seven points of a structured 法制审核 opinion (art. 58): each 合法 or 存在问题 with its note. */
function legalReviewAspectRows(aspects: LegalReviewOpinion['aspects']): string[][] {
  return legalReviewAspects.map((a) => {
    const answer = aspects[a]
    return [legalReviewAspectNames[a], `${legalReviewVerdictNames[answer.verdict]}${answer.note ? `：${answer.note}` : ''}`]
  })
}

/** 集体讨论记录 (art. 57 ¶2): who discussed, when, and the conclusion. */
function collectiveDiscussionRecord(i: CaseDocumentInput): OfficialDocument {
  const c = i.collectiveDiscussion
  return base(i, 'collective_discussion_record', [
    {
      type: 'fields',
      rows: [
        { label: '案件编号', value: i.caseNo ?? '—' },
        { label: '案由', value: i.caseTitle },
        { label: '讨论时间', value: c ? chineseDate(c.heldOn) : '—' },
        { label: '参加人员', value: c?.attendees.join('、') ?? '—' },
      ],
    },
    { type: 'labelled', label: '讨论结论：', text: c?.conclusion ?? '—' },
    { type: 'paragraph', text: '依据：《中华人民共和国行政处罚法》第五十七条第二款（情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定）。' },
  ], { signatures: [{ label: '参加人员签名', value: null }] })
}

/**
 * 行政处罚决定书 — art. 59 lists what it must carry: (1) the party's name and address; (2) the facts
 * and evidence of the violation; (3) the kind and basis of the penalty; (4) the manner and deadline
 * of performance; (5) the route and deadline to apply for 复议 or to sue; (6) the organ's name and
 * the date; and the organ's seal.
 */
function penaltyDecision(i: CaseDocumentInput): OfficialDocument {
  const o = requireOutcome(i)
  const hasFine = o.fineFen > 0
  const hasConfiscation = o.confiscateFen > 0
  const blocks: DocumentBlock[] = [
    // (1) 当事人的姓名或者名称、地址
    ...addressee(i.party, { withIdNumber: true }),
    // (2) 违反法律、法规、规章的事实和证据
    { type: 'heading', text: '一、违法事实和证据' },
    { type: 'paragraph', text: `本机关于${chineseDate(i.dates.filedOn ?? i.issuedOn)}对你（单位）${i.caseTitle.replace(/案$/, '')}一案立案调查。经查明：${factsText(i)}` },
    ...evidenceBlocks(i),
    { type: 'paragraph', text: `你（单位）的上述行为违反了${basisLine(i.violationBasis)}的规定。` },
    ...statementBlocks(i),
    // (3) 行政处罚的种类和依据
    { type: 'heading', text: '二、行政处罚的种类和依据' },
    { type: 'paragraph', text: `依据${basisLine(i.penaltyBasis)}的规定，${reasonText(o)}本机关决定对你（单位）作出如下行政处罚：` },
    penaltyTable(o),
    { type: 'paragraph', text: '同时责令你（单位）立即改正违法行为（《中华人民共和国行政处罚法》第二十八条第一款）。' },
    // (4) 行政处罚的履行方式和期限
    { type: 'heading', text: '三、履行方式和期限' },
  ]
  if (hasFine || hasConfiscation) {
    blocks.push({
      type: 'paragraph',
      text: `请你（单位）自收到本决定书之日起十五日内，持本决定书到指定的银行或者通过电子支付系统缴纳${hasFine ? `罚款人民币${toChineseCapital(o.fineFen)}（¥${formatYuan(o.fineFen)}）` : ''}${hasFine && hasConfiscation ? '、' : ''}${hasConfiscation ? `没收的违法所得人民币${toChineseCapital(o.confiscateFen)}（¥${formatYuan(o.confiscateFen)}）` : ''}，缴入国库（《中华人民共和国行政处罚法》第六十七条）。本机关及执法人员不直接收缴罚款。`,
    })
    if (hasFine) {
      blocks.push({
        type: 'paragraph',
        text: '到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额；并可以依法申请人民法院强制执行（《中华人民共和国行政处罚法》第七十二条）。确有经济困难需要延期或者分期缴纳罚款的，可以向本机关提出书面申请（第六十六条第二款）。',
      })
    }
  } else {
    blocks.push({ type: 'paragraph', text: '本决定自送达之日起生效，请你（单位）自觉履行。' })
  }
  blocks.push(
    // (5) 申请行政复议、提起行政诉讼的途径和期限
    { type: 'heading', text: '四、救济途径和期限' },
    {
      type: 'paragraph',
      text: `如不服本处罚决定，你（单位）可以在收到本决定书之日起六十日内向${i.remedy.reviewOrgan}申请行政复议（《中华人民共和国行政复议法》第二十条），也可以在收到本决定书之日起六个月内直接向${i.remedy.court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`,
    },
    { type: 'paragraph', text: '行政复议或者行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外（《中华人民共和国行政处罚法》第七十三条第一款）；申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算（第七十三条第三款）。' },
    contactBlock(i),
  )
  // (6) 作出决定的行政机关名称和作出决定的日期 — the closing, with the seal.
  return base(i, 'penalty_decision', blocks, { sealed: true, date: i.dates.decidedOn ?? i.issuedOn })
}

/**
 * 不予行政处罚决定书 (art. 57 ¶1(2)/(3)): the facts as found, the ground with the article that
 * requires it, what the law orders with that ground, and the remedy rights. Each ground prints its
 * own article and consequence (see {@link noPenaltyGroundClauses}); the education paragraph is
 * printed for the art. 33 grounds only.
 */
function noPenaltyDecision(i: CaseDocumentInput): OfficialDocument {
  const o = requireOutcome(i)
  if (!o.ground) throw new Error(`no-penalty decision without a ground: ${i.caseNo ?? i.caseTitle}`)
  const clauses = noPenaltyGroundClauses(o.ground, i)
  const subject = i.caseTitle.replace(/案$/, '')
  const blocks: DocumentBlock[] = [
    ...addressee(i.party, { withIdNumber: true }),
    o.ground === 'facts_not_established'
      ? { type: 'paragraph', text: `本机关对你（单位）涉嫌${subject}一案进行了调查。${i.facts?.trim() ? `调查情况：${factsText(i)}` : ''}` }
      : { type: 'paragraph', text: `本机关对你（单位）${subject}一案进行了调查。经查明：${factsText(i)}` },
    ...evidenceBlocks(i, o.ground === 'facts_not_established' ? '本机关调查收集了下列证据：' : '以上事实有下列证据证明：'),
  ]
  if (o.ground !== 'facts_not_established') {
    blocks.push({ type: 'paragraph', text: `你（单位）的上述行为违反了${basisLine(i.violationBasis)}的规定。` })
  }
  blocks.push({ type: 'paragraph', text: sentence(['本机关认为', clauses.finding, o.reason ? `具体情况为：${trimEnd(o.reason)}` : null]) })
  blocks.push({ type: 'paragraph', text: `${clauses.law}依据${clauses.articles}的规定，本机关决定：${clauses.decision}` })
  if (clauses.educate) {
    blocks.push({
      type: 'paragraph',
      text: `根据《中华人民共和国行政处罚法》第三十三条第三款“对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育”的规定，本机关对你（单位）进行教育：${text(i.extra.education) ?? '请你（单位）认真学习相关法律法规，依法规范经营，杜绝此类行为再次发生。'}`,
    })
  }
  blocks.push(
    {
      type: 'paragraph',
      text: `如不服本决定，可以在收到本决定书之日起六十日内向${i.remedy.reviewOrgan}申请行政复议（《中华人民共和国行政复议法》第二十条），或者在收到本决定书之日起六个月内直接向${i.remedy.court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`,
    },
    contactBlock(i),
  )
  return base(i, 'no_penalty_decision', blocks, { sealed: true, date: i.dates.decidedOn ?? i.issuedOn })
}

/** What a 不予行政处罚决定书 says for its ground: the finding, the law's words, the articles cited, the decision, and whether art. 33 ¶3 education follows. */
export type NoPenaltyClauses = { finding: string; law: string; articles: string; decision: string; educate: boolean }

const LAW = '《中华人民共和国行政处罚法》'

/**
 * The clauses of each 不予处罚 ground (行政处罚法 2021):
 * - art. 33 ¶1: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，
 *   可以不予行政处罚 — with art. 57 ¶1(2), the decision clause for 违法行为轻微，依法可以不予行政处罚.
 * - art. 33 ¶2: 当事人有证据足以证明没有主观过错的，不予行政处罚.
 * - art. 30: 不满十四周岁的未成年人 — 不予行政处罚，责令监护人加以管教.
 * - art. 31: 精神病人、智力残疾人在不能辨认或者不能控制自己行为时 — 不予行政处罚，但应当责令其监护人严加看管和治疗.
 * - art. 36: 二年内未被发现的（涉及公民生命健康安全、金融安全且有危害后果的，五年）— 不再给予行政处罚.
 * - art. 57 ¶1(3): 违法事实不能成立的，不予行政处罚.
 *
 * Education (art. 33 ¶3, 对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育) is printed for the
 * art. 33 grounds only: arts. 30 and 31 order their own measure, addressed to the guardian, instead;
 * under art. 36 the act is no longer pursued; and where the facts are not established there is no
 * violation to educate about.
 */
export function noPenaltyGroundClauses(ground: NoPenaltyGround, i: Pick<CaseDocumentInput, 'act' | 'extra'>): NoPenaltyClauses {
  const guardian = text(i.extra.guardian)
  const toGuardian = guardian ? `你的监护人${guardian}` : '你的监护人'
  switch (ground) {
    case 'art33_minor':
      return {
        finding: '你（单位）的违法行为轻微并已及时改正，没有造成危害后果',
        law: `${LAW}第三十三条第一款规定：“违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。”`,
        articles: `${LAW}第三十三条第一款、第五十七条第一款第二项`,
        decision: '对你（单位）不予行政处罚。',
        educate: true,
      }
    case 'art33_first_violation':
      return {
        finding: '你（单位）系初次违法，危害后果轻微并已及时改正',
        law: `${LAW}第三十三条第一款规定：“初次违法且危害后果轻微并及时改正的，可以不予行政处罚。”`,
        articles: `${LAW}第三十三条第一款、第五十七条第一款第二项`,
        decision: '对你（单位）不予行政处罚。',
        educate: true,
      }
    case 'art33_no_fault':
      return {
        finding: '你（单位）有证据足以证明没有主观过错',
        law: `${LAW}第三十三条第二款规定：“当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。”`,
        articles: `${LAW}第三十三条第二款`,
        decision: '对你（单位）不予行政处罚。',
        educate: true,
      }
    case 'art30_minor_age':
      return {
        finding: '你实施上述违法行为时不满十四周岁',
        law: `${LAW}第三十条规定：“不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教。”`,
        articles: `${LAW}第三十条`,
        decision: `对你不予行政处罚，并责令${toGuardian}加以管教。`,
        educate: false,
      }
    case 'art31_mental_illness':
      return {
        finding: '你实施上述违法行为时系在不能辨认或者不能控制自己行为的状态下',
        law: `${LAW}第三十一条规定：“精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，但应当责令其监护人严加看管和治疗。”`,
        articles: `${LAW}第三十一条`,
        decision: `对你不予行政处罚，并责令${toGuardian}严加看管和治疗。`,
        educate: false,
      }
    case 'art36_limitation':
      return {
        finding: `你（单位）的上述行为发生于${chineseDate(i.act.date)}${i.act.endDate ? `，其连续或者继续状态于${chineseDate(i.act.endDate)}终了` : ''}，至本机关发现时已超过法定的追责期限`,
        law: `${LAW}第三十六条规定：“违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。”期限从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。`,
        articles: `${LAW}第三十六条`,
        decision: '对你（单位）的上述行为不再给予行政处罚。',
        educate: false,
      }
    case 'facts_not_established':
      return {
        finding: '现有证据不能证明你（单位）实施了上述违法行为，违法事实不能成立',
        law: '',
        articles: `${LAW}第五十七条第一款第三项`,
        decision: '对你（单位）不予行政处罚。',
        educate: false,
      }
  }
}

/** 案件移送书 (arts. 27, 57 ¶1(4)): the case goes to the judicial organ (or another competent unit). */
function transferLetter(i: CaseDocumentInput): OfficialDocument {
  const to = text(i.extra.transferTo) ?? i.outcome?.transferTo ?? '有管辖权的机关'
  return base(i, 'transfer_letter', [
    { type: 'paragraph', text: `${to}：` },
    {
      type: 'paragraph',
      text: `本机关在查处${i.party.name}${i.caseTitle.replace(/案$/, '')}一案中，${text(i.extra.reason) ?? '发现该案不属于本机关管辖（或者涉嫌犯罪）'}。根据《中华人民共和国行政处罚法》第二十七条${i.outcome?.outcome === 'transfer_judicial' ? '、第五十七条第一款第四项' : ''}的规定，现将该案移送你单位处理。`,
    },
    { type: 'labelled', label: '附：', text: `案件材料${i.evidence.length}份（${i.evidence.map((e) => e.title).join('、') || '见案卷'}）` },
  ], { sealed: true })
}

/**
 * 当场行政处罚决定书 (arts. 51–52): the party, the act, the basis, the penalty, time and place, the
 * remedy route, the organ, signed by the officers with their certificate numbers.
 */
function onTheSpotDecision(i: CaseDocumentInput): OfficialDocument {
  const o = requireOutcome(i)
  return base(i, 'on_the_spot_decision', [
    ...addressee(i.party, { withIdNumber: true }),
    {
      type: 'fields',
      rows: [
        { label: '违法行为发生时间', value: chineseDate(i.act.date) },
        { label: '违法行为发生地点', value: i.act.place ?? '—' },
        { label: '违法事实', value: i.facts ?? '—' },
        { label: '违反的规定', value: basisLine(i.violationBasis) },
        { label: '处罚依据', value: `${basisLine(i.penaltyBasis)}；《中华人民共和国行政处罚法》第五十一条` },
        { label: '处罚内容', value: outcomeLine(o) },
      ],
    },
    {
      type: 'paragraph',
      text: o.fineFen > 0
        ? `请于收到本决定书之日起十五日内到指定的银行或者通过电子支付系统缴纳罚款（第六十七条）；到期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（第七十二条）。`
        : '本决定当场交付当事人。',
    },
    {
      type: 'paragraph',
      text: `如不服本决定，可以在收到本决定书之日起六十日内向${i.remedy.reviewOrgan}申请行政复议，或者在六个月内直接向${i.remedy.court}提起行政诉讼。`,
    },
  ], {
    sealed: true,
    signatures: [
      ...i.officers.map((o2) => ({ label: `执法人员签名（执法证号 ${o2.certNo ?? '—'}）`, value: o2.name })),
      { label: '当事人签收', value: null },
    ],
  })
}

/** 送达回证 (art. 61; 民事诉讼法 arts. 87–95): which documents, to whom, how, when, signed by the recipient. */
function deliveryReceipt(i: CaseDocumentInput): OfficialDocument {
  const documents = Array.isArray(i.extra.documents) ? (i.extra.documents as unknown[]).map((d) => String(d)) : []
  const method = text(i.extra.method)
  return base(i, 'delivery_receipt', [
    {
      type: 'table',
      columns: ['送达文书名称及文号', '受送达人', '送达地点', '送达方式', '送达人', '送达日期'],
      rows: (documents.length > 0 ? documents : ['行政处罚决定书']).map((d) => [
        d,
        i.party.name,
        text(i.extra.place) ?? i.party.address ?? '—',
        method && method in labels.deliveryMethod ? labels.deliveryMethod[method as keyof typeof labels.deliveryMethod] : (method ?? '直接送达'),
        officerNames(i.officers),
        chineseDate(i.dates.deliveredOn ?? i.issuedOn),
      ]),
    },
    { type: 'fields', rows: [{ label: '签收人', value: text(i.extra.receiver) ?? '—' }] },
    { type: 'labelled', label: '备注：', text: text(i.extra.note) ?? '受送达人拒绝签收的，送达人应当注明情况，并由见证人签名（留置送达）。' },
  ], {
    signatures: [
      { label: '受送达人签名', value: null },
      { label: '送达人签名', value: null },
      { label: '见证人签名', value: null },
    ],
  })
}

/**
 * 催告书 — 行政强制法 art. 35: in writing, stating (1) the deadline to perform, (2) the manner, (3) for
 * money, the exact amount and how to pay, (4) the party's right to state and defend. Art. 45: the
 * late fee (3% a day, at most the fine — 行政处罚法 art. 72).
 */
function paymentReminder(i: CaseDocumentInput): OfficialDocument {
  const o = requireOutcome(i)
  const unpaidFine = Math.max(0, o.fineFen - sumPaid(i.payments, 'fine'))
  // With approved instalments only those already due are owed now (行政处罚法 第六十六条第二款); the rest is shown apart.
  const owedFine = Math.min(unpaidFine, Math.max(0, numberOf(i.extra.overdueFineFen) ?? unpaidFine))
  const notYetDue = unpaidFine - owedFine
  const lateFee = Math.min(Math.max(0, numberOf(i.extra.lateFeeFen) ?? 0), o.fineFen)
  const total = owedFine + lateFee
  const days = numberOf(i.extra.performDays) ?? 10
  return base(i, 'payment_reminder', [
    ...addressee(i.party, { withIdNumber: false }),
    {
      type: 'paragraph',
      text: `本机关于${chineseDate(i.dates.decidedOn ?? i.issuedOn)}对你（单位）作出${text(i.extra.decisionNumber) ?? ''}行政处罚决定，该决定书已于${chineseDate(i.dates.deliveredOn ?? i.issuedOn)}送达。你（单位）至今未履行缴纳罚款的义务${i.dates.paymentDueOn ? `（缴纳期限已于${chineseDate(i.dates.paymentDueOn)}届满）` : ''}。`,
    },
    {
      type: 'fields',
      rows: [
        { label: notYetDue > 0 ? '应缴罚款（已到期的分期款）' : '应缴罚款', value: money(owedFine) },
        { label: '加处罚款（截至本催告书作出之日）', value: money(lateFee) },
        { label: '合计', value: money(total) },
        ...(notYetDue > 0 ? [{ label: '尚未到期的分期罚款（按批准的期限缴纳）', value: money(notYetDue) }] : []),
      ],
    },
    {
      type: 'paragraph',
      text: `根据《中华人民共和国行政强制法》第三十五条、第四十五条及《中华人民共和国行政处罚法》第七十二条的规定，现催告你（单位）于收到本催告书之日起${cnNumber(days)}日内，持行政处罚决定书到指定的银行或者通过电子支付系统缴清上述款项（履行方式：缴入国库，本机关不直接收缴）。加处罚款每日按罚款数额的百分之三计算，总额不超出罚款数额。`,
    },
    {
      type: 'paragraph',
      text: '你（单位）有权进行陈述和申辩（《中华人民共和国行政强制法》第三十五条第四项、第三十六条），请于收到本催告书之日起三个工作日内向本机关提出；本机关将充分听取并记录、复核。',
    },
    {
      type: 'paragraph',
      text: '逾期仍不履行的，本机关将依照《中华人民共和国行政强制法》第五十三条、第五十四条的规定申请人民法院强制执行。',
    },
    contactBlock(i),
  ], { sealed: true })
}

/** 结案报告: what was decided, how it was executed, and why the case can close. */
function closingReport(i: CaseDocumentInput): OfficialDocument {
  const o = i.outcome
  const paid = i.payments.map((p) => [p.kind === 'fine' ? '罚款' : p.kind === 'late_fee' ? '加处罚款' : '没收违法所得', money(p.amountFen), chineseDate(p.paidOn)])
  return base(i, 'closing_report', [
    {
      type: 'fields',
      rows: [
        { label: '案件编号', value: i.caseNo ?? '—' },
        { label: '案由', value: i.caseTitle },
        { label: '当事人', value: i.party.name },
        { label: '立案日期', value: i.dates.filedOn ? chineseDate(i.dates.filedOn) : '—' },
        { label: '决定日期', value: i.dates.decidedOn ? chineseDate(i.dates.decidedOn) : '—' },
        { label: '处理结果', value: o ? outcomeLine(o) : '—' },
        { label: '承办人员', value: officerLine(i.officers) },
      ],
    },
    { type: 'heading', text: '执行情况' },
    paid.length > 0 ? { type: 'table', columns: ['款项', '金额', '缴纳日期'], rows: paid } : { type: 'paragraph', text: '无罚没款项需执行。' },
    { type: 'labelled', label: '结案理由：', text: text(i.extra.reason) ?? '行政处罚决定已执行完毕。' },
    { type: 'opinion', label: '负责人审批意见', text: text(i.extra.approvalOpinion) ?? '同意结案。', signer: text(i.extra.approverName) ?? '', date: i.dates.closedOn ?? i.issuedOn },
  ], { sealed: false })
}

// ── Shared pieces ────────────────────────────────────────────────────────────────────────────────

/**
 * 先行登记保存通知书 (art. 56): the head's approval, why the evidence may be lost, where and how it is
 * kept, the party's duty not to destroy or move it, and the seven (working, art. 85) days within which
 * the agency decides what becomes of it. The items are on the 物品清单 issued with it.
 */
function preservationNotice(i: CaseDocumentInput): OfficialDocument {
  const p = preservationOf(i)
  return base(i, 'preservation_notice', [
    ...addressee(i.party, { withIdNumber: false }),
    {
      type: 'paragraph',
      text: `本机关在调查${i.caseTitle}中，因${trimEnd(p.grounds)}，证据可能灭失或者以后难以取得，经本机关负责人${p.approverName}于${chineseDate(p.approvedOn)}批准，根据${LAW}第五十六条的规定，自${chineseDate(p.preservedOn)}起对${p.items.length > 0 ? `${p.items.map((x) => x.name).join('、')}等${cnNumber(p.items.length)}项物品` : '有关物品'}（详见《先行登记保存物品清单》）予以先行登记保存。`,
    },
    {
      type: 'fields',
      rows: [
        { label: '保存地点', value: p.place },
        { label: '保存方式', value: p.custody === 'on_site' ? `就地保存，由${p.custodian ?? '当事人'}保管` : '异地保存，由本机关保管' },
        { label: '处理期限', value: p.dueOn ? `本机关将于${chineseDate(p.dueOn)}前（七个工作日内）作出处理决定` : '本机关将在七个工作日内作出处理决定' },
      ],
    },
    {
      type: 'paragraph',
      text: '在此期间，你（单位）或者有关人员不得使用、销售、转移、损毁、隐匿或者变更上述物品（第五十六条）。本机关作出处理决定后，将书面告知你（单位）：依法不应没收的予以解除先行登记保存并退还；应当移送有关机关的予以移送；依法应当没收的，在行政处罚决定中予以没收。',
    },
    contactBlock(i),
  ], {
    sealed: true,
    signatures: [
      ...i.officers.map((o) => ({ label: `执法人员签名（执法证号 ${o.certNo ?? '—'}）`, value: o.name })),
      { label: '当事人签收', value: null },
    ],
  })
}

/** 先行登记保存物品清单: one row per item; signed by the officers and the party (or the person present). */
function preservationList(i: CaseDocumentInput): OfficialDocument {
  const p = preservationOf(i)
  return base(i, 'preservation_list', [
    { type: 'fields', rows: [...partyRows(i.party, { withIdNumber: false }), { label: '保存日期', value: chineseDate(p.preservedOn) }, { label: '保存地点', value: p.place }] },
    {
      type: 'table',
      columns: ['序号', '物品名称', '规格（型号、批号）', '数量', '单位', '备注'],
      rows: p.items.map((x, n) => [String(n + 1), x.name, x.spec ?? '—', x.quantity, x.unit, x.note ?? '']),
    },
    { type: 'paragraph', text: `以上物品共${cnNumber(p.items.length)}项，经当事人核对无误。本清单与《先行登记保存通知书》${text(i.extra.noticeNumber) ?? ''}一并送达。` },
  ], {
    signatures: [
      ...i.officers.map((o) => ({ label: '执法人员签名', value: o.name })),
      { label: '当事人（或在场人）签名', value: null },
    ],
  })
}

type PreservationExtra = {
  preservedOn: string
  approvedOn: string
  approverName: string
  place: string
  custody: 'on_site' | 'agency'
  custodian: string | null
  grounds: string
  dueOn: string | null
  items: Array<{ name: string; spec: string | null; quantity: string; unit: string; note: string | null }>
}

function preservationOf(i: CaseDocumentInput): PreservationExtra {
  const p = record(i.extra.preservation)
  const items = Array.isArray(p.items) ? (p.items as unknown[]).map(record) : []
  return {
    preservedOn: text(p.preservedOn) ?? i.issuedOn,
    approvedOn: text(p.approvedOn) ?? i.issuedOn,
    approverName: text(p.approverName) ?? '',
    place: text(p.place) ?? '—',
    custody: p.custody === 'on_site' ? 'on_site' : 'agency',
    custodian: text(p.custodian),
    grounds: text(p.grounds) ?? '证据可能灭失或者以后难以取得',
    dueOn: text(p.dueOn),
    items: items.map((x) => ({ name: text(x.name) ?? '—', spec: text(x.spec), quantity: text(x.quantity) ?? '—', unit: text(x.unit) ?? '', note: text(x.note) })),
  }
}

function base(
  i: CaseDocumentInput,
  kind: CaseDocumentKind,
  blocks: DocumentBlock[],
  options: { sealed?: boolean; date?: string; signatures?: OfficialDocument['signatures'] } = {},
): OfficialDocument {
  const head: DocumentBlock[] = []
  // Documents delivered to the party print the case number and the party's lookup code.
  if (i.lookup) {
    head.push({ type: 'fields', rows: [{ label: '案件编号', value: i.caseNo ?? '—' }, { label: LOOKUP_CODE_LABEL, value: i.lookup.code }] })
  }
  const tail: DocumentBlock[] = i.lookup
    ? [{ type: 'paragraph', text: `凭案件编号和查询码可在 ${i.lookup.url} 查询本案办理进度和送达给您的文书。请妥善保管查询码，不要告知他人。` }]
    : []
  return {
    organ: i.organ.name,
    title: labels.caseDocumentKind[kind],
    number: i.number,
    blocks: [...head, ...blocks, ...tail].map(tidyBlock),
    ...(options.signatures ? { signatures: options.signatures } : {}),
    // ISO dates: the renderer writes them out in Chinese and takes the PDF's date from the closing.
    closing: { organ: i.organ.name, date: options.date ?? i.issuedOn, sealed: options.sealed ?? false },
    verification: { qrText: i.verification.qrText, caption: `扫码核验本文书真伪 · 核验编号 ${i.verification.verifyId}` },
    footer: partyDocumentKinds.has(kind) ? '本文书一式两份，一份送达当事人，一份归档。' : '本文书归入案卷。',
  }
}

function tidyBlock(b: DocumentBlock): DocumentBlock {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return { ...b, text: tidyClauses(b.text) }
    case 'labelled':
      return { ...b, text: tidyClauses(b.text) }
    case 'fields':
      return { ...b, rows: b.rows.map((r) => ({ label: r.label, value: tidyClauses(r.value) })) }
    case 'opinion':
      return { ...b, text: tidyClauses(b.text) }
    default:
      return b
  }
}

/** The lookup code a stored document prints (see {@link base}), or null. */
export function printedLookupCode(data: unknown): string | null {
  const blocks = (data as Partial<OfficialDocument> | null)?.blocks
  if (!Array.isArray(blocks)) return null
  for (const block of blocks) {
    if (block.type !== 'fields') continue
    const row = block.rows.find((r) => r.label === LOOKUP_CODE_LABEL)
    if (row) return row.value
  }
  return null
}

const LOOKUP_CODE_LABEL = '查询码'

function addressee(p: CaseParty, options: { withIdNumber: boolean }): DocumentBlock[] {
  return [
    { type: 'labelled', label: '当事人：', text: p.name },
    { type: 'fields', rows: partyRows(p, options).filter((r) => r.label !== '当事人') },
  ]
}

function partyRows(p: CaseParty, options: { withIdNumber: boolean }): Array<{ label: string; value: string }> {
  if (p.kind === 'person') {
    return [
      { label: '当事人', value: p.name },
      ...(options.withIdNumber ? [{ label: '公民身份号码', value: p.idNumber ?? '—' }] : []),
      { label: '住址', value: p.address ?? '—' },
      { label: '联系电话', value: p.phone ?? '—' },
    ]
  }
  return [
    { label: '当事人', value: p.name },
    { label: '统一社会信用代码', value: p.creditCode ?? '—' },
    { label: '法定代表人（负责人）', value: p.legalRep ?? '—' },
    { label: '地址', value: p.address ?? '—' },
    { label: '联系电话', value: p.phone ?? '—' },
  ]
}

function evidenceBlocks(i: CaseDocumentInput, intro = '以上事实有下列证据证明：'): DocumentBlock[] {
  if (i.evidence.length === 0) return []
  return [
    { type: 'paragraph', text: intro },
    {
      type: 'table',
      columns: ['序号', '证据', '种类', '取得日期'],
      rows: i.evidence.map((e, n) => [String(n + 1), e.files?.length ? `${e.title}（附：${e.files.join('、')}）` : e.title, evidenceKindLabel(e.kind), chineseDate(e.collectedOn)]),
    },
  ]
}

function statementBlocks(i: CaseDocumentInput): DocumentBlock[] {
  const blocks: DocumentBlock[] = []
  if (i.dates.noticeServedOn) {
    blocks.push({ type: 'paragraph', text: `本机关于${chineseDate(i.dates.noticeServedOn)}向你（单位）送达了行政处罚事先告知书，告知拟作出行政处罚的内容及事实、理由、依据，以及你（单位）依法享有的陈述、申辩${i.hearingEligible ? '、要求听证' : ''}等权利。` })
  }
  if (i.statements.length > 0) {
    for (const s of i.statements) {
      blocks.push({ type: 'paragraph', text: `你（单位）于${chineseDate(s.onDate)}提出陈述、申辩：${s.summary}${s.adopted ? `经复核，${s.adopted}` : ''}` })
    }
  } else if (i.dates.noticeServedOn) {
    blocks.push({ type: 'paragraph', text: '你（单位）在规定期限内未提出陈述、申辩意见。' })
  }
  if (i.hearing?.heldOn) {
    blocks.push({ type: 'paragraph', text: `本机关于${chineseDate(i.hearing.heldOn)}依法举行了听证。${i.hearing.summary ?? ''}` })
  }
  return blocks
}

function penaltyTable(o: CaseOutcome): DocumentBlock {
  const rows: string[][] = o.kinds.map((k) => {
    if (k === 'fine') return [labels.penaltyKind[k], `人民币${toChineseCapital(o.fineFen)}（¥${formatYuan(o.fineFen)}）`]
    if (k === 'confiscate_gains') return [labels.penaltyKind[k], `人民币${toChineseCapital(o.confiscateFen)}（¥${formatYuan(o.confiscateFen)}）`]
    return [labels.penaltyKind[k], '—']
  })
  return { type: 'table', columns: ['处罚种类', '处罚内容'], rows }
}

/** One line for the penalty: 罚款人民币伍万元整（¥50,000.00）; 警告. */
export function outcomeLine(o: CaseOutcome): string {
  if (o.outcome === 'no_penalty') return `不予行政处罚（${o.ground ? labels.noPenaltyGround[o.ground] : (o.reason ?? '')}）`
  if (o.outcome === 'transfer_judicial') return `移送司法机关${o.transferTo ? `（${o.transferTo}）` : ''}`
  return o.kinds
    .map((k) => {
      if (k === 'fine') return `罚款人民币${toChineseCapital(o.fineFen)}（¥${formatYuan(o.fineFen)}）`
      if (k === 'confiscate_gains') return `没收违法所得人民币${toChineseCapital(o.confiscateFen)}（¥${formatYuan(o.confiscateFen)}）`
      return labels.penaltyKind[k]
    })
    .join('；')
}

function reasonText(o: CaseOutcome): string {
  const tier = o.tier ? `按照本机关行政处罚裁量基准，属于${labels.discretionTier[o.tier]}情形${o.conditions.length > 0 ? `（${o.conditions.join('；')}）` : ''}` : null
  const conditions = !o.tier && o.conditions.length > 0 ? `考虑到${o.conditions.join('；')}` : null
  const clauses = [tier, conditions, o.reason ? trimEnd(o.reason) : null].filter((c): c is string => c !== null)
  return clauses.length > 0 ? `${clauses.join('，')}，` : ''
}

function requireOutcome(i: CaseDocumentInput): CaseOutcome {
  if (!i.outcome) throw new Error(`case document needs a proposal or decision: ${i.caseNo ?? i.caseTitle}`)
  return i.outcome
}

/**
 * Where the party reaches the unit — to hand in 陈述、申辩, ask for a hearing, or ask about payment.
 * Prints the fields the unit has; a unit without an address on file prints none rather than a dash.
 */
function contactBlock(i: CaseDocumentInput): DocumentBlock {
  const rows: Array<{ label: string; value: string }> = []
  if (i.organ.address) rows.push({ label: '本机关地址', value: i.organ.address })
  if (i.organ.postalCode) rows.push({ label: '邮政编码', value: i.organ.postalCode })
  if (i.organ.phone) rows.push({ label: '联系电话', value: i.organ.phone })
  rows.push({ label: '承办人', value: officerNames(i.officers) })
  return { type: 'fields', rows }
}

function factsText(i: CaseDocumentInput): string {
  const facts = (i.facts ?? '').trim()
  if (!facts) return `${chineseDate(i.act.date)}${i.act.place ? `在${i.act.place}` : ''}实施了${i.caseTitle.replace(/案$/, '')}的行为。`
  return /[。．.!！]$/.test(facts) ? facts : `${facts}。`
}

/** 《中华人民共和国建筑法》第六十四条、《…》第…条 */
export function basisLine(basis: readonly LegalBasis[]): string {
  if (basis.length === 0) return '有关法律、法规、规章'
  return basis.map((b) => `${b.law.startsWith('《') ? b.law : `《${b.law}》`}${b.article}`).join('、')
}

function officerLine(officers: CaseDocumentInput['officers']): string {
  return officers.map((o) => `${o.name}（执法证号 ${o.certNo ?? '—'}）`).join('、') || '—'
}

function officerNames(officers: CaseDocumentInput['officers']): string {
  return officers.map((o) => o.name).join('、') || '—'
}

function leadName(i: CaseDocumentInput): string {
  return (i.officers.find((o) => o.role === 'lead') ?? i.officers[0])?.name ?? ''
}

function money(fen: number): string {
  return `人民币${toChineseCapital(fen)}（¥${formatYuan(fen)}）`
}

function sumPaid(payments: CaseDocumentInput['payments'], kind: 'fine' | 'late_fee' | 'confiscation'): number {
  return payments.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.amountFen, 0)
}

function evidenceKindLabel(kind: string): string {
  return kind in labels.evidenceKind ? labels.evidenceKind[kind as keyof typeof labels.evidenceKind] : kind
}


const cnDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** Small counts in Chinese numerals as law texts write them: 5 → 五, 15 → 十五, 60 → 六十. */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n)
  if (n < 10) return cnDigits[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : cnDigits[tens]}十${ones ? cnDigits[ones] : ''}`
}

/**
 * One sentence from the clauses that are present: 本机关认为 + 两个事实 → "本机关认为，甲，乙。"
 * Absent clauses (null, empty) leave no mark, and a clause's own end punctuation is not doubled.
 */
function sentence(clauses: Array<string | null | undefined>): string {
  const present = clauses.map((c) => (c ? trimEnd(c) : '')).filter((c) => c !== '')
  return present.length > 0 ? `${present.join('，')}。` : ''
}

/** A clause without its closing punctuation, to be joined into a longer sentence. */
function trimEnd(clause: string): string {
  return clause.trim().replace(/[，、；。.,;！!]+$/u, '')
}

/**
 * Removes the marks a missing clause leaves in Chinese text: doubled separators (，，　、、　，、),
 * a separator before a full stop or closing bracket (，。　，）), a separator right after an opening
 * one (（，　：，) and empty brackets. A safety net applied to every block a document prints;
 * the builders already join sentences from the clauses present.
 *
 * @example
 * tidyClauses('依据第七条的规定，，本机关决定：，罚款（）。') // '依据第七条的规定，本机关决定：罚款。'
 */
export function tidyClauses(value: string): string {
  return value
    .replace(/（\s*）/gu, '')
    .replace(/([，、；：])(?:\s*[，、；])+/gu, '$1')
    .replace(/[，、；：]+(?=[。！？）」”])/gu, '')
    .replace(/([（“「])[，、；。]+/gu, '$1')
    .replace(/^[，、；。]+/u, '')
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function qaItems(value: unknown): Array<{ q: string; a: string }> {
  if (!Array.isArray(value)) return []
  return value.flatMap((item) => {
    const r = record(item)
    const q = text(r.q)
    return q ? [{ q, a: text(r.a) ?? '' }] : []
  })
}
