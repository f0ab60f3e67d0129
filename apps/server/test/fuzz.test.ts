import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness'

/**
 * The fuzz stage: every API route (from the OpenAPI document, so a new route is fuzzed without
 * being listed here), called anonymously and as several signed-in roles, with malformed input in
 * its path parameters, query and body — NUL bytes, wrong types, huge strings, deep nesting,
 * invalid dates, negative and huge numbers, odd Unicode, empty and invalid JSON. Any 5xx fails the
 * test, naming the endpoint, the caller and the input. A seeded generator keeps every run the same.
 */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const SEED = 20261207
/** Cases per route beyond the fixed ones; bounded so the stage stays well under a minute or two. */
const RANDOM_CASES_PER_ROUTE = 8
const ROLES = ['admin', 'sfj', 'zjj_head', 'zjj_legal', 'zjj_officer', 'js_head', 'md_sfj', 'volunteer', 'qiye'] as const
/** Callers of the plausible request and of the “everywhere” cases: one of each kind of account. */
const MAIN_ROLES = ['anonymous', 'admin', 'sfj', 'zjj_head', 'zjj_officer', 'qiye'] as const
/**
 * Routes that would end the fuzzer's own sessions or accounts, not the server: they are still
 * fuzzed anonymously.
 */
const SIGNED_IN_SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password'])

type JsonSchema = {
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}
type Operation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}
type Case = { role: string; url: string; payload?: string | Buffer; contentType?: string; label: string }
type Failure = { route: string; role: string; label: string; url: string; status: number; body: string; payload?: string }

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! }
}

/** Strings a hurried or hostile caller sends (JSON-encoded, so lone surrogates travel as escapes). */
const oddStrings = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '2025-02-30',
  '2024-13-01',
  '0000-00-00',
  '\uD800',
  '\uDFFF\uD800',
  '\u202E\uFEFF\u200B',
  '𠜎𠜱𡃁',
  '😀'.repeat(500),
  'x'.repeat(70_000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '../../etc/passwd',
  "'; drop table enterprise; --",
  '<script>alert(1)</script>',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
]
const oddNumbers = [-1, 0, -2147483649, 2147483648, 9007199254740993, 1e308, -1e308, 1.5, 0.0001]
function deep(depth: number): unknown {
  let v: unknown = 'leaf'
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { a: v }
  return v
}
const oddValues: unknown[] = [...oddStrings, ...oddNumbers, null, true, false, {}, [], [null], { length: -1 }, deep(40), Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))]

/** Query and path values, already URL-encoded as a client would put them in the address. */
const oddUrlValues = [
  '',
  '%00',
  'a%00b',
  '2025-02-30',
  '-1',
  '0',
  '99999999999999999999999',
  '1e309',
  '1.5',
  'NaN',
  'true',
  'x'.repeat(3000),
  '%F0%9F%98%80',
  '%ED%A0%80',
  '%C0%80',
  '%',
  '%E2%80%AE',
  '..%2F..%2Fetc%2Fpasswd',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%5B%5D',
]

/** A value that satisfies the schema as far as a generator can, so mutations reach deeper code. */
function plausible(schema: JsonSchema | undefined, rnd: ReturnType<typeof prng>, depth = 0, leaf?: Leaf): unknown {
  if (!schema || depth > 6) return null
  const options = schema.anyOf ?? schema.oneOf
  if (options) return plausible(options.find((o) => o.type !== 'null') ?? options[0], rnd, depth + 1, leaf)
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], rnd, depth + 1, leaf)
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type
  const replaced = leaf?.(type, schema)
  if (replaced !== undefined) return replaced
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return rnd.pick(schema.enum)
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'
      if (schema.format === 'date') return '2026-11-20'
      if (schema.format === 'date-time') return '2026-11-20T10:00:00+08:00'
      if (schema.format === 'email') return 'a@example.com'
      return '测试'.repeat(Math.max(1, Math.ceil((schema.minLength ?? 2) / 2))).slice(0, Math.max(schema.maxLength ?? 20, 1))
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1))
    case 'boolean':
      return true
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => plausible(schema.items, rnd, depth + 1, leaf))
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, plausible(v, rnd, depth + 1, leaf)]))
    default:
      return null
  }
}

