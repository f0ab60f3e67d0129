import { type Kysely, sql } from 'kysely'
import { type OrgScope, orgInScope } from '../../platform/auth/scope'
import type { DB } from '../../platform/db/schema'

/**
 * Read-only queries of the supervision dashboard over other modules' tables (rectification,
 * review, complaints, penalty cases, case documents, supervision documents). Nothing here writes.
 */
type Db = Kysely<DB>

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` })

/**
 * Open rectification tasks (open or responded) with their unit, document and age inputs.
 *
 * @example
 * const rows = await openRectificationTasks(db, orgScopeOf(actor)) // [{ id, status: 'open', due_on: '2026-12-04', … }]
 */
export function openRectificationTasks(db: Db, scope: OrgScope) {
  return db
    .selectFrom('rectification_task as t')
    .innerJoin('org as o', 'o.id', 't.org_id')
    .innerJoin('supervision_document as d', 'd.id', 't.document_id')
    .innerJoin('supervision_finding as f', 'f.id', 't.finding_id')
    .where(orgInScope('t.org_id', scope))
    .where('t.status', 'in', ['open', 'responded'])
    .select(['t.id', 't.status', 't.due_on', 't.escalation', 't.created_at', 'o.id as org_id', 'o.name as org_name', 'd.number as document_number', 'd.type_code', 'f.problem'])
    .orderBy('t.due_on')
    .execute()
}

/**
 * Review results of files graded in batches reviewing or published whose period ends in the year, per unit.
 *
 * @example
 * await reviewRatesByUnit(db, scope, 2025) // [{ org_name: '禄丰市住房和城乡建设局', graded: 12, excellent: 3, pass: 8, fail: 1 }]
 */
export function reviewRatesByUnit(db: Db, scope: OrgScope, year: number) {
  const { from, to } = yearRange(year)
  return db
    .selectFrom('review_file as f')
    .innerJoin('review_batch as b', 'b.id', 'f.batch_id')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .where(orgInScope('f.org_id', scope))
    .where('b.status', 'in', ['reviewing', 'published'])
    .where('b.closed_to', '>=', from)
    .where('b.closed_to', '<=', to)
    .where('f.grade', 'is not', null)
    .select([
      'o.id as org_id',
      'o.name as org_name',
      sql<number>`count(*)::int`.as('graded'),
      sql<number>`count(*) filter (where f.grade = 'excellent')::int`.as('excellent'),
      sql<number>`count(*) filter (where f.grade = 'pass')::int`.as('pass'),
      sql<number>`count(*) filter (where f.grade = 'fail')::int`.as('fail'),
    ])
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute()
}

/**
 * The same per batch, with the batch's file count (drawn) beside the graded ones.
 *
 * @example
 * await reviewRatesByBatch(db, scope, 2025) // [{ title: '2025年第6期', files: 24, graded: 24, fail: 2, … }]
 */
export function reviewRatesByBatch(db: Db, scope: OrgScope, year: number) {
  const { from, to } = yearRange(year)
  return db
    .selectFrom('review_batch as b')
    .innerJoin('review_file as f', 'f.batch_id', 'b.id')
    .where(orgInScope('f.org_id', scope))
    .where('b.closed_to', '>=', from)
    .where('b.closed_to', '<=', to)
    .where('b.status', 'in', ['drawn', 'reviewing', 'published'])
    .select([
      'b.id as batch_id',
      'b.title',
      'b.status',
      'b.published_at',
      sql<number>`count(*)::int`.as('files'),
      sql<number>`count(f.grade)::int`.as('graded'),
      sql<number>`count(*) filter (where f.grade = 'excellent')::int`.as('excellent'),
      sql<number>`count(*) filter (where f.grade = 'pass')::int`.as('pass'),
      sql<number>`count(*) filter (where f.grade = 'fail')::int`.as('fail'),
    ])
    .groupBy(['b.id', 'b.title', 'b.status', 'b.published_at'])
    .orderBy('b.closed_to', 'desc')
    .orderBy('b.title')
    .execute()
}

const openComplaintStatuses = ['received', 'accepted', 'assigned'] as const

/**
 * Complaints about units in scope: the open ones (with due dates) and the year's count by category.
 *
 * @example
 * const { open, byCategory } = await complaints(db, scope, 2026) // byCategory: [{ category: 'arbitrary_fine', count: 3 }]
 */
export async function complaints(db: Db, scope: OrgScope, year: number) {
  const { from, to } = yearRange(year)
  const [open, byCategory] = await Promise.all([
    db
      .selectFrom('complaint as c')
      .innerJoin('org as o', 'o.id', 'c.org_id')
      .where(orgInScope('c.org_id', scope))
      .where('c.status', 'in', [...openComplaintStatuses])
      .select(['c.id', 'c.complaint_no', 'c.category', 'c.status', 'c.answer_due_on', 'c.received_at', 'o.name as org_name'])
      .orderBy('c.answer_due_on')
      .execute(),
    db
      .selectFrom('complaint as c')
      .where(orgInScope('c.org_id', scope))
      .where(sql<boolean>`(c.received_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`)
      .select(['c.category', sql<number>`count(*)::int`.as('count')])
      .groupBy('c.category')
      .orderBy('count', 'desc')
      .execute(),
  ])
  return { open, byCategory }
}

/**
 * Decisions of the year recorded as outside their 裁量基准.
 *
 * @example
 * await outsideBenchmarkCases(db, scope, 2025) // [{ id, case_no: '禄住建罚〔2025〕12号', fine_fen: 5_000_000, … }]
 */
export function outsideBenchmarkCases(db: Db, scope: OrgScope, year: number) {
  const { from, to } = yearRange(year)
  return db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(orgInScope('c.org_id', scope))
    .where('c.outside_benchmark', '=', true)
    .where('c.decided_on', '>=', from)
    .where('c.decided_on', '<=', to)
    .select(['c.id', 'c.case_no', 'c.title', 'c.party_name', 'c.decided_on', 'c.fine_fen', 'o.name as org_name'])
    .orderBy('c.decided_on', 'desc')
    .limit(200)
    .execute()
}

/**
 * Case deadlines a supervisor must see, of cases in scope: open ones due on or before `horizon`,
 * missed ones (those done late: when done in the period), open ones that were extended (an extension recorded after the miss does not count, so
 * the lawful due date may lie in the past), and those met after their original statutory due date
 * in the period `[since, until]` (late unless lawfully extended). A suspended case (中止) is left out:
 * its periods stand still until 恢复, as for the units' own reminders. The presenter judges each row
 * against its lawful due date, from the chain's extension rows ({@link deadlineExtensionRows}).
 *
 * @example
 * await deadlinesAtRisk(db, scope, '2026-11-25', { since: '2026-01-01', until: '2026-12-31' }) // [{ kind: 'filing', due_on: '2026-11-24', status: 'open', … }]
 */
export function deadlinesAtRisk(db: Db, scope: OrgScope, horizon: string, metIn: { since: string; until: string }) {
  return db
    .selectFrom('case_deadline as d')
    .innerJoin('penalty_case as c', 'c.id', 'd.case_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(orgInScope('c.org_id', scope))
    .where('c.status', '!=', 'suspended')
    .where((eb) =>
      eb.or([
        eb.and([eb('d.status', '=', 'open'), eb.or([eb('d.due_on', '<=', horizon), eb('d.extension_ground', 'is not', null)])]),
        eb.and([eb('d.status', '=', 'missed'), eb.or([eb('d.met_on', 'is', null), eb.and([eb('d.met_on', '>=', metIn.since), eb('d.met_on', '<=', metIn.until)])])]),
        eb.and([eb('d.status', '=', 'met'), eb('d.met_on', '>', eb.ref('d.original_due_on')), eb('d.met_on', '>=', metIn.since), eb('d.met_on', '<=', metIn.until)]),
      ]),
    )
    .select(['d.id', 'd.case_id', 'd.kind', 'd.due_on', 'd.original_due_on', 'd.status', 'd.met_on', 'c.case_no', 'c.title', 'o.name as org_name'])
    .orderBy('d.due_on')
    .limit(500)
    .execute()
}

/**
 * The extension rows of these cases (every chain), for the lawful due date of each deadline.
 *
 * @example
 * await deadlineExtensionRows(db, [caseId]) // [{ case_id, kind: 'decision', original_due_on: '2027-02-18', extension_ground: 'head_approval', … }]
 */
export async function deadlineExtensionRows(db: Db, caseIds: readonly string[]) {
  if (caseIds.length === 0) return []
  return db
    .selectFrom('case_deadline')
    .select(['case_id', 'kind', 'due_on', 'original_due_on', 'extension_ground', 'extended_on', 'extended_from_due_on'])
    .where('case_id', 'in', [...caseIds])
    .where('extension_ground', 'is not', null)
    .execute()
}

/**
 * Decisions whose 公示 is still pending after its due day.
 *
 * @example
 * await publicationsOverdue(db, scope, '2026-11-26') // [{ case_id, due_on: '2026-11-20', … }]
 */
export function publicationsOverdue(db: Db, scope: OrgScope, today: string) {
  return db
    .selectFrom('case_publication as p')
    .innerJoin('penalty_case as c', 'c.id', 'p.case_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(orgInScope('p.org_id', scope))
    .where('p.status', '=', 'pending')
    .where('p.due_on', '<', today)
    .select(['p.case_id', 'p.decided_on', 'p.due_on', 'c.case_no', 'c.title', 'o.name as org_name'])
    .orderBy('p.due_on')
    .limit(200)
    .execute()
}

/**
 * The year's counts: cases decided, case documents issued, supervision documents issued by type.
 *
 * @example
 * await yearCounts(db, scope, 2025) // { casesDecided: 42, documentsIssued: 310, supervisionByType: [{ code: 'opinion', count: 2, … }] }
 */
export async function yearCounts(db: Db, scope: OrgScope, year: number) {
  const { from, to } = yearRange(year)
  const [cases, documents, supervision] = await Promise.all([
    db
      .selectFrom('penalty_case as c')
      .where(orgInScope('c.org_id', scope))
      .where('c.decided_on', '>=', from)
      .where('c.decided_on', '<=', to)
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('case_document as d')
      .where(orgInScope('d.org_id', scope))
      .where('d.issued_on', '>=', from)
      .where('d.issued_on', '<=', to)
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('supervision_document as s')
      .innerJoin('supervision_doc_type as ty', 'ty.id', 's.type_id')
      .where('s.status', '=', 'issued')
      .where('s.issued_on', '>=', from)
      .where('s.issued_on', '<=', to)
      // A document counts when any unit it went to is in scope, or its issuer is.
      .where((eb) =>
        eb.or([
          orgInScope('s.issuer_org_id', scope),
          eb.exists(eb.selectFrom('supervision_recipient as r').select('r.org_id').whereRef('r.document_id', '=', 's.id').where(orgInScope('r.org_id', scope))),
        ]),
      )
      // One entry per code: a county's own row of a code (migration 0020) may name it differently
      // from the platform's row its older documents were drafted from.
      .select(['s.type_code as code', sql<string>`min(ty.name)`.as('name'), sql<number>`min(ty.sort_order)::int`.as('sort_order'), sql<number>`count(*)::int`.as('count')])
      .groupBy('s.type_code')
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
  ])
  return { casesDecided: cases.count, documentsIssued: documents.count, supervisionByType: supervision }
}
