import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import {
  type CaseDocumentKind,
  calendarDaysBetween,
  formatDocNumber,
  isIsoDate,
  labels,
  shanghaiDateOf,
} from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import { type Config, loadConfig } from '../../config'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { type AttemptLimit, enforceAttemptLimit, enforceRecordedAttemptLimit } from '../../platform/auth/attempt-limit'
import type { DB } from '../../platform/db/schema'
import type { CaseLegalReviewJson } from '../../platform/db/penalty-case-schema'
import { AppError, notFound } from '../../platform/errors'
import { enqueueLeaf } from '../../platform/ledger/enqueue-leaves'
import { findReceipt } from '../../platform/ledger/ledger.repository'
import type { LedgerRuntime } from '../../platform/ledger/ledger-runtime'
import { publishedCheckpoint } from '../../platform/ledger/sign-checkpoint'
import type { OfficialDocument } from '../../platform/pdf/official-document'
import { renderOfficialDocument } from '../../platform/pdf/render'
import { type FileStore, fileStoreOf, sha256Hex } from '../../platform/files/file-store'
import {
  buildCaseDocument,
  type CaseDocumentInput,
  type CaseOutcome,
  documentNumberCodes,
  partyDocumentKinds,
  printedLookupCode,
} from './case-document-builders'
import * as repo from './case-documents.repository'
import { executionOf } from './case-execution.service'
import { loadCaseState } from './case-state'
import { findCase } from './cases.repository'
import { canSeeCase } from './cases.policy'
import { schedulePublication } from './case-publication.service'

export type IssuedDocument = { documentId: string; kind: CaseDocumentKind; number: string | null }

type Ctx = RequestContext & { actor: Actor }

// ── Runtime: where documents point and where their bytes go ──────────────────────────────────────

/** What issuing needs besides the transaction: the public address QR codes carry, the file store, the renderer. */
export type CaseDocumentRuntime = {
  publicUrl: string
  files: FileStore
  render(doc: OfficialDocument): Promise<Uint8Array>
}

let configured: CaseDocumentRuntime | null = null

/**
 * Sets the runtime from the app's configuration. The case service calls {@link issueCaseDocuments}
 * with its transaction only, so the address and the file store are set once per process here —
 * by the routes plugin when the app starts; the command line and the demo seed, which run without
 * the app, fall back to the environment's configuration.
 *
 * @example
 * configureCaseDocuments(caseDocumentRuntimeFrom(app.deps.config))
 */
export function configureCaseDocuments(runtime: CaseDocumentRuntime): void {
  configured = runtime
}

/** The runtime of a configuration: `PUBLIC_URL`, files under `DATA_DIR/files`, the Typst renderer. */
export function caseDocumentRuntimeFrom(config: Config): CaseDocumentRuntime {
  return { publicUrl: config.publicUrl, files: fileStoreOf(config), render: renderOfficialDocument }
}

function runtime(): CaseDocumentRuntime {
  configured ??= caseDocumentRuntimeFrom(loadConfig())
  return configured
}

