import { sql } from 'kysely'
import type { Database } from '../src/platform/db/create-db'

/**
 * Real record ids for the authorization matrix, per unit: for every path parameter of the API
 * (`/api/cases/:id`, `/api/inspection-files/:sha256`, …) one value owned by the given unit (or its
 * region), so a request reaches the policy with a record that exists. `null` when the unit owns
 * no such record (the matrix then fails that context: the fixtures must add one).
 */
export type RecordIds = Record<ResourceKind, string | null>

export type ResourceKind =
  | 'user'
  | 'org'
  | 'entity'
  | 'delegation'
  | 'person'
  | 'certificate'
  | 'certNo'
  | 'powerItem'
  | 'catalogueVersion'
  | 'catalogueAdjustment'
  | 'dutyAdjustment'
  | 'enterprise'
  | 'inspectionPlan'
  | 'inspection'
  | 'inspectionFile'
  | 'inspectionOverride'
  | 'inspectionComplaint'
  | 'enterpriseInspection'
  | 'case'
  | 'caseDocument'
  | 'caseEvidence'
  | 'caseEvidenceFile'
  | 'caseVerifyId'
  | 'publishedCase'
  | 'regionCode'
  | 'benchmark'
  | 'noPenaltyItem'
  | 'reviewBatch'
  | 'publishedReviewBatch'
  | 'reviewSheet'
  | 'reviewFile'
  | 'supervisionDocType'
  | 'supervisionDocument'
  | 'supervisionTask'
  | 'legalNotice'
  | 'complaint'
  | 'volunteer'
  | 'volunteerAssignment'
  | 'volunteerOpinion'
  | 'jointMeeting'
  | 'jointMeetingTask'
  | 'transfer'
  | 'leafHash'

type Row = { v: string | null }

/** The accounts the matrix signs in with: their own records are not written to by it. */
const matrixAccounts = ['admin', 'sfj', 'sfj2', 'md_sfj', 'zjj_head', 'zjj_legal', 'zjj_officer', 'zjj_officer2', 'js_head', 'lf_zrzy_head', 'volunteer', 'qiye'].map((u) => sql`${u}`)

/**
 * Ids owned by the unit with code `orgCode` (禄丰市住建局 'LF-ZJJ', 自然资源局 'LF-ZRZY', 牟定县住建局
 * 'MD-ZJJ'); records shared with the unit `apartFrom` (a document sent to both) are left out.
 */
