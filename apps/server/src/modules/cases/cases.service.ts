import { labels, shanghaiDateOf, type CaseGuard, type IsoDate } from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import { recordAudit, type Executor } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import type { CaseDecisionJson } from '../../platform/db/penalty-case-schema'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { unitHoldsPowerItem } from '../catalogue/catalogue.repository'
import { findEnterpriseInReach } from '../enterprises/enterprise-reach'
import { validCertificatesOn } from '../registry/certificate-validity'
import { issueCaseDocuments, type IssuedDocument } from './case-documents.service'
import { scheduleDeadline } from './case-deadlines.service'
import { listEvidenceFiles } from './case-evidence-files.repository'
import { mayAttachNow } from './case-evidence-files.service'
import { executionOf } from './case-execution.service'
import { benchmarkCheck, evaluateGuards, type ActContext } from './case-guards'
import { penaltyRulesForOrg } from './case-rules.service'
import { loadCaseState } from './case-state'
import { nextCaseNo, previewActions, refused, type Ctx } from './case-transitions.service'
import { canRegisterCase, canSeeCase } from './cases.policy'
import { presentCaseRow, presentDetail } from './cases.presenter'
import * as repo from './cases.repository'
import type { CaseDetailView, CreateCaseInput, ListCasesQuery, SimpleCaseInput } from './cases.schema'

export { performCaseAction, performCaseActionIn, parseActionBody } from './case-transitions.service'

/**
 * 行政处罚 cases: registration (线索登记), the simple procedure, the scoped list and the detail view.
 * Acts on a registered case go through `performCaseAction` (case-transitions.service.ts).
 * Every function takes `(db | trx, ctx, input)` so seed scripts can drive cases as users do.
 */

/**
 * 线索登记: registers a clue as a case in `registered`, with its officers, its first event and the
 * filing period. From an inspection whose result was 移送立案 (`transfer`), the party, act date,
 * facts and officers come from the inspection unless given.
 *
 * @example
 * const id = await registerCase(db, ctx, { source: 'discovery', powerItemId, title: '未取得施工许可证擅自施工案',
 *   party: { kind: 'organization', name: '禄丰某建设有限公司', creditCode: '91532331…' }, actDate: '2026-11-10',
 *   harmToSafety: false, facts: '…', officerIds: [a, b], major: false })
 */
export async function registerCase(db: Kysely<DB>, ctx: Ctx, input: CreateCaseInput): Promise<string> {
  return inTransaction(db, (trx) => registerCaseIn(trx, ctx, input))
}

export async function registerCaseIn(trx: Transaction<DB>, ctx: Ctx, input: CreateCaseInput): Promise<string> {
  if (!canRegisterCase(ctx.actor)) throw forbidden('只有执法单位的执法人员或负责人可以登记案件线索')
  const orgId = ctx.actor.orgId!
  const today = shanghaiDateOf(ctx.now)
  const filled = await prefill(trx, ctx.actor, orgId, input)
  const item = await repo.findPowerItem(trx, input.powerItemId)
  if (!item || item.status !== 'active') throw new AppError('VALIDATION_FAILED', '权力事项不存在或已废止', { field: 'powerItemId' })
  if (!(await unitHoldsPowerItem(trx, orgId, item.id, today))) {
    throw refusedGuard('power_item_held', `本单位不享有“${item.name}”（${item.code}）这一权力事项`)
  }
  if (filled.actDate > today) throw new AppError('VALIDATION_FAILED', '违法行为发生日期不能晚于今天', { field: 'actDate' })
  if (filled.actEndDate && filled.actEndDate < filled.actDate) throw new AppError('VALIDATION_FAILED', '违法行为终了日期不能早于发生日期', { field: 'actEndDate' })
  const officerIds = await officersFor(trx, ctx, orgId, filled.officerIds)
  const id = await repo.insertCase(trx, {
    org_id: orgId,
    procedure: 'general',
    status: 'registered',
    source: filled.inspectionId ? 'inspection' : input.source,
    source_note: input.sourceNote ?? null,
    inspection_id: filled.inspectionId,
    power_item_id: item.id,
    title: input.title,
    party_kind: filled.party.kind,
    party_name: filled.party.name,
    party_id_number: filled.party.idNumber ?? null,
    party_credit_code: filled.party.creditCode ?? null,
    party_legal_rep: filled.party.legalRep ?? null,
    party_address: filled.party.address ?? null,
    party_phone: filled.party.phone ?? null,
    enterprise_id: filled.enterpriseId,
    act_date: filled.actDate,
    act_end_date: filled.actEndDate,
    act_place: input.actPlace ?? null,
    harm_to_safety: input.harmToSafety,
    facts: filled.facts,
    registered_at: ctx.now,
    major: input.major,
    created_by: ctx.actor.userId || null,
  })
  await repo.insertOfficers(trx, id, officerIds.map((personId, i) => ({ personId, role: i === 0 ? 'lead' : 'co' })), ctx.now)
  const rules = await penaltyRulesForOrg(trx, orgId)
  const filing = await scheduleDeadline(trx, { caseId: id, rules, calendar: await workCalendarFor(trx) }, 'filing', today)
  await repo.insertEvent(trx, {
    case_id: id,
    seq: 1,
    action: 'register',
    from_status: 'registered',
    to_status: 'registered',
    at: ctx.now,
    on_date: today,
    actor_id: ctx.actor.userId || null,
    actor_name: ctx.actor.displayName,
    data: JSON.stringify({ source: input.source, inspectionId: filled.inspectionId, filingDueOn: filing.dueOn }),
    note: input.sourceNote ?? null,
  })
  await recordAudit(trx, ctx, {
    action: 'case.register',
    entityType: 'penalty_case',
    entityId: id,
    orgId,
    summary: `登记案件线索：${input.title}（当事人 ${filled.party.name}，${labels.caseSource[input.source]}）`,
    after: { status: 'registered', title: input.title, party: filled.party.name, powerItemId: item.id, officerIds },
  })
  return id
}

