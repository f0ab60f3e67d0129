import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { handleError } from './error-handler'
import { installRouteAccessGate, routeAccess } from './route-access'

describe('the route access gate', () => {
  it('refuses a documented API route that has no rule (fail closed), and lets unmatched URLs reach their 404', async () => {
    const app = Fastify()
    app.decorate('apiRoutes', ['GET /api/no-rule-yet'])
    app.setErrorHandler(handleError)
    installRouteAccessGate(app)
    app.get('/api/no-rule-yet', async () => ({ secret: true }))
    expect(routeAccess['GET /api/no-rule-yet']).toBeUndefined()

    const refused = await app.inject({ method: 'GET', url: '/api/no-rule-yet' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', details: { rule: 'missing' } })
    expect(refused.body).not.toContain('secret')
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(404)
    await app.close()
  })
})