export async function recordIdsOf(database: Database, orgCode: string, apartFrom?: string): Promise<RecordIds> {
  const db = database.db
  const org = await db.selectFrom('org').innerJoin('region', 'region.code', 'org.region_code').select(['org.id', 'org.region_code', 'region.path']).where('org.code', '=', orgCode).executeTakeFirstOrThrow()
  // The county of the unit: region-owned records (catalogue versions, review batches, …) belong to it.
  const county = org.path.split('/').filter(Boolean).slice(0, 3).join('/')
  const countyCode = county.split('/').at(-1) ?? ''
  const one = async (query: ReturnType<typeof sql<Row>>) => (await query.execute(db)).rows[0]?.v ?? null
  const inCounty = sql`(select code from region where path like ${`${county}/%`})`
  const withFiles = sql`exists (select 1 from case_evidence_file f where f.case_id = c.id)`
  const ids: RecordIds = {
    user: await one(sql<Row>`select id::text as v from app_user where org_id = ${org.id} and username not in (${sql.join(matrixAccounts)}) order by username desc limit 1`),
    org: org.id,
    entity: await one(sql<Row>`select id::text as v from enforcement_entity where org_id = ${org.id} limit 1`),
    delegation: await one(sql<Row>`select d.id::text as v from delegation d join enforcement_entity e on e.id = d.principal_entity_id where d.agent_org_id = ${org.id} or e.org_id = ${org.id} order by d.document_no limit 1`),
    // Not the person behind a matrix account: an allowed write may mark them as having left.
    person: await one(sql<Row>`select p.id::text as v from person p left join app_user u on u.id = p.user_id where p.org_id = ${org.id} and (u.username is null or u.username not in (${sql.join(matrixAccounts)})) order by p.name limit 1`),
    certificate: await one(sql<Row>`select c.id::text as v from certificate c join person p on p.id = c.person_id where p.org_id = ${org.id} order by c.cert_no limit 1`),
    certNo: await one(sql<Row>`select c.cert_no as v from certificate c join person p on p.id = c.person_id where p.org_id = ${org.id} order by c.cert_no limit 1`),
    powerItem: await one(sql<Row>`select h.power_item_id::text as v from power_item_holder h join enforcement_entity e on e.id = h.entity_id where e.org_id = ${org.id} limit 1`),
    catalogueVersion: await one(sql<Row>`select id::text as v from catalogue_version where region_code = ${countyCode} order by created_at desc limit 1`),
    catalogueAdjustment: await one(sql<Row>`select a.id::text as v from catalogue_adjustment a join catalogue_version v on v.id = a.version_id where v.region_code = ${countyCode} limit 1`),
    dutyAdjustment: await one(sql<Row>`select id::text as v from duty_adjustment where township_code in ${inCounty} limit 1`),
    enterprise: await one(sql<Row>`select id::text as v from enterprise where township_code in ${inCounty} order by credit_code limit 1`),
    inspectionPlan: await one(sql<Row>`select id::text as v from inspection_plan where org_id = ${org.id} order by created_at limit 1`),
    inspection: await one(sql<Row>`select id::text as v from inspection where org_id = ${org.id} order by created_at limit 1`),
    // The demo data has no photos; a well-formed hash then names a file that is not there.
    inspectionFile: (await one(sql<Row>`select ph.sha256 as v from inspection_photo ph join inspection i on i.id = ph.inspection_id where i.org_id = ${org.id} limit 1`)) ?? '0'.repeat(64),
    inspectionOverride: await one(sql<Row>`select id::text as v from inspection_override where org_id = ${org.id} limit 1`),
    inspectionComplaint: await one(sql<Row>`select id::text as v from inspection_complaint where org_id = ${org.id} limit 1`),
    enterpriseInspection: await one(sql<Row>`select i.id::text as v from inspection i join app_user u on u.enterprise_id = i.enterprise_id where u.username = 'qiye' and i.org_id = ${org.id} limit 1`),
    // A case with issued documents (and, first, one whose evidence carries files), so '/cases/:id/documents/:docId'
    // and '/cases/:id/evidence-files/:fileId' name a document and a file of that case.
    case: await one(sql<Row>`select c.id::text as v from penalty_case c where c.org_id = ${org.id} and exists (select 1 from case_document d where d.case_id = c.id) order by ${withFiles} desc, c.case_no limit 1`),
    caseDocument: await one(sql<Row>`select d.id::text as v from case_document d join penalty_case c on c.id = d.case_id where c.org_id = ${org.id} and exists (select 1 from case_document x where x.case_id = c.id) order by ${withFiles} desc, c.case_no, d.issued_at limit 1`),
    caseEvidence: await one(
      sql<Row>`select e.id::text as v from case_evidence e join penalty_case c on c.id = e.case_id where c.org_id = ${org.id} and exists (select 1 from case_document x where x.case_id = c.id) order by ${withFiles} desc, c.case_no, exists (select 1 from case_evidence_file f where f.evidence_id = e.id) desc, e.collected_on, e.id limit 1`,
    ),
    caseEvidenceFile: await one(
      sql<Row>`select f.id::text as v from case_evidence_file f join penalty_case c on c.id = f.case_id where c.org_id = ${org.id} and exists (select 1 from case_document x where x.case_id = c.id) order by c.case_no, f.attached_at, f.id limit 1`,
    ),
    caseVerifyId: await one(sql<Row>`select verify_id as v from case_document where org_id = ${org.id} order by issued_at limit 1`),
    publishedCase: await one(sql<Row>`select case_id::text as v from case_publication where org_id = ${org.id} and status = 'published' limit 1`),
    regionCode: countyCode,
    benchmark: await one(sql<Row>`select id::text as v from discretion_benchmark where region_code = ${countyCode} limit 1`),
    noPenaltyItem: await one(sql<Row>`select id::text as v from no_penalty_item where region_code = ${countyCode} limit 1`),
    reviewBatch: await one(sql<Row>`select id::text as v from review_batch where region_code = ${countyCode} order by created_at limit 1`),
    publishedReviewBatch: await one(sql<Row>`select id::text as v from review_batch where region_code = ${countyCode} and status = 'published' limit 1`),
    reviewSheet: await one(sql<Row>`select s.id::text as v from review_sheet s join review_file f on f.id = s.file_id where f.org_id = ${org.id} limit 1`),
    reviewFile: await one(sql<Row>`select id::text as v from review_file where org_id = ${org.id} limit 1`),
    supervisionDocType: 'suggestion',
    // Not one also sent to `apartFrom` (the caller's own unit): that one would be the caller's too.
    supervisionDocument: await one(sql<Row>`select r.document_id::text as v from supervision_recipient r where r.org_id = ${org.id} and not exists (select 1 from supervision_recipient x join org o on o.id = x.org_id where x.document_id = r.document_id and o.code = ${apartFrom ?? ''}) order by r.document_id limit 1`),
    supervisionTask: await one(sql<Row>`select id::text as v from rectification_task where org_id = ${org.id} limit 1`),
    legalNotice: await one(sql<Row>`select r.notice_id::text as v from legal_notice_recipient r where r.org_id = ${org.id} and not exists (select 1 from legal_notice_recipient x join org o on o.id = x.org_id where x.notice_id = r.notice_id and o.code = ${apartFrom ?? ''}) order by r.notice_id limit 1`),
    complaint: await one(sql<Row>`select id::text as v from complaint where org_id = ${org.id} limit 1`),
    volunteer: await one(sql<Row>`select id::text as v from volunteer_supervisor where region_code in ${inCounty} or region_code = ${countyCode} order by user_id nulls last limit 1`),
    volunteerAssignment: await one(sql<Row>`select a.id::text as v from volunteer_assignment a join volunteer_supervisor s on s.id = a.volunteer_id where s.region_code = ${countyCode} limit 1`),
    volunteerOpinion: await one(sql<Row>`select o.id::text as v from volunteer_opinion o join volunteer_supervisor s on s.id = o.volunteer_id where s.region_code = ${countyCode} limit 1`),
    jointMeeting: await one(sql<Row>`select id::text as v from joint_meeting where region_code = ${countyCode} limit 1`),
    jointMeetingTask: await one(sql<Row>`select id::text as v from joint_meeting_task where org_id = ${org.id} limit 1`),
    // Sent to this unit and still pending, so its head may accept or refuse it.
    transfer: await one(
      sql<Row>`select t.id::text as v from clue_transfer t where (t.to_org_id = ${org.id} or t.from_org_id = ${org.id}) and not exists (select 1 from org o where o.id in (t.to_org_id, t.from_org_id) and o.code = ${apartFrom ?? ''}) order by (t.to_org_id = ${org.id} and t.status = 'pending') desc, t.id limit 1`,
    ),
    leafHash: await one(sql<Row>`select encode(leaf_hash, 'hex') as v from ledger_receipt limit 1`),
  }
  return ids
}

