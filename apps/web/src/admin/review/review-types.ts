import type { ReviewFileKind, ReviewGrade, ReviewSheetItem, ReviewStandard } from '@yangguang/core'
import type { EvidenceFile } from '../cases/EvidenceFiles'

/** Shapes of the /api/review answers (apps/server/src/modules/review/review.schema.ts). */
export type Aggregate = {
  count: number
  averageScore: number | null
  counts: Record<ReviewGrade, number>
  passed: number
  passRate: number | null
  excellentRate: number | null
  failRate: number | null
  vetoed: number
  topDeductions: Array<{ itemCode: string; deductionCode: string; text: string; files: number; share: number }>
}
export type Results = { overall: Aggregate; byUnit: Array<Aggregate & { unitId: string; unitName: string }>; byKind: Array<Aggregate & { kind: ReviewFileKind }> }
export type BatchStatus = 'draft' | 'frozen' | 'drawn' | 'reviewing' | 'published'
export type Batch = {
  id: string
  title: string
  kind: 'regular' | 'special' | 'key'
  regionName: string
  orgIds: string[]
  fileKinds: ReviewFileKind[]
  closedFrom: string
  closedTo: string
  perUnit: number
  status: BatchStatus
  origin: 'platform' | 'imported'
  originNote: string | null
  poolDigest: string | null
  poolSize: number | null
  frozenAt: string | null
  seed: string | null
  seedCheckpointSize: number | null
  seedCheckpointRoot: string | null
  seedBeacon: string | null
  drawnAt: string | null
  publishedAt: string | null
  actions: string[]
}
export type ReviewFile = {
  id: string
  poolId: string
  orgId: string
  orgName: string
  kind: ReviewFileKind
  fileNo: string
  title: string
  closedOn: string
  rank: number
  drawHash: string
  caseId: string | null
  score: number | null
  grade: ReviewGrade | null
  vetoed: boolean | null
  response: string | null
  responseAt: string | null
  deductions: Array<{ itemCode: string; deductionCode: string; count: number; points: number; veto: boolean }>
  sheets: Array<{ id: string; role: SheetRole; reviewerName: string; status: 'assigned' | 'submitted'; score: number | null; grade: ReviewGrade | null }>
  actions: string[]
}
export type SheetRole = 'primary' | 'cross' | 're_review'
export type BatchDetail = { batch: Batch; files: ReviewFile[]; results: Results; poolText: string | null }
export type Sheet = {
  id: string
  role: SheetRole
  status: 'assigned' | 'submitted'
  reviewerName: string
  batch: { id: string; title: string }
  file: { id: string; fileNo: string; title: string; kind: ReviewFileKind; orgName: string; closedOn: string; caseId: string | null }
  standard: { id: string; code: string; version: number; title: string; body: ReviewStandard }
  items: ReviewSheetItem[]
  score: { complete: boolean; missingItems: string[]; problems: Array<{ messageZh: string }>; score: number; pointsBeforeVeto: number; grade: ReviewGrade | null; vetoed: boolean }
  suggestions: Array<{ code: string; itemCode: string; deductionCode: string; description: string; evidence: string }>
  /** The case file's evidence with its attached files (a penalty file; empty for a licensing file). */
  caseEvidence: Array<{ id: string; kindLabel: string; title: string; collectedOn: string; files: EvidenceFile[] }>
  actions: string[]
}

export const gradeColor: Record<ReviewGrade, string> = { excellent: 'green', pass: 'blue', fail: 'red' }
export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)
