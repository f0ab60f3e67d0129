import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import { zhValidationMessage } from '@yangguang/core'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Config } from '../../config'
import { modules } from '../../modules'
import { resolveSession } from '../../modules/auth/auth.service'
import type { Database } from '../db/create-db'
import type { LedgerRuntime } from '../ledger/ledger-runtime'
import type { Notifier } from '../notify/notifier'
import { AppError } from '../errors'
import { handleError } from './error-handler'
import { fastifyTrustProxy } from './trust-proxy'
import { installRouteAccessGate } from './route-access'
import { clientErrorHandler, rejectBadBody, rejectNulInUrl } from './input-guard'
import './request'

export const SESSION_COOKIE = 'yg_session'

export type AppDeps = {
  database: Database
  config: Config
  /** Built web app (apps/web/dist); the API works without it. */
  webDir?: string
  /** The clock; tests move it to check expiry. */
  now?: () => Date
  /** 存证: the log's keys and witnesses; the ledger read API answers 409 without it. */
  ledger?: LedgerRuntime
  /** SMS/e-mail sender for messages to enterprises; none by default (activation codes then go by sealed letter). */
  notifier?: Notifier
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { now: () => Date }
    /** Every API route as 'METHOD /path', for the OpenAPI completeness test. */
    apiRoutes: string[]
  }
}

const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist')

/**
 * Builds the HTTP application without listening, so tests drive it with `inject`.
 *
 * @example
 * const app = await buildApp({ database, config })
 * const res = await app.inject({ method: 'GET', url: '/api/health' })
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    bodyLimit: 10 * 1024 * 1024,
    // One line per request is noise at this size; errors are still logged with their request.
    logController: new LogController({ disableRequestLogging: true }),
    // Errors raised before a route is found (a malformed %-escape, an over-long path parameter) and
    // by Node's HTTP parser (request line or headers too large) answer in the same JSON as the rest.
    frameworkErrors: handleError,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>()
  // zod's built-in messages in Chinese (a message written on a schema still wins).
  z.config({ customError: zhValidationMessage })
  app.decorate('deps', { ...deps, now: deps.now ?? (() => new Date()) })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  app.decorate('apiRoutes', [] as string[])
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || hidden) return
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push(`${method} ${route.url}`)
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(cookie)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '阳光执法 Yangguang API', version: '0.1.0', description: '行政执法和监督平台接口。错误统一为 {code, message, details}。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })

  // Input that cannot hurt (input-guard.ts): NUL in the address or body, absurd nesting.
  app.addHook('onRequest', rejectNulInUrl)
  app.addHook('preValidation', rejectBadBody)
  app.addHook('onRequest', async (req) => {
    rejectCrossSite(req.method, req.headers)
    req.ctx = { actor: null, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, now: app.deps.now() }
    const token = req.cookies[SESSION_COOKIE]
    if (!token) return
    const session = await resolveSession(app.deps.database.db, token, req.ctx.now, {
      idleMinutes: deps.config.sessionIdleMinutes,
      maxHours: deps.config.sessionMaxHours,
    })
    if (session && 'actor' in session) req.ctx.actor = session.actor
    else if (session) req.sessionExpired = true
  })
  // After the session is known, before the body is read: who may call the route at all.
  installRouteAccessGate(app)

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  for (const register of modules) await app.register(register, { prefix: '/api' })

  await serveWeb(app, deps.webDir ?? defaultWebDir)
  return app
}

/**
 * Cross-site request forgery: a browser names the requesting site on every unsafe request
 * (Sec-Fetch-Site, Origin); refuse those that come from another site. Non-browser clients send
 * neither and carry no ambient cookie.
 */
function rejectCrossSite(method: string, headers: Record<string, string | string[] | undefined>) {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return
  const site = headers['sec-fetch-site']
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new AppError('CSRF_REJECTED', '拒绝跨站请求')
  }
  const origin = headers.origin
  if (typeof origin === 'string' && origin !== 'null') {
    const host = headers['x-forwarded-host'] ?? headers.host
    let originHost: string
    try {
      originHost = new URL(origin).host
    } catch {
      throw new AppError('CSRF_REJECTED', '拒绝跨站请求')
    }
    if (originHost !== host) throw new AppError('CSRF_REJECTED', '拒绝跨站请求')
  }
}

/** The web entries: 管理端 at /, and each built entry at its prefix (公示门户 /portal, …). */
async function serveWeb(app: FastifyInstance, webDir: string) {
  const built = fs.existsSync(path.join(webDir, 'index.html'))
  const entries = [
    { prefix: '/portal', html: 'portal.html' },
    { prefix: '/m', html: 'm.html' },
  ].filter((e) => fs.existsSync(path.join(webDir, e.html)))
  if (built) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' })
    app.get('/assets/*', { schema: { hide: true } }, (req, reply) => {
      const rel = (req.params as { '*': string })['*']
      return reply.sendFile(`assets/${rel}`, { immutable: true, maxAge: '365d' })
    })
  }
  // The short address printed in QR codes: /verify?r=… opens the portal's verification page.
  app.get('/verify', { schema: { hide: true } }, (req, reply) => {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
    return reply.redirect(`/portal/verify${query}`, 302)
  })
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/'
    if (url.startsWith('/api/') || req.method !== 'GET' || !built) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在', details: { url } })
    }
    const page = entries.find((e) => url === e.prefix || url.startsWith(`${e.prefix}/`))?.html ?? 'index.html'
    const file = builtFileAt(webDir, url)
    if (file) return reply.sendFile(file)
    return reply.header('cache-control', 'no-cache').sendFile(page)
  })
}

/**
 * The built file a URL path names, relative to the web root, or null. Only regular files inside
 * `webDir` count: a directory (`/m` is both a page and the folder of its assets) falls through to
 * its page, and a path that leaves the root (`/../..`, `/%2e%2e/`) is answered exactly like a
 * missing file, so no request can tell whether a file exists outside the web root.
 */
function builtFileAt(webDir: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const root = path.resolve(webDir)
  const resolved = path.resolve(root, `.${decoded}`)
  const relative = path.relative(root, resolved)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null
  try {
    if (!fs.statSync(resolved).isFile()) return null
  } catch {
    return null
  }
  return relative.split(path.sep).join('/')
}
