import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { loadConfig } from '../../config'
import { buildApp } from './app'
import { MAX_JSON_DEPTH } from './input-guard'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

describe('NUL bytes are refused at the edge', () => {
  it('in the query of a public page, the path of a public check and a sign-in body: 400, never a database error', async () => {
    for (const url of ['/api/public/officers?q=%00', '/api/public/officers?q=a%00b', '/api/public/certificates/AB%00CD']) {
      const res = await t.anonymous.get(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { where: 'url' } })
      expect(res.json().message).toContain('空字符')
    }
    const login = await t.anonymous.post('/api/auth/login', { username: 'ad\u0000min', password: 'x' })
    expect(login.statusCode).toBe(400)
    expect(login.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'username' } })
  })

  it('in a nested string or a key of a signed-in write', async () => {
    const admin = await t.as('admin')
    const res = await admin.post('/api/enterprises', { creditCode: '91532331MA6Q1XYZ0X', name: '测试', kind: 'enterprise', extra: { list: ['ok', 'b\u0000ad'] } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'extra.list.1' } })
    const key = await admin.post('/api/enterprises', { ['na\u0000me']: 'x' })
    expect(key.statusCode).toBe(400)
    expect(key.json().message).toContain('空字符')
  })

  it('refuses JSON nested deeper than any form sends, without walking it recursively', async () => {
    const depth = 100_000
    const payload = `${'['.repeat(depth)}${']'.repeat(depth)}`
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { maxDepth: MAX_JSON_DEPTH } })
  })
})

describe('dates are calendar dates everywhere', () => {
  it('the audit-log filter refuses 2025-02-30 and accepts 2024-02-29', async () => {
    const admin = await t.as('admin')
    const bad = await admin.get('/api/audit-logs?from=2025-02-30')
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'querystring.from', field: '开始日期' }] } })
    expect(bad.json().message).toMatch(/^输入有误：开始日期：/)
    expect((await admin.get('/api/audit-logs?from=2024-02-29')).statusCode).toBe(200)
  })
})

describe('validation errors are Chinese and name the field', () => {
  it('a wrong type, a missing field and a too-long text read in Chinese, with the machine path kept', async () => {
    const admin = await t.as('admin')
    const res = await admin.post('/api/enterprises', { creditCode: 12345, name: 'x'.repeat(300), kind: 'enterprise' })
    expect(res.statusCode).toBe(400)
    const body = res.json() as { code: string; message: string; details: { issues: Array<{ path: string; field: string; message: string }> } }
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.message).toContain('统一社会信用代码')
    const byPath = new Map(body.details.issues.map((i) => [i.path, i]))
    expect(byPath.get('body.creditCode')).toMatchObject({ field: '统一社会信用代码' })
    expect(byPath.get('body.name')).toMatchObject({ field: '名称', message: '最多 100 个字' })
    for (const issue of body.details.issues) expect(issue.message).not.toMatch(/[A-Za-z]{4,}/)

    const missing = await admin.post('/api/enterprises', { name: '某某公司', kind: 'enterprise' })
    expect(missing.json().details.issues).toContainEqual(expect.objectContaining({ path: 'body.creditCode', message: '必须填写' }))
  })

  it('an unknown address and a malformed escape answer in the same shape', async () => {
    const notFound = await t.anonymous.get('/api/no-such-thing')
    expect(notFound.statusCode).toBe(404)
    expect(notFound.json()).toMatchObject({ code: 'NOT_FOUND', message: '请求的地址不存在' })
    const badEscape = await t.anonymous.get('/api/public/certificates/%E0%A4%A')
    expect(badEscape.statusCode).toBe(400)
    expect(badEscape.json()).toMatchObject({ code: 'BAD_REQUEST', message: '请求格式有误' })
    const longParam = await t.anonymous.get(`/api/public/certificates/${'A'.repeat(500)}`)
    expect(longParam.statusCode).toBe(414)
    expect(longParam.json()).toMatchObject({ code: 'URI_TOO_LONG', message: '请求地址过长' })
  })
})

