import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely'
import { type OrgScope, orgInScope } from '../../platform/auth/scope'
import type { DB } from '../../platform/db/schema'
import type {
  LegalPoint,
  RectificationAction,
  RectificationEscalation,
  RectificationStatus,
  ResponseUnit,
  SupervisionSourceKind,
  SupervisionTemplate,
} from '../../platform/db/supervision-schema'

/** A database handle or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>

// ── Document types ───────────────────────────────────────────────────────────────────────────────

export type DocTypeRow = NonNullable<Awaited<ReturnType<typeof findDocTypeById>>>

export type DocTypeValues = { name: string; binding: boolean; responseDays: number; responseUnit: ResponseUnit; escalatesTo: string; numberCode: string; template: SupervisionTemplate }

/**
 * A row applies in a region when it is the platform's (region NULL) or kept by that region or a region
 * above it; the most specific row of a code wins. `regionPath` NULL: the platform's rows only.
 */
function appliesIn(regionPath: string | null) {
  return regionPath === null
    ? sql<SqlBool>`t.region_code is null`
    : sql<SqlBool>`(t.region_code is null or ${regionPath} like r.path || '%')`
}

function docTypeBase(db: Executor) {
  return db
    .selectFrom('supervision_doc_type as t')
    .leftJoin('region as r', 'r.code', 't.region_code')
    .selectAll('t')
    .select(['r.name as region_name', 'r.path as region_path'])
}

/** The effective set in a region (its own rows over the platform's), in display order. */
export async function listDocTypes(db: Executor, regionPath: string | null) {
  const rows = await docTypeBase(db)
    .where(appliesIn(regionPath))
    .distinctOn('t.code')
    .orderBy('t.code')
    .orderBy(sql`length(coalesce(r.path, ''))`, 'desc')
    .execute()
  return rows.sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code))
}

