import type { Role } from '@yangguang/core'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routeAccess, type RouteAccess } from '../src/platform/http/route-access'
import { addOtherCountyRecords, addOtherUnitRecords, fillPath, paramKinds, recordIdsOf, type RecordIds, type ResourceKind } from './authorization-fixtures'
import { type Client, createTestApp, type TestApp } from './harness'

/**
 * The authorization matrix: every endpoint of the OpenAPI document × every demo role, and for
 * every endpoint naming a record, that record in the caller's own unit, in another unit of the
 * county and in the sibling county (牟定县). Expected answers come from the one gate table
 * (`routeAccess`) and from who owns the record:
 * - a role outside the route's rule gets 401 (anonymous) or 403 — whatever the body or the
 *   record's state, so permission is checked before input and before state;
 * - a role inside the rule is never refused by the gate, and never gets a 5xx;
 * - a record outside the caller's scope is answered 403 or 404 (or 400/415 for a body refused
 *   before the record is looked at), never with data and never with a state error that would
 *   tell it exists.
 * Every context has a real record: the demo data's, or a copy made by the fixtures; a missing one fails.
 */

const accounts = {
  anonymous: null,
  admin: 'admin',
  supervisor: 'sfj',
  unit_head: 'zjj_head',
  legal_reviewer: 'zjj_legal',
  officer: 'zjj_officer',
  enterprise: 'qiye',
  volunteer: 'volunteer',
} as const satisfies Record<Role | 'anonymous', string | null>

type Caller = keyof typeof accounts

/**
 * Kinds of record owned by one unit (a unit's staff see only their own; a supervisor those of
 * the county). Kinds not listed belong to the county (catalogue versions, benchmarks, review
 * batches, …) or to nobody in particular, so another unit of the same county shares them.
 */
const unitOwned: ReadonlySet<ResourceKind> = new Set<ResourceKind>([
  'user',
  'org',
  'entity',
  'delegation',
  'person',
  'certificate',
  'inspectionPlan',
  'inspection',
  'inspectionFile',
  'inspectionOverride',
  'inspectionComplaint',
  'case',
  'caseDocument',
  'reviewFile',
  'supervisionDocument',
  'supervisionTask',
  'legalNotice',
  'complaint',
  'jointMeetingTask',
  'transfer',
])

let t: TestApp
const clients = new Map<string, Client>()
let ids: { own: RecordIds; otherUnit: RecordIds; otherCounty: RecordIds }

beforeAll(async () => {
  t = await createTestApp()
  for (const username of [...Object.values(accounts), 'md_sfj']) {
    if (username) clients.set(username, await t.as(username))
  }
  clients.set('anonymous', t.anonymous)
  const zjj = await recordIdsOf(t.database, 'LF-ZJJ')
  await addOtherCountyRecords(t.database, zjj)
  await addOtherUnitRecords(t.database, zjj)
  ids = {
    own: await recordIdsOf(t.database, 'LF-ZJJ'),
    otherUnit: await recordIdsOf(t.database, 'LF-ZRZY', 'LF-ZJJ'),
    otherCounty: await recordIdsOf(t.database, 'MD-ZJJ', 'LF-ZJJ'),
  }
})
afterAll(() => t.close())

/** Routes as the OpenAPI document writes them, back in Fastify's form ('{id}' → ':id', '{*}' → '*'). */
async function documentedRoutes(): Promise<string[]> {
  const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{\*\}$/, '*').replace(/\{(\w+)\}/g, ':$1')}`),
  )
}

function send(client: Client, route: string, url: string): Promise<LightMyRequestResponse> {
  const method = route.slice(0, route.indexOf(' ')) as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  return t.app.inject({
    method,
    url,
    ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    headers: client.cookie ? { cookie: client.cookie } : {},
  })
}

function allows(rule: RouteAccess, caller: Caller): boolean {
  if (rule === 'public') return true
  if (caller === 'anonymous') return false
  return rule === 'signedIn' || rule.includes(caller)
}

/** 'status code' for failure messages. */
const answer = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 160)}`

// Reads first, then writes; the writes that change who may sign in or what the others see last.
const last = ['POST /api/orgs/:id/offboard', 'POST /api/users/:id/disable', 'POST /api/auth/logout']
const routes = Object.keys(routeAccess).sort((a, b) => {
  const rank = (r: string) => (last.includes(r) ? 2 + last.indexOf(r) : r.startsWith('GET ') ? 0 : 1)
  return rank(a) - rank(b)
})

