import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness'
import { loadConfig } from '../../config'
import { buildApp } from '../../platform/http/app'
import { MAX_ACCOUNT_FAILURES, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_ADDRESS_AND_USER } from './auth.service'

// Counts argon2 verifications, to show how many passwords a burst of attempts got checked.
const verifications = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../platform/auth/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../platform/auth/password')>()
  return {
    ...actual,
    verifyPassword: (passwordHash: string, password: string) => {
      verifications.count++
      return actual.verifyPassword(passwordHash, password)
    },
  }
})

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

  it('refuses a wrong password with a Chinese message and a stable code, and no count of attempts left', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'sfj2', password: 'wrong-Password1' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', details: {} })
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
})

describe('login limits', () => {
  it('checks at most the lockout limit of passwords from a burst of 40 parallel attempts, then refuses the right one unchecked', async () => {
    const [victim] = await createAccounts('burst', 1)
    const before = verifications.count
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(`10.40.0.${i + 1}`, victim!, `Wrong-pass${i}`)))
    expect(verifications.count - before).toBe(MAX_ACCOUNT_FAILURES)
    const codes = results.map((r) => r.json().code)
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS')).toHaveLength(MAX_ACCOUNT_FAILURES - 1)
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(40 - (MAX_ACCOUNT_FAILURES - 1))
    expect(await lockStateOf(victim!)).toEqual({ failedLogins: MAX_ACCOUNT_FAILURES, locked: true })

    const right = await loginFrom('10.40.1.1', victim!, DEMO_PASSWORD)
    expect(right.statusCode).toBe(423)
    expect(right.json().code).toBe('ACCOUNT_LOCKED')
    expect(verifications.count - before).toBe(MAX_ACCOUNT_FAILURES)
  })

  it('checks at most the lockout limit of passwords when one address sends 40 at once', async () => {
    const [victim] = await createAccounts('oneaddr', 1)
    const before = verifications.count
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom('10.41.0.1', victim!, `Wrong-pass${i}`)))
    expect(verifications.count - before).toBeLessThanOrEqual(MAX_ACCOUNT_FAILURES)
    const codes = new Set(results.map((r) => r.json().code))
    for (const code of codes) expect(['AUTH_INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'RATE_LIMITED']).toContain(code)
  })

  it('locks the account when 60 attempts come from 5 addresses at once', async () => {
    const [victim] = await createAccounts('spread', 1)
    const before = verifications.count
    // Five attackers side by side, each sending 12 one after the other.
    const perAddress = await Promise.all(
      Array.from({ length: 5 }, async (_, a) => {
        const statuses: number[] = []
        for (let i = 0; i < 12; i++) statuses.push((await loginFrom(`10.60.0.${a + 1}`, victim!, `Wrong-pass${i}`)).statusCode)
        return statuses
      }),
    )
    expect(verifications.count - before).toBe(MAX_ACCOUNT_FAILURES)
    const statuses = perAddress.flat()
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_ACCOUNT_FAILURES - 1)
    // The 11th and 12th from each address run into the per-address-and-user limit.
    expect(statuses.filter((s) => s === 429)).toHaveLength(5 * (12 - MAX_FAILURES_PER_ADDRESS_AND_USER))
    expect(await lockStateOf(victim!)).toEqual({ failedLogins: MAX_ACCOUNT_FAILURES, locked: true })
    expect((await loginFrom('10.60.1.1', victim!, DEMO_PASSWORD)).statusCode).toBe(423)
  })

  it('lets the right password through on the last allowed attempt, and starts counting afresh', async () => {
    const [user] = await createAccounts('lastgo', 1)
    for (let i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) expect((await loginFrom('10.61.0.1', user!, 'Wrong-pass1')).statusCode).toBe(401)
    expect((await loginFrom('10.61.0.1', user!, DEMO_PASSWORD)).statusCode).toBe(200)
    expect(await lockStateOf(user!)).toEqual({ failedLogins: 0, locked: false })
  })

  it('answers an unknown user name exactly as a wrong password, after the same work, through to the lockout', async () => {
    const [existing] = await createAccounts('probe', 1)
    const answers = async (username: string) => {
      const before = verifications.count
      const bodies: unknown[] = []
      for (let i = 0; i < MAX_ACCOUNT_FAILURES + 2; i++) {
        const res = await loginFrom('10.62.0.1', username, 'Wrong-pass1')
        bodies.push({ status: res.statusCode, body: res.json() })
      }
      return { bodies, verified: verifications.count - before }
    }
    const real = await answers(existing!)
    const unknown = await answers('probe-nobody')
    expect(unknown).toEqual(real)
    expect(real.bodies[0]).toEqual({ status: 401, body: { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', details: {} } })
    expect(real.bodies[MAX_ACCOUNT_FAILURES - 1]).toMatchObject({ status: 423, body: { code: 'ACCOUNT_LOCKED' } })
    expect(real.verified).toBe(MAX_ACCOUNT_FAILURES)
  })

  it('does not block an office of 30 people behind one address, each with one typo', async () => {
    const staff = await createAccounts('office', 30)
    const results = await Promise.all(
      staff.map(async (username) => {
        const typo = await loginFrom('10.30.0.1', username, 'Lufeng@2025')
        const retry = await loginFrom('10.30.0.1', username, DEMO_PASSWORD)
        return [typo.statusCode, retry.statusCode]
      }),
    )
    expect(results).toEqual(staff.map(() => [401, 200]))
  })

  it('counts wrong current passwords on the change-password form against the same lockout', async () => {
    const [user] = await createAccounts('changer', 1)
    const session = await t.as(user!)
    const change = (currentPassword: string) => session.post('/api/auth/password', { currentPassword, newPassword: 'Better#2026y' })
    for (let i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) expect((await change('Wrong-pass1')).json().code).toBe('AUTH_INVALID_CREDENTIALS')
    const locking = await change('Wrong-pass1')
    expect(locking.statusCode).toBe(423)
    const before = verifications.count
    const right = await change(DEMO_PASSWORD)
    expect(right.statusCode).toBe(423)
    expect(right.json().code).toBe('ACCOUNT_LOCKED')
    expect(verifications.count).toBe(before)
    expect(await lockStateOf(user!)).toEqual({ failedLogins: MAX_ACCOUNT_FAILURES, locked: true })
  })

  it('a right current password clears the count of failures', async () => {
    const [user] = await createAccounts('changeok', 1)
    const session = await t.as(user!)
    expect((await session.post('/api/auth/password', { currentPassword: 'Wrong-pass1', newPassword: 'Better#2026y' })).statusCode).toBe(401)
    expect((await session.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'weak' })).statusCode).toBe(422)
    expect(await lockStateOf(user!)).toEqual({ failedLogins: 0, locked: false })
  })

  it('limits failures at one user name from one address, not from the others nor other names there', async () => {
    const [target, colleague] = await createAccounts('pair', 2)
    await recordPastFailures(Array.from({ length: MAX_FAILURES_PER_ADDRESS_AND_USER - 1 }, () => ({ username: target!, ip: '10.50.0.1' })))
    expect((await loginFrom('10.50.0.1', target!, 'Wrong-pass1')).statusCode).toBe(401)
    const refused = await loginFrom('10.50.0.1', target!, DEMO_PASSWORD)
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toEqual({ code: 'RATE_LIMITED', message: '登录失败次数过多，请 15 分钟后再试', details: { retryAfterMinutes: 15 } })
    expect((await loginFrom('10.50.0.2', target!, DEMO_PASSWORD)).statusCode).toBe(200)
    expect((await loginFrom('10.50.0.1', colleague!, DEMO_PASSWORD)).statusCode).toBe(200)
  })

  it('has a ceiling per address, whatever the user names', async () => {
    const [user] = await createAccounts('ceiling', 1)
    await recordPastFailures(Array.from({ length: MAX_FAILURES_PER_ADDRESS - 1 }, (_, i) => ({ username: `spray${i}`, ip: '10.70.0.1' })))
    expect((await loginFrom('10.70.0.1', 'spray-last', 'Wrong-pass1')).statusCode).toBe(401)
    const refused = await loginFrom('10.70.0.1', user!, DEMO_PASSWORD)
    expect(refused.statusCode).toBe(429)
    expect(refused.json().code).toBe('RATE_LIMITED')
    expect((await loginFrom('10.70.0.2', user!, DEMO_PASSWORD)).statusCode).toBe(200)
  })

  it('refuses an address already over its ceiling without recording more attempts, so a flood does not fill the table', async () => {
    await recordPastFailures(Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => ({ username: `flood${i}`, ip: '10.71.0.1' })))
    const rowsFrom = async () =>
      Number((await t.db.selectFrom('login_attempt').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', '10.71.0.1').executeTakeFirstOrThrow()).n)
    for (let i = 0; i < 3; i++) expect((await loginFrom('10.71.0.1', `flood-more${i}`, 'Wrong-pass1')).statusCode).toBe(429)
    expect(await rowsFrom()).toBe(MAX_FAILURES_PER_ADDRESS)
  })
})