/** The row a document drafted in `regionPath` uses for `code`. */
export async function resolveDocType(db: Executor, code: string, regionPath: string | null) {
  return docTypeBase(db)
    .where('t.code', '=', code)
    .where(appliesIn(regionPath))
    .orderBy(sql`length(coalesce(r.path, ''))`, 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function findDocTypeById(db: Executor, id: string) {
  return docTypeBase(db).where('t.id', '=', id).executeTakeFirst()
}

/** The row kept by exactly this region (NULL: the platform's) for `code`, locked for a change. */
export async function findOwnDocTypeForUpdate(trx: Transaction<DB>, code: string, regionCode: string | null) {
  return trx
    .selectFrom('supervision_doc_type')
    .selectAll()
    .where('code', '=', code)
    .where(regionCode === null ? sql<SqlBool>`region_code is null` : sql<SqlBool>`region_code = ${regionCode}`)
    .forUpdate()
    .executeTakeFirst()
}

export async function updateDocType(trx: Executor, id: string, values: DocTypeValues & { by: string | null; at: Date }): Promise<void> {
  await trx
    .updateTable('supervision_doc_type')
    .set({
      ...docTypeColumns(values),
      updated_by: values.by,
      updated_at: values.at,
    })
    .where('id', '=', id)
    .execute()
}

/** The configurable columns of a document type, as both the update and the insert write them. */
function docTypeColumns(values: DocTypeValues) {
  return {
    name: values.name,
    binding: values.binding,
    response_days: values.responseDays,
    response_unit: values.responseUnit,
    escalates_to: values.escalatesTo,
    number_code: values.numberCode,
    template: JSON.stringify(values.template),
  }
}

export async function insertDocType(
  trx: Executor,
  values: DocTypeValues & { code: string; regionCode: string | null; sortOrder: number; by: string | null; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('supervision_doc_type')
    .values({
      code: values.code,
      region_code: values.regionCode,
      ...docTypeColumns(values),
      sort_order: values.sortOrder,
      updated_by: values.by,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The next display position for a code a region adds. */
export async function nextDocTypeSortOrder(db: Executor): Promise<number> {
  const row = await db.selectFrom('supervision_doc_type').select(sql<number>`coalesce(max(sort_order), 0)::int`.as('max')).executeTakeFirstOrThrow()
  return row.max + 1
}

/** A region by code, with its path and level (the jurisdiction a type row is kept for). */
export async function findRegion(db: Executor, code: string) {
  return db.selectFrom('region').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst()
}

/** The region path of a unit (the issuer whose region's types a document uses). */
export async function orgRegionPath(db: Executor, orgId: string): Promise<string | null> {
  const row = await db.selectFrom('org as o').innerJoin('region as r', 'r.code', 'o.region_code').select('r.path').where('o.id', '=', orgId).executeTakeFirst()
  return row?.path ?? null
}

// ── Orgs ─────────────────────────────────────────────────────────────────────────────────────────

/** Units by id with their region path (for scope checks) and names (for the documents). */
export async function findOrgs(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.name', 'o.short_name', 'o.kind', 'o.region_code', 'r.path as region_path'])
    .where('o.id', 'in', ids)
    .execute()
}

/** The justice bureau whose region contains `regionPath` most closely (the issuing organ for an admin). */
export async function findJusticeBureauFor(db: Executor, regionPath: string) {
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id'])
    .where('o.kind', '=', 'justice_bureau')
    .where(sql<boolean>`${regionPath} like r.path || '%'`)
    .orderBy(sql`length(r.path)`, 'desc')
    .executeTakeFirst()
}

/** The county government above a unit — the addressee of a 报告 (本级人民政府). */
export async function findCountyName(db: Executor, regionPath: string): Promise<string | null> {
  const row = await db
    .selectFrom('region')
    .select('name')
    .where('level', '=', 'county')
    .where(sql<boolean>`${regionPath} like path || '%'`)
    .executeTakeFirst()
  return row?.name ?? null
}

// ── Sources ──────────────────────────────────────────────────────────────────────────────────────

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The review batch a 案卷评查 source names: the batch of a review file id, or the batch id itself. */
export async function reviewSourceBatchId(db: Executor, ref: string): Promise<string | null> {
  // source_ref is free text typed by a supervisor; only a uuid may be compared with the uuid columns.
  if (!UUID.test(ref)) return null
  const file = await db.selectFrom('review_file').select('batch_id').where('id', '=', ref).executeTakeFirst()
  if (file) return file.batch_id
  const batch = await db.selectFrom('review_batch').select('id').where('id', '=', ref).executeTakeFirst()
  return batch?.id ?? null
}

// ── Documents ────────────────────────────────────────────────────────────────────────────────────

export type NewDocument = {
  /** The type row drafted from (see {@link resolveDocType}); its code is kept beside it for filters. */
  type: { id: string; code: string }
  issuerOrgId: string
  subject: string
  sourceKind: SupervisionSourceKind
  sourceRef: string | null
  sourceSnapshot: string
  responseDays: number
  responseUnit: ResponseUnit
  autoDrafted: boolean
  escalatedTaskId: string | null
  createdBy: string | null
  createdAt: Date
}

export async function insertDocument(trx: Executor, d: NewDocument): Promise<string> {
  const row = await trx
    .insertInto('supervision_document')
    .values({
      type_id: d.type.id,
      type_code: d.type.code,
      issuer_org_id: d.issuerOrgId,
      subject: d.subject,
      source_kind: d.sourceKind,
      source_ref: d.sourceRef,
      source_snapshot: d.sourceSnapshot,
      response_days: d.responseDays,
      response_unit: d.responseUnit,
      auto_drafted: d.autoDrafted,
      escalated_task_id: d.escalatedTaskId,
      created_by: d.createdBy,
      created_at: d.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertFindings(trx: Executor, documentId: string, findings: ReadonlyArray<{ problem: string; legalBasis: string; measure: string }>): Promise<void> {
  if (findings.length === 0) return
  await trx
    .insertInto('supervision_finding')
    .values(findings.map((f, i) => ({ document_id: documentId, seq: i + 1, problem: f.problem, legal_basis: f.legalBasis, measure: f.measure })))
    .execute()
}

export async function insertRecipients(trx: Executor, documentId: string, orgIds: readonly string[]): Promise<void> {
  if (orgIds.length === 0) return
  await trx
    .insertInto('supervision_recipient')
    .values(orgIds.map((org_id) => ({ document_id: documentId, org_id, delivered_on: null, read_at: null, read_by: null })))
    .execute()
}

const documentColumns = [
  'd.id',
  'd.type_code',
  'd.type_id',
  'd.issuer_org_id',
  'd.status',
  'd.subject',
  'd.source_kind',
  'd.source_ref',
  'd.source_snapshot',
  'd.response_days',
  'd.response_unit',
  'd.auto_drafted',
  'd.escalated_task_id',
  'd.number',
  'd.title',
  'd.issued_on',
  'd.issued_at',
  'd.verify_id',
  'd.sha256',
  'd.byte_size',
  'd.leaf_hash',
  'd.created_at',
  't.name as type_name',
  't.binding',
  'io.name as issuer_name',
  'io.short_name as issuer_short_name',
  'ir.path as issuer_region_path',
] as const

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>

function documentBase(db: Executor) {
  return db
    .selectFrom('supervision_document as d')
    .innerJoin('supervision_doc_type as t', 't.id', 'd.type_id')
    .innerJoin('org as io', 'io.id', 'd.issuer_org_id')
    .innerJoin('region as ir', 'ir.code', 'io.region_code')
}

export async function findDocument(db: Executor, id: string) {
  return documentBase(db).select(documentColumns).where('d.id', '=', id).executeTakeFirst()
}

/** Locks the document row for a change in the caller's transaction. */
export async function lockDocument(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('supervision_document').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findDocumentData(db: Executor, id: string) {
  return db.selectFrom('supervision_document').select(['id', 'data', 'sha256', 'title', 'number']).where('id', '=', id).executeTakeFirst()
}

/**
 * Documents the scope may see: a supervisor's those issued in their jurisdiction (drafts included);
 * a unit's those issued to it.
 */
export async function listDocuments(
  db: Executor,
  view: { kind: 'issuer'; scope: OrgScope } | { kind: 'recipient'; orgId: string },
  filter: { status?: 'draft' | 'issued'; typeCode?: string; limit: number; offset: number },
) {
  let q = documentBase(db)
  if (view.kind === 'issuer') q = q.where(orgInScope('d.issuer_org_id', view.scope))
  else {
    q = q.where('d.status', '=', 'issued').where((eb) => eb.exists(eb.selectFrom('supervision_recipient as r').select('r.org_id').whereRef('r.document_id', '=', 'd.id').where('r.org_id', '=', view.orgId)))
  }
  if (filter.status) q = q.where('d.status', '=', filter.status)
  if (filter.typeCode) q = q.where('d.type_code', '=', filter.typeCode)
  const [rows, total] = await Promise.all([
    q
      .select(documentColumns)
      .select((eb) => [
        eb.selectFrom('supervision_recipient as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.document_id', '=', 'd.id').as('recipient_count'),
        eb.selectFrom('supervision_recipient as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.document_id', '=', 'd.id').where('r.read_at', 'is not', null).as('read_count'),
        eb.selectFrom('rectification_task as k').select((e) => e.fn.countAll<number>().as('n')).whereRef('k.document_id', '=', 'd.id').where('k.status', '!=', 'closed').as('open_tasks'),
      ])
      .orderBy(sql`coalesce(d.issued_at, d.created_at)`, 'desc')
      .orderBy('d.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

export async function listFindings(db: Executor, documentId: string) {
  return db.selectFrom('supervision_finding').select(['id', 'seq', 'problem', 'legal_basis', 'measure']).where('document_id', '=', documentId).orderBy('seq').execute()
}

export async function listRecipients(db: Executor, documentId: string) {
  return db
    .selectFrom('supervision_recipient as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .leftJoin('app_user as u', 'u.id', 'r.read_by')
    .select(['r.org_id', 'o.name as org_name', 'r.delivered_on', 'r.read_at', 'u.display_name as read_by_name'])
    .where('r.document_id', '=', documentId)
    .orderBy('o.name')
    .execute()
}

export async function markIssued(
  trx: Executor,
  id: string,
  v: { number: string; title: string; issuedOn: string; issuedAt: Date; issuedBy: string | null; verifyId: string; salt: Buffer; sha256: string; byteSize: number; data: unknown; leafHash: Buffer },
): Promise<void> {
  await trx
    .updateTable('supervision_document')
    .set({
      status: 'issued',
      number: v.number,
      title: v.title,
      issued_on: v.issuedOn,
      issued_at: v.issuedAt,
      issued_by: v.issuedBy,
      verify_id: v.verifyId,
      salt: v.salt,
      sha256: v.sha256,
      byte_size: v.byteSize,
      data: JSON.stringify(v.data),
      leaf_hash: v.leafHash,
    })
    .where('id', '=', id)
    .execute()
  await trx.updateTable('supervision_recipient').set({ delivered_on: v.issuedOn }).where('document_id', '=', id).execute()
}

/** Records the first reading of a unit; false when it had been read already (the receipt is kept once). */
export async function markRead(trx: Executor, documentId: string, orgId: string, userId: string, at: Date): Promise<boolean> {
  const res = await trx
    .updateTable('supervision_recipient')
    .set({ read_at: at, read_by: userId })
    .where('document_id', '=', documentId)
    .where('org_id', '=', orgId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

// ── Tasks ────────────────────────────────────────────────────────────────────────────────────────

export async function insertTask(trx: Executor, t: { documentId: string; findingId: string; orgId: string; dueOn: string; dueProvisional: boolean; at: Date }): Promise<string> {
  const row = await trx
    .insertInto('rectification_task')
    .values({ document_id: t.documentId, finding_id: t.findingId, org_id: t.orgId, due_on: t.dueOn, due_provisional: t.dueProvisional, letter_document_id: null, closed_at: null, created_at: t.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const taskColumns = [
  'k.id',
  'k.document_id',
  'k.finding_id',
  'k.org_id',
  'k.status',
  'k.due_on',
  'k.due_provisional',
  'k.escalation',
  'k.letter_document_id',
  'k.closed_at',
  'k.created_at',
  'o.name as org_name',
  'or.path as org_region_path',
  'f.seq as finding_seq',
  'f.problem',
  'f.legal_basis',
  'f.measure',
  'd.number as document_number',
  'd.type_code',
  'd.issuer_org_id',
  'd.issued_on',
  'd.response_days',
  'd.response_unit',
  't.name as type_name',
  't.escalates_to',
  'ir.path as issuer_region_path',
] as const

function taskBase(db: Executor) {
  return db
    .selectFrom('rectification_task as k')
    .innerJoin('org as o', 'o.id', 'k.org_id')
    .innerJoin('region as or', 'or.code', 'o.region_code')
    .innerJoin('supervision_finding as f', 'f.id', 'k.finding_id')
    .innerJoin('supervision_document as d', 'd.id', 'k.document_id')
    .innerJoin('supervision_doc_type as t', 't.id', 'd.type_id')
    .innerJoin('org as io', 'io.id', 'd.issuer_org_id')
    .innerJoin('region as ir', 'ir.code', 'io.region_code')
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>

export async function findTask(db: Executor, id: string) {
  return taskBase(db).select(taskColumns).where('k.id', '=', id).executeTakeFirst()
}

export async function lockTask(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('rectification_task').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function listTasks(
  db: Executor,
  view: { kind: 'issuer'; scope: OrgScope } | { kind: 'recipient'; orgId: string },
  filter: { status?: RectificationStatus; overdueOn?: string; documentId?: string; limit: number; offset: number },
) {
  let q = taskBase(db)
  q = view.kind === 'issuer' ? q.where(orgInScope('d.issuer_org_id', view.scope)) : q.where('k.org_id', '=', view.orgId)
  if (filter.status) q = q.where('k.status', '=', filter.status)
  if (filter.overdueOn) q = q.where('k.status', '=', 'open').where('k.due_on', '<', filter.overdueOn)
  if (filter.documentId) q = q.where('k.document_id', '=', filter.documentId)
  const [rows, total] = await Promise.all([
    q
      .select(taskColumns)
      .orderBy(sql`case k.status when 'closed' then 1 else 0 end`)
      .orderBy('k.due_on')
      .orderBy('k.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

export async function updateTask(
  trx: Executor,
  id: string,
  values: Partial<{ status: RectificationStatus; dueOn: string; dueProvisional: boolean; escalation: RectificationEscalation; letterDocumentId: string; closedAt: Date | null }>,
): Promise<void> {
  await trx
    .updateTable('rectification_task')
    .set({
      ...(values.status ? { status: values.status } : {}),
      ...(values.dueOn ? { due_on: values.dueOn } : {}),
      ...(values.dueProvisional !== undefined ? { due_provisional: values.dueProvisional } : {}),
      ...(values.escalation ? { escalation: values.escalation } : {}),
      ...(values.letterDocumentId ? { letter_document_id: values.letterDocumentId } : {}),
      ...(values.closedAt !== undefined ? { closed_at: values.closedAt } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Open tasks due before `today` whose escalation may move on (the job's work list). */
export async function overdueOpenTasks(db: Executor, today: string) {
  return taskBase(db).select(taskColumns).where('k.status', '=', 'open').where('k.due_on', '<', today).where('k.escalation', '!=', 'reported').orderBy('k.due_on').execute()
}

export async function appendEvent(
  trx: Executor,
  e: { taskId: string; at: Date; action: RectificationAction; actorId: string | null; actorName: string; note: string | null; data?: Record<string, unknown> },
): Promise<void> {
  const last = await trx.selectFrom('rectification_event').select((eb) => eb.fn.max('seq').as('seq')).where('task_id', '=', e.taskId).executeTakeFirst()
  await trx
    .insertInto('rectification_event')
    .values({ task_id: e.taskId, seq: Number(last?.seq ?? 0) + 1, at: e.at, action: e.action, actor_id: e.actorId, actor_name: e.actorName, note: e.note, data: JSON.stringify(e.data ?? {}) })
    .execute()
}

export async function listEvents(db: Executor, taskId: string) {
  return db.selectFrom('rectification_event').select(['seq', 'at', 'action', 'actor_name', 'note', 'data']).where('task_id', '=', taskId).orderBy('seq').execute()
}

export async function insertReport(
  trx: Executor,
  r: {
    id: string
    taskId: string
    orgId: string
    addressee: string
    body: string
    at: Date
    issued: { issuerOrgId: string; number: string; title: string; issuedOn: string; verifyId: string; salt: Buffer; sha256: string; byteSize: number; data: unknown; leafHash: Buffer }
  },
): Promise<void> {
  const d = r.issued
  await trx
    .insertInto('supervision_escalation_report')
    .values({
      id: r.id,
      task_id: r.taskId,
      org_id: r.orgId,
      addressee: r.addressee,
      body: r.body,
      created_at: r.at,
      issuer_org_id: d.issuerOrgId,
      number: d.number,
      title: d.title,
      issued_on: d.issuedOn,
      verify_id: d.verifyId,
      salt: d.salt,
      sha256: d.sha256,
      byte_size: d.byteSize,
      data: JSON.stringify(d.data),
      leaf_hash: d.leafHash,
    })
    .execute()
}

export async function findReport(db: Executor, taskId: string) {
  return db.selectFrom('supervision_escalation_report').select(['id', 'addressee', 'body', 'created_at', 'number', 'title', 'issued_on', 'verify_id', 'sha256']).where('task_id', '=', taskId).executeTakeFirst()
}

/** The stored PDF facts of a task's report (null columns for a report kept as text only). */
export async function findReportData(db: Executor, taskId: string) {
  return db.selectFrom('supervision_escalation_report').select(['id', 'data', 'sha256', 'title', 'number']).where('task_id', '=', taskId).executeTakeFirst()
}

// ── 普法提示单 ─────────────────────────────────────────────────────────────────────────────────────

export async function insertLegalNotice(
  trx: Executor,
  n: { issuerOrgId: string; title: string; content: string; legalPoints: LegalPoint[]; sourceNote: string; at: Date; by: string | null; orgIds: readonly string[] },
): Promise<string> {
  const row = await trx
    .insertInto('legal_notice')
    .values({ issuer_org_id: n.issuerOrgId, title: n.title, content: n.content, legal_points: JSON.stringify(n.legalPoints), source_note: n.sourceNote, issued_at: n.at, issued_by: n.by })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('legal_notice_recipient')
    .values(n.orgIds.map((org_id) => ({ notice_id: row.id, org_id, read_at: null, read_by: null })))
    .execute()
  return row.id
}

function noticeBase(db: Executor) {
  return db.selectFrom('legal_notice as n').innerJoin('org as io', 'io.id', 'n.issuer_org_id').innerJoin('region as ir', 'ir.code', 'io.region_code')
}

const noticeColumns = ['n.id', 'n.issuer_org_id', 'n.title', 'n.content', 'n.legal_points', 'n.source_note', 'n.issued_at', 'io.name as issuer_name', 'ir.path as issuer_region_path'] as const

export async function listLegalNotices(db: Executor, view: { kind: 'issuer'; scope: OrgScope } | { kind: 'recipient'; orgId: string }) {
  let q = noticeBase(db)
  q =
    view.kind === 'issuer'
      ? q.where(orgInScope('n.issuer_org_id', view.scope))
      : q.where((eb) => eb.exists(eb.selectFrom('legal_notice_recipient as r').select('r.org_id').whereRef('r.notice_id', '=', 'n.id').where('r.org_id', '=', view.orgId)))
  return q
    .select(noticeColumns)
    .select((eb) => [
      eb.selectFrom('legal_notice_recipient as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.notice_id', '=', 'n.id').as('recipient_count'),
      eb.selectFrom('legal_notice_recipient as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.notice_id', '=', 'n.id').where('r.read_at', 'is not', null).as('read_count'),
    ])
    .orderBy('n.issued_at', 'desc')
    .limit(200)
    .execute()
}

export async function findLegalNotice(db: Executor, id: string) {
  return noticeBase(db).select(noticeColumns).where('n.id', '=', id).executeTakeFirst()
}

export async function listNoticeRecipients(db: Executor, noticeId: string) {
  return db
    .selectFrom('legal_notice_recipient as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .leftJoin('app_user as u', 'u.id', 'r.read_by')
    .select(['r.org_id', 'o.name as org_name', 'r.read_at', 'u.display_name as read_by_name'])
    .where('r.notice_id', '=', noticeId)
    .orderBy('o.name')
    .execute()
}

export async function markNoticeRead(trx: Executor, noticeId: string, orgId: string, userId: string, at: Date): Promise<boolean> {
  const res = await trx.updateTable('legal_notice_recipient').set({ read_at: at, read_by: userId }).where('notice_id', '=', noticeId).where('org_id', '=', orgId).where('read_at', 'is', null).executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

// ── 待办 ─────────────────────────────────────────────────────────────────────────────────────────

export async function unitTodoRows(db: Executor, orgId: string) {
  const [unread, tasks, notices] = await Promise.all([
    db
      .selectFrom('supervision_recipient as r')
      .innerJoin('supervision_document as d', 'd.id', 'r.document_id')
      .select(['d.id', 'd.title', 'd.number'])
      .where('r.org_id', '=', orgId)
      .where('r.read_at', 'is', null)
      .where('d.status', '=', 'issued')
      .execute(),
    db
      .selectFrom('rectification_task as k')
      .innerJoin('supervision_finding as f', 'f.id', 'k.finding_id')
      .select(['k.id', 'k.due_on', 'k.escalation', 'f.problem'])
      .where('k.org_id', '=', orgId)
      .where('k.status', '=', 'open')
      .execute(),
    db
      .selectFrom('legal_notice_recipient as r')
      .innerJoin('legal_notice as n', 'n.id', 'r.notice_id')
      .select(['n.id', 'n.title'])
      .where('r.org_id', '=', orgId)
      .where('r.read_at', 'is', null)
      .execute(),
  ])
  return { unread, tasks, notices }
}

export async function supervisorTodoRows(db: Executor, scope: OrgScope) {
  const [responded, drafts] = await Promise.all([
    taskBase(db).select(['k.id', 'o.name as org_name', 'f.problem']).where(orgInScope('d.issuer_org_id', scope)).where('k.status', '=', 'responded').execute(),
    db.selectFrom('supervision_document as d').select(['d.id', 'd.subject', 'd.auto_drafted']).where(orgInScope('d.issuer_org_id', scope)).where('d.status', '=', 'draft').execute(),
  ])
  return { responded, drafts }
}
