import { randomBytes, randomUUID } from 'node:crypto'
import { chineseDate, formatDocNumber, labels, type WorkCalendar } from '@yangguang/core'
import type { Transaction } from 'kysely'
import { loadConfig } from '../../config'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import type { ResponseUnit, SupervisionSourceKind, SupervisionTemplate } from '../../platform/db/supervision-schema'
import { enqueueLeaf } from '../../platform/ledger/enqueue-leaves'
import type { DocumentBlock, OfficialDocument } from '../../platform/pdf/official-document'
import { type CaseDocumentRuntime, caseDocumentRuntimeFrom, newVerifyId, verifyUrl } from '../cases/case-documents.service'
import { nextDocumentSequence } from '../cases/case-documents.repository'
import * as repo from './supervision.repository'

/**
 * Issuing a supervision document uses the platform's document machinery as case documents do: the
 * 文号 counter of the issuing unit (`doc_number_sequence`, row-locked), a verification id and salt
 * chosen before rendering and printed in the QR code, `renderOfficialDocument`, the content-addressed
 * file store, and a ledger leaf whose digest is SHA-256(salt ‖ PDF). The runtime (public address,
 * file store, renderer) is the one the case documents use.
 */

let configured: CaseDocumentRuntime | null = null

/**
 * Sets where QR codes point and where PDFs go; the routes plugin calls it with the app's configuration.
 *
 * @example
 * configureSupervisionDocuments(caseDocumentRuntimeFrom(app.deps.config))
 */
export function configureSupervisionDocuments(runtime: CaseDocumentRuntime): void {
  configured = runtime
}

export function supervisionRuntime(): CaseDocumentRuntime {
  configured ??= caseDocumentRuntimeFrom(loadConfig())
  return configured
}

/** '15个工作日' / '30日' — how a period is printed. */
export function periodText(days: number, unit: ResponseUnit): string {
  return `${days}${labels.periodUnitAfterNumber[unit]}`
}

/**
 * The last day of a response period that starts with delivery on `from`, on the working-day calendar
 * (the delivery day is not counted; a natural-day period ending on a rest day moves to the next working
 * day). `provisional` when a year's holidays are not entered yet — the date is then shown as 暂定.
 *
 * @example
 * rectificationDue(calendar, '2026-09-30', 15, 'working_days') // { dueOn: '2026-10-28', provisional: false } (国庆 skipped)
 */
export function rectificationDue(calendar: WorkCalendar, from: string, days: number, unit: ResponseUnit): { dueOn: string; provisional: boolean } {
  const end = calendar.computePeriodEnd(from, days, { rule: unit })
  return end.ok ? { dueOn: end.date, provisional: false } : { dueOn: end.provisional.date, provisional: true }
}

/**
 * Issues a draft inside the caller's transaction: numbers it (e.g. 禄司监意〔2026〕第3号), renders the
 * PDF, stores it, enqueues its ledger leaf, marks it delivered to its units on `issuedOn` and creates
 * one rectification task per finding and unit with its deadline. Returns the number.
 *
 * @example
 * const { number, taskIds } = await issueDraftInTransaction(trx, ctx, documentId, calendar)
 */