/** An enterprise named by the filer: one of another county is refused as if it did not exist. */
async function enterpriseForCase(trx: Executor, actor: Actor, enterpriseId: string) {
  const found = await findEnterpriseInReach(trx, actor, enterpriseId)
  if (!found) throw notFound('市场主体', { field: 'enterpriseId', id: enterpriseId })
  return found
}

async function prefill(trx: Executor, actor: Actor, orgId: string, input: CreateCaseInput) {
  let party = input.party
  let enterpriseId = input.enterpriseId ?? null
  let actDate = input.actDate
  let facts = input.facts ?? null
  let officerIds = input.officerIds
  let inspectionId: string | null = null
  if (input.inspectionId) {
    const inspection = await repo.findInspection(trx, input.inspectionId)
    if (!inspection || inspection.org_id !== orgId) throw notFound('检查记录', { id: input.inspectionId })
    if (inspection.status !== 'completed' || inspection.result !== 'transfer') throw invalidState('只有检查结果为“移送立案”的检查可以转为案件')
    inspectionId = inspection.id
    enterpriseId ??= inspection.enterprise_id
    party ??= { kind: 'organization', name: inspection.enterprise_name, creditCode: inspection.credit_code, idNumber: null, legalRep: null, address: inspection.address, phone: inspection.contact_phone }
    actDate ??= inspection.inspection_date ?? undefined
    facts ??= inspection.findings
    officerIds ??= inspection.officer_ids
  }
  const named = input.enterpriseId ? await enterpriseForCase(trx, actor, input.enterpriseId) : null
  if (!party && named) {
    const e = named.row
    // The contact phone only where the filer may see it (the registering unit, the county bureau);
    // otherwise the officer fills it in from the party, as for any party not on the register.
    party = { kind: 'organization', name: e.name, creditCode: e.credit_code, idNumber: null, legalRep: null, address: e.address, phone: named.contactVisible ? e.contact_phone : null }
  }
  if (!party) throw new AppError('VALIDATION_FAILED', '请填写当事人', { field: 'party' })
  if (!actDate) throw new AppError('VALIDATION_FAILED', '请填写违法行为发生日期', { field: 'actDate' })
  return { party, enterpriseId, actDate, actEndDate: input.actEndDate ?? null, facts, officerIds: officerIds ?? [], inspectionId }
}

/** The case's officers: those chosen, with the registering officer first; all of the unit and in post. */
async function officersFor(trx: Executor, ctx: Ctx, orgId: string, chosen: readonly string[]): Promise<string[]> {
  const own = await repo.findPersonOfUser(trx, ctx.actor.userId)
  const mine = own && own.org_id === orgId && own.status === 'active' && ctx.actor.role === 'officer' ? [own.id] : []
  const ids = [...new Set([...mine, ...chosen])]
  const persons = await repo.findPersons(trx, ids)
  if (persons.length !== ids.length || persons.some((p) => p.org_id !== orgId || p.status !== 'active')) {
    throw new AppError('VALIDATION_FAILED', '承办人须为本单位在岗执法人员', { field: 'officerIds' })
  }
  return ids
}

