import type { PreservedItemStatus } from '@yangguang/core'
import type { ColumnType, Generated } from 'kysely'

/** Kysely types of migration 0026: 先行登记保存 (行政处罚法 第五十六条) and its list of items. */
export interface CasePreservationTables {
  case_preservation: CasePreservationTable
  case_preserved_item: CasePreservedItemTable
}

type DateString = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export interface CasePreservationTable {
  id: Generated<string>
  case_id: string
  seq: number
  approved_on: DateString
  approved_by: string | null
  approver_name: string
  preserved_on: DateString
  place: string
  custody: 'on_site' | 'agency'
  custodian: string | null
  reason: string
  officer_ids: string[]
  deadline_id: string | null
  resolved_on: DateString | null
  resolution_note: string | null
  created_at: CreatedAt
}

export interface CasePreservedItemTable {
  id: Generated<string>
  preservation_id: string
  case_id: string
  seq: number
  name: string
  spec: string | null
  quantity: string
  unit: string
  note: string | null
  status: ColumnType<PreservedItemStatus, PreservedItemStatus | undefined, PreservedItemStatus>
  outcome_on: DateString | null
  transfer_to: string | null
}
