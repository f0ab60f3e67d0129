import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness'
import { MAX_ACCOUNT_FAILURES } from './auth.service'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('login, session and logout', () => {
  it('logs in with the demo password and answers /me with role and unit', async () => {
    const client = await t.as('zjj_officer')
    const me = await client.get('/api/auth/me')
    expect(me.statusCode).toBe(200)
    expect(me.json().user).toMatchObject({ username: 'zjj_officer', role: 'officer', roleLabel: '执法人员', orgName: '禄丰市住房和城乡建设局' })
  })

  it('sets an HttpOnly SameSite cookie and stores only a hash of the token', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'sfj', password: DEMO_PASSWORD })
    const cookie = res.cookies.find((c) => c.name === 'yg_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const stored = await t.db.selectFrom('user_session').select('token_hash').execute()
    expect(stored.some((s) => s.token_hash === cookie.value)).toBe(false)
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true)
  })

  it('refuses a wrong password with a Chinese message and a stable code', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'sfj2', password: 'wrong-Password1' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' })
  })

  it('rejects malformed input with VALIDATION_FAILED', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: '' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) {
      expect((await t.anonymous.post('/api/auth/login', { username: 'js_head', password: 'Wrong-pass1' })).statusCode).toBe(401)
    }
    const locking = await t.anonymous.post('/api/auth/login', { username: 'js_head', password: 'Wrong-pass1' })
    expect(locking.statusCode).toBe(423)
    const right = await t.anonymous.post('/api/auth/login', { username: 'js_head', password: DEMO_PASSWORD })
    expect(right.statusCode).toBe(423)
    expect(right.json().code).toBe('ACCOUNT_LOCKED')
    // The lock ends by itself.
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000)
    const later = await t.anonymous.post('/api/auth/login', { username: 'js_head', password: DEMO_PASSWORD })
    expect(later.statusCode).toBe(200)
  })

  it('ends a session after 30 idle minutes', async () => {
    const client = await t.as('zjj_head')
    expect((await client.get('/api/auth/me')).statusCode).toBe(200)
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 60_000)
    const res = await client.get('/api/auth/me')
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED')
  })

  it('logs out: the cookie stops working', async () => {
    const client = await t.as('zjj_legal')
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await client.get('/api/auth/me')).statusCode).toBe(401)
  })

  it('refuses cross-site unsafe requests', async () => {
    const client = await t.as('admin')
    const res = await client.post('/api/auth/logout', {}, { origin: 'https://evil.example', host: 'localhost:80' })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('CSRF_REJECTED')
    const site = await client.post('/api/auth/logout', {}, { 'sec-fetch-site': 'cross-site' })
    expect(site.statusCode).toBe(403)
    expect((await client.get('/api/auth/me')).statusCode).toBe(200)
  })

  it('rate-limits failed logins per address', async () => {
    let last = 0
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `nobody${i}`, password: 'x' }, remoteAddress: '10.9.9.9' })
      last = res.statusCode
    }
    expect(last).toBe(429)
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'volunteer', password: DEMO_PASSWORD }, remoteAddress: '10.9.9.8' })
    expect(other.statusCode).toBe(200)
  })
})

describe('health', () => {
  it('reports ok with engine and migration', async () => {
    const res = await t.anonymous.get('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: { migration: expect.stringMatching(/^\d{4}_/) } })
  })
})
