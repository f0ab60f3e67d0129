import type { Benchmark, CaseDeadlineKind, CaseStatus, RemedyOutcome } from '@yangguang/core'
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { OrgScope } from '../../platform/auth/scope'
import { orgInScope } from '../../platform/auth/scope'
import type {
  CaseDeadlineTable,
  CaseEventTable,
  CaseEvidenceTable,
  PenaltyCaseTable,
} from '../../platform/db/penalty-case-schema'
import type { PenaltyRuleSetTable } from '../../platform/db/discretion-schema'

/** All SQL of the case module. Every function takes the executor (`db` or `trx`) first. */

export type CaseRow = Selectable<PenaltyCaseTable> & {
  org_name: string
  org_short_name: string
  org_region_path: string
  org_region_code: string
  power_item_code: string
  power_item_name: string
  power_item_domain: string
}

function selectCases(db: Executor) {
  return db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .innerJoin('power_item as p', 'p.id', 'c.power_item_id')
    .selectAll('c')
    .select([
      'o.name as org_name',
      'o.short_name as org_short_name',
      'r.path as org_region_path',
      'r.code as org_region_code',
      'p.code as power_item_code',
      'p.name as power_item_name',
      'p.domain as power_item_domain',
    ])
}

export async function findCase(db: Executor, id: string): Promise<CaseRow | undefined> {
  return selectCases(db).where('c.id', '=', id).executeTakeFirst()
}

/**
 * Locks the case row for the act's transaction and reads it with its joins in one statement
 * (`SELECT … FOR UPDATE OF c`: only the case row is locked; after waiting for a concurrent act,
 * PostgreSQL returns the row as that act committed it).
 */
export async function lockCase(trx: Executor, id: string): Promise<CaseRow | undefined> {
  return selectCases(trx).where('c.id', '=', id).forUpdate('c').executeTakeFirst()
}

