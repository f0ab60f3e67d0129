import { computeUsccCheckChar, legalReviewAspects } from '@yangguang/core'
import type { StatutoryPenaltyRange } from '@yangguang/core'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { Client, TestApp } from '../../../test/harness'

/**
 * Factories for the case API tests: demo people and items, a case registered and driven to a
 * status through the API, and counts of the rows an act must (or must not) write.
 */

export type CaseFixture = {
  zjjId: string
  /** Held by 住建局, with no 首违不罚 list entry. */
  heldItemId: string
  /** Held by 住建局 and on a published 首违不罚 list (null when the demo has none). */
  firstViolationItemId: string | null
  heldItemCode: string
  notHeldItemId: string
  person: { officer: string; officer2: string; head: string; legal: string; wang: string }
  lcjId: string
}

export async function caseFixture(t: TestApp): Promise<CaseFixture> {
  const org = async (code: string) => (await t.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const personOf = async (username: string) =>
    (await t.db.selectFrom('person as p').innerJoin('app_user as u', 'u.id', 'p.user_id').select('p.id').where('u.username', '=', username).executeTakeFirstOrThrow()).id
  const zjjId = await org('LF-ZJJ')
  const heldItems = await t.db
    .selectFrom('power_item_holder as h')
    .innerJoin('enforcement_entity as e', 'e.id', 'h.entity_id')
    .innerJoin('power_item as p', 'p.id', 'h.power_item_id')
    .select(['p.id', 'p.code'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('no_penalty_item as n').select('n.id').whereRef('n.power_item_id', '=', 'p.id').where('n.list_kind', '=', 'first_violation').where('n.status', '=', 'published'))
        .as('listed'),
    )
    .where('e.org_id', '=', zjjId)
    .where('p.kind', '=', 'penalty')
    .where('p.status', '=', 'active')
    .orderBy('p.code')
    .execute()
  const held = heldItems.find((i) => !i.listed)!
  // The API tests drive cases of every size, and on-the-spot warnings, on these items: their statutory
  // range is widened here (警告、罚款 up to 2,000,000 yuan、没收违法所得) so their amounts stay lawful. The
  // statutory range itself is tested on the demo's real ranges (cases-statutory-range.test.ts).
  const listed = heldItems.find((i) => i.listed)
  await t.db
    .updateTable('power_item')
    .set({ statutory_range: JSON.stringify(testStatutoryRange) })
    .where('id', 'in', [held.id, ...(listed ? [listed.id] : [])])
    .execute()
  const notHeld = await t.db.selectFrom('power_item').select('id').where('code', 'like', 'CF-LC-%').where('status', '=', 'active').orderBy('code').executeTakeFirstOrThrow()
  const wang = await t.db.selectFrom('person').select('id').where('org_id', '=', zjjId).where('name', '=', '王华').executeTakeFirstOrThrow()
  return {
    zjjId,
    heldItemId: held.id,
    heldItemCode: held.code,
    firstViolationItemId: heldItems.find((i) => i.listed)?.id ?? null,
    notHeldItemId: notHeld.id,
    person: { officer: await personOf('zjj_officer'), officer2: await personOf('zjj_officer2'), head: await personOf('zjj_head'), legal: await personOf('zjj_legal'), wang: wang.id },
    lcjId: await org('LF-LCJ'),
  }
}

/** The range the API tests give their item (see caseFixture). */
export const testStatutoryRange: StatutoryPenaltyRange = {
  basis: { law: '测试用法规', article: '第一条' },
  kinds: ['warning', 'fine', 'confiscate_gains'],
  fines: [{ kind: 'fixed', minFen: 0, maxFen: 200_000_000 }],
}

/** A valid 统一社会信用代码 (GB 32100) of a demo company. */
export const PARTY_ORG = { kind: 'organization', name: '禄丰市恒达建筑工程有限公司', creditCode: `91532331MA6K8QXB0${computeUsccCheckChar('91532331MA6K8QXB0')}`, legalRep: '李强', address: '禄丰市金山镇', phone: '13800000000' }

export function ok(res: LightMyRequestResponse, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`)
  return res.json()
}

export function at(t: TestApp, iso: string) {
  t.clock.now = new Date(`${iso}T10:00:00+08:00`)
}

/**
 * A client of a demo user that logs in again when its session lapsed (the tests move the clock
 * by weeks; sessions expire after 30 idle minutes).
 */
export function userClient(t: TestApp, username: string): Client & { put(url: string, body: unknown): Promise<LightMyRequestResponse> } {
  let session: Client | null = null
  const call = async (fn: (c: Client) => Promise<LightMyRequestResponse>) => {
    session ??= await t.as(username)
    const res = await fn(session)
    if (res.statusCode !== 401) return res
    session = await t.as(username)
    return fn(session)
  }
  return {
    get cookie() {
      return session?.cookie ?? null
    },
    get: (url) => call((c) => c.get(url)),
    post: (url, body, headers) => call((c) => c.post(url, body, headers)),
    patch: (url, body) => call((c) => c.patch(url, body)),
    delete: (url) => call((c) => c.delete(url)),
    put: (url, body) => call((c) => t.app.inject({ method: 'PUT', url, payload: body as object, headers: c.cookie ? { cookie: c.cookie } : {} })),
  }
}

export async function counts(t: TestApp, caseId: string) {
  const events = await t.db.selectFrom('case_event').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()
  const audits = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_type', '=', 'penalty_case')
    .where('entity_id', '=', caseId)
    .executeTakeFirstOrThrow()
  const leaves = await t.db.selectFrom('ledger_receipt').select((eb) => eb.fn.countAll<number>().as('n')).where('record_type', '=', 'penalty_case').where('record_id', '=', caseId).executeTakeFirstOrThrow()
  return { events: Number(events.n), audits: Number(audits.n), leaves: Number(leaves.n) }
}

/**
 * Performs an act and checks the write discipline: a success adds exactly one event, one audit row
 * and one ledger leaf; a refusal adds nothing.
 */
export async function act(t: TestApp, client: Client, caseId: string, action: string, body: Record<string, unknown> = {}, status = 200) {
  const before = await counts(t, caseId)
  const res = await client.post(`/api/cases/${caseId}/actions/${action}`, body)
  if (res.statusCode !== status) throw new Error(`${action}: expected ${status}, got ${res.statusCode}: ${res.body}`)
  const after = await counts(t, caseId)
  const step = status === 200 ? 1 : 0
  expect({ action, ...after }).toEqual({ action, events: before.events + step, audits: before.audits + step, leaves: before.leaves + step })
  return res.json()
}

export function guardsOf(body: { details?: { refusals?: Array<{ guard: string }> } }): string[] {
  return (body.details?.refusals ?? []).map((r) => r.guard)
}

/** A 法制审核 opinion with every point 合法 and the conclusion 同意 (art. 58). */
export const agreed = (opinion: string) => ({
  opinion,
  aspects: Object.fromEntries(legalReviewAspects.map((a) => [a, { verdict: 'lawful' }])),
  conclusion: 'agree',
})

export const proposal = (fineFen: number, extra: Record<string, unknown> = {}) => ({ outcome: 'penalty', kinds: ['fine'], fineFen, acts: [{ description: '未按规定从事燃气经营活动', fineFen }], ...extra })
export const decision = proposal

export async function registerCase(t: TestApp, client: Client, f: CaseFixture, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/cases', {
    source: 'discovery',
    powerItemId: f.heldItemId,
    title: '未取得燃气经营许可证从事燃气经营活动案',
    party: PARTY_ORG,
    actDate: '2026-11-10',
    harmToSafety: false,
    facts: '当事人未取得燃气经营许可证，在金山镇向居民销售瓶装液化石油气。',
    officerIds: [f.person.officer2],
    ...body,
  })
  return ok(res, 201) as { case: { id: string; status: string; caseNo: string | null }; deadlines: Array<{ kind: string; status: string; dueOn: string; provisional: boolean }>; actions: Array<{ action: string; allowed: boolean; refusals: Array<{ guard: string; message: string }> }> }
}

export const inquiry = (f: CaseFixture, collectedOn: string) => ({
  evidence: {
    kind: 'party_statement',
    title: '对当事人法定代表人李强的询问笔录',
    collectedOn,
    officerIds: [f.person.officer, f.person.officer2],
    inquiry: { person: '李强', qa: [{ q: '是否取得燃气经营许可证？', a: '没有。' }] },
  },
})
