import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migration 0014: the record of every file a user uploaded. */
export interface UploadTables {
  upload: UploadTable
}

/** What an upload is for; the kind decides the accepted types and the size caps (platform/files/upload-limits.ts). */
export type UploadKind = 'photo' | 'evidence'

export interface UploadTable {
  id: Generated<string>
  sha256: string
  uploader_user_id: string
  kind: UploadKind
  /** The type the bytes show (file-type-sniff.ts), never the client's word. */
  media_type: string
  byte_size: number
  uploaded_at: ColumnType<Date, Date | string, never>
  /** When a record (e.g. an inspection's photos) first referenced the file; null = unlinked, removed after a day. */
  linked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}
