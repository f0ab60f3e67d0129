import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { setStoredFileHeaders } from '../../platform/files/serve-file'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { caseDocumentRuntimeFrom, configureCaseDocuments, documentPdf, listDocuments } from './case-documents.service'
import { publishDecision, readPublication, withdrawPublication } from './case-publication.service'
import { presentCaseDocument, presentPublication } from './cases-public.presenter'
import { caseDocumentList, caseDocumentParams, caseIdParams, pdfBody, publicationView, withdrawBody } from './cases-public.schema'

/**
 * A case's documents (文书) and the 公示 of its decision, for signed-in users who may see the case
 * (scoped as the case: 404 outside). The case detail itself is the case module's; the web reads the
 * documents from here.
 */
export const caseDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  configureCaseDocuments(caseDocumentRuntimeFrom(app.deps.config))
  const tags = ['行政处罚 cases']

  app.get(
    '/cases/:id/documents',
    { schema: { tags, summary: '案件的执法文书（文号、核验编号、下载地址）', params: caseIdParams, response: { 200: caseDocumentList, 401: errorBody, 404: errorBody } } },
    async (req) => {
      const ctx = signedIn(req)
      const rows = await listDocuments(db, ctx.actor, req.params.id)
      return { items: rows.map((r) => presentCaseDocument(r, req.params.id)) }
    },
  )

  app.get(
    '/cases/:id/documents/:docId/pdf',
    {
      schema: { tags, summary: '下载文书 PDF', params: caseDocumentParams, produces: ['application/pdf'], response: { 200: pdfBody, 401: errorBody, 404: errorBody } },
    },
    async (req, reply) => {
      const ctx = signedIn(req)
      const pdf = await documentPdf(db, ctx.actor, req.params.id, req.params.docId)
      return sendPdf(reply, pdf, 'private, no-store')
    },
  )

  app.get(
    '/cases/:id/publication',
    { schema: { tags, summary: '处罚决定的公示状态（期限、剩余天数、可执行的操作）', params: caseIdParams, response: { 200: publicationView, 401: errorBody, 404: errorBody } } },
    async (req) => {
      const ctx = signedIn(req)
      return presentPublication(await readPublication(db, ctx.actor, req.params.id, ctx.now))
    },
  )

  app.post(
    '/cases/:id/publication',
    {
      schema: {
        tags,
        summary: '公示处罚决定（单位负责人；只公开白名单字段，自然人信息脱敏）',
        params: caseIdParams,
        response: { 200: publicationView, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      return presentPublication(await publishDecision(db, ctx, req.params.id))
    },
  )

  app.post(
    '/cases/:id/publication/withdraw',
    {
      schema: {
        tags,
        summary: '撤下公示（处罚决定变更、撤销或被确认无效后三个工作日内，须说明理由）',
        params: caseIdParams,
        body: withdrawBody,
        response: { 200: publicationView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      return presentPublication(await withdrawPublication(db, ctx, req.params.id, req.body.note))
    },
  )
}

/**
 * Sends a document as a download: `application/pdf`, named by its Chinese title and number
 * (RFC 5987 `filename*`, with an ASCII fallback for old clients).
 */
export function sendPdf(reply: FastifyReply, pdf: { title: string; number: string | null; bytes: Uint8Array }, cacheControl: string) {
  const name = `${pdf.title}${pdf.number ? `（${pdf.number}）` : ''}.pdf`
  // A download with the stored-file headers (nosniff, sandboxing CSP): Chrome will not render a PDF
  // in a sandboxed document anyway, and the reader opens it outside this origin.
  return setStoredFileHeaders(reply, 'attachment', name)
    .type('application/pdf')
    .header('cache-control', cacheControl)
    .send(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength))
}