describe('the client address behind a reverse proxy (TRUST_PROXY)', () => {
  // The proxy (127.0.0.1) appended the address it saw; the client wrote the left-most entry itself.
  const forwarded = { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }

  it('with TRUST_PROXY=1 takes the entry the proxy added, not the one the client wrote', async () => {
    expect(await addressSeen('1', '127.0.0.1', forwarded)).toBe('203.0.113.7')
  })

  it('with a list of proxy addresses believes only those proxies', async () => {
    expect(await addressSeen('127.0.0.1', '127.0.0.1', forwarded)).toBe('203.0.113.7')
    // Straight from a client that is not a listed proxy: its header is ignored.
    expect(await addressSeen('127.0.0.1', '198.51.100.9', forwarded)).toBe('198.51.100.9')
  })

  it('without TRUST_PROXY ignores X-Forwarded-For', async () => {
    expect(await addressSeen('false', '198.51.100.10', forwarded)).toBe('198.51.100.10')
  })

  it('marks the session cookie Secure behind a proxy', async () => {
    const app = await appWith('1')
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zjj_officer', password: DEMO_PASSWORD }, remoteAddress: '127.0.0.1', headers: forwarded })
      expect(res.statusCode).toBe(200)
      expect(res.cookies.find((c) => c.name === 'yg_session')?.secure).toBe(true)
    } finally {
      await app.close()
    }
  })

  let probes = 0
  async function addressSeen(trustProxy: string, remoteAddress: string, headers: Record<string, string>): Promise<string> {
    const app = await appWith(trustProxy)
    try {
      const username = `proxy-probe-${++probes}`
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Wrong-pass1' }, remoteAddress, headers })
      const row = await t.db.selectFrom('login_attempt').select('ip').where('username', '=', username).executeTakeFirstOrThrow()
      return row.ip
    } finally {
      await app.close()
    }
  }

  async function appWith(trustProxy: string) {
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: trustProxy }), logLevel: 'silent' as const }
    const app = await buildApp({ database: t.database, config, now: () => t.clock.now, webDir: '/nonexistent' })
    await app.ready()
    return app
  }
})

