import { randomUUID } from 'node:crypto'
import type { CaseDocumentKind, Role } from '@yangguang/core'
import type { TestApp } from '../../../test/harness'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import type { CaseDecisionJson } from '../../platform/db/penalty-case-schema'
import { inTransaction } from '../../platform/db/transaction'
import { findUserForLogin } from '../auth/auth.repository'
import type { CaseDocumentInput } from './case-document-builders'
import { type IssuedDocument, issueCaseDocuments } from './case-documents.service'

/**
 * Test factories for case documents and publication: a decided case written straight into the
 * tables (the case engine's own tests drive the procedure; these tests start where a decision
 * exists), and the context of a demo account to issue documents as.
 */

export type DecidedCaseOptions = {
  partyKind?: 'person' | 'organization'
  partyName?: string
  partyIdNumber?: string | null
  partyCreditCode?: string | null
  partyLegalRep?: string | null
  partyAddress?: string | null
  partyPhone?: string | null
  facts?: string
  decision?: Partial<CaseDecisionJson>
  decidedOn?: string
  status?: 'decided' | 'executing' | 'revoked'
  orgCode?: string
}

/** A case of 住建局 at 已决定 with two officers, two pieces of evidence and a decision. */
export async function createDecidedCase(t: TestApp, options: DecidedCaseOptions = {}) {
  const org = await t.db.selectFrom('org').select(['id', 'short_name']).where('code', '=', options.orgCode ?? 'LF-ZJJ').executeTakeFirstOrThrow()
  const item = await t.db.selectFrom('power_item').select('id').where('kind', '=', 'penalty').orderBy('code').executeTakeFirstOrThrow()
  const officers = await t.db
    .selectFrom('person as p')
    .innerJoin('certificate as c', 'c.person_id', 'p.id')
    .select('p.id')
    .distinct()
    .where('p.org_id', '=', org.id)
    .where('c.status', '=', 'valid')
    .orderBy('p.id')
    .limit(2)
    .execute()
  const id = randomUUID()
  const caseNo = `${org.short_name}罚立〔2026〕${Math.floor(Math.random() * 1e9)}号`
  const decidedOn = options.decidedOn ?? '2026-11-20'
  const decision: CaseDecisionJson = {
    outcome: 'penalty',
    kinds: ['warning', 'fine'],
    fineFen: 5_000_000,
    confiscateFen: 0,
    ground: null,
    tier: 'ordinary',
    benchmarkId: null,
    outsideBenchmark: false,
    reason: null,
    acts: [{ description: '未取得施工许可证擅自施工', fineFen: 5_000_000 }],
    ...options.decision,
  }
  const person = (options.partyKind ?? 'organization') === 'person'
  await t.db
    .insertInto('penalty_case')
    .values({
      id,
      org_id: org.id,
      case_no: caseNo,
      procedure: 'general',
      status: options.status ?? 'decided',
      status_before_suspension: null,
      source: 'inspection',
      source_note: null,
      inspection_id: null,
      transferred_from_id: null,
      transferred_to_org_id: null,
      power_item_id: item.id,
      benchmark_id: null,
      title: '未取得施工许可证擅自施工案',
      party_kind: person ? 'person' : 'organization',
      party_name: options.partyName ?? (person ? '张三丰' : '禄丰市鑫达建筑工程有限公司'),
      party_id_number: options.partyIdNumber === undefined ? (person ? '532331198507150014' : null) : options.partyIdNumber,
      party_credit_code: options.partyCreditCode === undefined ? (person ? null : '91532331MA6K8XQ31B') : options.partyCreditCode,
      party_legal_rep: options.partyLegalRep === undefined ? (person ? null : '李四') : options.partyLegalRep,
      party_address: options.partyAddress === undefined ? '云南省楚雄彝族自治州禄丰市金山镇龙城路18号' : options.partyAddress,
      party_phone: options.partyPhone === undefined ? '13887012345' : options.partyPhone,
      enterprise_id: null,
      act_date: '2026-08-03',
      act_end_date: null,
      act_place: '禄丰市金山镇龙城路18号',
      facts: options.facts ?? '当事人在未取得建筑工程施工许可证的情况下，于2026年8月3日擅自开工建设龙城路18号综合楼，建筑面积约2300平方米',
      registered_at: new Date('2026-08-10T09:00:00+08:00'),
      filed_on: '2026-08-12',
      proposal: JSON.stringify({ ...decision, conditions: ['首次被查处'], baseFen: null }),
      notified_proposal: JSON.stringify({ ...decision, conditions: ['首次被查处'], baseFen: null }),
      notice_served_on: '2026-10-20',
      decision: JSON.stringify(decision),
      decided_on: decidedOn,
      delivered_on: null,
      fine_fen: decision.fineFen,
      confiscate_fen: decision.confiscateFen,
      payment_due_on: null,
      closed_on: null,
      lookup_code_hash: null,
      created_by: null,
    })
    .execute()
  for (const [i, o] of officers.entries()) {
    await t.db.insertInto('case_officer').values({ case_id: id, person_id: o.id, role: i === 0 ? 'lead' : 'co' }).execute()
  }
  await t.db
    .insertInto('case_evidence')
    .values([
      { case_id: id, kind: 'inspection_record', title: '现场检查笔录', description: null, collected_on: '2026-08-12', officer_ids: officers.map((o) => o.id), file_sha256: null, file_name: null, file_size: null, created_by: null },
      { case_id: id, kind: 'party_statement', title: '询问笔录（法定代表人）', description: null, collected_on: '2026-08-15', officer_ids: officers.map((o) => o.id), file_sha256: null, file_name: null, file_size: null, created_by: null },
    ])
    .execute()
  return { caseId: id, caseNo, orgId: org.id, orgShortName: org.short_name }
}