export async function insertCase(trx: Executor, values: Insertable<PenaltyCaseTable>): Promise<string> {
  const row = await trx.insertInto('penalty_case').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateCase(trx: Executor, id: string, patch: Updateable<PenaltyCaseTable>): Promise<void> {
  await trx.updateTable('penalty_case').set(patch).where('id', '=', id).execute()
}

/** Case numbers given so far in a unit and year (立案 numbers them in order). */
export async function countNumberedCases(trx: Executor, orgId: string, year: number, procedure: 'simple' | 'general'): Promise<number> {
  const row = await trx
    .selectFrom('penalty_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('procedure', '=', procedure)
    .where('case_no', 'is not', null)
    .where(sql<boolean>`extract(year from coalesce(filed_on, registered_at::date)) = ${year}`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Serialises case numbering per unit and year. */
export async function lockCaseNumbering(trx: Executor, orgId: string, year: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`case_no:${orgId}`}), ${year})`.execute(trx)
}

// ——— officers ———————————————————————————————————————————————————————————————

export async function insertOfficers(trx: Executor, caseId: string, officers: Array<{ personId: string; role: 'lead' | 'co' }>, at: Date): Promise<void> {
  if (officers.length === 0) return
  await trx
    .insertInto('case_officer')
    .values(officers.map((o) => ({ case_id: caseId, person_id: o.personId, role: o.role, added_at: at })))
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doNothing())
    .execute()
}

export async function listOfficers(db: Executor, caseId: string) {
  return db
    .selectFrom('case_officer as co')
    .innerJoin('person as p', 'p.id', 'co.person_id')
    .select(['co.person_id', 'co.role', 'p.name', 'p.user_id', 'p.org_id', 'p.status'])
    .where('co.case_id', '=', caseId)
    .orderBy('co.role', 'desc')
    .orderBy('co.added_at')
    .execute()
}

export async function findPersons(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('person').select(['id', 'name', 'org_id', 'status', 'user_id']).where('id', 'in', [...ids]).execute()
}

export async function findPersonOfUser(db: Executor, userId: string) {
  return db.selectFrom('person').select(['id', 'name', 'org_id', 'status']).where('user_id', '=', userId).executeTakeFirst()
}

/**
 * What art. 58 ¶2 asks of a reviewer: the person's recorded 法律职业资格 and 从事法制审核工作起始日期,
 * and the day of the first 法制审核 their account recorded on the platform.
 */
export async function reviewerQualification(db: Executor, personId: string, userId: string) {
  const [person, first] = await Promise.all([
    db.selectFrom('person').select(['legal_qualification_no', 'legal_qualification_on', 'legal_review_since']).where('id', '=', personId).executeTakeFirst(),
    db
      .selectFrom('case_event')
      .select((eb) => eb.fn.min('on_date').as('first_on'))
      .where('actor_id', '=', userId)
      .where('action', 'in', ['pass_legal_review', 'fail_legal_review'])
      .executeTakeFirst(),
  ])
  return {
    certNo: person?.legal_qualification_no ?? null,
    obtainedOn: person?.legal_qualification_on ?? null,
    reviewingSince: person?.legal_review_since ?? null,
    firstReviewOn: (first?.first_on as string | null | undefined) ?? null,
  }
}

// ——— events ———————————————————————————————————————————————————————————————————

export async function insertEvent(trx: Executor, values: Insertable<CaseEventTable>): Promise<void> {
  await trx.insertInto('case_event').values(values).execute()
}

export async function listEvents(db: Executor, caseId: string) {
  return db.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}

export type CaseEventRow = Selectable<CaseEventTable>

// ——— evidence ———————————————————————————————————————————————————————————————

export async function insertEvidence(trx: Executor, values: Insertable<CaseEvidenceTable>): Promise<string> {
  return (await trx.insertInto('case_evidence').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function listEvidence(db: Executor, caseId: string) {
  return db.selectFrom('case_evidence').selectAll().where('case_id', '=', caseId).orderBy('collected_on').orderBy('created_at').execute()
}

// ——— deadlines ———————————————————————————————————————————————————————————————

export type DeadlineRow = Selectable<CaseDeadlineTable>

export async function insertDeadline(trx: Executor, values: Insertable<CaseDeadlineTable>): Promise<string> {
  return (await trx.insertInto('case_deadline').values(values).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateDeadline(trx: Executor, id: string, patch: Updateable<CaseDeadlineTable>): Promise<void> {
  await trx.updateTable('case_deadline').set(patch).where('id', '=', id).execute()
}

export async function listDeadlines(db: Executor, caseId: string): Promise<DeadlineRow[]> {
  return db.selectFrom('case_deadline').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('due_on').execute()
}

export async function openDeadline(db: Executor, caseId: string, kind: CaseDeadlineKind): Promise<DeadlineRow | undefined> {
  return db.selectFrom('case_deadline').selectAll().where('case_id', '=', caseId).where('kind', '=', kind).where('status', '=', 'open').orderBy('created_at', 'desc').executeTakeFirst()
}

/** The latest deadline of a kind the reminder job marked missed (an extension may still supersede it). */
export async function missedDeadline(db: Executor, caseId: string, kind: CaseDeadlineKind): Promise<DeadlineRow | undefined> {
  return db.selectFrom('case_deadline').selectAll().where('case_id', '=', caseId).where('kind', '=', kind).where('status', '=', 'missed').orderBy('created_at', 'desc').executeTakeFirst()
}

/** Cancels the open and missed deadlines of a case: of the kinds given (or all), but not of `except`. */
export async function cancelRunningDeadlines(trx: Executor, caseId: string, kinds: readonly CaseDeadlineKind[] | 'all', except: readonly CaseDeadlineKind[]): Promise<void> {
  // A missed deadline whose act was done late (met_on) stays missed: the miss is never cancelled away.
  let q = trx.updateTable('case_deadline').set({ status: 'cancelled' }).where('case_id', '=', caseId).where('status', 'in', ['open', 'missed']).where('met_on', 'is', null)
  if (kinds !== 'all') q = q.where('kind', 'in', [...kinds])
  if (except.length > 0) q = q.where('kind', 'not in', [...except])
  await q.execute()
}

/** Marks these open deadlines `missed` (their day has passed). */
export async function markDeadlinesMissed(trx: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await trx.updateTable('case_deadline').set({ status: 'missed' }).where('id', 'in', [...ids]).execute()
}

/** Flags these deadlines as reminded (which puts them on the 待办). */
export async function markDeadlinesReminded(trx: Executor, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return
  await trx.updateTable('case_deadline').set({ reminded_at: at }).where('id', 'in', [...ids]).execute()
}

/** The latest row of a kind whatever its status (e.g. the met statement period). */
export async function latestDeadline(db: Executor, caseId: string, kind: CaseDeadlineKind): Promise<DeadlineRow | undefined> {
  return db
    .selectFrom('case_deadline')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('status', '!=', 'superseded')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
}

/** Open deadlines whose due day has passed (`due_on < today`), locked for the reminder job. */
export async function overdueOpenDeadlines(trx: Executor, today: string) {
  return trx
    .selectFrom('case_deadline as d')
    .innerJoin('penalty_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.kind', 'd.due_on', 'c.status as case_status'])
    .where('d.status', '=', 'open')
    .where('d.due_on', '<', today)
    .forUpdate('d')
    .skipLocked()
    .execute()
}

/** Open deadlines not yet reminded, due on or before `until`, with their case's unit. */
export async function unremindedOpenDeadlines(trx: Executor, until: string) {
  return trx
    .selectFrom('case_deadline as d')
    .innerJoin('penalty_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.kind', 'd.due_on', 'c.org_id', 'c.status as case_status'])
    .where('d.status', '=', 'open')
    .where('d.reminded_at', 'is', null)
    .where('d.due_on', '<=', until)
    .forUpdate('d')
    .skipLocked()
    .execute()
}

// ——— execution ———————————————————————————————————————————————————————————————

export async function insertPayment(trx: Executor, values: Insertable<import('../../platform/db/penalty-case-schema').CasePaymentTable>): Promise<void> {
  await trx.insertInto('case_payment').values(values).execute()
}

export async function listPayments(db: Executor, caseId: string) {
  return db.selectFrom('case_payment').selectAll().where('case_id', '=', caseId).orderBy('paid_on').orderBy('created_at').execute()
}

export async function replaceInstalments(trx: Executor, caseId: string, instalments: Array<{ dueOn: string; amountFen: number }>): Promise<void> {
  await trx.deleteFrom('case_instalment').where('case_id', '=', caseId).execute()
  if (instalments.length === 0) return
  await trx
    .insertInto('case_instalment')
    .values(instalments.map((i, index) => ({ case_id: caseId, seq: index + 1, due_on: i.dueOn, amount_fen: i.amountFen })))
    .execute()
}

export async function listInstalments(db: Executor, caseId: string) {
  return db.selectFrom('case_instalment').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}

/** 复议/诉讼的结果 as recorded (art. 48 ¶2): null while it runs or when only a free-text result was given. */
export type RemedyOutcomeFields = { outcome: RemedyOutcome | null; organ: string | null; document_no: string | null }

export async function insertRemedy(
  trx: Executor,
  values: { case_id: string; kind: 'reconsideration' | 'litigation'; started_on: string; ended_on: string | null; result: string | null } & Partial<RemedyOutcomeFields>,
): Promise<void> {
  await trx.insertInto('case_remedy').values(values).execute()
}

/** Ends the open remedy of this kind (a later record with `endedOn` closes it). */
export async function endOpenRemedy(trx: Executor, caseId: string, kind: 'reconsideration' | 'litigation', endedOn: string, result: string | null, outcome?: RemedyOutcomeFields): Promise<boolean> {
  const res = await trx
    .updateTable('case_remedy')
    .set({ ended_on: endedOn, result, ...(outcome ?? {}) })
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('ended_on', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/** The 公示 of the case's decision: pending, published or withdrawn (null before a 决定书). */
export async function publicationStatusOf(db: Executor, caseId: string): Promise<string | null> {
  const row = await db.selectFrom('case_publication').select('status').where('case_id', '=', caseId).executeTakeFirst()
  return row?.status ?? null
}

export async function listRemedies(db: Executor, caseId: string) {
  return db.selectFrom('case_remedy').selectAll().where('case_id', '=', caseId).orderBy('started_on').execute()
}

// ——— list ————————————————————————————————————————————————————————————————————

export type CaseListFilter = {
  status?: CaseStatus
  procedure?: 'simple' | 'general'
  q?: string
  overdue?: boolean
  orgId?: string
  outsideBenchmark?: boolean
  today: string
  limit: number
  offset: number
}

/** Cases in scope, newest first, with each case's next open deadline. */
export async function listCases(db: Executor, filter: CaseListFilter, scope: OrgScope) {
  let q = db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .innerJoin('power_item as p', 'p.id', 'c.power_item_id')
    .where(orgInScope('c.org_id', scope))
  if (filter.status) q = q.where('c.status', '=', filter.status)
  if (filter.procedure) q = q.where('c.procedure', '=', filter.procedure)
  if (filter.orgId) q = q.where('c.org_id', '=', filter.orgId)
  if (filter.outsideBenchmark !== undefined) q = q.where('c.outside_benchmark', '=', filter.outsideBenchmark)
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) => eb.or([eb('c.case_no', 'ilike', like), eb('c.party_name', 'ilike', like), eb('c.title', 'ilike', like)]))
  }
  if (filter.overdue) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('case_deadline as d').select('d.id').whereRef('d.case_id', '=', 'c.id').where('d.status', 'in', ['open', 'missed']).where('d.met_on', 'is', null).where('d.due_on', '<', filter.today)),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .select([
        'c.id',
        'c.case_no',
        'c.title',
        'c.org_id',
        'o.name as org_name',
        'c.procedure',
        'c.status',
        'c.party_name',
        'c.party_kind',
        'p.name as power_item_name',
        'c.registered_at',
        'c.filed_on',
        'c.decided_on',
        'c.fine_fen',
        'c.outside_benchmark',
      ])
      .select((eb) =>
        eb
          .selectFrom('case_deadline as d')
          .select(sql<string>`json_build_object('kind', d.kind, 'dueOn', d.due_on::text, 'provisional', d.provisional)::text`.as('next'))
          .whereRef('d.case_id', '=', 'c.id')
          .where('d.status', 'in', ['open', 'missed'])
          .where('d.met_on', 'is', null)
          .orderBy('d.due_on')
          .limit(1)
          .as('next_deadline'),
      )
      .orderBy('c.registered_at', 'desc')
      .orderBy('c.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

// ——— context reads ———————————————————————————————————————————————————————————

export async function findOrg(db: Executor, id: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.short_name', 'o.kind', 'o.region_code', 'r.path as region_path'])
    .where('o.id', '=', id)
    .executeTakeFirst()
}

export async function findPowerItem(db: Executor, id: string) {
  return db.selectFrom('power_item').select(['id', 'code', 'name', 'domain', 'kind', 'status']).where('id', '=', id).executeTakeFirst()
}

export async function findInspection(db: Executor, id: string) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('enterprise as e', 'e.id', 'i.enterprise_id')
    .select([
      'i.id',
      'i.org_id',
      'i.status',
      'i.result',
      'i.findings',
      'i.inspection_date',
      'i.officer_ids',
      'e.id as enterprise_id',
      'e.name as enterprise_name',
      'e.credit_code',
      'e.address',
      'e.contact_name',
      'e.contact_phone',
      'e.kind as enterprise_kind',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst()
}

/** Earlier cases of the same party (by credit code or ID number), for the 首违 check. */
export async function partyHistory(db: Executor, party: { creditCode: string | null; idNumber: string | null }, excludeCaseId: string) {
  if (!party.creditCode && !party.idNumber) return []
  return db
    .selectFrom('penalty_case')
    .select(['id', 'case_no', 'power_item_id', 'act_date', 'status', 'decision'])
    .where('id', '!=', excludeCaseId)
    .where((eb) => {
      const ors = []
      if (party.creditCode) ors.push(eb('party_credit_code', '=', party.creditCode))
      if (party.idNumber) ors.push(eb('party_id_number', '=', party.idNumber))
      return eb.or(ors)
    })
    .execute()
}

/** A published 首违不罚 list entry for the power item in a region on the unit's path. */
export async function firstViolationListed(db: Executor, powerItemId: string, regionPath: string): Promise<boolean> {
  const row = await db
    .selectFrom('no_penalty_item as n')
    .innerJoin('region as r', 'r.code', 'n.region_code')
    .select('n.id')
    .where('n.power_item_id', '=', powerItemId)
    .where('n.list_kind', '=', 'first_violation')
    .where('n.status', '=', 'published')
    .where(sql<boolean>`${regionPath} like r.path || '%'`)
    .limit(1)
    .executeTakeFirst()
  return Boolean(row)
}

/** A published (or superseded: a case keeps the version it used) benchmark as the calculator reads it. */
export async function findBenchmark(db: Executor, id: string): Promise<(Benchmark & { id: string; powerItemId: string; status: string }) | undefined> {
  const row = await db.selectFrom('discretion_benchmark').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    powerItemId: row.power_item_id,
    status: row.status,
    code: row.code,
    violation: row.violation,
    violationBasis: row.violation_basis,
    penaltyBasis: row.penalty_basis,
    statutory: row.statutory,
    tiers: row.tiers,
  }
}

// ——— penalty rule sets ———————————————————————————————————————————————————————

export type RuleSetRow = Selectable<PenaltyRuleSetTable> & { path: string; region_name: string }

/** The rule rows on the path of `regionPath` (own region first, then ancestors). */
export async function ruleSetsOnPath(db: Executor, regionPath: string): Promise<RuleSetRow[]> {
  return db
    .selectFrom('penalty_rule_set as s')
    .innerJoin('region as r', 'r.code', 's.region_code')
    .selectAll('s')
    .select(['r.path', 'r.name as region_name'])
    .where(sql<boolean>`${regionPath} like r.path || '%'`)
    .orderBy(sql`length(r.path)`, 'desc')
    .execute()
}

export async function findRegion(db: Executor, code: string) {
  return db.selectFrom('region').select(['code', 'name', 'path']).where('code', '=', code).executeTakeFirst()
}

export async function upsertRuleSet(trx: Executor, values: Insertable<PenaltyRuleSetTable>): Promise<void> {
  const { region_code: _code, ...rest } = values
  await trx
    .insertInto('penalty_rule_set')
    .values(values)
    .onConflict((oc) => oc.column('region_code').doUpdateSet(rest))
    .execute()
}

// ——— todos ———————————————————————————————————————————————————————————————————

/**
 * Deadlines the reminder job has put on the 待办 (reminded, still open) or marked missed, of the
 * cases of a unit — only those a person works on when `personId` is given.
 */
export async function remindedDeadlines(db: Executor, orgId: string, personId: string | null) {
  let q = db
    .selectFrom('case_deadline as d')
    .innerJoin('penalty_case as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.kind', 'd.due_on', 'd.status', 'c.id as case_id', 'c.case_no', 'c.title', 'c.party_name'])
    .where('c.org_id', '=', orgId)
    .where('c.status', '!=', 'suspended')
    .where((eb) => eb.or([eb.and([eb('d.status', '=', 'missed'), eb('d.met_on', 'is', null)]), eb.and([eb('d.status', '=', 'open'), eb('d.reminded_at', 'is not', null)])]))
  if (personId) q = q.where((eb) => eb.exists(eb.selectFrom('case_officer as co').select('co.person_id').whereRef('co.case_id', '=', 'c.id').where('co.person_id', '=', personId)))
  return q.orderBy('d.due_on').limit(50).execute()
}

/** Decided cases flagged outside their benchmark in a supervisor's scope, decided since `since`. */
export async function outsideBenchmarkCases(db: Executor, scope: OrgScope, since: string) {
  return db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.case_no', 'c.title', 'o.name as org_name'])
    .where(orgInScope('c.org_id', scope))
    .where('c.outside_benchmark', '=', true)
    .where('c.decided_on', '>=', since)
    .orderBy('c.decided_on', 'desc')
    .limit(50)
    .execute()
}

export async function casesInStatus(db: Executor, orgId: string, statuses: CaseStatus[]) {
  return db.selectFrom('penalty_case').select(['id', 'case_no', 'title', 'party_name', 'status']).where('org_id', '=', orgId).where('status', 'in', statuses).orderBy('updated_at').limit(50).execute()
}

/** Jsonb values are written as JSON text. */
export function json(value: unknown): string {
  return JSON.stringify(value)
}
