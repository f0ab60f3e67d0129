import type { Selectable } from 'kysely'
import type { Executor } from '../../platform/audit/audit'
import type { CaseEvidenceFileTable } from '../../platform/db/penalty-case-schema'

/** SQL of the files attached to a case's evidence items (migration 0028). */

export type EvidenceFileRow = Selectable<CaseEvidenceFileTable>

/** The files of a case's evidence, in the order they were attached. */
export async function listEvidenceFiles(db: Executor, caseId: string): Promise<EvidenceFileRow[]> {
  return db.selectFrom('case_evidence_file').selectAll().where('case_id', '=', caseId).orderBy('attached_at').orderBy('id').execute()
}

/** The files of several cases' evidence (the review sheets of a batch's files). */
export async function listEvidenceFilesOfCases(db: Executor, caseIds: readonly string[]): Promise<EvidenceFileRow[]> {
  if (caseIds.length === 0) return []
  return db.selectFrom('case_evidence_file').selectAll().where('case_id', 'in', [...caseIds]).orderBy('attached_at').orderBy('id').execute()
}

export async function findEvidenceFile(db: Executor, caseId: string, fileId: string): Promise<EvidenceFileRow | undefined> {
  return db.selectFrom('case_evidence_file').selectAll().where('case_id', '=', caseId).where('id', '=', fileId).executeTakeFirst()
}

/** An evidence item of the case (null when the id names no item of this case). */
export async function findEvidenceOfCase(db: Executor, caseId: string, evidenceId: string) {
  return (await db.selectFrom('case_evidence').select(['id', 'kind', 'title']).where('case_id', '=', caseId).where('id', '=', evidenceId).executeTakeFirst()) ?? null
}

/**
 * Attaches a file to an evidence item; the same file attached again to the same item keeps the
 * first row (a retried upload). Returns the row and whether it is new.
 */
export async function insertEvidenceFile(
  trx: Executor,
  values: { evidence_id: string; case_id: string; sha256: string; file_name: string; media_type: string; byte_size: number; attached_by: string; attached_at: Date },
): Promise<{ row: EvidenceFileRow; created: boolean }> {
  const inserted = await trx.insertInto('case_evidence_file').values(values).onConflict((oc) => oc.columns(['evidence_id', 'sha256']).doNothing()).returningAll().executeTakeFirst()
  if (inserted) return { row: inserted, created: true }
  const existing = await trx.selectFrom('case_evidence_file').selectAll().where('evidence_id', '=', values.evidence_id).where('sha256', '=', values.sha256).executeTakeFirstOrThrow()
  return { row: existing, created: false }
}

/** Whether the user reviews (案卷评查, any role of sheet) a review file made of this case. */
export async function reviewsCase(db: Executor, userId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('review_sheet as s')
    .innerJoin('review_file as f', 'f.id', 's.file_id')
    .select('s.id')
    .where('s.reviewer_id', '=', userId)
    .where('f.case_id', '=', caseId)
    .executeTakeFirst()
  return row !== undefined
}