/** The request context of a demo account, as the case service would pass it. */
export async function contextOf(t: TestApp, username: string): Promise<RequestContext & { actor: Actor }> {
  const u = await findUserForLogin(t.db, username)
  if (!u) throw new Error(`no demo user ${username}`)
  return {
    actor: {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role as Role,
      orgId: u.org_id,
      orgName: u.org_name,
      regionPath: u.region_path,
      regionCode: u.region_code,
      mustChangePassword: false,
    },
    ip: '127.0.0.1',
    userAgent: 'vitest',
    now: t.clock.now,
  }
}

/** Issues documents as the case service does: inside one transaction of an act. */
export async function issue(t: TestApp, username: string, caseId: string, kinds: CaseDocumentKind[], extra: Record<string, unknown> = {}): Promise<IssuedDocument[]> {
  const ctx = await contextOf(t, username)
  return inTransaction(t.db, (trx) => issueCaseDocuments(trx, ctx, caseId, kinds, extra))
}

/**
 * What a document builder takes for a decided case of 禄丰市住建局 (a person without a licence building on
 * 龙城路), with any field replaced.
 */
export function documentInput(overrides: Partial<CaseDocumentInput> = {}): CaseDocumentInput {
  return {
    organ: { name: '禄丰市住房和城乡建设局', address: '云南省楚雄彝族自治州禄丰市金山镇龙城路1号', postalCode: '651200', phone: '0878-4121234' },
    remedy: { reviewOrgan: '禄丰市人民政府', court: '禄丰市人民法院' },
    caseNo: '禄住建立〔2026〕7号',
    caseTitle: '未取得施工许可证擅自施工案',
    source: '检查发现',
    party: { kind: 'person', name: '张三丰', idNumber: '532331198507150014', creditCode: null, legalRep: null, address: '禄丰市金山镇龙城路18号', phone: '13887012345' },
    act: { date: '2026-08-03', endDate: null, place: '禄丰市金山镇龙城路18号' },
    facts: '当事人未取得施工许可证擅自开工建设',
    powerItem: { code: 'LF-ZJ-003', name: '对未取得施工许可证擅自施工的处罚', legalBasis: [{ law: '中华人民共和国建筑法', article: '第六十四条', text: '…' }] },
    violationBasis: [{ law: '中华人民共和国建筑法', article: '第七条', text: '…' }],
    penaltyBasis: [{ law: '中华人民共和国建筑法', article: '第六十四条', text: '…' }, { law: '建筑工程施工许可管理办法', article: '第十二条', text: '…' }],
    officers: [
      { name: '王建', certNo: '53233120260001', role: 'lead' },
      { name: '赵敏', certNo: '53233120260002', role: 'co' },
    ],
    evidence: [{ kind: 'inspection_record', title: '现场检查笔录', collectedOn: '2026-08-12' }],
    outcome: { outcome: 'penalty', kinds: ['warning', 'fine'], fineFen: 1_234_560, confiscateFen: 0, tier: 'ordinary', ground: null, reason: null, conditions: ['首次被查处'] },
    statements: [],
    hearing: null,
    legalReview: { passed: true, reviewerName: '周法', onDate: '2026-11-10', opinion: '事实清楚，证据确凿。' },
    collectiveDiscussion: null,
    dates: { filedOn: '2026-08-12', noticeServedOn: '2026-10-20', decidedOn: '2026-11-20', deliveredOn: null, paymentDueOn: null, closedOn: null },
    periods: { statementDays: 5, hearingRequestDays: 5 },
    hearingEligible: true,
    payments: [],
    extra: {},
    issuedOn: '2026-11-20',
    number: '禄住建罚决字〔2026〕第12号',
    verification: { qrText: 'http://localhost:3000/verify?d=abcdefghijklmnop.AAAA', verifyId: 'abcdefghijklmnop' },
    lookup: { code: 'K7QF9XMD', url: 'http://localhost:3000/portal/lookup' },
    ...overrides,
  }
}