function refusedGuard(guard: CaseGuard, message: string): AppError {
  return new AppError('RULE_VIOLATION', `${labels.caseGuard[guard]}：${message}`, { refusals: [{ guard, message: `${labels.caseGuard[guard]}：${message}` }] })
}

/**
 * 简易程序 (arts. 51–53): facts certain, a warning or a fine within 200 yuan (person) / 3,000 yuan
 * (organization), decided on the spot by officers showing their certificates and handed over at
 * once. The case is numbered, enters execution directly, and gets its 备案 (art. 52 ¶3) and payment
 * (art. 67) deadlines. One event and one audit row.
 *
 * @example
 * const { caseId } = await decideSimpleCase(db, ctx, { powerItemId, title: '…', party, actDate: '2026-11-20',
 *   actPlace: '金山镇…', facts: '…', officerIds: [co], kinds: ['fine'], fineFen: 20_000, basis: '《…》第…条' })
 */
export async function decideSimpleCase(db: Kysely<DB>, ctx: Ctx, input: SimpleCaseInput): Promise<{ caseId: string; documents: IssuedDocument[] }> {
  return inTransaction(db, (trx) => decideSimpleCaseIn(trx, ctx, input))
}

export async function decideSimpleCaseIn(trx: Transaction<DB>, ctx: Ctx, input: SimpleCaseInput): Promise<{ caseId: string; documents: IssuedDocument[] }> {
  if (!canRegisterCase(ctx.actor)) throw forbidden('只有执法单位的执法人员或负责人可以当场作出处罚决定')
  const orgId = ctx.actor.orgId!
  const today = shanghaiDateOf(ctx.now)
  const decidedOn: IsoDate = input.decidedOn ?? today
  if (decidedOn > today) throw new AppError('VALIDATION_FAILED', '决定日期不能晚于今天', { field: 'decidedOn' })
  if (input.actDate > decidedOn) throw new AppError('VALIDATION_FAILED', '违法行为发生日期不能晚于决定日期', { field: 'actDate' })
  const item = await repo.findPowerItem(trx, input.powerItemId)
  if (!item || item.status !== 'active') throw new AppError('VALIDATION_FAILED', '权力事项不存在或已废止', { field: 'powerItemId' })
  if (input.enterpriseId) await enterpriseForCase(trx, ctx.actor, input.enterpriseId)
  const own = await repo.findPersonOfUser(trx, ctx.actor.userId)
  const mine = own && own.org_id === orgId && own.status === 'active' ? [own.id] : []
  const officerIds = [...new Set([...mine, ...input.officerIds])]
  const id = await repo.insertCase(trx, {
    org_id: orgId,
    procedure: 'simple',
    status: 'registered',
    source: input.inspectionId ? 'inspection' : 'discovery',
    inspection_id: input.inspectionId ?? null,
    power_item_id: item.id,
    title: input.title,
    party_kind: input.party.kind,
    party_name: input.party.name,
    party_id_number: input.party.idNumber ?? null,
    party_credit_code: input.party.creditCode ?? null,
    party_legal_rep: input.party.legalRep ?? null,
    party_address: input.party.address ?? null,
    party_phone: input.party.phone ?? null,
    enterprise_id: input.enterpriseId ?? null,
    act_date: input.actDate,
    act_place: input.actPlace,
    facts: input.facts,
    registered_at: ctx.now,
    created_by: ctx.actor.userId || null,
  })
  const row = (await repo.findCase(trx, id))!
  const state = await loadCaseState(trx, row)
  const act: ActContext = {
    action: 'simple_decide',
    input: {},
    onDate: decidedOn,
    actor: ctx.actor,
    personId: mine[0] ?? null,
    preview: false,
    simple: { kinds: input.kinds, fineFen: input.fineFen, officerIds },
  }
  // 第四十二条 (two officers) unless a law says otherwise; 清单之外无权力; 第三十六条; 第五十一条; the statutory range.
  const refusals = await evaluateGuards(trx, state, act, ['simple_procedure_limits', 'within_statutory_range', 'two_certified_officers', 'power_item_held', 'limitation_period'])
  if (refusals.length > 0) throw refused('simple_decide', refusals)

  const persons = await repo.findPersons(trx, officerIds)
  await repo.insertOfficers(trx, id, officerIds.filter((p) => persons.some((x) => x.id === p)).map((personId, i) => ({ personId, role: i === 0 ? 'lead' : 'co' })), ctx.now)
  const caseNo = await nextCaseNo(trx, row, decidedOn, 'simple')
  const decision: CaseDecisionJson = {
    outcome: 'penalty',
    kinds: input.kinds,
    fineFen: input.fineFen,
    confiscateFen: 0,
    ground: null,
    tier: null,
    benchmarkId: null,
    outsideBenchmark: false,
    reason: input.basis,
    acts: [],
  }
  const at = { caseId: id, rules: state.rules, calendar: state.calendar }
  // Handed over on the spot (art. 52): delivered the day it is decided; pay within 15 days (art. 67).
  const payment = input.fineFen > 0 ? await scheduleDeadline(trx, at, 'payment', decidedOn) : null
  const record = await scheduleDeadline(trx, at, 'simple_record', decidedOn)
  await repo.updateCase(trx, id, {
    status: 'executing',
    case_no: caseNo,
    decision: JSON.stringify(decision),
    decided_on: decidedOn,
    delivered_on: decidedOn,
    fine_fen: input.fineFen,
    payment_due_on: payment?.dueOn ?? null,
    updated_at: ctx.now,
  })
  await repo.insertEvent(trx, {
    case_id: id,
    seq: 1,
    action: 'simple_decide',
    from_status: 'registered',
    to_status: 'executing',
    at: ctx.now,
    on_date: decidedOn,
    actor_id: ctx.actor.userId || null,
    actor_name: ctx.actor.displayName,
    officer_ids: officerIds,
    data: JSON.stringify({ caseNo, decision, basis: input.basis, paymentDueOn: payment?.dueOn ?? null, simpleRecordDueOn: record.dueOn }),
    note: null,
  })
  await recordAudit(trx, ctx, {
    action: 'case.simple_decide',
    entityType: 'penalty_case',
    entityId: id,
    orgId,
    summary: `简易程序当场处罚 ${caseNo}：${input.party.name}，${input.kinds.map((k) => labels.penaltyKind[k]).join('、')}${input.fineFen > 0 ? ` ${(input.fineFen / 100).toFixed(2)}元` : ''}`,
    after: { status: 'executing', caseNo, decision, officerIds },
  })
  const documents = await issueCaseDocuments(trx, ctx, id, ['on_the_spot_decision'], { action: 'simple_decide', onDate: decidedOn, basis: input.basis })
  return { caseId: id, documents }
}

