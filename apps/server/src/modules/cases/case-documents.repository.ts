import { remedyOutcomeNames, type CaseDocumentKind } from '@yangguang/core'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { PublicationStatus } from '../../platform/db/case-documents-schema'
import type { CaseDecisionJson, CaseHearingJson, CaseProposalJson } from '../../platform/db/penalty-case-schema'
import type { DB, LegalBasis } from '../../platform/db/schema'

/** A database handle or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>

// ── What documents print ─────────────────────────────────────────────────────────────────────────

export type CaseForDocuments = Awaited<ReturnType<typeof findCaseForDocuments>>

/**
 * The case with what its documents print: unit, power item and bases, officers with the
 * certificate valid on `onDate`, evidence, statements, payments, open deadlines and rule set.
 * Locks nothing: the caller (an act) already holds the case's row lock.
 */
export async function findCaseForDocuments(db: Executor, caseId: string, onDate: string) {
  const row = await db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .innerJoin('power_item as p', 'p.id', 'c.power_item_id')
    .leftJoin('discretion_benchmark as b', 'b.id', 'c.benchmark_id')
    .selectAll('c')
    .select([
      'o.name as org_name',
      'o.short_name as org_short_name',
      'o.address as org_address',
      'o.postal_code as org_postal_code',
      'o.contact_phone as org_phone',
      'r.path as region_path',
      'p.code as power_item_code',
      'p.name as power_item_name',
      'p.legal_basis as power_item_basis',
      'b.violation as benchmark_violation',
      'b.violation_basis as benchmark_violation_basis',
      'b.penalty_basis as benchmark_penalty_basis',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst()
  if (!row) return undefined
  const [officers, evidence, statements, payments, county, rules] = await Promise.all([
    db
      .selectFrom('case_officer as co')
      .innerJoin('person as pe', 'pe.id', 'co.person_id')
      .select([
        'pe.name',
        'co.role',
        'co.added_at',
        (eb) =>
          eb
            .selectFrom('certificate as ce')
            .select('ce.cert_no')
            .whereRef('ce.person_id', '=', 'pe.id')
            .where('ce.status', '=', 'valid')
            .where('ce.valid_from', '<=', onDate)
            .where('ce.valid_to', '>=', onDate)
            .orderBy('ce.valid_to', 'desc')
            .limit(1)
            .as('cert_no'),
      ])
      .where('co.case_id', '=', caseId)
      .orderBy('co.role', 'desc') // 'lead' before 'co'
      .orderBy('co.added_at')
      .execute(),
    db
      .selectFrom('case_evidence')
      .select([
        'kind',
        'title',
        'collected_on',
        // The names of the files attached to the item (photos, scans, recordings), for the evidence list.
        sql<string[]>`coalesce((select array_agg(f.file_name order by f.attached_at, f.id) from case_evidence_file f where f.evidence_id = case_evidence.id), '{}')`.as('file_names'),
      ])
      .where('case_id', '=', caseId)
      .orderBy('collected_on')
      .orderBy('created_at')
      .execute(),
    db.selectFrom('case_event').select(['on_date', 'data', 'note']).where('case_id', '=', caseId).where('action', '=', 'record_statement').orderBy('seq').execute(),
    db.selectFrom('case_payment').select(['kind', 'amount_fen', 'paid_on']).where('case_id', '=', caseId).orderBy('paid_on').execute(),
    // The county-level region above the unit names the 复议机关 (本级人民政府) and the court.
    db
      .selectFrom('region')
      .select(['name'])
      .where('level', '=', 'county')
      .where(sql<boolean>`${row.region_path} like path || '%'`)
      .executeTakeFirst(),
    db
      .selectFrom('penalty_rule_set as s')
      .innerJoin('region as sr', 'sr.code', 's.region_code')
      .select(['s.statement_days', 's.publication_days', 's.move_off_rest_days'])
      .where(sql<boolean>`${row.region_path} like sr.path || '%'`)
      .orderBy(sql`length(sr.path)`, 'desc')
      .executeTakeFirst(),
  ])
  return {
    ...row,
    power_item_basis: row.power_item_basis as LegalBasis[],
    benchmark_violation_basis: (row.benchmark_violation_basis ?? null) as LegalBasis[] | null,
    benchmark_penalty_basis: (row.benchmark_penalty_basis ?? null) as LegalBasis[] | null,
    proposal: row.proposal as CaseProposalJson | null,
    notified_proposal: row.notified_proposal as CaseProposalJson | null,
    decision: row.decision as CaseDecisionJson | null,
    hearing: row.hearing as CaseHearingJson | null,
    officers,
    evidence,
    statements,
    payments,
    countyName: county?.name ?? null,
    statementDays: rules?.statement_days ?? 5,
    publicationDays: rules?.publication_days ?? 7,
    moveOffRestDays: (rules?.move_off_rest_days ?? {}) as Partial<Record<string, boolean>>,
  }
}

/** The case's scope facts (unit and its region path) for a detail check, or undefined. */
export async function findCaseScope(db: Executor, caseId: string) {
  return db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['c.id', 'c.org_id', 'c.case_no', 'c.status', 'c.party_kind', 'r.path as region_path'])
    .where('c.id', '=', caseId)
    .executeTakeFirst()
}

// ── Numbers ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Takes the next 文号 sequence number of a unit, kind code and year. The upsert locks the counter
 * row until the caller's transaction ends: a concurrent act waits and then gets the next number;
 * a rolled-back act leaves no gap.
 */
export async function nextDocumentSequence(trx: Transaction<DB>, orgId: string, kindCode: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('doc_number_sequence')
    .values({ org_id: orgId, kind_code: kindCode, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'kind_code', 'year']).doUpdateSet({ last_seq: sql`doc_number_sequence.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow()
  return row.last_seq
}

// ── Documents ────────────────────────────────────────────────────────────────────────────────────

export type NewCaseDocument = {
  id: string
  caseId: string
  orgId: string
  kind: CaseDocumentKind
  number: string | null
  title: string
  verifyId: string
  salt: Buffer
  sha256: string
  fileRef: string
  byteSize: number
  data: unknown
  issuedOn: string
  issuedAt: Date
  issuedBy: string | null
  leafHash: Buffer
  forParty: boolean
}

export async function insertCaseDocument(trx: Executor, d: NewCaseDocument): Promise<void> {
  await trx
    .insertInto('case_document')
    .values({
      id: d.id,
      case_id: d.caseId,
      org_id: d.orgId,
      kind: d.kind,
      number: d.number,
      title: d.title,
      verify_id: d.verifyId,
      salt: d.salt,
      sha256: d.sha256,
      file_ref: d.fileRef,
      byte_size: d.byteSize,
      data: JSON.stringify(d.data),
      issued_on: d.issuedOn,
      issued_at: d.issuedAt,
      issued_by: d.issuedBy,
      leaf_hash: d.leafHash,
      for_party: d.forParty,
    })
    .execute()
}

const documentColumns = [
  'd.id',
  'd.case_id',
  'd.org_id',
  'd.kind',
  'd.number',
  'd.title',
  'd.verify_id',
  'd.sha256',
  'd.file_ref',
  'd.byte_size',
  'd.issued_on',
  'd.issued_at',
  'd.for_party',
  'd.leaf_hash',
] as const

export type CaseDocumentRow = Awaited<ReturnType<typeof listCaseDocuments>>[number]

/** A case's documents in issue order; `forPartyOnly` for the party's own lookup. */
export async function listCaseDocuments(db: Executor, caseId: string, options: { forPartyOnly?: boolean } = {}) {
  let query = db
    .selectFrom('case_document as d')
    .select(documentColumns)
    .select((eb) => eb.selectFrom('app_user as u').select('u.display_name').whereRef('u.id', '=', 'd.issued_by').as('issued_by_name'))
    .where('d.case_id', '=', caseId)
  if (options.forPartyOnly) query = query.where('d.for_party', '=', true)
  return query.orderBy('d.issue_order').execute()
}

export async function findCaseDocument(db: Executor, caseId: string, documentId: string) {
  return db.selectFrom('case_document as d').select(documentColumns).select(['d.data', 'd.salt']).where('d.case_id', '=', caseId).where('d.id', '=', documentId).executeTakeFirst()
}

/** A document by its public verification id, with the issuing organ's name. */
export async function findDocumentByVerifyId(db: Executor, verifyId: string) {
  const caseDocument = await db
    .selectFrom('case_document as d')
    .innerJoin('org as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.kind', 'd.title', 'd.number', 'd.issued_on', 'd.leaf_hash', 'o.name as organ'])
    .where('d.verify_id', '=', verifyId)
    .executeTakeFirst()
  if (caseDocument) return caseDocument
  // 监督文书 (一函三书) carry the same kind of QR code; the verification page serves both.
  const supervision = await db
    .selectFrom('supervision_document as d')
    .innerJoin('org as o', 'o.id', 'd.issuer_org_id')
    .select(['d.id', 'd.title', 'd.number', 'd.issued_on', 'd.leaf_hash', 'o.name as organ'])
    .where('d.verify_id', '=', verifyId)
    .where('d.status', '=', 'issued')
    .executeTakeFirst()
  if (supervision?.leaf_hash && supervision.issued_on) {
    return { ...supervision, kind: 'supervision_document' as const, title: supervision.title ?? '监督文书', issued_on: supervision.issued_on, leaf_hash: supervision.leaf_hash }
  }
  // So does the 报告本级人民政府 that ends an overdue rectification task.
  const report = await db
    .selectFrom('supervision_escalation_report as r')
    .innerJoin('org as o', 'o.id', 'r.issuer_org_id')
    .select(['r.id', 'r.title', 'r.number', 'r.issued_on', 'r.leaf_hash', 'o.name as organ'])
    .where('r.verify_id', '=', verifyId)
    .executeTakeFirst()
  if (!report || !report.leaf_hash || !report.issued_on) return undefined
  return { ...report, kind: 'supervision_document' as const, title: report.title ?? '报告', issued_on: report.issued_on, leaf_hash: report.leaf_hash }
}

/** The stored data of a case's documents delivered to the party, in issue order. */
export async function findPartyDocumentData(db: Executor, caseId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('case_document').select('data').where('case_id', '=', caseId).where('for_party', '=', true).orderBy('issue_order').execute()
  return rows.map((r) => r.data)
}

export async function setLookupCodeHash(trx: Executor, caseId: string, hash: string): Promise<void> {
  await trx.updateTable('penalty_case').set({ lookup_code_hash: hash }).where('id', '=', caseId).where('lookup_code_hash', 'is', null).execute()
}

// ── The party's lookup ───────────────────────────────────────────────────────────────────────────

/** The case a party looks up by its number, with what the lookup shows. */
export async function findCaseByNumber(db: Executor, caseNo: string) {
  return db
    .selectFrom('penalty_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.case_no',
      'c.title',
      'c.status',
      'c.procedure',
      'c.lookup_code_hash',
      'c.filed_on',
      'c.decided_on',
      'c.delivered_on',
      'c.payment_due_on',
      'c.closed_on',
      'c.fine_fen',
      'c.confiscate_fen',
      'o.name as org_name',
      'o.contact_phone as org_phone',
    ])
    .where('c.case_no', '=', caseNo)
    .executeTakeFirst()
}

/** Open deadlines of a case, soonest first. */
export async function listOpenDeadlines(db: Executor, caseId: string) {
  return db.selectFrom('case_deadline').select(['kind', 'due_on', 'basis', 'provisional']).where('case_id', '=', caseId).where('status', '=', 'open').orderBy('due_on').execute()
}

/** Records a lookup attempt; returns its id so a success can be marked once the code checks out. */
export async function recordLookupAttempt(db: Executor, row: { ip: string; succeeded: boolean; at: Date }): Promise<number> {
  const { id } = await db.insertInto('case_lookup_attempt').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function markLookupSucceeded(db: Executor, attemptId: number): Promise<void> {
  await db.updateTable('case_lookup_attempt').set({ succeeded: true }).where('id', '=', attemptId).execute()
}

/** Failed lookups from one address since `since` — the per-address rate limit. */
export async function countLookupFailures(db: Executor, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('case_lookup_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ── Publication ──────────────────────────────────────────────────────────────────────────────────

export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublication>>>

export async function findPublication(db: Executor, caseId: string) {
  return db.selectFrom('case_publication').selectAll().where('case_id', '=', caseId).executeTakeFirst()
}

/** Locks the publication row for a change in the caller's transaction. */
export async function lockPublication(trx: Transaction<DB>, caseId: string) {
  return trx.selectFrom('case_publication').selectAll().where('case_id', '=', caseId).forUpdate().executeTakeFirst()
}

export async function insertPendingPublication(
  trx: Executor,
  row: { caseId: string; orgId: string; decidedOn: string; dueOn: string; dueProvisional: boolean },
): Promise<void> {
  await trx
    .insertInto('case_publication')
    .values({ case_id: row.caseId, org_id: row.orgId, decided_on: row.decidedOn, due_on: row.dueOn, due_provisional: row.dueProvisional, published_by: null, withdraw_due_on: null, withdraw_requested_on: null, withdrawn_by: null, withdrawal_note: null })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute()
}

export async function markPublished(trx: Executor, caseId: string, values: { at: Date; by: string | null; publicData: unknown }): Promise<void> {
  await trx
    .updateTable('case_publication')
    .set({ status: 'published' satisfies PublicationStatus, published_at: values.at, published_by: values.by, public_data: JSON.stringify(values.publicData) })
    .where('case_id', '=', caseId)
    .execute()
}

export async function markWithdrawn(trx: Executor, caseId: string, values: { at: Date; by: string | null; note: string; dueOn: string | null; requestedOn: string | null }): Promise<void> {
  await trx
    .updateTable('case_publication')
    .set({
      status: 'withdrawn' satisfies PublicationStatus,
      withdrawn_at: values.at,
      withdrawn_by: values.by,
      withdrawal_note: values.note,
      withdraw_due_on: values.dueOn,
      withdraw_requested_on: values.requestedOn,
    })
    .where('case_id', '=', caseId)
    .execute()
}

/** The data of the case's latest event of an act (e.g. the delivery recorded by 送达). */
export async function findLatestEventData(db: Executor, caseId: string, action: 'deliver'): Promise<unknown> {
  const row = await db.selectFrom('case_event').select('data').where('case_id', '=', caseId).where('action', '=', action).orderBy('seq', 'desc').executeTakeFirst()
  return row?.data ?? null
}

/**
 * Why a published decision must leave the portal (第四十八条第二款), and since when: the unit's own
 * 撤销 (the `revoke_decision` event), or a 复议/诉讼 that 变更、撤销、确认违法 or 确认无效 it — the
 * earliest of them, from which the three working days run.
 */
export async function findWithdrawalGround(db: Executor, caseId: string): Promise<{ on: string; reason: string } | null> {
  const [revoked, remedies] = await Promise.all([
    db.selectFrom('case_event').select(['on_date', 'note']).where('case_id', '=', caseId).where('action', '=', 'revoke_decision').orderBy('seq', 'desc').executeTakeFirst(),
    db
      .selectFrom('case_remedy')
      .select(['kind', 'ended_on', 'outcome', 'organ', 'document_no'])
      .where('case_id', '=', caseId)
      .where('outcome', 'is not', null)
      .where('outcome', '!=', 'upheld')
      .where('ended_on', 'is not', null)
      .orderBy('ended_on')
      .execute(),
  ])
  const grounds = [
    ...(revoked ? [{ on: revoked.on_date, reason: `本机关已撤销该处罚决定${revoked.note ? `（${revoked.note}）` : ''}` }] : []),
    ...remedies.map((r) => ({
      on: r.ended_on!,
      reason: `该处罚决定经${r.organ ?? (r.kind === 'reconsideration' ? '行政复议机关' : '人民法院')}${r.document_no ? `（${r.document_no}）` : ''}${remedyOutcomeNames[r.outcome!]}`,
    })),
  ].sort((a, b) => a.on.localeCompare(b.on))
  return grounds[0] ?? null
}

/** Published decisions for the portal, newest first; `q` matches the published party, number or organ. */
export async function listPublishedDecisions(db: Executor, query: { q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('case_publication as p').where('p.status', '=', 'published')
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    // Only the published (masked) text is searched: a natural person's real name finds nothing.
    base = base.where(sql<boolean>`(p.public_data->>'partyName' ilike ${like} or p.public_data->>'decisionNumber' ilike ${like} or p.public_data->>'organ' ilike ${like})`)
  }
  const [rows, total] = await Promise.all([
    base.select(['p.case_id', 'p.public_data', 'p.published_at']).orderBy('p.published_at', 'desc').orderBy('p.case_id').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** Withdrawn publications for the portal, newest first: the published number, name and organ, and the note. */
export async function listWithdrawnDecisions(db: Executor, query: { limit: number; offset: number }) {
  const base = db.selectFrom('case_publication as p').where('p.status', '=', 'withdrawn').where('p.public_data', 'is not', null)
  const [rows, total] = await Promise.all([
    base.select(['p.case_id', 'p.public_data', 'p.withdrawn_at', 'p.withdrawal_note']).orderBy('p.withdrawn_at', 'desc').orderBy('p.case_id').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

export async function findPublishedDecision(db: Executor, caseId: string) {
  return db.selectFrom('case_publication').select(['case_id', 'public_data', 'published_at']).where('case_id', '=', caseId).where('status', '=', 'published').executeTakeFirst()
}
