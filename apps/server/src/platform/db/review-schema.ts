import type { AppliedDeduction, ReviewFileKind, ReviewGrade, ReviewSheetItem, ReviewStandard } from '@yangguang/core'
import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migration 0010: 案卷评查 (standards, external files, batches, sampled files, score sheets). */
export interface ReviewTables {
  review_standard: ReviewStandardTable
  review_external_file: ReviewExternalFileTable
  review_batch: ReviewBatchTable
  review_file: ReviewFileTable
  review_sheet: ReviewSheetTable
}

type DateString = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string | undefined, string>
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>
/** numeric comes back as a string from pg; read with Number(). */
type Numeric = ColumnType<string, number | string, number | string>
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>
type Bytes = ColumnType<Buffer | null, Buffer | Uint8Array | null | undefined, Buffer | Uint8Array | null>

export type ReviewBatchStatus = 'draft' | 'frozen' | 'drawn' | 'reviewing' | 'published'
export type ReviewBatchKind = 'regular' | 'special' | 'key'
export type ReviewSheetRole = 'primary' | 'cross' | 're_review'

export interface ReviewStandardTable {
  id: Generated<string>
  code: string
  version: number
  file_kind: ReviewFileKind
  title: string
  source: string
  body: Json<ReviewStandard>
  grade_excellent: Numeric
  grade_pass: Numeric
  status: ColumnType<'draft' | 'published', 'draft' | 'published' | undefined, 'draft' | 'published'>
  published_at: NullableTimestamp
  created_at: CreatedAt
  /** 0015: the jurisdiction that adopted it; null = a platform default. */
  region_code: string | null
}

export interface ReviewExternalFileTable {
  id: Generated<string>
  org_id: string
  kind: ColumnType<'license', 'license' | undefined, 'license'>
  file_no: string
  title: string
  closed_on: DateString
  source: ColumnType<string, string | undefined, string>
  created_by: string | null
  created_at: CreatedAt
}

export interface ReviewBatchTable {
  id: Generated<string>
  region_code: string
  title: string
  kind: ReviewBatchKind
  org_ids: ColumnType<string[], string[], string[]>
  file_kinds: ColumnType<ReviewFileKind[], ReviewFileKind[], ReviewFileKind[]>
  closed_from: DateString
  closed_to: DateString
  per_unit: number
  penalty_standard_id: string | null
  license_standard_id: string | null
  status: ColumnType<ReviewBatchStatus, ReviewBatchStatus | undefined, ReviewBatchStatus>
  origin: ColumnType<'platform' | 'imported', 'platform' | 'imported' | undefined, 'platform' | 'imported'>
  origin_note: string | null
  pool_text: string | null
  pool_digest: string | null
  pool_size: number | null
  frozen_at: NullableTimestamp
  freeze_leaf_hash: Bytes
  seed: string | null
  seed_checkpoint_size: number | null
  seed_checkpoint_root: string | null
  seed_beacon: string | null
  draw_result: NullableJson<unknown>
  drawn_at: NullableTimestamp
  published_at: NullableTimestamp
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface ReviewFileTable {
  id: Generated<string>
  batch_id: string
  pool_id: string
  case_id: string | null
  external_file_id: string | null
  org_id: string
  kind: ReviewFileKind
  file_no: string
  title: string
  closed_on: DateString
  rank: number
  draw_hash: string
  standard_id: string
  score: NullableNumeric
  grade: ReviewGrade | null
  vetoed: boolean | null
  result_sheet_id: string | null
  response: string | null
  response_by: string | null
  response_at: NullableTimestamp
  created_at: CreatedAt
}

export interface ReviewSheetTable {
  id: Generated<string>
  file_id: string
  reviewer_id: string
  role: ReviewSheetRole
  standard_id: string
  items: Json<ReviewSheetItem[]>
  status: ColumnType<'assigned' | 'submitted', 'assigned' | 'submitted' | undefined, 'assigned' | 'submitted'>
  score: NullableNumeric
  grade: ReviewGrade | null
  vetoed: boolean | null
  deductions: NullableJson<AppliedDeduction[]>
  assigned_by: string | null
  submitted_at: NullableTimestamp
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}
