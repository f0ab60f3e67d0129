import type { BenchmarkTier, DeadlineExtensionRules, LegalProvision, StatutoryRange } from '@yangguang/core'
import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migration 0007: holiday years, 裁量基准, 首违不罚 lists, penalty rules. */
export interface DiscretionTables {
  holiday_year: HolidayYearTable
  discretion_benchmark: DiscretionBenchmarkTable
  no_penalty_item: NoPenaltyItemTable
  penalty_rule_set: PenaltyRuleSetTable
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
/** A calendar date, 'YYYY-MM-DD' (the pg parser is set to keep it a string). */
type DateString = string
type Json<T> = ColumnType<T, string, string>
/** Postgres `date[]`: node-postgres and PGlite return the elements as strings; write them as a string array. */
type DateArray = ColumnType<string[], string[], string[]>

/** Benchmark and list status: a published row is never edited; its next version supersedes it. */
export type DiscretionStatus = 'draft' | 'published' | 'superseded'

/** 首违不罚清单 (first_violation) or 轻微违法免罚清单 (minor). */
export type NoPenaltyListKind = 'first_violation' | 'minor'

export interface HolidayYearTable {
  year: number
  holidays: DateArray
  workdays: DateArray
  source: string
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface DiscretionBenchmarkTable {
  id: Generated<string>
  power_item_id: string
  region_code: string
  code: string
  version: Generated<number>
  violation: string
  violation_basis: Json<LegalProvision[]>
  penalty_basis: Json<LegalProvision[]>
  statutory: Json<StatutoryRange>
  tiers: Json<BenchmarkTier[]>
  status: Generated<DiscretionStatus>
  effective_from: DateString | null
  published_at: NullableTimestamp
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

export interface NoPenaltyItemTable {
  id: Generated<string>
  power_item_id: string
  region_code: string
  list_kind: NoPenaltyListKind
  violation: string
  legal_basis: Json<LegalProvision[]>
  conditions: string[]
  correction_days: number | null
  education_measure: string
  status: Generated<DiscretionStatus>
  published_at: NullableTimestamp
  created_by: string | null
  created_at: CreatedAt
  updated_at: DefaultTimestamp
}

/**
 * The per-jurisdiction rules of the penalty procedure ([R]/[I] in the research: local rules set
 * them); the longest matching region wins. bigint columns come back as numbers (pg parser set
 * in create-db). Every column but the key has a default in the migration.
 */
export interface PenaltyRuleSetTable {
  region_code: string
  filing_days: Generated<number>
  filing_unit: Generated<'working_days' | 'natural_days'>
  statement_days: Generated<number>
  publication_days: Generated<number>
  simple_record_days: Generated<number>
  hearing_fine_person_fen: Generated<number>
  hearing_fine_org_fen: Generated<number>
  legal_review_fine_fen: Generated<number>
  legal_review_point: Generated<'before_decision' | 'before_notice'>
  /** Which periods move to the next working day when they end on a rest day, e.g. `{"payment": true}`. */
  move_off_rest_days: ColumnType<Record<string, boolean>, string | undefined, string>
  remind_days_before: Generated<number>
  /** 0024: which periods may be extended and how (core's `DeadlineExtensionRules`). */
  deadline_extensions: ColumnType<DeadlineExtensionRules, string | undefined, string>
  updated_by: string | null
  updated_at: DefaultTimestamp
}
