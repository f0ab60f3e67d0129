import type { ComplaintCategory, ComplaintStatus } from '@yangguang/core'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { OrgScope } from '../../platform/auth/scope'
import { orgInScope, regionInScope } from '../../platform/auth/scope'
import type {
  ClueTransferTable,
  ComplaintTable,
  JointMeetingTable,
  JointMeetingTaskTable,
  SocialEventTable,
  VolunteerAssignmentTable,
  VolunteerOpinionTable,
  VolunteerSupervisorTable,
} from '../../platform/db/social-supervision-schema'
import type { Insertable, Updateable } from 'kysely'

// ── Places ───────────────────────────────────────────────────────────────────────────────────────

/** A unit with its region path and the county whose bureau supervises it. */
export async function findOrgWithCounty(db: Executor, orgId: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .innerJoin('region as c', (j) => j.on('c.level', '=', 'county').on(sql<SqlBool>`r.path like c.path || '%'`))
    .select(['o.id', 'o.name', 'o.kind', 'r.path as region_path', 'c.code as county_code', 'c.path as county_path'])
    .where('o.id', '=', orgId)
    .executeTakeFirst()
}

/** The county region an actor's jurisdiction is (a supervisor's own county). */
export async function findCountyOfPath(db: Executor, regionPath: string) {
  return db.selectFrom('region').select(['code', 'name', 'path']).where('level', '=', 'county').where(sql<SqlBool>`${regionPath} like path || '%'`).executeTakeFirst()
}

/** Units the public may complain about: every unit except the justice bureaus that handle complaints. */
export async function listComplainableUnits(db: Executor) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.kind', 'r.name as region_name'])
    .where('o.kind', '<>', 'justice_bureau')
    .orderBy('o.code')
    .execute()
}

export async function orgNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────

export async function findSettings(db: Executor, regionCode: string) {
  return db.selectFrom('social_setting').selectAll().where('region_code', '=', regionCode).executeTakeFirst()
}