describe('every endpoint has a rule', () => {
  it('each route of the OpenAPI document has an access rule, and each rule names a route', async () => {
    const documented = await documentedRoutes()
    expect(documented.length).toBeGreaterThan(200)
    expect(documented.filter((r) => !(r in routeAccess)), 'routes without a rule in platform/http/route-access.ts').toEqual([])
    expect(Object.keys(routeAccess).filter((r) => !documented.includes(r)), 'rules naming no route').toEqual([])
    const registered = t.app.apiRoutes.filter((r) => !(r in routeAccess))
    expect(registered, 'registered routes without a rule (hidden from the document too?)').toEqual([])
  })

  it('the gate answers before the body is validated: a volunteer posting an empty case publication gets 403, not 400 or 409', async () => {
    const url = `/api/cases/${ids.own.case}/publication`
    const volunteer = await send(clients.get('volunteer') as Client, 'POST /api/cases/:id/publication', url)
    expect(volunteer.statusCode, answer(volunteer)).toBe(403)
    expect(volunteer.json()).toMatchObject({ code: 'FORBIDDEN', details: { rule: 'role' } })
    const anonymous = await send(t.anonymous, 'POST /api/cases/:id/publication', url)
    expect(anonymous.json()).toMatchObject({ code: 'AUTH_REQUIRED' })
  })
})

/**
 * A 403 or 404 that a module policy gives for the record used here, though the role may use the
 * route — each a rule finer than the role gate, with its reason.
 */
const fourEyes = '四眼原则：审核人或起草人不能再确认或公布（sfj 在本文件前面的请求中审核或起草过）'
const reviewersOnly = '评分表只给评查人本人和监督机关看，被评查单位看不到'
const finerRules: Record<string, Partial<Record<Caller, string>>> = {
  'POST /api/entities/:id/confirm': { supervisor: fourEyes },
  'POST /api/discretion/no-penalty-items/:id/publish': { supervisor: fourEyes },
  'GET /api/review/sheets/:id': { unit_head: reviewersOnly, legal_reviewer: reviewersOnly, officer: reviewersOnly },
}

/**
 * Records every county may read, with the reason: the scope dimension expects them readable from
 * another county too.
 */
const readableEverywhere: Record<string, string> = {
  'GET /api/catalogue/power-items/:id': '权力事项是权责清单的条目，清单在门户公开；只有改动限于管辖该事项的监督机关',
}

/** Reads of a file of a record that the demo data does not have: in scope they answer 404 (no such file), never 403. */
const noDemoFile = new Set(['GET /api/supervision/tasks/:id/evidence/:sha256', 'GET /api/volunteer-opinions/:id/attachments/:sha256', 'GET /api/supervision/tasks/:id/report/pdf', 'GET /api/inspection-files/:sha256'])

/** Role dimension: every caller on the route, with a record of 住建局 where the path names one. */
function roleMatrix(selected: string[]) {
  describe.each(selected)('%s', (route) => {
    const rule = routeAccess[route] as RouteAccess
    const callers = Object.keys(accounts) as Caller[]
    // Refused roles first: nothing they send may change what the allowed ones then see.
    const ordered = [...callers.filter((c) => !allows(rule, c)), ...callers.filter((c) => allows(rule, c))]

    it.each(ordered)('as %s', async (caller) => {
      const url = fillPath(route, ids.own)
      expect(url, `a record of each kind in ${route} for 住建局`).not.toBeNull()
      const res = await send(clients.get(accounts[caller] ?? 'anonymous') as Client, route, url as string)
      if (!allows(rule, caller)) {
        expect(res.statusCode, answer(res)).toBe(caller === 'anonymous' ? 401 : 403)
        return
      }
      expect(res.statusCode, answer(res)).toBeLessThan(500)
      if (finerRules[route]?.[caller]) {
        expect([403, 404], answer(res)).toContain(res.statusCode)
        expect(res.json(), 'refused by the policy, not by the gate').not.toMatchObject({ details: { rule: 'role' } })
        return
      }
      expect([401, 403], answer(res)).not.toContain(res.statusCode)
    })
  })
}

type ScopeCase = { caller: string; context: string; records: 'own' | 'otherUnit' | 'otherCounty'; expect: 'allowed' | 'refused' }

