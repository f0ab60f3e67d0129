import type { CaseDocumentKind } from '@yangguang/core'
import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migration 0009: case documents (文书), their numbers, publication and lookups. */
export interface CaseDocumentTables {
  case_document: CaseDocumentTable
  doc_number_sequence: DocNumberSequenceTable
  case_publication: CasePublicationTable
  case_lookup_attempt: CaseLookupAttemptTable
}

type Json<T = unknown> = ColumnType<T, string, string>
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** 'YYYY-MM-DD' (the pg parser keeps dates as strings). */
type DateString = string

export interface CaseDocumentTable {
  id: Generated<string>
  case_id: string
  org_id: string
  kind: CaseDocumentKind
  number: string | null
  title: string
  verify_id: string
  salt: Buffer
  sha256: string
  file_ref: string
  byte_size: number
  data: Json
  issued_on: DateString
  issued_at: ColumnType<Date, Date | string, never>
  issued_by: string | null
  leaf_hash: Buffer
  for_party: boolean
  issue_order: Generated<number>
}

export interface DocNumberSequenceTable {
  org_id: string
  kind_code: string
  year: number
  last_seq: number
}

export type PublicationStatus = 'pending' | 'published' | 'withdrawn'

export interface CasePublicationTable {
  case_id: string
  org_id: string
  status: Generated<PublicationStatus>
  decided_on: DateString
  due_on: DateString
  due_provisional: Generated<boolean>
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  published_by: string | null
  public_data: NullableJson
  withdraw_due_on: DateString | null
  withdraw_requested_on: DateString | null
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  withdrawn_by: string | null
  withdrawal_note: string | null
  created_at: CreatedAt
}

export interface CaseLookupAttemptTable {
  id: Generated<number>
  ip: string
  succeeded: boolean
  at: ColumnType<Date, Date | string | undefined, never>
}
