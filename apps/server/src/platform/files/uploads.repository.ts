import { type Kysely, sql, type Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { UploadKind } from '../db/upload-schema'

type Executor = Kysely<DB> | Transaction<DB>

/** Bytes a user uploaded since `since` (each distinct file once: re-sending the same file is free). */
export async function bytesUploadedSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('upload')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('byte_size'), sql<number>`0`).as('bytes'))
    .where('uploader_user_id', '=', userId)
    .where('uploaded_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.bytes)
}

export async function hasUploaded(db: Executor, userId: string, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('upload').select('id').where('uploader_user_id', '=', userId).where('sha256', '=', sha256).executeTakeFirst()
  return row !== undefined
}

/** Records an upload; a second upload of the same file by the same user keeps the first row. */
export async function insertUpload(
  db: Executor,
  row: { sha256: string; uploaderUserId: string; kind: UploadKind; mediaType: string; byteSize: number; uploadedAt: Date },
): Promise<void> {
  await db
    .insertInto('upload')
    .values({ sha256: row.sha256, uploader_user_id: row.uploaderUserId, kind: row.kind, media_type: row.mediaType, byte_size: row.byteSize, uploaded_at: row.uploadedAt })
    .onConflict((oc) => oc.columns(['uploader_user_id', 'sha256']).doNothing())
    .execute()
}

/** Marks every upload of these files as linked to a record (whoever uploaded them), so the cleanup keeps them. */
export async function markUploadsLinked(db: Executor, sha256s: string[], at: Date): Promise<void> {
  if (sha256s.length === 0) return
  await db.updateTable('upload').set({ linked_at: at }).where('sha256', 'in', sha256s).where('linked_at', 'is', null).execute()
}

/** Uploads never linked to a record and older than `before`, oldest first. */
export async function listStaleUnlinkedUploads(db: Executor, before: Date, limit: number) {
  return db
    .selectFrom('upload')
    .select(['id', 'sha256', 'uploader_user_id', 'byte_size', 'uploaded_at'])
    .where('linked_at', 'is', null)
    .where('uploaded_at', '<', before)
    .orderBy('uploaded_at')
    .limit(limit)
    .execute()
}

export async function deleteUpload(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('upload').where('id', '=', id).execute()
}

/**
 * Whether anything still names the file: another upload row, or any record that keeps a file by its
 * digest — inspection photos, case evidence and the files of its items, case and supervision documents and reports, volunteer
 * opinion attachments, rectification evidence (the last two inside jsonb). A new table that keeps
 * files by digest must be added here, or the cleanup could delete its files.
 */
export async function isFileReferenced(db: Executor, sha256: string): Promise<boolean> {
  const inJson = `%${sha256}%`
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .or([
          eb.exists(eb.selectFrom('upload').select('id').where('sha256', '=', sha256)),
          eb.exists(eb.selectFrom('inspection_photo').select('inspection_id').where('sha256', '=', sha256)),
          eb.exists(eb.selectFrom('case_evidence').select('id').where('file_sha256', '=', sha256)),
          eb.exists(eb.selectFrom('case_evidence_file').select('id').where('sha256', '=', sha256)),
          eb.exists(eb.selectFrom('case_document').select('id').where((w) => w.or([w('sha256', '=', sha256), w('file_ref', '=', sha256)]))),
          eb.exists(eb.selectFrom('supervision_document').select('id').where('sha256', '=', sha256)),
          eb.exists(eb.selectFrom('supervision_escalation_report').select('id').where('sha256', '=', sha256)),
          eb.exists(eb.selectFrom('volunteer_opinion').select('id').where(sql<boolean>`attachments::text like ${inJson}`)),
          eb.exists(eb.selectFrom('rectification_event').select('task_id').where(sql<boolean>`data::text like ${inJson}`)),
        ])
        .as('referenced'),
    ])
    .executeTakeFirstOrThrow()
  return Boolean(row.referenced)
}