export async function issueDraftInTransaction(
  trx: Transaction<DB>,
  ctx: RequestContext & { actor: Actor },
  documentId: string,
  calendar: WorkCalendar,
  issuedOn: string,
): Promise<{ number: string; taskIds: string[]; dueOn: string; dueProvisional: boolean }> {
  const doc = await repo.findDocument(trx, documentId)
  if (!doc) throw new Error(`supervision document ${documentId} not found`)
  // The row the draft was made from, not whatever the code means now in some region.
  const type = await repo.findDocTypeById(trx, doc.type_id)
  if (!type) throw new Error(`supervision document type ${doc.type_id} not found`)
  const [findings, recipients] = await Promise.all([repo.listFindings(trx, documentId), repo.listRecipients(trx, documentId)])
  const year = Number(issuedOn.slice(0, 4))
  const seq = await nextDocumentSequence(trx, doc.issuer_org_id, type.number_code, year)
  const number = formatDocNumber({ prefix: doc.issuer_short_name, kind: type.number_code, year, seq })
  const due = rectificationDue(calendar, issuedOn, doc.response_days, doc.response_unit)
  const { publicUrl, files, render } = supervisionRuntime()
  const verifyId = newVerifyId()
  const salt = randomBytes(16)
  const document = buildSupervisionDocument({
    organ: doc.issuer_name,
    title: type.name,
    number,
    template: type.template,
    binding: type.binding,
    recipients: recipients.map((r) => r.org_name),
    subject: doc.subject,
    sourceKind: doc.source_kind,
    findings,
    period: periodText(doc.response_days, doc.response_unit),
    dueOn: due.dueOn,
    dueProvisional: due.provisional,
    issuedOn,
    qrText: verifyUrl(publicUrl, verifyId, salt),
    verifyId,
  })
  const pdf = await render(document)
  const { sha256 } = await files.putBytes(pdf)
  const stub = await enqueueLeaf(trx, ctx, { action: 'supervision_document.issue', recordType: 'supervision_document', recordId: documentId, content: pdf, salt })
  await repo.markIssued(trx, documentId, {
    number,
    title: type.name,
    issuedOn,
    issuedAt: ctx.now,
    issuedBy: ctx.actor.userId || null,
    verifyId,
    salt,
    sha256,
    byteSize: pdf.byteLength,
    data: document,
    leafHash: Buffer.from(stub.leafHash, 'hex'),
  })
  const taskIds: string[] = []
  for (const r of recipients) {
    for (const f of findings) {
      const taskId = await repo.insertTask(trx, { documentId, findingId: f.id, orgId: r.org_id, dueOn: due.dueOn, dueProvisional: due.provisional, at: ctx.now })
      await repo.appendEvent(trx, {
        taskId,
        at: ctx.now,
        action: 'create',
        actorId: ctx.actor.userId || null,
        actorName: ctx.actor.displayName,
        note: `${type.name}（${number}）送达，整改期限${periodText(doc.response_days, doc.response_unit)}`,
        data: { dueOn: due.dueOn, dueProvisional: due.provisional },
      })
      taskIds.push(taskId)
    }
  }
  return { number, taskIds, dueOn: due.dueOn, dueProvisional: due.provisional }
}

export type SupervisionDocumentInput = {
  organ: string
  title: string
  number: string
  template: SupervisionTemplate
  binding: boolean
  recipients: string[]
  subject: string
  sourceKind: SupervisionSourceKind
  findings: Array<{ seq: number; problem: string; legal_basis: string; measure: string }>
  period: string
  dueOn: string
  dueProvisional: boolean
  issuedOn: string
  qrText: string
  verifyId: string
}

/**
 * The printed document: 主送 units, the type's opening, one numbered block per finding (problem,
 * legal basis, required measure), the requirement with the period and the deadline, the closing.
 *
 * @example
 * const doc = buildSupervisionDocument({ organ: '禄丰市司法局', title: '行政执法监督意见书', number: '禄司监意〔2026〕第1号', … })
 * doc.blocks[0] // { type: 'labelled', label: '主送：', text: '禄丰市住房和城乡建设局' }
 */
export function buildSupervisionDocument(i: SupervisionDocumentInput): OfficialDocument {
  const blocks: DocumentBlock[] = [
    { type: 'labelled', label: '主送：', text: i.recipients.join('、') },
    { type: 'labelled', label: '事由：', text: i.subject },
    { type: 'labelled', label: '监督来源：', text: labels.supervisionSourceKindPrinted[i.sourceKind] },
    { type: 'paragraph', text: i.template.opening },
  ]
  for (const f of i.findings) {
    blocks.push({ type: 'heading', text: `问题${f.seq}` })
    blocks.push({ type: 'labelled', label: '存在问题：', text: f.problem })
    blocks.push({ type: 'labelled', label: '依据：', text: f.legal_basis })
    blocks.push({ type: 'labelled', label: '整改要求：', text: f.measure })
  }
  blocks.push({ type: 'paragraph', text: i.template.requirement.replaceAll('{days}', i.period) })
  blocks.push({ type: 'labelled', label: '整改期限：', text: `${chineseDate(i.dueOn)}前${i.dueProvisional ? '（暂定：当年节假日安排尚未录入）' : ''}` })
  blocks.push({ type: 'paragraph', text: i.template.closing })
  return {
    organ: i.organ,
    title: i.title,
    number: i.number,
    blocks,
    closing: { organ: i.organ, date: i.issuedOn, sealed: true },
    verification: { qrText: i.qrText, caption: `扫码核验本文书真伪 · 核验编号 ${i.verifyId}` },
    footer: i.binding ? '本文书具有约束力，被监督单位应当在期限内改正并书面报告。' : '被监督单位应当在期限内书面反馈整改情况。',
  }
}