// ── Issuing ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Issues the case's documents for an act, inside the act's transaction: for each kind it takes the
 * next 文号 of the unit and year (row-locked counter), chooses the public verification id and the
 * private salt, builds the document with the QR code that carries both, renders the PDF, stores the
 * bytes, records the document and enqueues its ledger leaf, whose digest is SHA-256(salt ‖ PDF). A
 * document delivered to the party also prints the case number and the party's lookup code (created
 * with the first such document; the case keeps only its hash). Issuing a 行政处罚决定书 makes the
 * decision's 公示 due.
 *
 * `extra` carries what the act recorded (e.g. the 询问笔录's `items`); a member named after a kind
 * (`extra.inquiry_record`) applies to that kind only.
 *
 * @example
 * const [decision] = await issueCaseDocuments(trx, ctx, caseId, ['penalty_decision'])
 * decision.number // '禄住建罚决字〔2026〕第12号'
 */
export async function issueCaseDocuments(
  trx: Transaction<DB>,
  ctx: RequestContext & { actor: Actor },
  caseId: string,
  kinds: readonly CaseDocumentKind[],
  extra: Record<string, unknown> = {},
): Promise<IssuedDocument[]> {
  if (kinds.length === 0) return []
  const { publicUrl, files, render } = runtime()
  // Documents carry the legal date of the act (an act may be recorded after the day it happened).
  const issuedOn = typeof extra.onDate === 'string' && isIsoDate(extra.onDate) ? extra.onDate : shanghaiDateOf(ctx.now)
  const c = await repo.findCaseForDocuments(trx, caseId, issuedOn)
  if (!c) throw notFound('案件')
  const issued: IssuedDocument[] = []
  for (const kind of kinds) {
    const code = documentNumberCodes[kind]
    const year = Number(issuedOn.slice(0, 4))
    const number = code ? formatDocNumber({ prefix: c.org_short_name, kind: code, year, seq: await repo.nextDocumentSequence(trx, c.org_id, code, year) }) : null
    // Chosen before rendering: the QR code prints both.
    const verifyId = newVerifyId()
    const salt = randomBytes(16)
    const forParty = partyDocumentKinds.has(kind)
    const lookup = forParty && c.case_no ? { code: await ensureLookupCode(trx, c.id, c.lookup_code_hash), url: `${publicUrl}/portal/lookup` } : null
    if (lookup) c.lookup_code_hash = lookupCodeHash(c.id, lookup.code)
    const kindExtra = await actExtra(trx, c.id, kind, extraFor(extra, kind))
    const input = documentInput(c, kind, { issuedOn, number, lookup, extra: kindExtra, qrText: verifyUrl(publicUrl, verifyId, salt), verifyId })
    if (kind === 'payment_reminder' && typeof input.extra.lateFeeFen !== 'number') Object.assign(input.extra, await amountsOwedOn(trx, c.id, issuedOn))
    const document = buildCaseDocument(kind, input)
    const pdf = await render(document)
    // The file is written before the transaction commits; a rolled-back act leaves an unreferenced
    // content-addressed file behind, which is harmless (no row points to it).
    const { sha256 } = await files.putBytes(pdf)
    const id = randomUUID()
    const stub = await enqueueLeaf(trx, ctx, { action: 'case_document.issue', recordType: 'case_document', recordId: id, content: pdf, salt })
    await repo.insertCaseDocument(trx, {
      id,
      caseId: c.id,
      orgId: c.org_id,
      kind,
      number,
      title: document.title,
      verifyId,
      salt,
      sha256,
      fileRef: sha256,
      byteSize: pdf.byteLength,
      data: document,
      issuedOn,
      issuedAt: ctx.now,
      issuedBy: ctx.actor.userId || null,
      leafHash: Buffer.from(stub.leafHash, 'hex'),
      forParty,
    })
    if (kind === 'penalty_decision' && c.decision?.outcome !== 'no_penalty') {
      await schedulePublication(trx, { caseId: c.id, orgId: c.org_id, decidedOn: c.decided_on ?? issuedOn, publicationDays: c.publicationDays, moveOffRestDay: c.moveOffRestDays.publication })
    }
    issued.push({ documentId: id, kind, number })
  }
  return issued
}

/**
 * Renders a stored document again. The renderer is deterministic, so the bytes equal the issued
 * file's — which is what lets anyone re-derive a lost file from its data and check it on the ledger.
 */
export async function renderStoredDocument(data: unknown): Promise<Uint8Array> {
  return runtime().render(data as OfficialDocument)
}

/** The address a document's QR code carries: `<PUBLIC_URL>/verify?d=<verify id>.<salt, base64url>`. */
export function verifyUrl(publicUrl: string, verifyId: string, salt: Uint8Array): string {
  return `${publicUrl}/verify?d=${verifyId}.${Buffer.from(salt).toString('base64url')}`
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** 16 base32 characters (80 random bits): short enough for a QR code, impossible to enumerate. */
/** A document's public verification id: 16 base32 characters (80 random bits), as printed under its QR code. */
export function newVerifyId(): string {
  const bytes = randomBytes(10)
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

function extraFor(extra: Record<string, unknown>, kind: CaseDocumentKind): Record<string, unknown> {
  const own = extra[kind]
  return own !== null && typeof own === 'object' && !Array.isArray(own) ? { ...extra, ...(own as Record<string, unknown>) } : { ...extra }
}

/**
 * What the act recorded, in the names the builders read: the case service's `inquiry` {person, qa}
 * and `onSite` {place, findings} of 取证, `toName` of 移送, and for a 送达回证 the delivery recorded
 * by the 送达 act with the documents it delivered.
 */
async function actExtra(trx: Transaction<DB>, caseId: string, kind: CaseDocumentKind, extra: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...extra }
  const inquiry = asRecord(extra.inquiry)
  if (kind === 'inquiry_record' && inquiry) {
    out.items ??= inquiry.qa
    out.subject ??= { name: inquiry.person }
  }
  const onSite = asRecord(extra.onSite)
  if (kind === 'on_site_record' && onSite) {
    out.place ??= onSite.place
    out.findings ??= onSite.findings
  }
  if (kind === 'transfer_letter') out.transferTo ??= extra.toName
  if (kind === 'delivery_receipt') {
    const delivery = asRecord(asRecord(await repo.findLatestEventData(trx, caseId, 'deliver'))?.delivery)
    if (delivery) {
      out.method ??= delivery.method
      out.receiver ??= delivery.receiver
    }
    out.documents ??= (await repo.listCaseDocuments(trx, caseId))
      .filter((d) => d.kind === 'penalty_decision' || d.kind === 'no_penalty_decision' || d.kind === 'rectification_order')
      .map((d) => `${d.title}${d.number ? `（${d.number}）` : ''}`)
  }
  return out
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/**
 * The amounts a 催告书 prints: the execution view's (`executionOf`), so the paper shows what the case shows and
 * enforces — the fine overdue (with approved instalments, only those already due: 第六十六条第二款) and the 加处罚款
 * with the 复议/诉讼 pauses (第七十三条第三款).
 */
async function amountsOwedOn(trx: Transaction<DB>, caseId: string, asOf: string): Promise<{ lateFeeFen: number; overdueFineFen?: number }> {
  const row = await findCase(trx, caseId)
  const execution = row ? executionOf(await loadCaseState(trx, row), asOf) : null
  return execution ? { lateFeeFen: execution.lateFeeFen, overdueFineFen: execution.overdueFineFen } : { lateFeeFen: 0 }
}

/** What the builders print, from the case as the act left it. */
function documentInput(
  c: NonNullable<repo.CaseForDocuments>,
  kind: CaseDocumentKind,
  d: { issuedOn: string; number: string | null; lookup: CaseDocumentInput['lookup']; extra: Record<string, unknown>; qrText: string; verifyId: string },
): CaseDocumentInput {
  const notified = c.notified_proposal ?? c.proposal
  const source = kind === 'prior_notice' ? notified : kind === 'legal_review_opinion' || kind === 'collective_discussion_record' ? (c.proposal ?? c.decision) : (c.decision ?? notified)
  const outcome: CaseOutcome | null = source
    ? {
        outcome: source.outcome,
        kinds: source.kinds,
        fineFen: source.fineFen,
        confiscateFen: source.confiscateFen,
        tier: source.tier,
        ground: source.ground,
        reason: source.reason,
        conditions: 'conditions' in source && Array.isArray(source.conditions) ? source.conditions : [],
        transferTo: 'transferTo' in source ? (source.transferTo ?? null) : null,
      }
    : null
  const county = c.countyName ?? '禄丰市'
  const legalReview = c.legal_review as (Omit<CaseLegalReviewJson, 'onDate'> & { onDate?: string }) | null
  const collective = c.collective_discussion as { heldOn: string; attendees: string[]; conclusion: string } | null
  return {
    organ: { name: c.org_name, address: c.org_address, postalCode: c.org_postal_code, phone: c.org_phone },
    remedy: { reviewOrgan: `${county}人民政府`, court: `${county}人民法院` },
    caseNo: c.case_no,
    caseTitle: c.title,
    source: labels.caseSource[c.source] + (c.source_note ? `（${c.source_note}）` : ''),
    party: {
      kind: c.party_kind,
      name: c.party_name,
      idNumber: c.party_id_number,
      creditCode: c.party_credit_code,
      legalRep: c.party_legal_rep,
      address: c.party_address,
      phone: c.party_phone,
    },
    act: { date: c.act_date, endDate: c.act_end_date, place: c.act_place },
    facts: c.facts,
    powerItem: { code: c.power_item_code, name: c.power_item_name, legalBasis: c.power_item_basis },
    violationBasis: c.benchmark_violation_basis ?? c.power_item_basis,
    penaltyBasis: c.benchmark_penalty_basis ?? c.power_item_basis,
    officers: c.officers.map((o) => ({ name: o.name, certNo: o.cert_no, role: o.role })),
    evidence: c.evidence.map((e) => ({ kind: e.kind, title: e.title, collectedOn: e.collected_on, files: e.file_names })),
    outcome,
    statements: c.statements.map((s) => {
      // The case service records { statement: { text, adopted, response } }.
      const statement = asRecord(asRecord(s.data)?.statement) ?? {}
      const summary = [statement.text, s.note].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? '（见陈述申辩笔录）'
      const response = typeof statement.response === 'string' && statement.response.trim() ? statement.response.trim() : null
      const adopted = statement.adopted === true ? `意见予以采纳。${response ?? ''}` : statement.adopted === false ? `意见不予采纳。${response ?? ''}` : response
      return { onDate: s.on_date, summary, adopted }
    }),
    hearing: c.hearing
      ? {
          requestedOn: c.hearing.requestedOn ?? null,
          date: c.hearing.date ?? null,
          place: c.hearing.place ?? null,
          presidingName: c.hearing.presidingName ?? null,
          heldOn: c.hearing.heldOn ?? null,
          absent: c.hearing.absent ?? false,
          summary: c.hearing.summary ?? null,
        }
      : null,
    legalReview: legalReview
      ? {
          passed: legalReview.passed,
          reviewerName: legalReview.reviewerName,
          onDate: legalReview.onDate ?? (legalReview.at ? shanghaiDateOf(new Date(legalReview.at)) : d.issuedOn),
          opinion: legalReview.opinion,
          aspects: legalReview.aspects,
          conclusion: legalReview.conclusion,
          qualification: legalReview.qualification ?? null,
        }
      : null,
    collectiveDiscussion: collective,
    dates: {
      filedOn: c.filed_on,
      noticeServedOn: c.notice_served_on,
      decidedOn: c.decided_on,
      deliveredOn: c.delivered_on,
      paymentDueOn: c.payment_due_on,
      closedOn: c.closed_on,
    },
    periods: { statementDays: c.statementDays, hearingRequestDays: 5 },
    hearingEligible: c.hearing_eligible,
    payments: c.payments.map((p) => ({ kind: p.kind, amountFen: p.amount_fen, paidOn: p.paid_on })),
    extra: d.extra,
    issuedOn: d.issuedOn,
    number: d.number,
    verification: { qrText: d.qrText, verifyId: d.verifyId },
    lookup: d.lookup,
  }
}

// ── The party's lookup code ──────────────────────────────────────────────────────────────────────

/** 32 symbols without 0/O, 1/I/L: read off paper and typed on a phone without confusion. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 8

/**
 * The case's lookup code. The first document delivered to the party creates it; the case keeps only
 * a hash (salted with the case id), and later documents reprint the code from the first one's stored
 * data — the one place it exists in clear besides the paper the party holds.
 */
async function ensureLookupCode(trx: Transaction<DB>, caseId: string, hash: string | null): Promise<string> {
  if (hash) {
    for (const data of await repo.findPartyDocumentData(trx, caseId)) {
      const code = printedLookupCode(data)
      if (code && lookupCodeHash(caseId, code) === hash) return code
    }
  }
  const bytes = randomBytes(CODE_LENGTH)
  const code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
  await repo.setLookupCodeHash(trx, caseId, lookupCodeHash(caseId, code))
  return code
}

/** hex SHA-256 of `<case id>:<code>` — what `penalty_case.lookup_code_hash` holds. */
export function lookupCodeHash(caseId: string, code: string): string {
  return createHash('sha256').update(`${caseId}:${normalizeLookupCode(code)}`).digest('hex')
}

/** Codes are typed loosely: spaces, dashes and lower case are forgiven. */
export function normalizeLookupCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase()
}

/** Per-address limit on failed lookups, as for logins: this many within the window. */
export const MAX_LOOKUP_FAILURES = 20
export const LOOKUP_WINDOW_MINUTES = 15
const lookupFailureLimit: AttemptLimit = { max: MAX_LOOKUP_FAILURES, windowMinutes: LOOKUP_WINDOW_MINUTES, refusalZh: '查询失败次数过多' }

const LOOKUP_FAILED = '案件编号或查询码不正确，请核对文书上打印的案件编号和查询码'

/**
 * The party's own lookup (no account): the case number and the code printed on the documents
 * delivered to them. A wrong number and a wrong code answer alike (404), and failures count toward a
 * per-address limit, so codes cannot be guessed.
 *
 * @example
 * const found = await lookupCase(db, ctx, { caseNo: '禄住建立〔2026〕3号', code: 'K7QF9XMD' })
 */
export async function lookupCase(db: Kysely<DB>, ctx: RequestContext, input: { caseNo: string; code: string }) {
  // An address already over the limit adds no row; otherwise the attempt is recorded as a failure
  // before it is counted and checked, so a parallel burst cannot all read "below the limit".
  const countFailures = (since: Date) => repo.countLookupFailures(db, ctx.ip, since)
  await enforceAttemptLimit(lookupFailureLimit, ctx.now, countFailures)
  const attemptId = await repo.recordLookupAttempt(db, { ip: ctx.ip, succeeded: false, at: ctx.now })
  await enforceRecordedAttemptLimit(lookupFailureLimit, ctx.now, countFailures)
  const found = await repo.findCaseByNumber(db, input.caseNo.trim())
  const ok = !!found?.lookup_code_hash && safeEqualHex(found.lookup_code_hash, lookupCodeHash(found.id, input.code))
  if (!ok || !found) throw new AppError('NOT_FOUND', LOOKUP_FAILED)
  await repo.markLookupSucceeded(db, attemptId)
  const today = shanghaiDateOf(ctx.now)
  const [deadlines, documents] = await Promise.all([repo.listOpenDeadlines(db, found.id), repo.listCaseDocuments(db, found.id, { forPartyOnly: true })])
  return { case: found, today, deadlines: deadlines.map((d) => ({ ...d, daysLeft: calendarDaysBetween(today, d.due_on) })), documents }
}

/** A document delivered to the party, for the party: the same number and code as the lookup. */
export async function partyDocumentPdf(db: Kysely<DB>, ctx: RequestContext, input: { caseNo: string; code: string; documentId: string }) {
  const { case: found } = await lookupCase(db, ctx, input)
  const doc = await repo.findCaseDocument(db, found.id, input.documentId)
  if (!doc || !doc.for_party) throw notFound('文书')
  return { title: doc.title, number: doc.number, bytes: await documentBytes(doc) }
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** A case's documents for a signed-in user who may see the case (404 otherwise, as for the case). */
export async function listDocuments(db: Kysely<DB>, actor: Actor, caseId: string) {
  await requireCaseInScope(db, actor, caseId)
  return repo.listCaseDocuments(db, caseId)
}

/** A document's PDF for a signed-in user who may see the case. */
export async function documentPdf(db: Kysely<DB>, actor: Actor, caseId: string, documentId: string) {
  await requireCaseInScope(db, actor, caseId)
  const doc = await repo.findCaseDocument(db, caseId, documentId)
  if (!doc) throw notFound('文书')
  return { title: doc.title, number: doc.number, bytes: await documentBytes(doc) }
}

/** The stored file; re-rendered from its data if the file went missing (same bytes, checked). */
async function documentBytes(doc: { sha256: string; data: unknown }): Promise<Uint8Array> {
  const stored = await runtime().files.getBytes(doc.sha256)
  if (stored) return stored
  const again = await renderStoredDocument(doc.data)
  if (sha256Hex(again) !== doc.sha256) throw new AppError('INTERNAL', '文书文件缺失，重新生成的文件与登记的摘要不一致，请联系管理员')
  await runtime().files.putBytes(again)
  return again
}

/** The case's unit and status, for a caller who may see the case (404 otherwise, as for the case). */
async function requireCaseInScope(db: repo.Executor, actor: Actor, caseId: string) {
  const scope = await repo.findCaseScope(db, caseId)
  if (!scope || !canSeeCase(actor, { org_id: scope.org_id, org_region_path: scope.region_path })) throw notFound('案件')
  return scope
}

/**
 * A document's public facts by its verification id (the QR code's first part): kind, title, number,
 * organ, date, its ledger leaf and where the ledger stands — never the party, the salt or the file's
 * plain hash (that would let anyone confirm a guessed file).
 */
export async function publicDocument(db: Kysely<DB>, ledger: LedgerRuntime | undefined, verifyId: string) {
  const doc = await repo.findDocumentByVerifyId(db, verifyId)
  if (!doc) throw notFound('该核验编号对应的文书')
  const receipt = await findReceipt(db, doc.leaf_hash)
  const published = ledger ? await publishedCheckpoint(db, ledger) : null
  return { doc, receipt: receipt ?? null, publishedSize: published?.size ?? null }
}