/** Replaces a leaf of a generated body (undefined keeps the plausible value). */
type Leaf = (type: string | undefined, schema: JsonSchema) => unknown

/** The same odd value in every field of a kind at once: each route gets these, not just by chance. */
const everywhere: Array<{ label: string; leaf: Leaf; url: string }> = [
  { label: 'NUL in every string', leaf: (type) => (type === 'string' ? 'a\u0000b' : undefined), url: 'a%00b' },
  { label: 'impossible date in every date', leaf: (type, s) => (type === 'string' && /date/.test(s.format ?? '') ? '2025-02-30' : undefined), url: '2025-02-30' },
  { label: 'huge number in every number', leaf: (type) => (type === 'integer' || type === 'number' ? 9007199254740993 : undefined), url: '99999999999999999999' },
  { label: 'odd Unicode in every string', leaf: (type) => (type === 'string' ? '\uD800\u202E𠜎' : undefined), url: '%ED%A0%80%E2%80%AE' },
]

/** Dotted paths of the schema's fields, to replace one at a time. */
function fieldPaths(schema: JsonSchema | undefined, prefix: string[] = [], depth = 0): string[][] {
  if (!schema || depth > 4) return []
  const options = schema.anyOf ?? schema.oneOf
  if (options) return fieldPaths(options.find((o) => o.type !== 'null'), prefix, depth + 1)
  const out: string[][] = prefix.length > 0 ? [prefix] : []
  if (schema.properties) for (const [k, v] of Object.entries(schema.properties)) out.push(...fieldPaths(v, [...prefix, k], depth + 1))
  if (schema.items) out.push(...fieldPaths(schema.items, [...prefix, '0'], depth + 1))
  return out
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) }
  const [head, ...rest] = path as [string, ...string[]]
  ;(copy as Record<string, unknown>)[head] = withValue((copy as Record<string, unknown>)[head] ?? {}, rest, value)
  return copy
}