describe("errors from Node's HTTP parser", () => {
  let address: { port: number }
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    address = t.app.server.address() as { port: number }
  })

  const rawRequest = async (text: string) => {
    const res = await sendRaw(address.port, text)
    return { status: res.status, body: JSON.parse(res.body) as unknown }
  }

  it('a request line over the limit is 414 and oversized headers are 431, both as {code, message, details}', async () => {
    const longUrl = await rawRequest(`GET /api/public/officers?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)
    expect(longUrl).toEqual({ status: 414, body: { code: 'URI_TOO_LONG', message: '请求地址过长', details: { reason: 'HPE_HEADER_OVERFLOW' } } })
    const bigHeader = await rawRequest(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'b'.repeat(20_000)}\r\n\r\n`)
    expect(bigHeader).toEqual({ status: 431, body: { code: 'HEADERS_TOO_LARGE', message: '请求头过大', details: { reason: 'HPE_HEADER_OVERFLOW' } } })
  })
})

/**
 * A request written byte for byte on a socket: `inject` (and any URL-parsing client) would
 * normalise `/../` and `/%2e%2e/` away before the server saw them.
 */
function sendRaw(port: number, text: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text))
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const split = received.indexOf('\r\n\r\n')
      resolve({ status: Number(received.split(' ')[1]), body: split === -1 ? '' : received.slice(split + 4) })
    })
  })
}

describe('the web app is served from its own folder only', () => {
  let web: FastifyInstance
  let webDir: string
  let port: number
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-web-'))
    fs.writeFileSync(path.join(webDir, 'index.html'), 'ADMIN')
    fs.writeFileSync(path.join(webDir, 'm.html'), 'MOBILE')
    fs.writeFileSync(path.join(webDir, 'portal.html'), 'PORTAL')
    fs.mkdirSync(path.join(webDir, 'm'))
    fs.mkdirSync(path.join(webDir, 'assets'))
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'APP')
    fs.writeFileSync(path.join(webDir, 'm', 'sw.js'), 'SW')
    fs.writeFileSync(path.join(path.dirname(webDir), `${path.basename(webDir)}-secret.txt`), 'SECRET')
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), logLevel: 'silent' as const }
    web = await buildApp({ database: t.database, config, webDir })
    await web.listen({ port: 0, host: '127.0.0.1' })
    port = (web.server.address() as { port: number }).port
  })
  afterAll(async () => {
    await web.close()
    fs.rmSync(webDir, { recursive: true, force: true })
    fs.rmSync(path.join(path.dirname(webDir), `${path.basename(webDir)}-secret.txt`), { force: true })
  })

  it('GET /m opens the phone app although dist/m is also the folder of its files', async () => {
    const m = await web.inject({ method: 'GET', url: '/m' })
    expect(m.statusCode).toBe(200)
    expect(m.body).toBe('MOBILE')
    expect((await web.inject({ method: 'GET', url: '/m/scan/abc' })).body).toBe('MOBILE')
    expect((await web.inject({ method: 'GET', url: '/m/sw.js' })).body).toBe('SW')
  })

  it('a path out of the web root answers exactly as a missing file, whether the target exists or not', async () => {
    const secret = `${path.basename(webDir)}-secret.txt`
    const missing = await web.inject({ method: 'GET', url: '/no-such-page' })
    expect(missing.statusCode).toBe(200)
    expect(missing.body).toBe('ADMIN')
    for (const url of [`/../${secret}`, `/%2e%2e/${secret}`, `/..%2f${secret}`, '/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../../../../etc/no-such-file', '/m/../m.html']) {
      const res = await sendRaw(port, `GET ${url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 200, body: url === '/m/../m.html' ? 'MOBILE' : 'ADMIN' })
    }
    // Under /assets the static files plugin refuses any climb out, existing target or not, in the platform's shape.
    expect((await sendRaw(port, 'GET /assets/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).body).toBe('APP')
    const climbs = await Promise.all(
      [`/assets/../../${secret}`, '/assets/../../no-such-file', '/assets/%2e%2e/%2e%2e/etc/passwd', '/assets/%2e%2e/%2e%2e/etc/no-such-file'].map((url) =>
        sendRaw(port, `GET ${url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      ),
    )
    for (const res of climbs) {
      expect(res.status).toBe(403)
      expect(JSON.parse(res.body)).toEqual({ code: 'FORBIDDEN', message: '无权访问该地址', details: { reason: 'FST_STATIC_FORBIDDEN_PATH' } })
    }
  })
})