/** Which record kind each path parameter names, by the segment before it ('cases/:id') or the whole route. */
const parameterKinds: Array<[RegExp, ResourceKind]> = [
  [/\/public\/certificates\/:certNo/, 'certNo'],
  [/\/public\/review\/batches\/:id/, 'publishedReviewBatch'],
  [/\/public\/decisions\/:id/, 'publishedCase'],
  [/\/public\/documents\/:verifyId/, 'caseVerifyId'],
  [/\/documents\/:docId/, 'caseDocument'],
  [/\/evidence\/:evidenceId/, 'caseEvidence'],
  [/\/evidence-files\/:fileId/, 'caseEvidenceFile'],
  [/\/my-enterprise\/inspections\/:id/, 'enterpriseInspection'],
  [/\/complaints\/from-inspection\/:id/, 'inspectionComplaint'],
  [/\/supervision\/documents\/:id/, 'supervisionDocument'],
  [/\/supervision\/tasks\/:id/, 'supervisionTask'],
  [/\/supervision\/legal-notices\/:id/, 'legalNotice'],
  [/\/supervision\/document-types\/:code/, 'supervisionDocType'],
  [/\/catalogue\/adjustments\/:id/, 'catalogueAdjustment'],
  [/\/duties\/adjustments\/:id/, 'dutyAdjustment'],
  [/\/review\/batches\/:id/, 'reviewBatch'],
  [/\/review\/sheets\/:id/, 'reviewSheet'],
  [/\/review\/files\/:id/, 'reviewFile'],
  [/\/users\/:id/, 'user'],
  [/\/orgs\/:id/, 'org'],
  [/\/entities\/:id/, 'entity'],
  [/\/delegations\/:id/, 'delegation'],
  [/\/persons\/:id/, 'person'],
  [/\/certificates\/:id/, 'certificate'],
  [/\/power-items\/:id/, 'powerItem'],
  [/\/versions\/:id/, 'catalogueVersion'],
  [/\/enterprises\/:id/, 'enterprise'],
  [/\/inspection-plans\/:id/, 'inspectionPlan'],
  [/\/inspections\/:id/, 'inspection'],
  [/\/inspection-files\/:sha256/, 'inspectionFile'],
  [/\/inspection-overrides\/:id/, 'inspectionOverride'],
  [/\/cases\/:id/, 'case'],
  [/\/:regionCode/, 'regionCode'],
  [/\/benchmarks\/:id/, 'benchmark'],
  [/\/no-penalty-items\/:id/, 'noPenaltyItem'],
  [/\/complaints\/:id/, 'complaint'],
  [/\/volunteers\/:id/, 'volunteer'],
  [/\/volunteer-assignments\/:id/, 'volunteerAssignment'],
  [/\/volunteer-opinions\/:id/, 'volunteerOpinion'],
  [/\/joint-meetings\/:id/, 'jointMeeting'],
  [/\/joint-meeting-tasks\/:id/, 'jointMeetingTask'],
  [/\/transfers\/:id/, 'transfer'],
  [/\/receipts\/:leafHash/, 'leafHash'],
]

