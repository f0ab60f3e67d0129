/**
 * 行政处罚 procedure as data: the states a case passes through, the acts that move it and the guards
 * each act must pass. The server runs this table (one transaction per act: lock the case, check the
 * guards and the caller's policy, write the event, schedule deadlines); the web offers only the acts
 * the server lists as allowed. Nothing else moves a case.
 *
 * Sources: 《中华人民共和国行政处罚法》(2021) — art. 54 立案, 55 亮证与笔录, 57 决定的种类与集体讨论,
 * 58 法制审核, 59 决定书内容, 60 九十日, 61 送达, 62 告知前不得决定, 63–65 听证, 66–73 执行;
 * 《行政强制法》art. 35, 53, 54 催告 and application to a court. Simple procedure: arts. 51–53.
 */

/** 程序: 简易程序 (当场处罚, arts. 51–53) / 普通程序 (arts. 54–65). */
export const caseProcedures = ['simple', 'general'] as const
export type CaseProcedure = (typeof caseProcedures)[number]

/** 案件来源: 检查发现 / 投诉举报 / 移送 / 自行发现 / 上级交办 */
export const caseSources = ['inspection', 'complaint', 'transfer', 'discovery', 'assigned'] as const
export type CaseSource = (typeof caseSources)[number]

/** 当事人类别: 自然人 / 法人或其他组织 (art. 51 sets different simple-procedure limits). */
export const partyKinds = ['person', 'organization'] as const
export type PartyKind = (typeof partyKinds)[number]

/**
 * 案件状态. The main line of the general procedure, then the side exits.
 * - `registered` 线索登记 → `filing_approval` 立案审批 → `investigating` 调查取证 → `under_review` 案件审查
 *   → `notified` 事先告知（陈述申辩） → `hearing` 听证 → `legal_review` 法制审核 → `pending_decision` 待决定
 *   （集体讨论 recorded here） → `decided` 已决定（待送达） → `executing` 执行 → `enforcement` 催告/强制执行
 *   → `closed` 结案 → `archived` 归档.
 * - `not_filed` 不予立案, `terminated` 撤销立案/终止调查, `transferred` 已移送, `suspended` 中止,
 *   `revoked` 决定已撤销.
 */
