import { type Expression, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { OrgScope } from '../../platform/auth/scope'
import { orgInScope } from '../../platform/auth/scope'
import type { ReviewBatchTable, ReviewFileTable, ReviewSheetTable, ReviewStandardTable } from '../../platform/db/review-schema'
import type { Insertable, Selectable, Updateable } from 'kysely'
import type { ReviewFileKind } from '@yangguang/core'

export type StandardRow = Selectable<ReviewStandardTable>
export type BatchRow = Selectable<ReviewBatchTable> & { region_path: string; region_name: string }
export type FileRow = Selectable<ReviewFileTable> & { org_code: string; org_name: string }
export type SheetRow = Selectable<ReviewSheetTable> & { reviewer_name: string; reviewer_org_id: string | null }

// ——— standards ———————————————————————————————————————————————————————————

/**
 * Standards that apply in a region: the platform's (no region) and those adopted by the region or one
 * of its ancestors. `null`: every standard (administrators).
 */
function appliesIn(regionPath: string | null): Expression<SqlBool> {
  if (regionPath === null) return sql<SqlBool>`true`
  return sql<SqlBool>`(review_standard.region_code is null or review_standard.region_code in (select code from region where ${regionPath} like path || '%'))`
}

/** The standards that apply in `regionPath` (all of them for `null`). */
export async function listStandards(db: Executor, regionPath: string | null = null): Promise<StandardRow[]> {
  return db.selectFrom('review_standard').selectAll().where(appliesIn(regionPath)).orderBy('code').orderBy('version', 'desc').execute()
}

export async function findStandard(db: Executor, id: string, regionPath: string | null = null): Promise<StandardRow | undefined> {
  return db.selectFrom('review_standard').selectAll().where('id', '=', id).where(appliesIn(regionPath)).executeTakeFirst()
}

/** The newest published standard for a file kind that applies in the region: the region's own before the platform's. */
export async function latestPublishedStandard(db: Executor, kind: ReviewFileKind, regionPath: string): Promise<StandardRow | undefined> {
  return db
    .selectFrom('review_standard')
    .selectAll()
    .where('file_kind', '=', kind)
    .where('status', '=', 'published')
    .where(appliesIn(regionPath))
    .orderBy(sql`coalesce((select length(path) from region where code = review_standard.region_code), 0)`, 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The jurisdictions that hold versions of a standard code (null: the platform's). */
export async function standardCodeRegions(db: Executor, code: string): Promise<Array<string | null>> {
  const rows = await db.selectFrom('review_standard').select('region_code').distinct().where('code', '=', code).execute()
  return rows.map((r) => r.region_code)
}

export async function insertStandard(db: Executor, row: Insertable<ReviewStandardTable>): Promise<string> {
  const { id } = await db.insertInto('review_standard').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

/** Inserts a standard unless its code and version are stored already; the new id, or undefined when it was there. */
export async function insertStandardIfAbsent(db: Executor, row: Insertable<ReviewStandardTable>): Promise<string | undefined> {
  const inserted = await db.insertInto('review_standard').values(row).onConflict((oc) => oc.columns(['code', 'version']).doNothing()).returning('id').executeTakeFirst()
  return inserted?.id
}

export async function findStandardVersion(db: Executor, code: string, version: number): Promise<{ id: string } | undefined> {
  return db.selectFrom('review_standard').select('id').where('code', '=', code).where('version', '=', version).executeTakeFirst()
}

/** The code and version of every stored standard. */
export async function standardVersions(db: Executor): Promise<Array<{ code: string; version: number }>> {
  return db.selectFrom('review_standard').select(['code', 'version']).execute()
}

// ——— external files ——————————————————————————————————————————————————————

export async function insertExternalFile(db: Executor, row: { org_id: string; file_no: string; title: string; closed_on: string; source?: string; created_by: string | null }): Promise<string> {
  const { id } = await db.insertInto('review_external_file').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function listExternalFiles(db: Executor, scope: OrgScope, filter: { from?: string; to?: string }) {
  let q = db
    .selectFrom('review_external_file as f')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .select(['f.id', 'f.org_id', 'f.kind', 'f.file_no', 'f.title', 'f.closed_on', 'f.source', 'o.name as org_name'])
    .where(orgInScope('f.org_id', scope))
  if (filter.from) q = q.where('f.closed_on', '>=', filter.from)
  if (filter.to) q = q.where('f.closed_on', '<=', filter.to)
  return q.orderBy('f.closed_on', 'desc').limit(500).execute()
}

export async function findExternalFileByNo(db: Executor, orgId: string, fileNo: string) {
  return db.selectFrom('review_external_file').select('id').where('org_id', '=', orgId).where('file_no', '=', fileNo).executeTakeFirst()
}

// ——— orgs and users ——————————————————————————————————————————————————————

export async function orgsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.code', 'o.name', 'r.path as region_path'])
    .where('o.id', 'in', ids)
    .execute()
}

export async function regionByCode(db: Executor, code: string) {
  return db.selectFrom('region').select(['code', 'name', 'path']).where('code', '=', code).executeTakeFirst()
}

export async function findUser(db: Executor, id: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('org as o', 'o.id', 'u.org_id')
    .leftJoin('region as r', (join) => join.on(sql`r.code`, '=', sql`coalesce(o.region_code, u.region_code)`))
    .select(['u.id', 'u.display_name', 'u.role', 'u.org_id', 'u.status', 'r.path as region_path', 'o.name as org_name'])
    .where('u.id', '=', id)
    .executeTakeFirst()
}

/** People a supervisor may assign: bureau staff, 义务监督员 and other units' legal staff of the jurisdiction. */
export async function listReviewerCandidates(db: Executor, regionPath: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('org as o', 'o.id', 'u.org_id')
    .leftJoin('region as r', (join) => join.on(sql`r.code`, '=', sql`coalesce(o.region_code, u.region_code)`))
    .select(['u.id', 'u.display_name', 'u.role', 'u.org_id', 'o.name as org_name'])
    .where('u.status', '=', 'active')
    .where('u.role', 'in', ['supervisor', 'volunteer', 'legal_reviewer'])
    .where((eb) => eb.or([eb('r.path', 'like', `${regionPath}%`), eb('u.role', '=', 'volunteer')]))
    // Bureau staff first, then 义务监督员, then other units' legal reviewers (交叉评查).
    .orderBy(sql`case u.role when 'supervisor' then 0 when 'volunteer' then 1 else 2 end`)
    .orderBy('u.display_name')
    .execute()
}

// ——— batches ——————————————————————————————————————————————————————————————

function selectBatches(db: Executor) {
  return db.selectFrom('review_batch as b').innerJoin('region as r', 'r.code', 'b.region_code').selectAll('b').select(['r.path as region_path', 'r.name as region_name'])
}

export async function findBatch(db: Executor, id: string): Promise<BatchRow | undefined> {
  return selectBatches(db).where('b.id', '=', id).executeTakeFirst()
}

export async function lockBatch(db: Executor, id: string): Promise<void> {
  await db.selectFrom('review_batch').select('id').where('id', '=', id).forUpdate().execute()
}

/** Batches of a jurisdiction (supervisors: `regionPath` prefix), or published ones (`publishedOnly`). */
export async function listBatches(db: Executor, filter: { regionPath?: string; publishedOnly?: boolean; orgId?: string }): Promise<BatchRow[]> {
  let q = selectBatches(db)
  if (filter.regionPath !== undefined) q = q.where('r.path', 'like', `${filter.regionPath}%`)
  if (filter.publishedOnly) q = q.where('b.status', '=', 'published')
  if (filter.orgId) q = q.where(sql<boolean>`exists (select 1 from review_file f where f.batch_id = b.id and f.org_id = ${filter.orgId})`)
  return q.orderBy('b.closed_to', 'desc').orderBy('b.created_at', 'desc').execute()
}

export async function insertBatch(db: Executor, row: Insertable<ReviewBatchTable>): Promise<string> {
  const { id } = await db.insertInto('review_batch').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateBatch(db: Executor, id: string, values: Updateable<ReviewBatchTable>): Promise<void> {
  await db.updateTable('review_batch').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute()
}

/** The eligible files of a batch's scope: closed or archived penalty cases and external (licensing) files. */
export async function poolCandidates(db: Executor, batch: Pick<BatchRow, 'org_ids' | 'file_kinds' | 'closed_from' | 'closed_to'>) {
  if (batch.org_ids.length === 0) return []
  const out: Array<{ id: string; orgId: string; orgCode: string; kind: ReviewFileKind; closedOn: string; fileNo: string; title: string; caseId: string | null; externalId: string | null }> = []
  if (batch.file_kinds.includes('penalty')) {
    const rows = await db
      .selectFrom('penalty_case as c')
      .innerJoin('org as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.org_id', 'o.code as org_code', 'c.closed_on', 'c.case_no', 'c.title'])
      .where('c.org_id', 'in', batch.org_ids)
      .where('c.status', 'in', ['closed', 'archived'])
      .where('c.closed_on', '>=', batch.closed_from)
      .where('c.closed_on', '<=', batch.closed_to)
      .execute()
    for (const r of rows) {
      out.push({ id: r.id, orgId: r.org_id, orgCode: r.org_code, kind: 'penalty', closedOn: r.closed_on as string, fileNo: r.case_no ?? r.id, title: r.title, caseId: r.id, externalId: null })
    }
  }
  if (batch.file_kinds.includes('license')) {
    const rows = await db
      .selectFrom('review_external_file as f')
      .innerJoin('org as o', 'o.id', 'f.org_id')
      .select(['f.id', 'f.org_id', 'o.code as org_code', 'f.closed_on', 'f.file_no', 'f.title'])
      .where('f.org_id', 'in', batch.org_ids)
      .where('f.closed_on', '>=', batch.closed_from)
      .where('f.closed_on', '<=', batch.closed_to)
      .execute()
    for (const r of rows) out.push({ id: r.id, orgId: r.org_id, orgCode: r.org_code, kind: 'license', closedOn: r.closed_on, fileNo: r.file_no, title: r.title, caseId: null, externalId: r.id })
  }
  return out
}

/** Metadata of frozen pool files (by pool id), read when the drawn files are stored. */
export async function poolCandidatesById(db: Executor, pool: ReadonlyArray<{ id: string; kind: ReviewFileKind }>) {
  const caseIds = pool.filter((p) => p.kind === 'penalty').map((p) => p.id)
  const externalIds = pool.filter((p) => p.kind === 'license').map((p) => p.id)
  const out: Array<{ id: string; orgId: string; fileNo: string; title: string; caseId: string | null; externalId: string | null }> = []
  if (caseIds.length > 0) {
    for (const r of await db.selectFrom('penalty_case').select(['id', 'org_id', 'case_no', 'title']).where('id', 'in', caseIds).execute()) {
      out.push({ id: r.id, orgId: r.org_id, fileNo: r.case_no ?? r.id, title: r.title, caseId: r.id, externalId: null })
    }
  }
  if (externalIds.length > 0) {
    for (const r of await db.selectFrom('review_external_file').select(['id', 'org_id', 'file_no', 'title']).where('id', 'in', externalIds).execute()) {
      out.push({ id: r.id, orgId: r.org_id, fileNo: r.file_no, title: r.title, caseId: null, externalId: r.id })
    }
  }
  return out
}

// ——— the ledger: where the freeze leaf landed and the first checkpoint after it ————————

/** The log index of a leaf once integrated, or undefined while it waits for the integrator. */
export async function leafIndex(db: Executor, leafHash: Uint8Array): Promise<number | undefined> {
  const row = await sql<{ idx: number }>`
    select (b.first_index + array_position(b.leaf_ids, l.id) - 1)::int as idx
    from ledger_leaf l join ledger_batch b on l.id = any(b.leaf_ids)
    where l.leaf_hash = ${Buffer.from(leafHash)}
    order by l.id limit 1`.execute(db)
  return row.rows[0]?.idx
}

/** The first signed checkpoint whose tree contains index `index` (size > index). */
export async function firstCheckpointCovering(db: Executor, index: number): Promise<{ size: number; root: Buffer; created_at: Date } | undefined> {
  return db.selectFrom('ledger_checkpoint').select(['size', 'root', 'created_at']).where('size', '>', index).orderBy('size').limit(1).executeTakeFirst()
}

// ——— files —————————————————————————————————————————————————————————————————

export async function insertFiles(db: Executor, rows: Insertable<ReviewFileTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('review_file').values(rows).execute()
}

function selectFiles(db: Executor) {
  return db.selectFrom('review_file as f').innerJoin('org as o', 'o.id', 'f.org_id').selectAll('f').select(['o.code as org_code', 'o.name as org_name'])
}

export async function listFiles(db: Executor, batchId: string, orgId?: string): Promise<FileRow[]> {
  let q = selectFiles(db).where('f.batch_id', '=', batchId)
  if (orgId) q = q.where('f.org_id', '=', orgId)
  return q.orderBy('o.code').orderBy('f.rank').execute()
}

export async function listFilesOfBatches(db: Executor, batchIds: readonly string[], orgId?: string): Promise<FileRow[]> {
  if (batchIds.length === 0) return []
  let q = selectFiles(db).where('f.batch_id', 'in', batchIds)
  if (orgId) q = q.where('f.org_id', '=', orgId)
  return q.orderBy('o.code').orderBy('f.rank').execute()
}

export async function findFile(db: Executor, id: string): Promise<FileRow | undefined> {
  return selectFiles(db).where('f.id', '=', id).executeTakeFirst()
}

export async function updateFile(db: Executor, id: string, values: Updateable<ReviewFileTable>): Promise<void> {
  await db.updateTable('review_file').set(values).where('id', '=', id).execute()
}

// ——— sheets ————————————————————————————————————————————————————————————————

function selectSheets(db: Executor) {
  return db.selectFrom('review_sheet as s').innerJoin('app_user as u', 'u.id', 's.reviewer_id').selectAll('s').select(['u.display_name as reviewer_name', 'u.org_id as reviewer_org_id'])
}

export async function insertSheet(db: Executor, row: Insertable<ReviewSheetTable>): Promise<string> {
  const { id } = await db.insertInto('review_sheet').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function findSheet(db: Executor, id: string): Promise<SheetRow | undefined> {
  return selectSheets(db).where('s.id', '=', id).executeTakeFirst()
}

export async function lockSheet(db: Executor, id: string): Promise<void> {
  await db.selectFrom('review_sheet').select('id').where('id', '=', id).forUpdate().execute()
}

export async function sheetsOfFiles(db: Executor, fileIds: readonly string[]): Promise<SheetRow[]> {
  if (fileIds.length === 0) return []
  return selectSheets(db).where('s.file_id', 'in', fileIds).orderBy('s.created_at').execute()
}

export async function sheetsOfReviewer(db: Executor, reviewerId: string) {
  return selectSheets(db)
    .innerJoin('review_file as f', 'f.id', 's.file_id')
    .innerJoin('review_batch as b', 'b.id', 'f.batch_id')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .select(['f.file_no', 'f.title as file_title', 'f.kind as file_kind', 'o.name as org_name', 'b.title as batch_title', 'b.id as batch_id'])
    .where('s.reviewer_id', '=', reviewerId)
    .orderBy('s.status')
    .orderBy('s.created_at', 'desc')
    .execute()
}

export async function updateSheet(db: Executor, id: string, values: Updateable<ReviewSheetTable>): Promise<void> {
  await db.updateTable('review_sheet').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute()
}

// ——— case facts for the automatic pre-checks ——————————————————————————————————

export async function caseFacts(db: Executor, caseId: string) {
  const c = await db
    .selectFrom('penalty_case')
    .select(['id', 'procedure', 'status', 'decided_on', 'notice_served_on', 'waived_at', 'outside_benchmark', 'decision', 'delivered_on', 'legal_review_required', 'legal_review'])
    .where('id', '=', caseId)
    .executeTakeFirst()
  if (!c) return undefined
  const officers = await db.selectFrom('case_officer').select('person_id').where('case_id', '=', caseId).execute()
  // Every row, superseded ones too: the pre-checks read the original statutory due date and the extensions.
  const deadlines = await db
    .selectFrom('case_deadline')
    .select(['kind', 'due_on', 'status', 'met_on', 'original_due_on', 'extension_ground', 'extended_on', 'extended_from_due_on'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute()
  return { case: c, officers, deadlines }
}

// ——— 待办 ——————————————————————————————————————————————————————————————————————

/** A reviewer's sheets still to fill in: assigned, not submitted, in a batch that is being reviewed. */
export async function openSheetsOfReviewer(db: Executor, reviewerId: string) {
  return db
    .selectFrom('review_sheet as s')
    .innerJoin('review_file as f', 'f.id', 's.file_id')
    .innerJoin('review_batch as b', 'b.id', 'f.batch_id')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .select(['s.id', 's.role', 'f.file_no', 'o.name as org_name', 'b.title as batch_title'])
    .where('s.reviewer_id', '=', reviewerId)
    .where('s.status', '=', 'assigned')
    .where('b.status', '=', 'reviewing')
    .orderBy('s.created_at')
    .execute()
}

/**
 * A unit's files in published batches that lost points (below 100, or vetoed) and have no written response yet —
 * only the unit's own files.
 */
export async function filesAwaitingResponse(db: Executor, orgId: string) {
  return db
    .selectFrom('review_file as f')
    .innerJoin('review_batch as b', 'b.id', 'f.batch_id')
    .select(['f.id', 'f.file_no', 'f.score', 'f.grade', 'b.id as batch_id', 'b.title as batch_title'])
    .where('f.org_id', '=', orgId)
    .where('b.status', '=', 'published')
    .where('f.response', 'is', null)
    .where((eb) => eb.or([eb('f.score', '<', '100'), eb('f.vetoed', '=', true)]))
    .orderBy('b.published_at', 'desc')
    .orderBy('f.file_no')
    .execute()
}