/** Literal values for parameters that name no unit's record. */
const literals: Record<string, string> = {
  action: 'accept',
  size: '1',
  index: '0',
  year: '2026',
  token: 'not-a-valid-enterprise-token',
  sha256: '0'.repeat(64),
}

/** The kind of record each parameter of a route names (literal parameters left out). */
export function paramKinds(route: string): ResourceKind[] {
  const path = route.slice(route.indexOf(' ') + 1)
  const kinds: ResourceKind[] = []
  for (const m of path.matchAll(/:(\w+)/g)) {
    const kind = kindAt(path.slice(0, (m.index ?? 0) + m[0].length))
    if (kind) kinds.push(kind)
  }
  return kinds
}

function kindAt(pathUpToParameter: string): ResourceKind | undefined {
  return parameterKinds.find(([pattern]) => new RegExp(`${pattern.source}$`).test(pathUpToParameter))?.[1]
}

/**
 * The route's URL with every parameter filled from `ids`; null when a record of a needed kind is
 * missing. A trailing wildcard (ledger tiles) gets a tile address.
 *
 * @example
 * fillPath('GET /api/cases/:id', ids) // '/api/cases/0b0f…'
 */
export function fillPath(route: string, ids: RecordIds): string | null {
  const path = route.slice(route.indexOf(' ') + 1)
  let missing = false
  const filled = path.replace(/:(\w+)/g, (whole, name: string, offset: number) => {
    const kind = kindAt(path.slice(0, offset + whole.length))
    const value = kind ? ids[kind] : literals[name]
    if (value === undefined || value === null) {
      missing = true
      return whole
    }
    return encodeURIComponent(value)
  })
  if (missing) return null
  return filled.replace(/\*$/, '0/000')
}

/**
 * 牟定县住建局's own records of the kinds the demo data gives only to 禄丰 units — an enterprise
 * of 共和镇, an inspection plan and inspection, a case with a document, a complaint, a supervision
 * document with its rectification task, a 普法提示单, a meeting task, a transfer, an inspection
 * override and complaint — each a copy of 住建局's with the unit (and what names it) changed. Also a
 * transfer from 自然资源局 pending with 住建局, for its head to accept or refuse.
 */
