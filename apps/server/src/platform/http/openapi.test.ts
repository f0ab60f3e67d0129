import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

type Operation = { summary?: string; tags?: string[]; responses?: Record<string, unknown> }

describe('the OpenAPI document', () => {
  it('covers every API route, each with a summary, a tag and a success response schema', async () => {
    const res = await t.anonymous.get('/api/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> }
    const documented = new Set<string>()
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        documented.add(`${method.toUpperCase()} ${p}`)
        expect(op.summary, `${method} ${p} has a summary`).toBeTruthy()
        expect(op.tags?.length, `${method} ${p} has a tag`).toBeGreaterThan(0)
        const ok = Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2'))
        expect(ok.length, `${method} ${p} declares a 2xx response`).toBeGreaterThan(0)
      }
    }
    // Path parameters as OpenAPI writes them; a trailing wildcard (C2SP tile paths) is documented as {*}.
    const routes = t.app.apiRoutes.map((r) => r.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}'))
    const undocumented = routes.filter((r) => !documented.has(r))
    expect(undocumented).toEqual([])
    expect(routes.length).toBeGreaterThan(5)
    expect(documented.has('POST /api/auth/login')).toBe(true)
    expect(routes.length).toBeGreaterThan(5)
  })

  it('is browsable at /api/docs', async () => {
    const res = await t.anonymous.get('/api/docs/')
    expect([200, 302]).toContain(res.statusCode)
    const page = res.statusCode === 302 ? await t.anonymous.get(res.headers.location as string) : res
    expect(page.body).toContain('swagger')
  })
})