/** A case the caller may see, or 404. */
export async function loadCase(db: Executor, ctx: Ctx, id: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(db, id)
  if (!row || !canSeeCase(ctx.actor, row)) throw notFound('案件', { id })
  return row
}

/**
 * The detail view: case, party, officers with their certificates on the day, timeline, deadlines
 * with days left, evidence, execution with the late fee as of today, the benchmark check and the
 * acts the caller may take now (with the reasons for those refused).
 */
export async function caseDetail(db: Kysely<DB>, ctx: Ctx, id: string): Promise<CaseDetailView> {
  const row = await loadCase(db, ctx, id)
  const state = await loadCaseState(db, row)
  const today = shanghaiDateOf(ctx.now)
  const certificates = await validCertificatesOn(db, state.officers.map((o) => o.person_id), today)
  // The decision is checked with the circumstances and base recorded in the proposal.
  const outcome = row.decision ? { ...row.decision, conditions: row.proposal?.conditions ?? [], baseFen: row.proposal?.baseFen ?? null } : row.proposal
  const benchmark = outcome && outcome.outcome === 'penalty' ? await benchmarkCheck(db, state, outcome) : null
  return presentDetail(ctx.actor, state, {
    today,
    certificates,
    execution: executionOf(state, today),
    benchmark,
    actions: await previewActions(db, ctx, state),
    evidenceFiles: await listEvidenceFiles(db, row.id),
    mayAttachEvidenceFiles: await mayAttachNow(db, ctx, row, state.officers.map((o) => o.person_id)),
  })
}

/** `GET /api/cases`: a unit sees its own cases, a supervisor the jurisdiction's. */
export async function listCases(db: Kysely<DB>, ctx: Ctx, query: ListCasesQuery) {
  const today = shanghaiDateOf(ctx.now)
  const { rows, total } = await repo.listCases(
    db,
    {
      status: query.status,
      procedure: query.procedure,
      q: query.q,
      overdue: query.overdue === 'true',
      orgId: query.orgId,
      outsideBenchmark: query.outsideBenchmark === undefined ? undefined : query.outsideBenchmark === 'true',
      today,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    },
    orgScopeOf(ctx.actor),
  )
  const calendar = await workCalendarFor(db)
  return { items: rows.map((r) => presentCaseRow(r, today, calendar)), total, page: query.page, pageSize: query.pageSize }
}
