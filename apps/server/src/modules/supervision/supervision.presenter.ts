import { calendarDaysBetween, shanghaiDateOf } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { bureauCovers, docTypeActions, documentActions, taskActions } from './supervision.policy'
import type * as repo from './supervision.repository'

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

/**
 * A document type of the set shown for `regionCode` (NULL: the platform's), saying whose row it is
 * and what the caller may do with it, so the page shows only the buttons that will work.
 */
export function presentDocType(actor: Actor, t: repo.DocTypeRow, regionCode: string | null) {
  return {
    id: t.id,
    code: t.code,
    regionCode: t.region_code,
    regionName: t.region_name,
    name: t.name,
    binding: t.binding,
    responseDays: t.response_days,
    responseUnit: t.response_unit,
    escalatesTo: t.escalates_to,
    numberCode: t.number_code,
    template: t.template,
    sortOrder: t.sort_order,
    updatedAt: new Date(t.updated_at).toISOString(),
    actions: docTypeActions(actor, t, regionCode),
  }
}

type DocumentListRow = repo.DocumentRow & { recipient_count?: number | string | null; read_count?: number | string | null; open_tasks?: number | string | null }

export function presentDocumentSummary(actor: Actor, d: DocumentListRow) {
  return {
    id: d.id,
    typeCode: d.type_code,
    typeName: d.type_name,
    binding: d.binding,
    status: d.status,
    subject: d.subject,
    sourceKind: d.source_kind,
    sourceRef: bureauCovers(actor, d.issuer_org_id, d.issuer_region_path) ? d.source_ref : null,
    number: d.number,
    issuerName: d.issuer_name,
    issuedOn: d.issued_on,
    autoDrafted: d.auto_drafted,
    responseDays: d.response_days,
    responseUnit: d.response_unit,
    ...(d.recipient_count === undefined ? {} : { recipientCount: Number(d.recipient_count ?? 0), readCount: Number(d.read_count ?? 0), openTasks: Number(d.open_tasks ?? 0) }),
    actions: documentActions(actor, d),
  }
}

export function presentTask(actor: Actor, t: repo.TaskRow, now: Date) {
  const today = shanghaiDateOf(now)
  const start = t.issued_on ?? shanghaiDateOf(new Date(t.created_at))
  return {
    id: t.id,
    documentId: t.document_id,
    documentNumber: t.document_number,
    typeName: t.type_name,
    orgId: t.org_id,
    orgName: t.org_name,
    findingSeq: t.finding_seq,
    problem: t.problem,
    legalBasis: t.legal_basis,
    measure: t.measure,
    status: t.status,
    dueOn: t.due_on,
    dueProvisional: t.due_provisional,
    overdue: t.status === 'open' && t.due_on < today,
    daysOpen: Math.max(0, calendarDaysBetween(start, t.closed_at ? shanghaiDateOf(new Date(t.closed_at)) : today)),
    escalation: t.escalation,
    letterDocumentId: t.letter_document_id,
    closedAt: iso(t.closed_at),
    actions: taskActions(actor, t),
  }
}

export function presentDocumentDetail(
  actor: Actor,
  now: Date,
  d: { doc: repo.DocumentRow; findings: Awaited<ReturnType<typeof repo.listFindings>>; recipients: Awaited<ReturnType<typeof repo.listRecipients>>; tasks: repo.TaskRow[]; sourceLink: string | null },
) {
  return {
    document: {
      ...presentDocumentSummary(actor, d.doc),
      sourceLink: d.sourceLink,
      sourceSnapshot: bureauCovers(actor, d.doc.issuer_org_id, d.doc.issuer_region_path) ? d.doc.source_snapshot : '',
      verifyId: d.doc.verify_id,
      sha256: d.doc.sha256,
    },
    findings: d.findings.map((f) => ({ id: f.id, seq: f.seq, problem: f.problem, legalBasis: f.legal_basis, measure: f.measure })),
    recipients: d.recipients.map((r) => ({ orgId: r.org_id, orgName: r.org_name, deliveredOn: r.delivered_on, readAt: iso(r.read_at), readByName: r.read_by_name })),
    tasks: d.tasks.map((t) => presentTask(actor, t, now)),
  }
}

export function presentTaskDetail(actor: Actor, now: Date, d: { task: repo.TaskRow; events: Awaited<ReturnType<typeof repo.listEvents>>; report: Awaited<ReturnType<typeof repo.findReport>> | null }) {
  return {
    task: presentTask(actor, d.task, now),
    events: d.events.map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), action: e.action, actorName: e.actor_name, note: e.note, data: e.data })),
    report: d.report
      ? {
          id: d.report.id,
          addressee: d.report.addressee,
          body: d.report.body,
          createdAt: new Date(d.report.created_at).toISOString(),
          number: d.report.number,
          title: d.report.title,
          issuedOn: d.report.issued_on,
          verifyId: d.report.verify_id,
          pdfUrl: d.report.sha256 ? `/api/supervision/tasks/${d.task.id}/report/pdf` : null,
        }
      : null,
  }
}

type NoticeRow = NonNullable<Awaited<ReturnType<typeof repo.findLegalNotice>>> & { recipient_count?: number | string | null; read_count?: number | string | null }

export function presentLegalNotice(n: NoticeRow) {
  return {
    id: n.id,
    title: n.title,
    content: n.content,
    legalPoints: n.legal_points,
    sourceNote: n.source_note,
    issuerName: n.issuer_name,
    issuedAt: new Date(n.issued_at).toISOString(),
    ...(n.recipient_count === undefined ? {} : { recipientCount: Number(n.recipient_count ?? 0), readCount: Number(n.read_count ?? 0) }),
  }
}

export function presentNoticeRecipients(rows: Awaited<ReturnType<typeof repo.listNoticeRecipients>>) {
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, readAt: iso(r.read_at), readByName: r.read_by_name }))
}