export const caseStatuses = [
  'registered',
  'filing_approval',
  'investigating',
  'under_review',
  'notified',
  'hearing',
  'legal_review',
  'pending_decision',
  'decided',
  'executing',
  'enforcement',
  'closed',
  'archived',
  'not_filed',
  'terminated',
  'transferred',
  'suspended',
  'revoked',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** 处罚决定的结果 (art. 57): 给予处罚 / 不予处罚 / 移送司法机关. */
export const decisionOutcomes = ['penalty', 'no_penalty', 'transfer_judicial'] as const
export type DecisionOutcome = (typeof decisionOutcomes)[number]

/**
 * 不予处罚的理由. Art. 33 ¶1 sentence 1 (轻微并及时改正、没有造成危害后果 — shall not), sentence 2
 * (初次违法且危害后果轻微并及时改正 — may not), ¶2 (no subjective fault — shall not); art. 30 (under 14);
 * art. 31 (mental illness); art. 36 (limitation passed); art. 57 ¶1(3) (facts not established).
 */
export const noPenaltyGrounds = [
  'art33_minor',
  'art33_first_violation',
  'art33_no_fault',
  'art30_minor_age',
  'art31_mental_illness',
  'art36_limitation',
  'facts_not_established',
] as const
export type NoPenaltyGround = (typeof noPenaltyGrounds)[number]

/** 处罚种类 (art. 9). One decision may carry several kinds. */
export const penaltyKinds = [
  'warning',
  'circulate_criticism',
  'fine',
  'confiscate_gains',
  'confiscate_property',
  'suspend_license',
  'lower_qualification',
  'revoke_license',
  'restrict_production',
  'order_suspension',
  'order_closure',
  'restrict_employment',
  'detention',
  'other',
] as const
export type PenaltyKind = (typeof penaltyKinds)[number]

/** 裁量阶次 (国办发〔2022〕27号). */
export const discretionTiers = ['exempt', 'mitigated', 'lenient', 'ordinary', 'severe'] as const
export type DiscretionTier = (typeof discretionTiers)[number]

/**
 * 案件的办理行为. Acts that change the status are in {@link caseTransitions}; the others are
 * recorded on the case without moving it (evidence, statements, hearing steps, payments…).
 */
export const caseActions = [
  // moves
  'submit_filing',
  'approve_filing',
  'reject_filing',
  'finish_investigation',
  'return_investigation',
  'notify',
  'request_hearing',
  'conclude_statements',
  'submit_legal_review',
  'pass_legal_review',
  'fail_legal_review',
  'decide',
  'deliver',
  'remind',
  'close',
  'archive',
  'terminate',
  'transfer',
  'suspend',
  'resume',
  'revoke_decision',
  // records
  'add_officer',
  'record_evidence',
  'record_statement',
  'record_waiver',
  'schedule_hearing',
  'hold_hearing',
  'record_collective_discussion',
  'record_payment',
  'grant_deferral',
  'record_remedy',
  'apply_court',
  'extend_deadline',
  'record_simple_filing',
  'preserve_evidence',
  'resolve_preservation',
] as const
export type CaseAction = (typeof caseActions)[number]

/**
 * Guards, each named by the rule it enforces. The server implements one check per name; a refused
 * act reports every failed guard with its Chinese message.
 */
export const caseGuards = [
  /** 清单之外无权力: the case's power item is held by the unit (directly or by delegation) on the day. */
  'power_item_held',
  /** art. 36: two years (five where life/health or financial safety was harmed) since the act or its end. */
  'limitation_period',
  /** art. 42: at least two officers, each with a certificate valid on the day. */
  'two_certified_officers',
  /** art. 55: an investigative record exists (询问笔录 / 现场检查笔录) before the investigation ends. */
  'investigation_recorded',
  /** A proposed outcome (kinds, amounts, tier, circumstances) before the notice. */
  'proposal_complete',
  /** art. 29: one act, one fine — one fine per violation; several norms → the highest applies. */
  'one_act_one_fine',
  /** The proposal lies in the benchmark's lawful range, or a written reason is recorded (flagged to supervisors). */
  'within_benchmark_or_reasoned',
  /** arts. 4, 29–32: kinds and amounts lie in the statutory range of the cited provision (no override). */
  'within_statutory_range',
  /** art. 62: no decision before the notice was served, unless the party expressly waived. */
  'notice_served',
  /** arts. 44–45, 64: the statement and hearing-request windows have closed, or the party waived. */
  'statement_window_closed',
  /** art. 63: a hearing may be requested only for the penalties listed there; art. 64(1), 85: within 5 working days of the notice. */
  'hearing_eligible',
  /** arts. 64–65: a requested hearing has been held (or the party's absence recorded) before moving on. */
  'hearing_concluded',
  /** art. 64(4): the presiding officer did not investigate the case. */
  'presiding_not_investigator',
  /** art. 64(2), 85: the hearing notice reaches the party at least 7 working days before the hearing. */
  'hearing_notice_period',
  /** art. 58: where legal review is required, it has passed. */
  'legal_review_passed',
  /** art. 58: only a legal reviewer (法制审核员) of the unit, outside the case's team, and (¶2) qualified if first-time. */
  'legal_reviewer_role',
  /** art. 57 ¶2: complex or major cases are decided by collective discussion of the heads. */
  'collective_discussion_held',
  /** art. 45: the decided penalty is not heavier than the notified one, and of the kinds notified (another kind is notified anew). */
  'not_heavier_than_notified',
  /** art. 33: a first violation is checked against the party's history (warning when 首违不罚 may apply). */
  'first_violation_checked',
  /** art. 61: a decision is delivered before execution counts. */
  'decision_delivered',
  /** art. 72 / 行政强制法 art. 35: payment overdue before a 催告. */
  'payment_overdue',
  /** 行政强制法 art. 54: ten days (working days, art. 69) after the 催告书 was delivered before applying to a court. */
  'reminder_period_passed',
  /**
   * 行政强制法 art. 53, 行政处罚法 art. 72 ¶2: a court application only once the 复议/诉讼 periods (and an approved
   * deferral or instalments ending later) have run out, and not while a recorded 复议/诉讼 is pending.
   */
  'court_application_period_open',
  /** Nothing left to execute: fine and late fee paid, or enforcement concluded, or no fine. */
  'execution_complete',
  /** A reason is given (不予立案, 终止, 中止, 撤销, override). */
  'reason_given',
  /** art. 51: simple procedure only for a warning or a fine ≤ 200 yuan (person) / ≤ 3,000 yuan (organization). */
  'simple_procedure_limits',
  /** art. 52 ¶3: an on-the-spot decision is filed (备案) with the unit once. */
  'simple_filing_pending',
  /**
   * art. 56: every 先行登记保存 has its 处理决定 before the case is decided, and an item held for 没收 is
   * confiscated by the decision itself; a case that ends without a decision first releases what it holds.
   */
  'preservation_resolved',
] as const
export type CaseGuard = (typeof caseGuards)[number]

/** Who may perform an act: the unit's officers on the case, its head, or its legal reviewers. */
export type CaseActorKind = 'case_officer' | 'unit_head' | 'legal_reviewer'

export type CaseTransition = {
  action: CaseAction
  from: readonly CaseStatus[]
  /** The status after the act; `same` for acts that only record; `previous` for 恢复 after 中止. */
  to: CaseStatus | 'same' | 'previous'
  guards: readonly CaseGuard[]
  by: readonly CaseActorKind[]
  /** Only for cases of this procedure (备案 of an on-the-spot decision; 先行登记保存 in an investigation). */
  procedure?: CaseProcedure
}

const active: readonly CaseStatus[] = ['investigating', 'under_review', 'notified', 'hearing', 'legal_review', 'pending_decision']

/**
 * The transition table of the general procedure. Order matters only for display.
 *
 * @example
 * allowedActions('notified').map((t) => t.action) // ['request_hearing', 'conclude_statements', …]
 */
export const caseTransitions: readonly CaseTransition[] = [
  { action: 'submit_filing', from: ['registered'], to: 'filing_approval', guards: ['power_item_held', 'limitation_period', 'two_certified_officers'], by: ['case_officer', 'unit_head'] },
  { action: 'approve_filing', from: ['filing_approval'], to: 'investigating', guards: ['power_item_held', 'limitation_period', 'two_certified_officers'], by: ['unit_head'] },
  { action: 'reject_filing', from: ['registered', 'filing_approval'], to: 'not_filed', guards: ['reason_given'], by: ['unit_head'] },
  { action: 'add_officer', from: ['registered', 'filing_approval', ...active], to: 'same', guards: [], by: ['unit_head'] },
  { action: 'record_evidence', from: ['investigating'], to: 'same', guards: ['two_certified_officers'], by: ['case_officer'] },
  // 第五十六条: 先行登记保存 with the head's approval (the head performs the act); its 处理决定 within 7 (working, art. 85)
  // days: 解除 (returned), 移送 (to the competent authority), or held for 没收 in the penalty decision.
  { action: 'preserve_evidence', from: ['investigating'], to: 'same', guards: ['two_certified_officers'], by: ['unit_head'], procedure: 'general' },
  { action: 'resolve_preservation', from: active, to: 'same', guards: [], by: ['unit_head'], procedure: 'general' },
  { action: 'finish_investigation', from: ['investigating'], to: 'under_review', guards: ['investigation_recorded', 'two_certified_officers', 'within_statutory_range'], by: ['case_officer'] },
  { action: 'return_investigation', from: ['under_review', 'legal_review', 'pending_decision'], to: 'investigating', guards: ['reason_given'], by: ['unit_head', 'legal_reviewer'] },
  // 第四十五条: a decision of another penalty kind than notified is notified anew from 待决定 (重新告知).
  { action: 'notify', from: ['under_review', 'pending_decision'], to: 'notified', guards: ['proposal_complete', 'one_act_one_fine', 'within_statutory_range', 'within_benchmark_or_reasoned', 'first_violation_checked', 'legal_review_passed'], by: ['case_officer', 'unit_head'] },
  { action: 'record_statement', from: ['notified', 'hearing'], to: 'same', guards: [], by: ['case_officer'] },
  { action: 'record_waiver', from: ['notified'], to: 'same', guards: [], by: ['case_officer'] },
  { action: 'request_hearing', from: ['notified'], to: 'hearing', guards: ['hearing_eligible'], by: ['case_officer', 'unit_head'] },
  { action: 'schedule_hearing', from: ['hearing'], to: 'same', guards: ['presiding_not_investigator', 'hearing_notice_period'], by: ['unit_head'] },
  { action: 'hold_hearing', from: ['hearing'], to: 'same', guards: ['presiding_not_investigator'], by: ['case_officer', 'unit_head'] },
  { action: 'conclude_statements', from: ['notified', 'hearing'], to: 'pending_decision', guards: ['statement_window_closed', 'hearing_concluded', 'legal_review_passed'], by: ['case_officer', 'unit_head'] },
  { action: 'submit_legal_review', from: ['under_review', 'notified', 'hearing', 'pending_decision'], to: 'legal_review', guards: ['statement_window_closed', 'hearing_concluded', 'within_statutory_range'], by: ['case_officer', 'unit_head'] },
  // Where local rules put 法制审核 before the notice (configurable), a pass returns the case to
  // `under_review` with the review recorded, and `notify` follows; otherwise it goes to `pending_decision`.
  { action: 'pass_legal_review', from: ['legal_review'], to: 'pending_decision', guards: ['legal_reviewer_role'], by: ['legal_reviewer'] },
  { action: 'fail_legal_review', from: ['legal_review'], to: 'under_review', guards: ['legal_reviewer_role', 'reason_given'], by: ['legal_reviewer'] },
  { action: 'record_collective_discussion', from: ['pending_decision'], to: 'same', guards: [], by: ['unit_head'] },
  {
    action: 'decide',
    from: ['under_review', 'pending_decision'],
    to: 'decided',
    guards: ['notice_served', 'statement_window_closed', 'hearing_concluded', 'legal_review_passed', 'collective_discussion_held', 'not_heavier_than_notified', 'one_act_one_fine', 'within_statutory_range', 'within_benchmark_or_reasoned', 'preservation_resolved'],
    by: ['unit_head'],
  },
  { action: 'deliver', from: ['decided'], to: 'executing', guards: [], by: ['case_officer', 'unit_head'] },
  { action: 'record_payment', from: ['executing', 'enforcement'], to: 'same', guards: ['decision_delivered'], by: ['case_officer', 'unit_head'] },
  { action: 'grant_deferral', from: ['executing', 'enforcement'], to: 'same', guards: ['decision_delivered', 'reason_given'], by: ['unit_head'] },
  { action: 'record_remedy', from: ['decided', 'executing', 'enforcement', 'closed'], to: 'same', guards: [], by: ['case_officer', 'unit_head'] },
  { action: 'remind', from: ['executing'], to: 'enforcement', guards: ['payment_overdue'], by: ['case_officer', 'unit_head'] },
  { action: 'apply_court', from: ['enforcement'], to: 'same', guards: ['reminder_period_passed', 'court_application_period_open'], by: ['unit_head'] },
  { action: 'close', from: ['executing', 'enforcement'], to: 'closed', guards: ['execution_complete'], by: ['case_officer', 'unit_head'] },
  // 第五十二条第三款: an on-the-spot decision is filed with the unit; late filing is still filing (the deadline shows it late).
  { action: 'record_simple_filing', from: ['executing', 'enforcement', 'closed', 'archived'], to: 'same', guards: ['simple_filing_pending'], by: ['case_officer', 'unit_head'], procedure: 'simple' },
  { action: 'archive', from: ['closed'], to: 'archived', guards: [], by: ['case_officer', 'unit_head'] },
  { action: 'terminate', from: ['investigating', 'under_review'], to: 'terminated', guards: ['reason_given', 'preservation_resolved'], by: ['unit_head'] },
  { action: 'transfer', from: ['registered', 'filing_approval', 'investigating', 'under_review'], to: 'transferred', guards: ['reason_given', 'preservation_resolved'], by: ['unit_head'] },
  { action: 'suspend', from: active, to: 'suspended', guards: ['reason_given'], by: ['unit_head'] },
  { action: 'resume', from: ['suspended'], to: 'previous', guards: [], by: ['unit_head'] },
  { action: 'revoke_decision', from: ['decided', 'executing', 'enforcement', 'closed'], to: 'revoked', guards: ['reason_given'], by: ['unit_head'] },
  { action: 'extend_deadline', from: ['registered', 'filing_approval', ...active, 'decided', 'executing', 'enforcement'], to: 'same', guards: ['reason_given'], by: ['unit_head'] },
]

/**
 * The acts the table allows from a status (before guards and policy); with a procedure, without the
 * acts of the other procedure.
 *
 * @example
 * allowedActions('filing_approval').map((t) => t.action) // ['approve_filing', 'reject_filing', 'add_officer', …]
 * allowedActions('executing', 'simple').some((t) => t.action === 'record_simple_filing') // true
 */
export function allowedActions(status: CaseStatus, procedure?: CaseProcedure): CaseTransition[] {
  return caseTransitions.filter((t) => t.from.includes(status) && appliesTo(t, procedure))
}

/**
 * The transition for an act from a status (and, when given, for a case of that procedure), or null when the table has none.
 *
 * @example
 * transitionFor('investigating', 'finish_investigation')?.to // 'under_review'
 * transitionFor('executing', 'record_simple_filing', 'general') // null
 */
export function transitionFor(status: CaseStatus, action: CaseAction, procedure?: CaseProcedure): CaseTransition | null {
  return caseTransitions.find((t) => t.action === action && t.from.includes(status) && appliesTo(t, procedure)) ?? null
}

function appliesTo(t: CaseTransition, procedure: CaseProcedure | undefined): boolean {
  return !t.procedure || !procedure || t.procedure === procedure
}

/** 文书种类 issued in a case. */
export const caseDocumentKinds = [
  'filing_approval_form',
  'inquiry_record',
  'on_site_record',
  'rectification_order',
  'prior_notice',
  'hearing_notice',
  'hearing_record',
  'legal_review_opinion',
  'collective_discussion_record',
  'penalty_decision',
  'no_penalty_decision',
  'transfer_letter',
  'on_the_spot_decision',
  'delivery_receipt',
  'payment_reminder',
  'closing_report',
  'preservation_notice',
  'preservation_list',
] as const
export type CaseDocumentKind = (typeof caseDocumentKinds)[number]

/** 期限种类: the statutory and configured periods a case runs on. */
export const caseDeadlineKinds = [
  'filing',
  'decision',
  'statement',
  'hearing_request',
  'hearing_notice',
  'delivery',
  'payment',
  'publication',
  'withdrawal',
  'preservation',
  'simple_record',
  'court_application',
] as const
export type CaseDeadlineKind = (typeof caseDeadlineKinds)[number]

/** 送达方式 (art. 61; 民事诉讼法): 直接 / 留置 / 邮寄 / 电子 (with signed consent) / 委托 / 公告. */
export const deliveryMethods = ['direct', 'left', 'post', 'electronic', 'entrusted', 'announcement'] as const
export type DeliveryMethod = (typeof deliveryMethods)[number]

/** 先行登记保存的处理 (art. 56): 解除 (returned to the holder), 移送 (to the competent authority), 没收 in the penalty decision. */
export const preservationOutcomes = ['release', 'transfer', 'confiscate'] as const
export type PreservationOutcome = (typeof preservationOutcomes)[number]

/** A preserved item's state: 保存中, then its 处理: 已解除 / 已移送 / 待决定没收 / 已没收 (by the decision). */
export const preservedItemStatuses = ['preserved', 'released', 'transferred', 'held_for_decision', 'confiscated'] as const
export type PreservedItemStatus = (typeof preservedItemStatuses)[number]

/** 证据种类 (art. 46). */
export const evidenceKinds = ['documentary', 'physical', 'audio_visual', 'electronic', 'witness', 'party_statement', 'expert_opinion', 'inspection_record'] as const
export type EvidenceKind = (typeof evidenceKinds)[number]
