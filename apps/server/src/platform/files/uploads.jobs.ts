import type { Kysely } from 'kysely'
import { loadConfig } from '../../config'
import type { DB } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { registerJob } from '../jobs/job-runner'
import { type FileStore, fileStoreOf } from './file-store'
import * as repo from './uploads.repository'

/** Job type of the hourly removal of uploads that no record took up. */
export const REMOVE_UNLINKED_UPLOADS_JOB = 'files.remove_unlinked_uploads'

/** How long an upload may wait for its record (the phone uploads photos, then the record). */
export const UNLINKED_UPLOAD_TTL_MS = 24 * 3_600_000

/**
 * Removes uploads that no record has taken up within a day of arriving — the row, and the file
 * unless anything else still names it (another uploader's row, an inspection photo, a document,
 * an attachment: `isFileReferenced`). Files written by the platform itself (issued PDFs) have no
 * upload row and are never candidates.
 *
 * @example
 * await removeUnlinkedUploads(db, fileStoreOf(config), new Date()) // { uploads: 3, files: 2 }
 */
export async function removeUnlinkedUploads(db: Kysely<DB>, store: FileStore, now: Date): Promise<{ uploads: number; files: number }> {
  const stale = await repo.listStaleUnlinkedUploads(db, new Date(now.getTime() - UNLINKED_UPLOAD_TTL_MS), 500)
  let files = 0
  for (const upload of stale) {
    // The row goes first, in a transaction with the check, so a file is removed only once nothing names it.
    const orphan = await inTransaction(db, async (trx) => {
      await repo.deleteUpload(trx, upload.id)
      return !(await repo.isFileReferenced(trx, upload.sha256))
    })
    if (!orphan) continue
    await store.remove(upload.sha256)
    files++
  }
  return { uploads: stale.length, files }
}

let configuredStore: (() => FileStore) | null = null

/**
 * The store the job cleans: the app's (set by the routes that take uploads when the app starts, so
 * a test's data directory is the one cleaned), else the environment's `DATA_DIR/files`.
 *
 * @example
 * configureUploadStore(() => fileStoreOf(app.deps.config))
 */
export function configureUploadStore(store: () => FileStore): void {
  configuredStore = store
}

registerJob(
  REMOVE_UNLINKED_UPLOADS_JOB,
  async (db, _job, now) => {
    await removeUnlinkedUploads(db, configuredStore?.() ?? fileStoreOf(loadConfig()), now)
  },
  { everyMs: 3_600_000 },
)
