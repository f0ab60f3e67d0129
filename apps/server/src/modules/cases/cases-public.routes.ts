import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { pageQuery } from '../../platform/db/pagination'
import { errorBody } from '../../platform/http/openapi'
import { sendPdf } from './case-documents.routes'
import { caseDocumentRuntimeFrom, configureCaseDocuments, lookupCase, partyDocumentPdf, publicDocument } from './case-documents.service'
import { listDecisionWithdrawals, listPublicDecisions, publicDecision } from './case-publication.service'
import { presentLookup, presentPublicDocument } from './cases-public.presenter'
import {
  caseIdParams,
  lookupBody,
  lookupDocumentParams,
  lookupView,
  pdfBody,
  publicDecisionPage,
  publicDecisionQuery,
  publicDecisionView,
  publicDocumentView,
  publicWithdrawalPage,
  verifyIdParams,
} from './cases-public.schema'

/**
 * Public (no login): the verification facts of an issued document, the published penalty decisions
 * (行政处罚决定公示), and the party's own case lookup with the code printed on their documents.
 */
export const casesPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  configureCaseDocuments(caseDocumentRuntimeFrom(app.deps.config))
  const tags = ['公示 public']

  app.get(
    '/public/documents/:verifyId',
    {
      schema: {
        tags,
        summary: '文书核验：文书种类、文号、机关、日期与其存证叶子（不含当事人信息）',
        params: verifyIdParams,
        response: { 200: publicDocumentView, 400: errorBody, 404: errorBody },
      },
    },
    async (req) => presentPublicDocument(await publicDocument(db, app.deps.ledger, req.params.verifyId)),
  )

  app.get(
    '/public/decisions',
    { schema: { tags, summary: '行政处罚决定公示（分页，可按当事人、文号、处罚机关检索）', querystring: publicDecisionQuery, response: { 200: publicDecisionPage, 400: errorBody } } },
    async (req) => {
      const { items, total } = await listPublicDecisions(db, req.query)
      return { items, total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )

  app.get(
    '/public/decision-withdrawals',
    {
      schema: {
        tags,
        summary: '撤回的行政处罚决定公示及其理由（决定被撤销，或经复议、诉讼变更、撤销、确认违法、确认无效；第四十八条第二款）',
        querystring: pageQuery,
        response: { 200: publicWithdrawalPage, 400: errorBody },
      },
    },
    async (req) => {
      const { items, total } = await listDecisionWithdrawals(db, req.query)
      return { items, total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )

  app.get(
    '/public/decisions/:id',
    { schema: { tags, summary: '一项公示的行政处罚决定', params: caseIdParams, response: { 200: publicDecisionView, 400: errorBody, 404: errorBody } } },
    async (req) => publicDecision(db, req.params.id),
  )

  app.post(
    '/public/case-lookup',
    {
      schema: {
        tags,
        summary: '当事人案件查询：凭案件编号和文书上的查询码查看办理状态、期限和送达的文书（按地址限制失败次数）',
        body: lookupBody,
        response: { 200: lookupView, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return presentLookup(await lookupCase(db, req.ctx, req.body))
    },
  )

  app.post(
    '/public/case-lookup/documents/:docId',
    {
      schema: {
        tags,
        summary: '当事人下载送达给自己的文书（须同样提供案件编号和查询码）',
        params: lookupDocumentParams,
        body: lookupBody,
        produces: ['application/pdf'],
        response: { 200: pdfBody, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const pdf = await partyDocumentPdf(db, req.ctx, { ...req.body, documentId: req.params.docId })
      return sendPdf(reply, pdf, 'no-store')
    },
  )
}