export async function upsertSettings(db: Executor, row: { region_code: string; complaint_answer_days: number; opinion_answer_days: number; transfer_accept_days: number; updated_by: string | null; updated_at: Date }) {
  await db
    .insertInto('social_setting')
    .values(row)
    .onConflict((oc) => oc.column('region_code').doUpdateSet({ complaint_answer_days: row.complaint_answer_days, opinion_answer_days: row.opinion_answer_days, transfer_accept_days: row.transfer_accept_days, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute()
}

// ── Portal attempts (rate limit) ─────────────────────────────────────────────────────────────────

/**
 * Counts one attempt in its address's row of the clock hour (an HMAC of the address, the hour, a
 * counter — no instant, no sequence). Call it outside the submission's transaction, so the two
 * rows share neither a transaction nor an order.
 */
export async function recordPortalAttempt(db: Executor, row: { kind: 'intake' | 'lookup'; addressHmac: string; succeeded: boolean; hour: Date }) {
  await db
    .insertInto('social_portal_attempt')
    .values({ address_hmac: row.addressHmac, kind: row.kind, succeeded: row.succeeded, hour: row.hour, attempts: 1 })
    .onConflict((oc) => oc.columns(['address_hmac', 'kind', 'succeeded', 'hour']).doUpdateSet({ attempts: sql<number>`social_portal_attempt.attempts + 1` }))
    .execute()
}

/** Attempts of an address in the hours from the one holding `since` on (so a window of N minutes counts up to N + 59). */
export async function countPortalAttempts(db: Executor, f: { kind: 'intake' | 'lookup'; addressHmac: string; succeeded: boolean; sinceHour: Date }): Promise<number> {
  const row = await db
    .selectFrom('social_portal_attempt')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('attempts'), sql<string>`0`).as('n'))
    .where('kind', '=', f.kind)
    .where('address_hmac', '=', f.addressHmac)
    .where('succeeded', '=', f.succeeded)
    .where('hour', '>=', f.sinceHour)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ── Complaints ───────────────────────────────────────────────────────────────────────────────────

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>

function selectComplaints(db: Executor) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .leftJoin('org as h', 'h.id', 'c.handler_org_id')
    .leftJoin('penalty_case as pc', 'pc.id', 'c.case_id')
    .selectAll('c')
    .select(['o.name as org_name', 'h.name as handler_org_name', 'pc.case_no'])
}

export async function findComplaint(db: Executor, id: string) {
  return selectComplaints(db).where('c.id', '=', id).executeTakeFirst()
}

export async function findComplaintByCodeHash(db: Executor, hash: string) {
  return selectComplaints(db).where('c.lookup_code_hash', '=', hash).executeTakeFirst()
}

export async function lockComplaint(db: Executor, id: string) {
  return db.selectFrom('complaint').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
}

/** The bureau's view: complaints of the counties in its scope. */
export async function listComplaintsForBureau(db: Executor, scope: OrgScope, f: { status?: string; category?: string; overdueOn?: string }) {
  return selectComplaints(db)
    .where(regionInScope('c.region_code', scope, null))
    .$if(Boolean(f.status), (q) => q.where('c.status', '=', f.status as ComplaintStatus))
    .$if(Boolean(f.category), (q) => q.where('c.category', '=', f.category as ComplaintCategory))
    .$if(Boolean(f.overdueOn), (q) => q.where('c.status', '=', 'assigned').where('c.answer_due_on', '<', f.overdueOn!))
    .orderBy('c.received_at', 'desc')
    .limit(500)
    .execute()
}

/** A unit's view: only the complaints handed to it to answer. */
export async function listComplaintsForUnit(db: Executor, orgId: string) {
  return selectComplaints(db).where('c.handler_kind', '=', 'unit').where('c.handler_org_id', '=', orgId).orderBy('c.received_at', 'desc').limit(500).execute()
}

export async function insertComplaint(db: Executor, row: Insertable<ComplaintTable>): Promise<string> {
  const { id } = await db.insertInto('complaint').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateComplaint(db: Executor, id: string, patch: Updateable<ComplaintTable>) {
  await db.updateTable('complaint').set(patch).where('id', '=', id).execute()
}

/** `seq` orders a complaint's events; an anonymous receipt passes 0 so its place in the global sequence reveals nothing. */
export async function insertComplaintEvent(db: Executor, row: { complaint_id: string; action: string; note: string | null; actor_name: string; at: Date; seq?: string }) {
  await db.insertInto('complaint_event').values(row).execute()
}

export async function listComplaintEvents(db: Executor, complaintId: string) {
  return db.selectFrom('complaint_event').select(['action', 'note', 'actor_name', 'at']).where('complaint_id', '=', complaintId).orderBy('seq').orderBy('at').execute()
}

/**
 * The seq for an anonymous complainant's event: right after the complaint's own last event, not
 * the next value of the global sequence — which would sit between other complaints' events of
 * known time and so date the request. It may equal a later event's seq; `at` (the day) then sorts
 * it first, as it came first.
 */
export async function nextSeqWithinComplaint(db: Executor, complaintId: string): Promise<string> {
  const row = await db.selectFrom('complaint_event').select((eb) => eb.fn.max('seq').as('last')).where('complaint_id', '=', complaintId).executeTakeFirst()
  return String(BigInt(row?.last ?? '0') + 1n)
}

/** Complaints whose answer is overdue and not yet escalated. */
export async function listOverdueUnescalatedComplaints(db: Executor, today: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.complaint_no', 'c.answer_due_on', 'c.handler_org_id', 'o.name as org_name'])
    .where('c.status', '=', 'assigned')
    .where('c.answer_due_on', '<', today)
    .where('c.escalated_at', 'is', null)
    .execute()
}

/** 企业投诉 from the inspections module that the bureau has not yet taken into the general channel. */
export async function listOpenInspectionComplaints(db: Executor, scope: OrgScope) {
  return db
    .selectFrom('inspection_complaint as ic')
    .leftJoin('org as o', 'o.id', 'ic.org_id')
    .leftJoin('enterprise as e', 'e.id', 'ic.enterprise_id')
    .leftJoin('complaint as c', 'c.inspection_complaint_id', 'ic.id')
    .select(['ic.id', 'ic.anonymous', 'ic.content', 'ic.created_at', 'ic.inspection_id', 'ic.org_id', 'o.name as org_name', 'e.name as enterprise_name'])
    .where('ic.status', '=', 'open')
    .where('c.id', 'is', null)
    .where(orgInScope('ic.org_id', scope))
    .orderBy('ic.created_at', 'desc')
    .limit(200)
    .execute()
}

export async function findInspectionComplaint(db: Executor, id: string) {
  return db
    .selectFrom('inspection_complaint as ic')
    .leftJoin('enterprise as e', 'e.id', 'ic.enterprise_id')
    .select(['ic.id', 'ic.anonymous', 'ic.content', 'ic.created_at', 'ic.inspection_id', 'ic.org_id', 'ic.status', 'e.name as enterprise_name'])
    .where('ic.id', '=', id)
    .forUpdate('ic')
    .executeTakeFirst()
}

export async function markInspectionComplaintHandled(db: Executor, id: string) {
  await db.updateTable('inspection_complaint').set({ status: 'handled' }).where('id', '=', id).execute()
}

export async function findCaseOrg(db: Executor, caseId: string) {
  return db.selectFrom('penalty_case').select(['id', 'org_id', 'case_no', 'title']).where('id', '=', caseId).executeTakeFirst()
}

// ── Volunteers ───────────────────────────────────────────────────────────────────────────────────

export type VolunteerRow = NonNullable<Awaited<ReturnType<typeof findVolunteer>>>

function selectVolunteers(db: Executor) {
  return db
    .selectFrom('volunteer_supervisor as v')
    .leftJoin('app_user as u', 'u.id', 'v.user_id')
    .leftJoin('social_event as ev', 'ev.id', 'v.event_id')
    .selectAll('v')
    .select(['u.username', 'ev.title as event_title'])
}

export async function findVolunteer(db: Executor, id: string) {
  return selectVolunteers(db).where('v.id', '=', id).executeTakeFirst()
}

export async function findVolunteerOfUser(db: Executor, userId: string) {
  return selectVolunteers(db).where('v.user_id', '=', userId).executeTakeFirst()
}

export async function listVolunteers(db: Executor, scope: OrgScope) {
  return selectVolunteers(db).where(regionInScope('v.region_code', scope, null)).orderBy('v.term_from', 'desc').orderBy('v.name').execute()
}

export async function insertVolunteer(db: Executor, row: Insertable<VolunteerSupervisorTable>): Promise<string> {
  const { id } = await db.insertInto('volunteer_supervisor').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateVolunteer(db: Executor, id: string, patch: Updateable<VolunteerSupervisorTable>) {
  await db.updateTable('volunteer_supervisor').set(patch).where('id', '=', id).execute()
}

/** Ends an active appointment; 0 rows when another request ended it first. */
export async function endVolunteer(db: Executor, id: string, patch: { ended_on: string; end_reason: string }) {
  return db.updateTable('volunteer_supervisor').set({ ...patch, status: 'ended' }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst()
}

/** Cancels a volunteer's open tasks (their term ended); returns the titles cancelled. */
export async function cancelOpenAssignments(db: Executor, volunteerId: string): Promise<string[]> {
  const rows = await db.updateTable('volunteer_assignment').set({ status: 'cancelled' }).where('volunteer_id', '=', volunteerId).where('status', '=', 'open').returning('title').execute()
  return rows.map((r) => r.title)
}

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').select(['id', 'username', 'role', 'display_name']).where('username', '=', username).executeTakeFirst()
}

export async function listAssignments(db: Executor, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return []
  return db.selectFrom('volunteer_assignment').selectAll().where('volunteer_id', 'in', volunteerIds).orderBy('created_at', 'desc').execute()
}

export async function findAssignment(db: Executor, id: string) {
  return db.selectFrom('volunteer_assignment').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertAssignment(db: Executor, row: Insertable<VolunteerAssignmentTable>): Promise<string> {
  const { id } = await db.insertInto('volunteer_assignment').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateAssignment(db: Executor, id: string, patch: Updateable<VolunteerAssignmentTable>) {
  await db.updateTable('volunteer_assignment').set(patch).where('id', '=', id).execute()
}

function selectOpinions(db: Executor) {
  return db
    .selectFrom('volunteer_opinion as op')
    .innerJoin('volunteer_supervisor as v', 'v.id', 'op.volunteer_id')
    .leftJoin('volunteer_assignment as a', 'a.id', 'op.assignment_id')
    .leftJoin('app_user as au', 'au.id', 'op.answered_by')
    .selectAll('op')
    .select(['v.name as volunteer_name', 'v.region_code', 'v.user_id as volunteer_user_id', 'a.title as assignment_title', 'au.display_name as answered_by_name'])
}

export type OpinionRow = NonNullable<Awaited<ReturnType<typeof findOpinion>>>

export async function findOpinion(db: Executor, id: string) {
  return selectOpinions(db).where('op.id', '=', id).executeTakeFirst()
}

export async function listOpinions(db: Executor, f: { scope?: OrgScope; volunteerId?: string }) {
  return selectOpinions(db)
    .$if(Boolean(f.scope), (q) => q.where(regionInScope('v.region_code', f.scope!, null)))
    .$if(Boolean(f.volunteerId), (q) => q.where('op.volunteer_id', '=', f.volunteerId!))
    .orderBy('op.submitted_at', 'desc')
    .limit(500)
    .execute()
}

export async function insertOpinion(db: Executor, row: Insertable<VolunteerOpinionTable>): Promise<string> {
  const { id } = await db.insertInto('volunteer_opinion').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function answerOpinion(db: Executor, id: string, patch: { answer: string; answered_at: Date; answered_by: string | null }) {
  return db.updateTable('volunteer_opinion').set(patch).where('id', '=', id).where('answer', 'is', null).executeTakeFirst()
}

// ── Events ───────────────────────────────────────────────────────────────────────────────────────

export async function listEvents(db: Executor, regionFilter: Expression<SqlBool>) {
  return db
    .selectFrom('social_event as e')
    .selectAll('e')
    .select((eb) => eb.selectFrom('volunteer_supervisor as v').whereRef('v.event_id', '=', 'e.id').select((x) => x.fn.countAll<string>().as('n')).as('volunteers_appointed'))
    .where(regionFilter)
    .orderBy('e.held_on', 'desc')
    .execute()
}

export async function insertEvent(db: Executor, row: Insertable<SocialEventTable>): Promise<string> {
  const { id } = await db.insertInto('social_event').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

// ── Joint meetings ───────────────────────────────────────────────────────────────────────────────

export async function listMeetings(db: Executor, f: { scope: OrgScope | null; orgId: string | null }) {
  return db
    .selectFrom('joint_meeting as m')
    .innerJoin('org as o', 'o.id', 'm.convener_org_id')
    .selectAll('m')
    .select(['o.name as convener_name'])
    .$if(f.scope !== null, (q) => q.where(regionInScope('m.region_code', f.scope!, null)))
    .$if(f.orgId !== null, (q) =>
      q.where((eb) =>
        eb.or([
          sql<SqlBool>`${f.orgId} = any(m.attendee_org_ids)`,
          eb('m.convener_org_id', '=', f.orgId!),
          eb.exists(eb.selectFrom('joint_meeting_task as t').whereRef('t.meeting_id', '=', 'm.id').where('t.org_id', '=', f.orgId!).select('t.id')),
        ]),
      ),
    )
    .orderBy('m.held_on', 'desc')
    .execute()
}

export async function findMeeting(db: Executor, id: string) {
  return db.selectFrom('joint_meeting as m').innerJoin('org as o', 'o.id', 'm.convener_org_id').selectAll('m').select(['o.name as convener_name']).where('m.id', '=', id).executeTakeFirst()
}

export async function insertMeeting(db: Executor, row: Insertable<JointMeetingTable>): Promise<string> {
  const { id } = await db.insertInto('joint_meeting').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

function selectTasks(db: Executor) {
  return db
    .selectFrom('joint_meeting_task as t')
    .innerJoin('joint_meeting as m', 'm.id', 't.meeting_id')
    .innerJoin('org as o', 'o.id', 't.org_id')
    .selectAll('t')
    .select(['m.title as meeting_title', 'm.held_on as meeting_held_on', 'm.region_code', 'o.name as org_name'])
}

export type MeetingTaskRow = NonNullable<Awaited<ReturnType<typeof findMeetingTask>>>

export async function findMeetingTask(db: Executor, id: string) {
  return selectTasks(db).where('t.id', '=', id).executeTakeFirst()
}

export async function listMeetingTasks(db: Executor, f: { meetingIds?: string[]; orgId?: string; scope?: OrgScope; status?: 'open' | 'done' }) {
  if (f.meetingIds && f.meetingIds.length === 0) return []
  return selectTasks(db)
    .$if(Boolean(f.meetingIds), (q) => q.where('t.meeting_id', 'in', f.meetingIds!))
    .$if(Boolean(f.orgId), (q) => q.where('t.org_id', '=', f.orgId!))
    .$if(Boolean(f.scope), (q) => q.where(regionInScope('m.region_code', f.scope!, null)))
    .$if(Boolean(f.status), (q) => q.where('t.status', '=', f.status!))
    .orderBy('t.due_on')
    .execute()
}

export async function insertMeetingTask(db: Executor, row: Insertable<JointMeetingTaskTable>): Promise<string> {
  const { id } = await db.insertInto('joint_meeting_task').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function completeMeetingTask(db: Executor, id: string, patch: { done_note: string; done_at: Date; done_by: string | null }) {
  return db.updateTable('joint_meeting_task').set({ ...patch, status: 'done' }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst()
}

// ── Transfers ────────────────────────────────────────────────────────────────────────────────────

function selectTransfers(db: Executor) {
  return db
    .selectFrom('clue_transfer as t')
    .innerJoin('org as f', 'f.id', 't.from_org_id')
    .innerJoin('org as d', 'd.id', 't.to_org_id')
    .leftJoin('penalty_case as pc', 'pc.id', 't.case_id')
    .selectAll('t')
    .select(['f.name as from_name', 'f.kind as from_kind', 'd.name as to_name', 'd.kind as to_kind', 'pc.case_no'])
}

export type TransferRow = NonNullable<Awaited<ReturnType<typeof findTransfer>>>

export async function findTransfer(db: Executor, id: string) {
  return selectTransfers(db).where('t.id', '=', id).executeTakeFirst()
}

export async function lockTransfer(db: Executor, id: string) {
  return db.selectFrom('clue_transfer').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Transfers where either side is in scope. */
export async function listTransfers(db: Executor, scope: OrgScope) {
  return selectTransfers(db)
    .where((eb) => eb.or([orgInScope('t.from_org_id', scope), orgInScope('t.to_org_id', scope)]))
    .orderBy('t.transferred_on', 'desc')
    .orderBy('t.created_at', 'desc')
    .limit(500)
    .execute()
}

/** Case transfers made by the case module's 移送 act (read-only here). */
export async function listCaseTransfers(db: Executor, scope: OrgScope) {
  return db
    .selectFrom('penalty_case as c')
    .innerJoin('org as f', 'f.id', 'c.org_id')
    .innerJoin('org as d', 'd.id', 'c.transferred_to_org_id')
    .leftJoin('penalty_case as r', 'r.transferred_from_id', 'c.id')
    .select(['c.id', 'c.case_no', 'c.title', 'c.updated_at', 'c.org_id as from_org_id', 'f.name as from_name', 'f.kind as from_kind', 'd.id as to_org_id', 'd.name as to_name', 'd.kind as to_kind', 'r.id as received_case_id', 'r.status as received_status'])
    .where('c.transferred_to_org_id', 'is not', null)
    .where((eb) => eb.or([orgInScope('c.org_id', scope), orgInScope('c.transferred_to_org_id', scope)]))
    .orderBy('c.updated_at', 'desc')
    .limit(500)
    .execute()
}

export async function insertTransfer(db: Executor, row: Insertable<ClueTransferTable>): Promise<string> {
  const { id } = await db.insertInto('clue_transfer').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateTransfer(db: Executor, id: string, patch: Updateable<ClueTransferTable>) {
  await db.updateTable('clue_transfer').set(patch).where('id', '=', id).execute()
}

export async function listOverdueUnescalatedTransfers(db: Executor, today: string) {
  return db.selectFrom('clue_transfer').select(['id', 'title', 'to_org_id', 'accept_due_on']).where('status', '=', 'pending').where('accept_due_on', '<', today).where('escalated_at', 'is', null).execute()
}

export async function findRegionPath(db: Executor, code: string): Promise<string | undefined> {
  return (await db.selectFrom('region').select('path').where('code', '=', code).executeTakeFirst())?.path
}