export async function addOtherCountyRecords(database: Database, own: RecordIds): Promise<void> {
  const db = database.db
  const orgId = async (code: string) => (await db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const [md, mdBureau, lfZrzy] = [await orgId('MD-ZJJ'), await orgId('MD-SFJ'), await orgId('LF-ZRZY')]
  const uuid = (id: string) => sql`${id}::uuid`
  const need = (id: string | null, kind: string) => {
    if (!id) throw new Error(`住建局 has no ${kind} to copy for 牟定县`)
    return id
  }
  const enterprise = await cloneRow(db, 'enterprise', need(own.enterprise, 'enterprise'), {
    credit_code: sql`'915323230000MD001X'`,
    name: sql`'牟定县共和镇恒达建材有限公司'`,
    township_code: sql`'532323100'`,
    region_code: sql`'532323100'`,
    registered_by_org_id: uuid(md),
    qr_token_hash: sql`null`,
  })
  const plan = await cloneRow(db, 'inspection_plan', need(own.inspectionPlan, 'inspection plan'), { org_id: uuid(md) })
  const inspection = await cloneRow(db, 'inspection', need(own.inspection, 'inspection'), {
    org_id: uuid(md),
    enterprise_id: uuid(enterprise),
    plan_id: uuid(plan),
    joint_id: sql`null`,
    override_id: sql`null`,
    client_key: sql`null`,
    // 文号 are unique (a copy has none of its own).
    notice_no: sql`null`,
    record_no: sql`null`,
    correction_no: sql`null`,
  })
  await cloneRow(db, 'inspection_override', need(own.inspectionOverride, 'inspection override'), { org_id: uuid(md), enterprise_id: uuid(enterprise), inspection_id: uuid(inspection) })
  await cloneRow(db, 'inspection_complaint', need(own.inspectionComplaint, 'inspection complaint'), {
    org_id: uuid(md),
    // An anonymous complaint names neither the enterprise nor the inspection.
    enterprise_id: sql`case when anonymous then null else ${uuid(enterprise)} end`,
    inspection_id: sql`case when anonymous then null else ${uuid(inspection)} end`,
  })
  const penaltyCase = await cloneRow(db, 'penalty_case', need(own.case, 'case'), {
    org_id: uuid(md),
    case_no: sql`case_no || '-牟定'`,
    enterprise_id: uuid(enterprise),
    inspection_id: sql`null`,
    transferred_from_id: sql`null`,
    transferred_to_org_id: sql`null`,
    lookup_code_hash: sql`null`,
  })
  await cloneRow(db, 'case_document', need(own.caseDocument, 'case document'), {
    case_id: uuid(penaltyCase),
    org_id: uuid(md),
    number: sql`number || '-牟定'`,
    verify_id: sql`'mdmdmdmdmdmdmd22'`,
  })
  const evidence = await cloneRow(db, 'case_evidence', need(own.caseEvidence, 'case evidence'), { case_id: uuid(penaltyCase) })
  await cloneRow(db, 'case_evidence_file', need(own.caseEvidenceFile, 'evidence file'), { case_id: uuid(penaltyCase), evidence_id: uuid(evidence) })
  await cloneRow(db, 'complaint', need(own.complaint, 'complaint'), {
    org_id: uuid(md),
    region_code: sql`'532323'`,
    complaint_no: sql`complaint_no || '-牟定'`,
    lookup_code_hash: sql`null`,
    inspection_complaint_id: sql`null`,
    case_id: sql`null`,
    handler_org_id: sql`case when handler_org_id is null then null else ${uuid(md)} end`,
  })
  const document = await cloneRow(db, 'supervision_document', need(own.supervisionDocument, 'supervision document'), {
    issuer_org_id: uuid(mdBureau),
    escalated_task_id: sql`null`,
    number: sql`number || '-牟定'`,
    verify_id: sql`case when verify_id is null then null else 'mdmdmdmdmdmdmd23' end`,
  })
  await db.insertInto('supervision_recipient').columns(['document_id', 'org_id', 'delivered_on']).expression(
    db.selectFrom('supervision_recipient').select([sql<string>`${document}::uuid`.as('document_id'), sql<string>`${md}::uuid`.as('org_id'), 'delivered_on']).where('document_id', '=', need(own.supervisionDocument, 'supervision document')).limit(1),
  ).execute()
  await cloneRow(db, 'rectification_task', need(own.supervisionTask, 'rectification task'), { org_id: uuid(md), document_id: uuid(document), letter_document_id: sql`null` })
  const notice = await cloneRow(db, 'legal_notice', need(own.legalNotice, 'legal notice'), { issuer_org_id: uuid(mdBureau) })
  await db.insertInto('legal_notice_recipient').values({ notice_id: notice, org_id: md }).execute()
  const meetingTask = need(own.jointMeetingTask, 'meeting task')
  const meetingId = (await db.selectFrom('joint_meeting_task').select('meeting_id').where('id', '=', meetingTask).executeTakeFirstOrThrow()).meeting_id
  const meeting = await cloneRow(db, 'joint_meeting', meetingId, { region_code: sql`'532323'`, convener_org_id: uuid(mdBureau), attendee_org_ids: sql`array[${md}]::uuid[]` })
  await cloneRow(db, 'joint_meeting_task', meetingTask, { meeting_id: uuid(meeting), org_id: uuid(md) })
  const transfer = need(own.transfer, 'transfer')
  await cloneRow(db, 'clue_transfer', transfer, { from_org_id: uuid(mdBureau), to_org_id: uuid(md), case_id: sql`null` })
  // The county's own lists and rounds: catalogue, duty list change, discretion, review, volunteers.
  const [township, mdSfjUser] = [await orgId('MD-GH-ZF'), (await db.selectFrom('app_user').select('id').where('username', '=', 'md_sfj').executeTakeFirstOrThrow()).id]
  const mdEntity = (await db.selectFrom('enforcement_entity').select('id').where('org_id', '=', md).executeTakeFirstOrThrow()).id
  await cloneRow(db, 'delegation', need(own.delegation, 'delegation'), { principal_entity_id: uuid(mdEntity), agent_org_id: uuid(township) })
  const version = await cloneRow(db, 'catalogue_version', need(own.catalogueVersion, 'catalogue version'), { region_code: sql`'532323'`, based_on_id: sql`null` })
  await cloneRow(db, 'catalogue_adjustment', need(own.catalogueAdjustment, 'catalogue adjustment'), { version_id: uuid(version) })
  await cloneRow(db, 'duty_adjustment', need(own.dutyAdjustment, 'duty adjustment'), { township_code: sql`'532323100'` })
  await cloneRow(db, 'discretion_benchmark', need(own.benchmark, 'benchmark'), { region_code: sql`'532323'`, code: sql`code || '-MD'` })
  await cloneRow(db, 'no_penalty_item', need(own.noPenaltyItem, 'no-penalty item'), { region_code: sql`'532323'` })
  const batch = await cloneRow(db, 'review_batch', need(own.reviewBatch, 'review batch'), { region_code: sql`'532323'`, org_ids: sql`array[${md}]::uuid[]` })
  const file = await cloneRow(db, 'review_file', need(own.reviewFile, 'review file'), { batch_id: uuid(batch), org_id: uuid(md), case_id: uuid(penaltyCase) })
  await cloneRow(db, 'review_sheet', need(own.reviewSheet, 'review sheet'), { file_id: uuid(file), reviewer_id: uuid(mdSfjUser) })
  const volunteer = await cloneRow(db, 'volunteer_supervisor', need(own.volunteer, 'volunteer'), { region_code: sql`'532323'`, user_id: sql`null` })
  const assignment = await cloneRow(db, 'volunteer_assignment', need(own.volunteerAssignment, 'volunteer task'), { volunteer_id: uuid(volunteer) })
  await cloneRow(db, 'volunteer_opinion', need(own.volunteerOpinion, 'volunteer opinion'), { volunteer_id: uuid(volunteer), assignment_id: sql`case when assignment_id is null then null else ${uuid(assignment)} end` })
  await cloneRow(db, 'case_publication', need(own.publishedCase, 'published case'), { case_id: uuid(penaltyCase), org_id: uuid(md) }, 'case_id')
  const ownUnit = (await db.selectFrom('org').select('id').where('code', '=', 'LF-ZJJ').executeTakeFirstOrThrow()).id
  await cloneRow(db, 'clue_transfer', transfer, { from_org_id: uuid(lfZrzy), to_org_id: uuid(ownUnit), case_id: sql`null`, status: sql`'pending'`, decided_at: sql`null`, decided_by: sql`null`, decision_note: sql`null` })
}

/**
 * 自然资源局's own records of the kinds the demo data gives only to 住建局 (a supervision document sent to it
 * alone, a 普法提示单, a complaint, an inspection override), and a power item held by 牟定县住建局 in 牟定's
 * own catalogue: copies of 住建局's, so that every "other unit" and "other county" context of the matrix has
 * a real record and none is skipped.
 */
export async function addOtherUnitRecords(database: Database, own: RecordIds): Promise<void> {
  const db = database.db
  const orgId = async (code: string) => (await db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const [zrzy, md] = [await orgId('LF-ZRZY'), await orgId('MD-ZJJ')]
  const uuid = (id: string) => sql`${id}::uuid`
  const need = (id: string | null, kind: string) => {
    if (!id) throw new Error(`住建局 has no ${kind} to copy for 自然资源局`)
    return id
  }
  const document = await cloneRow(db, 'supervision_document', need(own.supervisionDocument, 'supervision document'), {
    escalated_task_id: sql`null`,
    number: sql`number || '-自然资源'`,
    verify_id: sql`case when verify_id is null then null else 'zrzyzrzyzrzyzr24' end`,
  })
  await db.insertInto('supervision_recipient').columns(['document_id', 'org_id', 'delivered_on']).expression(
    db.selectFrom('supervision_recipient').select([sql<string>`${document}::uuid`.as('document_id'), sql<string>`${zrzy}::uuid`.as('org_id'), 'delivered_on']).where('document_id', '=', need(own.supervisionDocument, 'supervision document')).limit(1),
  ).execute()
  const notice = await cloneRow(db, 'legal_notice', need(own.legalNotice, 'legal notice'), {})
  await db.insertInto('legal_notice_recipient').values({ notice_id: notice, org_id: zrzy }).execute()
  await cloneRow(db, 'complaint', need(own.complaint, 'complaint'), {
    org_id: uuid(zrzy),
    complaint_no: sql`complaint_no || '-自然资源'`,
    lookup_code_hash: sql`null`,
    inspection_complaint_id: sql`null`,
    case_id: sql`null`,
    handler_org_id: sql`case when handler_org_id is null then null else ${uuid(zrzy)} end`,
  })
  await cloneRow(db, 'inspection_override', need(own.inspectionOverride, 'inspection override'), { org_id: uuid(zrzy), inspection_id: sql`null`, status: sql`'pending'` })
  const mdEntity = (await db.selectFrom('enforcement_entity').select('id').where('org_id', '=', md).executeTakeFirstOrThrow()).id
  const item = await cloneRow(db, 'power_item', need(own.powerItem, 'power item'), { code: sql`code || '-MD'`, region_code: sql`'532323'` })
  await db.insertInto('power_item_holder').values({ power_item_id: item, entity_id: mdEntity }).execute()
}

/**
 * Copies one row (by its `key`, 'id' unless said) within its table, with some columns set by SQL
 * expressions; returns the copy's key. The copy is made in SQL, so json, arrays and bytes keep their types.
 */
async function cloneRow(db: Database['db'], table: string, id: string, set: Record<string, ReturnType<typeof sql>>, key = 'id'): Promise<string> {
  const columns = (
    await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name <> 'id' and is_generated = 'NEVER' order by ordinal_position`.execute(db)
  ).rows.map((r) => r.column_name)
  for (const c of Object.keys(set)) if (!columns.includes(c)) throw new Error(`${table} has no column ${c}`)
  const values = columns.map((c) => set[c] ?? sql.ref(c))
  const { rows } = await sql<{ id: string }>`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select ${sql.join(values)} from ${sql.table(table)} where ${sql.ref(key)} = ${id} returning ${sql.ref(key)}::text as id`.execute(db)
  const copy = rows[0]?.id
  if (!copy) throw new Error(`${table} ${id} not found to copy`)
  return copy
}