/**
 * 文号 kind of a 报告本级人民政府 (禄司监报〔2026〕第1号). [I] local practice, like the types' codes; the
 * report is not a configurable document type because it goes up to the government, not down to a unit.
 */
const REPORT_NUMBER_CODE = '监报'

export type EscalationReportInput = {
  task: repo.TaskRow
  addressee: string
  overdueWorkingDays: number
  /** The escalation step before the report: a drafted 提醒函 ('letter') or only a reminder. */
  after: 'letter' | 'reminded'
  issuedOn: string
}

/**
 * Issues the 报告本级人民政府 of an overdue task inside the caller's transaction, as a supervision
 * document is issued: numbered by the issuing 司法局 (禄司监报〔2026〕第1号), rendered to PDF with a
 * verification QR code, stored, its ledger leaf enqueued; the row keeps the text too. Returns its id
 * and number.
 *
 * @example
 * const { reportId, number } = await issueEscalationReportInTransaction(trx, ctx, { task, addressee: '禄丰市人民政府', overdueWorkingDays: 10, after: 'letter', issuedOn: '2026-12-25' })
 */
export async function issueEscalationReportInTransaction(trx: Transaction<DB>, ctx: RequestContext, i: EscalationReportInput): Promise<{ reportId: string; number: string }> {
  const { task } = i
  const doc = await repo.findDocument(trx, task.document_id)
  if (!doc) throw new Error(`supervision document ${task.document_id} not found`)
  const year = Number(i.issuedOn.slice(0, 4))
  const seq = await nextDocumentSequence(trx, doc.issuer_org_id, REPORT_NUMBER_CODE, year)
  const number = formatDocNumber({ prefix: doc.issuer_short_name, kind: REPORT_NUMBER_CODE, year, seq })
  const { publicUrl, files, render } = supervisionRuntime()
  const verifyId = newVerifyId()
  const salt = randomBytes(16)
  const reportId = randomUUID()
  const text = escalationReportText({ ...i, issuerName: doc.issuer_name })
  const document: OfficialDocument = {
    organ: doc.issuer_name,
    title: text.title,
    number,
    blocks: [{ type: 'labelled', label: '主送：', text: i.addressee }, ...text.paragraphs.map((p): DocumentBlock => ({ type: 'paragraph', text: p }))],
    closing: { organ: doc.issuer_name, date: i.issuedOn, sealed: true },
    verification: { qrText: verifyUrl(publicUrl, verifyId, salt), caption: `扫码核验本文书真伪 · 核验编号 ${verifyId}` },
  }
  const pdf = await render(document)
  const { sha256 } = await files.putBytes(pdf)
  const stub = await enqueueLeaf(trx, ctx, { action: 'supervision_report.issue', recordType: 'supervision_escalation_report', recordId: reportId, content: pdf, salt })
  await repo.insertReport(trx, {
    id: reportId,
    taskId: task.id,
    orgId: task.org_id,
    addressee: i.addressee,
    body: [`${i.addressee}：`, ...text.paragraphs].join('\n'),
    at: ctx.now,
    issued: { issuerOrgId: doc.issuer_org_id, number, title: text.title, issuedOn: i.issuedOn, verifyId, salt, sha256, byteSize: pdf.byteLength, data: document, leafHash: Buffer.from(stub.leafHash, 'hex') },
  })
  return { reportId, number }
}

/** Title and body paragraphs of a report: the document, the problem, the deadline, how late, the request. */
function escalationReportText(i: EscalationReportInput & { issuerName: string }): { title: string; paragraphs: string[] } {
  const { task } = i
  return {
    title: `关于${task.org_name}逾期未落实整改情况的报告`,
    paragraphs: [
      `本机关于${task.issued_on ? chineseDate(task.issued_on) : ''}向${task.org_name}制发${task.type_name}（${task.document_number}），指出以下问题：${task.problem}（依据：${task.legal_basis}），要求：${task.measure}。整改期限为${chineseDate(task.due_on)}。`,
      `截至${chineseDate(i.issuedOn)}，该单位已逾期${i.overdueWorkingDays}个工作日未反馈整改情况${i.after === 'letter' ? '，本机关已起草监督工作提醒函督促' : '，经提醒仍未落实'}。`,
      '根据《行政执法监督条例》的规定，现将有关情况报告如下，建议责成该单位限期整改，并视情况予以通报。',
      '特此报告。',
    ],
  }
}
