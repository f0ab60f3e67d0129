import { useQuery } from '@tanstack/react-query'
import { Tag } from 'antd'
import { labels } from '@yangguang/core'
import { api, type Page } from '../../shared/api'

/** Views of the /api/supervision routes (apps/server/src/modules/supervision/supervision.schema.ts). */
export type ResponseUnit = 'working_days' | 'natural_days'
export type DocType = {
  id: string
  code: string
  /** null: the platform's default row; else the county that keeps it. */
  regionCode: string | null
  regionName: string | null
  name: string
  binding: boolean
  responseDays: number
  responseUnit: ResponseUnit
  escalatesTo: string
  numberCode: string
  template: { opening: string; requirement: string; closing: string }
  /** `update`: change this row; `override`: set the shown region's own row in place of the inherited one. */
  actions: Array<'update' | 'override'>
}
/** A region's set of document types: its own rows over the platform's defaults. */
export type DocTypeList = { region: { code: string | null; name: string | null }; items: DocType[] }
export type DocumentSummary = {
  id: string
  typeCode: string
  typeName: string
  binding: boolean
  status: 'draft' | 'issued'
  subject: string
  sourceKind: string
  number: string | null
  issuerName: string
  issuedOn: string | null
  autoDrafted: boolean
  responseDays: number
  responseUnit: ResponseUnit
  recipientCount?: number
  readCount?: number
  openTasks?: number
  actions: string[]
}
export type Task = {
  id: string
  documentId: string
  documentNumber: string | null
  typeName: string
  orgId: string
  orgName: string
  findingSeq: number
  problem: string
  legalBasis: string
  measure: string
  status: 'open' | 'responded' | 'closed'
  dueOn: string
  dueProvisional: boolean
  overdue: boolean
  daysOpen: number
  escalation: 'none' | 'reminded' | 'letter' | 'reported'
  letterDocumentId: string | null
  closedAt: string | null
  actions: string[]
}
export type DocumentDetail = {
  document: DocumentSummary & { sourceSnapshot: string; sourceLink: string | null; verifyId: string | null; sha256: string | null }
  findings: Array<{ id: string; seq: number; problem: string; legalBasis: string; measure: string }>
  recipients: Array<{ orgId: string; orgName: string; deliveredOn: string | null; readAt: string | null; readByName: string | null }>
  tasks: Task[]
}
/** A pre-filled 制发监督文书 form from review results (GET /api/review/files/:id/supervision-draft, …/batches/:id/supervision-draft). */
export type SupervisionDraft = {
  typeCode: string
  subject: string
  source: { kind: string; ref: string; snapshot: string }
  recipientOrgIds: string[]
  findings: Array<{ problem: string; legalBasis: string; measure: string }>
}

/**
 * Where the 制发监督文书 form opens pre-filled from a review file (optionally one of its sheets) or from a batch's
 * common problems.
 */
export function issueFromReviewPath(from: { file: string; sheet?: string } | { batch: string }): string {
  const params: Record<string, string> = 'batch' in from ? { reviewBatch: from.batch } : { reviewFile: from.file, ...(from.sheet ? { sheet: from.sheet } : {}) }
  return `/supervision/documents?${new URLSearchParams(params).toString()}`
}

export type TaskDetail = {
  task: Task
  events: Array<{ seq: number; at: string; action: string; actorName: string; note: string | null; data: Record<string, unknown> }>
  /** 报告本级人民政府; number, verifyId and pdfUrl are null for a report kept as text only. */
  report: { id: string; addressee: string; body: string; createdAt: string; number: string | null; title: string | null; issuedOn: string | null; verifyId: string | null; pdfUrl: string | null } | null
}
export type LegalNotice = {
  id: string
  title: string
  content: string
  legalPoints: Array<{ basis: string; point: string }>
  sourceNote: string
  issuerName: string
  issuedAt: string
  recipientCount?: number
  readCount?: number
}

export const taskStatusColors: Record<string, string> = { open: 'orange', responded: 'blue', closed: 'green' }

export function TaskStatusTag({ task }: { task: Pick<Task, 'status' | 'overdue'> }) {
  if (task.overdue) return <Tag color="red">已逾期</Tag>
  return <Tag color={taskStatusColors[task.status]}>{labels.rectificationStatus[task.status]}</Tag>
}

/** The set in effect for the caller (their region's), or — for an administrator — for `regionCode` (undefined: the platform's). */
export function useDocTypes(regionCode?: string) {
  const query = regionCode ? `?regionCode=${encodeURIComponent(regionCode)}` : ''
  return useQuery({ queryKey: ['supervision-doc-types', regionCode ?? ''], queryFn: () => api.get<DocTypeList>(`/api/supervision/document-types${query}`) })
}

export function useUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['supervision-units'],
    enabled,
    queryFn: () => api.get<Page<{ id: string; name: string; kind: string }>>('/api/orgs', { pageSize: 200 }),
    select: (page) => page.items.filter((o) => o.kind !== 'justice_bureau'),
  })
}

export const isBureauRole = (role: string | undefined) => role === 'admin' || role === 'supervisor'