function casesFor(route: string, op: Operation, rnd: ReturnType<typeof prng>): Case[] {
  const [method, template] = route.split(' ') as [string, string]
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query')
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema
  const otherType = Object.keys(op.requestBody?.content ?? {}).find((c) => c !== 'application/json')
  const hasBody = method !== 'GET' && method !== 'DELETE'

  const fillPath = (values: Record<string, string>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? plausibleParam(name))
  const plausibleParam = (name: string) => (name === '*' ? 'tile/0/000' : /id$/i.test(name) ? '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' : 'ABC123')
  const plausibleQuery = () =>
    queryParams
      .filter((p) => p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(plausible(p.schema, rnd) ?? 'x'))}`)
      .join('&')
  const withQuery = (url: string, extra: string) => {
    const q = [plausibleQuery(), extra].filter(Boolean).join('&')
    return q ? `${url}?${q}` : url
  }
  const base = plausible(jsonSchema, rnd) ?? {}
  const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: 'application/json' })
  const role = () => rnd.pick(['anonymous', ...ROLES] as const)

  const cases: Case[] = []
  const baseUrl = withQuery(fillPath({}), '')
  // The plausible request, once per kind of caller: it gets furthest into each role's code.
  for (const r of MAIN_ROLES) cases.push({ role: r, url: baseUrl, ...(hasBody ? json(base) : {}), label: 'plausible' })
  for (const e of everywhere) {
    const query = queryParams.map((p) => `${p.name}=${e.url}`).join('&')
    const body = hasBody ? json(plausible(jsonSchema, rnd, 0, e.leaf) ?? {}) : {}
    cases.push({ role: rnd.pick(MAIN_ROLES), url: query ? `${fillPath({})}?${query}` : fillPath({}), ...body, label: `${e.label} (query, body)` })
    if (pathParams.length > 0) cases.push({ role: rnd.pick(MAIN_ROLES), url: withQuery(fillPath(Object.fromEntries(pathParams.map((p) => [p, e.url]))), ''), ...body, label: `${e.label} (path)` })
  }
  if (hasBody) {
    cases.push({ role: role(), url: baseUrl, payload: '{"a":', contentType: 'application/json', label: 'invalid JSON' })
    cases.push({ role: role(), url: baseUrl, payload: '', contentType: 'application/json', label: 'empty JSON body' })
    cases.push({ role: role(), url: baseUrl, ...json(rnd.pick([[], null, 'text', 12, deep(40)])), label: 'body of the wrong kind' })
    if (otherType) cases.push({ role: role(), url: baseUrl, payload: Buffer.from('\u0000\u00ff garbage,"\n'.repeat(50), 'latin1'), contentType: otherType, label: `garbage ${otherType}` })
  }
  for (let i = 0; i < RANDOM_CASES_PER_ROUTE; i += 1) {
    const r = role()
    const fields = fieldPaths(jsonSchema)
    const kind = rnd.next()
    if (hasBody && fields.length > 0 && kind < 0.5) {
      const field = rnd.pick(fields)
      const value = rnd.pick(oddValues)
      cases.push({ role: r, url: baseUrl, ...json(withValue(base, field, value)), label: `body.${field.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}` })
    } else if (queryParams.length > 0 && kind < 0.8) {
      const p = rnd.pick(queryParams)
      const v = rnd.pick(oddUrlValues)
      const twice = rnd.next() < 0.2
      cases.push({ role: r, url: withQuery(fillPath({}), twice ? `${p.name}=${v}&${p.name}=${v}` : `${p.name}=${v}`), ...(hasBody ? json(base) : {}), label: `query ${p.name}` })
    } else if (pathParams.length > 0) {
      const p = rnd.pick(pathParams)
      cases.push({ role: r, url: withQuery(fillPath({ [p]: rnd.pick(oddUrlValues) || 'x' }), ''), ...(hasBody ? json(base) : {}), label: `path ${p}` })
    } else if (hasBody) {
      cases.push({ role: r, url: baseUrl, ...json(rnd.pick(oddValues)), label: 'odd body' })
    }
  }
  return cases
}

describe('fuzz: malformed input to every endpoint never causes a 5xx', () => {
  it('every route, anonymous and signed in', { timeout: 300_000 }, async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> }
    const cookies = new Map<string, string | null>([['anonymous', null]])
    for (const role of ROLES) cookies.set(role, (await t.as(role)).cookie)
    const rnd = prng(SEED)
    const failures: Failure[] = []
    let sent = 0
    const statuses = new Map<number, number>()
    const routes = t.app.apiRoutes.filter((r) => !r.startsWith('GET /api/openapi')).sort()
    for (const route of routes) {
      const [method, url] = route.split(' ') as [string, string]
      const template = url.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}')
      const op = doc.paths[template]?.[method.toLowerCase()] ?? {}
      for (const c of casesFor(`${method} ${template}`, op, rnd)) {
        if (c.role !== 'anonymous' && SIGNED_IN_SKIP.has(route)) continue
        const cookie = cookies.get(c.role)
        const res = await t.app.inject({
          method: method as 'GET',
          url: c.url,
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
          headers: { ...(cookie ? { cookie } : {}), ...(c.contentType ? { 'content-type': c.contentType } : {}) },
        })
        sent += 1
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
        if (res.statusCode >= 500) {
          failures.push({ route, role: c.role, label: c.label, url: c.url.slice(0, 300), status: res.statusCode, body: res.body.slice(0, 300), payload: typeof c.payload === 'string' ? c.payload.slice(0, 300) : undefined })
        }
        if (res.statusCode >= 400) {
          // Every refusal in the platform's shape, in Chinese.
          let body: { code?: unknown; message?: unknown; details?: unknown } = {}
          try {
            body = res.json()
          } catch {
            // Not JSON: reported just below.
          }
          if (typeof body.code !== 'string' || typeof body.message !== 'string' || typeof body.details !== 'object' || !/[\u4e00-\u9fff]/.test(body.message)) {
            failures.push({ route, role: c.role, label: `${c.label} (error body not {code, message, details} in Chinese)`, url: c.url.slice(0, 300), status: res.statusCode, body: res.body.slice(0, 300) })
          }
        }
      }
    }
    console.info(`fuzz: ${routes.length} routes, ${sent} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}`)
    if (failures.length > 0) console.error(`fuzz: ${failures.length} failures\n${failures.map((f) => JSON.stringify(f)).join('\n')}`)
    expect(sent).toBeGreaterThan(routes.length * 10)
    expect(failures).toEqual([])
  })
})
