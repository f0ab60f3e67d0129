import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { pageOf } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { caseDocumentRuntimeFrom } from '../cases/case-documents.service'
import { sendStoredFile } from '../../platform/files/serve-file'
import { sendPdf } from '../cases/case-documents.routes'
import { pdfBody } from '../cases/cases-public.schema'
import { configureSupervisionDocuments } from './supervision-documents'
import {
  presentDocType,
  presentDocumentDetail,
  presentDocumentSummary,
  presentLegalNotice,
  presentNoticeRecipients,
  presentTask,
  presentTaskDetail,
} from './supervision.presenter'
import {
  acceptBody,
  createDocTypeBody,
  createDocumentBody,
  createLegalNoticeBody,
  docTypeCodeParams,
  docTypeListView,
  docTypeRegionQuery,
  documentDetailView,
  documentSummaryView,
  evidenceParams,
  legalNoticeDetailView,
  legalNoticeView,
  listDocumentsQuery,
  listTasksQuery,
  respondBody,
  returnBody,
  taskDetailView,
  taskView,
  updateDocTypeBody,
} from './supervision.schema'
import * as supervision from './supervision.service'
import './supervision.jobs'
import './supervision.todos'

/** 执法监督: document types, 一函三书 issued to units, rectification tasks to the end, 普法提示单. */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  configureSupervisionDocuments(caseDocumentRuntimeFrom(app.deps.config))
  const tags = ['执法监督 supervision']
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody }

  // ——— 文书种类 ———

  const docTypeList = async (ctx: ReturnType<typeof signedIn>, regionCode: string | undefined) => {
    const { region, types } = await supervision.listDocTypes(db, ctx, regionCode)
    return { region: { code: region.code, name: region.name }, items: types.map((t) => presentDocType(ctx.actor, t, region.code)) }
  }

  app.get(
    '/supervision/document-types',
    { schema: { tags, summary: '监督文书种类（一函三书，按辖区配置：本辖区的种类优先，否则平台默认）', querystring: docTypeRegionQuery, response: { 200: docTypeListView, 400: errorBody, 401: errorBody, 403: errorBody } } },
    async (req) => docTypeList(signedIn(req), req.query.regionCode),
  )

  app.post(
    '/supervision/document-types',
    { schema: { tags, summary: '新增本辖区的监督文书种类（系统管理员：平台默认或指定地区）', querystring: docTypeRegionQuery, body: createDocTypeBody, response: { 200: docTypeListView, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await supervision.createDocType(db, ctx, req.body, req.query.regionCode)
      return docTypeList(ctx, req.query.regionCode)
    },
  )

  app.patch(
    '/supervision/document-types/:code',
    {
      schema: {
        tags,
        summary: '修改本辖区的监督文书种类（名称、约束力、整改期限、升级对象、文号代字、模板）；沿用平台默认的种类改后成为本辖区的种类',
        params: docTypeCodeParams,
        querystring: docTypeRegionQuery,
        body: updateDocTypeBody,
        response: { 200: docTypeListView, ...refusals },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      await supervision.updateDocType(db, ctx, req.params.code, req.body, req.query.regionCode)
      return docTypeList(ctx, req.query.regionCode)
    },
  )

  // ——— 监督文书 ———

  app.get('/supervision/documents', { schema: { tags, summary: '监督文书列表（监督机关：本辖区；单位：收到的文书）', querystring: listDocumentsQuery, response: { 200: pageOf(documentSummaryView), 400: errorBody, 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { page, pageSize, ...filter } = req.query
    const { rows, total } = await supervision.listDocuments(db, ctx, { ...filter, limit: pageSize, offset: (page - 1) * pageSize })
    return { items: rows.map((r) => presentDocumentSummary(ctx.actor, r)), total, page, pageSize }
  })

  app.post('/supervision/documents', { schema: { tags, summary: '起草监督文书（可同时制发）', body: createDocumentBody, response: { 201: documentDetailView, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const { issueNow, ...input } = req.body
    const id = await supervision.createDocument(db, ctx, input)
    if (issueNow) await supervision.issueDocument(db, ctx, id)
    return reply.status(201).send(presentDocumentDetail(ctx.actor, ctx.now, await supervision.getDocument(db, ctx, id)))
  })

  app.get('/supervision/documents/:id', { schema: { tags, summary: '监督文书详情（问题、送达与签收、整改任务；单位负责人首次打开即签收）', params: idParams, response: { 200: documentDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return presentDocumentDetail(ctx.actor, ctx.now, await supervision.getDocument(db, ctx, req.params.id))
  })

  app.post('/supervision/documents/:id/issue', { schema: { tags, summary: '制发监督文书（编号、生成 PDF、存证、送达、生成整改任务）', params: idParams, response: { 200: documentDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await supervision.issueDocument(db, ctx, req.params.id)
    return presentDocumentDetail(ctx.actor, ctx.now, await supervision.getDocument(db, ctx, req.params.id))
  })

  app.get(
    '/supervision/documents/:id/pdf',
    { schema: { tags, summary: '下载监督文书 PDF', params: idParams, produces: ['application/pdf'], response: { 200: pdfBody, 401: errorBody, 404: errorBody, 409: errorBody } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      return sendPdf(reply, await supervision.documentPdf(db, ctx, req.params.id), 'private, no-store')
    },
  )

  // ——— 整改任务 ———

  app.get('/supervision/tasks', { schema: { tags, summary: '整改任务（按期限排序，可筛选逾期）', querystring: listTasksQuery, response: { 200: pageOf(taskView), 400: errorBody, 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { page, pageSize, status, overdue } = req.query
    const { rows, total } = await supervision.listTasks(db, ctx, { status, overdue, limit: pageSize, offset: (page - 1) * pageSize })
    return { items: rows.map((r) => presentTask(ctx.actor, r, ctx.now)), total, page, pageSize }
  })

  app.get('/supervision/tasks/:id', { schema: { tags, summary: '整改任务详情与时间线', params: idParams, response: { 200: taskDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return presentTaskDetail(ctx.actor, ctx.now, await supervision.getTask(db, ctx, req.params.id))
  })

  app.get(
    '/supervision/tasks/:id/report/pdf',
    { schema: { tags, summary: '下载报告本级人民政府的 PDF（逾期升级）', params: idParams, produces: ['application/pdf'], response: { 200: pdfBody, 401: errorBody, 404: errorBody } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      return sendPdf(reply, await supervision.reportPdf(db, ctx, req.params.id), 'private, no-store')
    },
  )

  app.post('/supervision/tasks/:id/respond', { bodyLimit: 60 * 1024 * 1024, schema: { tags, summary: '被监督单位反馈整改措施和证明材料', params: idParams, body: respondBody, response: { 200: taskDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await supervision.respondToTask(db, ctx, req.params.id, req.body, { quotaBytesPerDay: app.deps.config.uploadQuotaBytesPerDay })
    return presentTaskDetail(ctx.actor, ctx.now, await supervision.getTask(db, ctx, req.params.id))
  })

  app.post('/supervision/tasks/:id/accept', { schema: { tags, summary: '验收整改（销号）', params: idParams, body: acceptBody, response: { 200: taskDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await supervision.acceptTask(db, ctx, req.params.id, req.body)
    return presentTaskDetail(ctx.actor, ctx.now, await supervision.getTask(db, ctx, req.params.id))
  })

  app.post('/supervision/tasks/:id/return', { schema: { tags, summary: '退回整改反馈（说明理由，重新计算期限）', params: idParams, body: returnBody, response: { 200: taskDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await supervision.returnTask(db, ctx, req.params.id, req.body)
    return presentTaskDetail(ctx.actor, ctx.now, await supervision.getTask(db, ctx, req.params.id))
  })

  app.get(
    '/supervision/tasks/:id/evidence/:sha256',
    { schema: { tags, summary: '下载整改证明材料', params: evidenceParams, produces: ['application/octet-stream'], response: { 200: z.any().describe('文件'), 401: errorBody, 404: errorBody } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const file = await supervision.evidenceFile(db, ctx, req.params.id, req.params.sha256)
      // A file a unit sent, with the type its content showed on arrival: sandboxed, never rendered as a page on this origin.
      return sendStoredFile(reply, { body: Buffer.from(file.bytes), mediaType: file.mediaType ?? 'application/octet-stream', fileName: file.name, cacheControl: 'private, no-store' })
    },
  )

  // ——— 普法提示单 ———

  app.get('/supervision/legal-notices', { schema: { tags, summary: '普法提示单（监督机关：已制发及阅读情况；单位：收到的）', response: { 200: z.object({ items: z.array(legalNoticeView) }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { items: (await supervision.listLegalNotices(db, ctx)).map(presentLegalNotice) }
  })

  app.post('/supervision/legal-notices', { schema: { tags, summary: '制发普法提示单', body: createLegalNoticeBody, response: { 201: legalNoticeDetailView, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await supervision.issueLegalNotice(db, ctx, req.body)
    const { notice, recipients } = await supervision.getLegalNotice(db, ctx, id)
    return reply.status(201).send({ notice: presentLegalNotice(notice), recipients: presentNoticeRecipients(recipients) })
  })

  app.get('/supervision/legal-notices/:id', { schema: { tags, summary: '普法提示单详情（单位负责人首次打开即记录阅读）', params: idParams, response: { 200: legalNoticeDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    const { notice, recipients } = await supervision.getLegalNotice(db, ctx, req.params.id)
    return { notice: presentLegalNotice(notice), recipients: presentNoticeRecipients(recipients) }
  })
}
