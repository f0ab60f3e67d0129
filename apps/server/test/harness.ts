import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { inject } from 'vitest'
import { loadConfig } from '../src/config'
import type { Database } from '../src/platform/db/create-db'
import { buildApp } from '../src/platform/http/app'
import { createEphemeralLedgerRuntime, type LedgerRuntime } from '../src/platform/ledger/ledger-runtime'
import { openTestDatabase } from './test-database'

export const DEMO_PASSWORD = 'Lufeng@2026'

export type TestApp = {
  app: FastifyInstance
  database: Database
  db: Database['db']
  /** The app's clock; move `clock.now` to test expiry and deadlines. */
  clock: { now: Date }
  /** Logs in and returns a client bound to that session. */
  as(username: string, password?: string): Promise<Client>
  anonymous: Client
  /** 存证: the log's keys and witnesses (a fresh in-memory key, no witnesses unless given). */
  ledger: LedgerRuntime
  close(): Promise<void>
}

export type Client = {
  cookie: string | null
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>
  delete(url: string): Promise<LightMyRequestResponse>
}

/**
 * The app on a database of its own (a copy of the migrated demo template), driven through
 * `inject`. One per test file: `beforeAll(async () => { t = await createTestApp() })`.
 */
export async function createTestApp(options: { ledger?: LedgerRuntime } = {}): Promise<TestApp> {
  const database = await openTestDatabase({ pgliteDump: inject('pgliteDump'), templateDatabase: inject('templateDatabase') })
  const clock = { now: new Date('2026-11-20T10:00:00+08:00') }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), logLevel: 'silent' as const }
  const ledger = options.ledger ?? createEphemeralLedgerRuntime()
  const app = await buildApp({ database, config, now: () => clock.now, webDir: '/nonexistent', ledger })
  await app.ready()
  const client = (cookie: string | null): Client => {
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: { ...(cookie ? { cookie } : {}), ...headers },
      })
    return {
      cookie,
      get: (url) => send('GET', url),
      post: (url, body, headers) => send('POST', url, body ?? {}, headers),
      patch: (url, body) => send('PATCH', url, body ?? {}),
      delete: (url) => send('DELETE', url),
    }
  }
  return {
    app,
    database,
    db: database.db,
    clock,
    ledger,
    anonymous: client(null),
    async as(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
      const setCookie = res.cookies.find((c) => c.name === 'yg_session')
      if (!setCookie) throw new Error('no session cookie')
      return client(`yg_session=${setCookie.value}`)
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}