function loginFrom(address: string, username: string, password: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address })
}

/** Officers of 住建局 with the demo password (zjj_officer's hash), for tests that need accounts of their own. */
async function createAccounts(prefix: string, n: number): Promise<string[]> {
  const template = await t.db
    .selectFrom('app_user')
    .select(['password_hash', 'org_id'])
    .where('username', '=', 'zjj_officer')
    .executeTakeFirstOrThrow()
  const usernames = Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`)
  await t.db
    .insertInto('app_user')
    .values(usernames.map((username) => ({ username, display_name: `测试${username}`, role: 'officer', org_id: template.org_id, password_hash: template.password_hash })))
    .execute()
  return usernames
}

/** Failed attempts a minute ago, as an earlier burst would have left them. */
async function recordPastFailures(rows: Array<{ username: string; ip: string }>) {
  const at = new Date(t.clock.now.getTime() - 60_000)
  await t.db.insertInto('login_attempt').values(rows.map((r) => ({ ...r, succeeded: false, at }))).execute()
}

async function lockStateOf(username: string): Promise<{ failedLogins: number; locked: boolean }> {
  const row = await t.db.selectFrom('app_user').select(['failed_logins', 'locked_until']).where('username', '=', username).executeTakeFirstOrThrow()
  return { failedLogins: row.failed_logins, locked: Boolean(row.locked_until && row.locked_until > t.clock.now) }
}

describe('health', () => {
  it('reports ok with engine and migration', async () => {
    const res = await t.anonymous.get('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: { migration: expect.stringMatching(/^\d{4}_/) } })
  })
})
