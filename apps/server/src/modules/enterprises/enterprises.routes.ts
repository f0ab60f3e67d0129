import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { AppError } from '../../platform/errors'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { pdfBody } from '../cases/cases-public.schema'
import { sendPdf } from '../cases/case-documents.routes'
import { MAX_IMPORT_BYTES } from './enterprise-import'
import { presentEnterprise } from './enterprises.presenter'
import {
  activateBody,
  activationNotifiedView,
  enterpriseInput,
  enterpriseView,
  importQuery,
  importResultView,
  listEnterprisesQuery,
  qrTokenView,
  updateEnterpriseBody,
} from './enterprises.schema'
import * as service from './enterprises.service'

const csvTypes = ['text/csv', 'application/csv']
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['市场主体 enterprises']
  const one = z.object({ enterprise: enterpriseView })
  // Import files arrive as the raw body: CSV text or an XLSX workbook.
  app.addContentTypeParser([...csvTypes, xlsxType], { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  app.get('/enterprises', { schema: { tags, summary: '市场主体列表（名称、信用代码、地址检索）', querystring: listEnterprisesQuery, response: { 200: pageOf(enterpriseView), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await service.listEnterprises(db, ctx, { ...req.query, ...pageOffset(req.query) })
    return { items: items.map((e) => presentEnterprise(ctx.actor, e)), total, page: req.query.page, pageSize: req.query.pageSize }
  })

  app.get('/enterprises/:id', { schema: { tags, summary: '市场主体详情', params: idParams, response: { 200: one, 401: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { enterprise: presentEnterprise(ctx.actor, await service.getEnterprise(db, ctx, req.params.id)) }
  })

  app.post('/enterprises', { schema: { tags, summary: '登记市场主体（统一社会信用代码按 GB 32100 校验）', body: enterpriseInput, response: { 201: one, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await service.createEnterprise(db, ctx, req.body)
    return reply.status(201).send({ enterprise: await present(ctx, id) })
  })

  app.patch('/enterprises/:id', { schema: { tags, summary: '修改市场主体（信用代码不可改）', params: idParams, body: updateEnterpriseBody, response: { 200: one, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    await service.updateEnterprise(db, ctx, req.params.id, req.body)
    return { enterprise: await present(ctx, req.params.id) }
  })

  app.post(
    '/enterprises/import',
    {
      schema: {
        tags,
        summary: '批量导入市场主体（CSV 或 XLSX 文件作为请求体；按信用代码幂等；有错误则不写入并逐行报告）',
        querystring: importQuery,
        consumes: [...csvTypes, xlsxType],
        response: { 200: importResultView, 400: errorBody, 401: errorBody, 403: errorBody, 413: errorBody, 415: errorBody, 429: errorBody },
      },
      // An oversized file is refused on its declared length, before a byte of it is read or parsed;
      // a body without a length is cut off at the same limit (Fastify's 413).
      bodyLimit: MAX_IMPORT_BYTES,
      onRequest: async (req) => {
        const length = Number(req.headers['content-length'] ?? 0)
        if (length > MAX_IMPORT_BYTES) {
          throw new AppError('PAYLOAD_TOO_LARGE', `导入文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`, { maxBytes: MAX_IMPORT_BYTES })
        }
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim()
      const format = type === xlsxType ? 'xlsx' : csvTypes.includes(type) ? 'csv' : null
      if (!format || !Buffer.isBuffer(req.body)) throw new AppError('BAD_REQUEST', '请上传 CSV（text/csv）或 Excel（.xlsx）文件')
      return service.importEnterprises(db, ctx, req.body, format, req.query.dryRun)
    },
  )

  app.post('/enterprises/:id/qr-token', { schema: { tags, summary: '生成或重新生成入企码（旧码立即失效；新码只显示一次）', params: idParams, response: { 200: qrTokenView, 401: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return service.issueQrToken(db, ctx, req.params.id, app.deps.config.publicUrl)
  })

  app.post(
    '/enterprises/:id/activation-codes',
    {
      schema: {
        tags,
        summary: '生成企业账号激活码（登记单位或当地司法局；7 日内有效，一次性）',
        description:
          '激活码只送达企业登记联系人，不在响应中显示：已配置短信/邮件发送时直接发送并返回 JSON（delivery = notified）；未配置时返回《企业账号激活码密封函》PDF（application/pdf），由办理人打印密封后寄送。',
        params: idParams,
        produces: ['application/pdf', 'application/json'],
        response: { 201: pdfBody.describe('激活码密封函 PDF，或已发送时的 JSON（activationNotifiedView）'), 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req)
      const issued = await service.issueActivationCode(db, ctx, req.params.id, { notifier: app.deps.notifier, publicUrl: app.deps.config.publicUrl })
      if (issued.delivery === 'sealed_letter') return sendPdf(reply.status(201), issued.letter, 'private, no-store')
      return reply.status(201).type('application/json').send(activationNotifiedView.parse(issued))
    },
  )

  app.post('/enterprise-accounts/activate', { schema: { tags, summary: '企业用统一社会信用代码和激活码开通账号（无需登录）', body: activateBody, response: { 201: z.object({ username: z.string(), enterpriseName: z.string() }), 400: errorBody, 401: errorBody, 409: errorBody, 422: errorBody } } }, async (req, reply) => {
    const result = await service.activateEnterpriseAccount(db, req.ctx, req.body)
    return reply.status(201).send({ username: req.body.username, enterpriseName: result.enterpriseName })
  })

  async function present(ctx: RequestContext & { actor: Actor }, id: string) {
    return presentEnterprise(ctx.actor, await service.getEnterprise(db, ctx, id))
  }
}