/**
 * The scope cases of one route: 住建局 staff on their own unit's record, on 自然资源局's (another
 * unit of 禄丰) and on 牟定县住建局's (another county); the 禄丰 supervisor on both 禄丰 units'
 * records and on 牟定's; the 牟定 supervisor on 禄丰's. A context without a record of the kind fails:
 * the fixtures must provide one.
 */
function scopeCases(route: string): Array<[string, ScopeCase]> {
  const rule = routeAccess[route] as RouteAccess
  const kinds = paramKinds(route)
  if (rule === 'public' || rule === 'signedIn' || kinds.length === 0) return []
  const unitKind = kinds.some((k) => unitOwned.has(k))
  const otherCounty = route in readableEverywhere ? 'allowed' : 'refused'
  const out: ScopeCase[] = []
  for (const role of ['unit_head', 'legal_reviewer', 'officer'] as const) {
    if (!rule.includes(role)) continue
    out.push({ caller: accounts[role], context: 'own unit', records: 'own', expect: 'allowed' })
    out.push({ caller: accounts[role], context: 'other unit', records: 'otherUnit', expect: unitKind ? 'refused' : 'allowed' })
    out.push({ caller: accounts[role], context: 'other county', records: 'otherCounty', expect: otherCounty })
  }
  if (rule.includes('supervisor')) {
    out.push({ caller: 'sfj', context: 'own county, 住建局', records: 'own', expect: 'allowed' })
    out.push({ caller: 'sfj', context: 'own county, 自然资源局', records: 'otherUnit', expect: 'allowed' })
    out.push({ caller: 'sfj', context: 'other county', records: 'otherCounty', expect: otherCounty })
    out.push({ caller: 'md_sfj', context: 'other county', records: 'own', expect: otherCounty })
  }
  return out.map((c) => [`${c.caller} · ${c.context} → ${c.expect}`, c])
}

function callerRole(username: string): Caller | undefined {
  return (Object.keys(accounts) as Caller[]).find((c) => accounts[c] === username)
}

/** Scope dimension of reads: out of scope 403/404, in scope 200. */
function readScopes(selected: string[]) {
  describe.each(selected)('%s', (route) => {
    it.for(scopeCases(route))('%s', async ([, c]) => {
      const url = fillPath(route, ids[c.records])
      expect(url, `no ${c.records} record for ${route}: add one in authorization-fixtures.ts`).not.toBeNull()
      const res = await send(clients.get(c.caller) as Client, route, url as string)
      if (c.expect === 'refused') {
        expect([403, 404], answer(res)).toContain(res.statusCode)
        return
      }
      const role = callerRole(c.caller)
      if (role && finerRules[route]?.[role]) {
        expect([403, 404], answer(res)).toContain(res.statusCode)
        return
      }
      expect(res.statusCode, answer(res)).toBe(noDemoFile.has(route) ? 404 : 200)
    })
  })
}

/** Scope dimension of writes: out of scope never reaches the record's state (no 409/422, no success). */
function writeScopes(selected: string[]) {
  describe.each(selected)('%s', (route) => {
    it.for(scopeCases(route).filter(([, c]) => c.expect === 'refused'))('%s', async ([, c]) => {
      const url = fillPath(route, ids[c.records])
      expect(url, `no ${c.records} record for ${route}: add one in authorization-fixtures.ts`).not.toBeNull()
      const res = await send(clients.get(c.caller) as Client, route, url as string)
      // 400/415: the empty body is refused before the record is looked at, which tells nothing.
      expect([400, 403, 404, 415], answer(res)).toContain(res.statusCode)
    })
  })
}

const hasScopeCases = (r: string) => scopeCases(r).length > 0
const gets = routes.filter((r) => r.startsWith('GET '))
const writes = routes.filter((r) => !r.startsWith('GET ') && !last.includes(r))

// Reads before writes, so what the reads see is the demo data as seeded.
describe('reads: who may read what', () => roleMatrix(gets))
describe('reads stay in scope', () => readScopes(gets.filter(hasScopeCases)))
describe('writes out of scope are refused before state', () => writeScopes(writes.filter(hasScopeCases)))
describe('writes: who may write', () => roleMatrix(writes))
describe('sign-out and the account-changing writes, last', () => roleMatrix(last))
