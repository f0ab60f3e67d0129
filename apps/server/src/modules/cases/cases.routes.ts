import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { pageOf } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { proposalReview } from './case-proposal-review.service'
import { proposalReviewView } from './case-proposal-review.schema'
import { getPenaltyRules, putPenaltyRules } from './case-rules.service'
import * as service from './cases.service'
import * as s from './cases.schema'
import './cases.jobs'
import './cases.todos'

const issuedDocument = z.object({ documentId: z.string(), kind: z.string(), number: z.string().nullable() })

/**
 * 行政处罚 cases: list, 线索登记, 简易程序, detail with the acts allowed now, and one route for every
 * act of the procedure (`POST /api/cases/:id/actions/:action`); the jurisdiction's procedure rules.
 */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['行政处罚 cases']
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody }

  app.get(
    '/cases',
    { schema: { tags, summary: '案件列表（按管辖范围；可按状态、程序、案号/当事人/案由、逾期筛选）', querystring: s.listCasesQuery, response: { 200: pageOf(s.caseRowView), 400: errorBody, 401: errorBody } } },
    async (req) => service.listCases(db, signedIn(req), req.query),
  )

  app.post(
    '/cases',
    { schema: { tags, summary: '线索登记（普通程序案件；可由检查结果“移送立案”的检查转入）', body: s.createCaseBody, response: { 201: s.caseDetailView, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await service.registerCase(db, ctx, req.body)
      return reply.status(201).send(await service.caseDetail(db, ctx, id))
    },
  )

  app.post(
    '/cases/simple',
    {
      schema: {
        tags,
        summary: '简易程序：当场作出行政处罚决定（第五十一至五十三条）',
        body: s.simpleCaseBody,
        response: { 201: s.caseDetailView.extend({ issuedDocuments: z.array(issuedDocument) }), ...refusals },
      },
    },
    async (req, reply) => {
      const ctx = signedIn(req)
      const { caseId, documents } = await service.decideSimpleCase(db, ctx, req.body)
      return reply.status(201).send({ ...(await service.caseDetail(db, ctx, caseId)), issuedDocuments: documents })
    },
  )

  app.get(
    '/cases/:id',
    { schema: { tags, summary: '案件详情（当事人、承办人、办理记录、期限、证据、执行、可进行的办理行为）', params: idParams, response: { 200: s.caseDetailView, 401: errorBody, 404: errorBody } } },
    async (req) => service.caseDetail(db, signedIn(req), req.params.id),
  )

  app.get(
    '/cases/:id/proposal-review',
    {
      schema: {
        tags,
        summary: '处罚建议审查（处罚种类和数额、法定幅度及计罚基数、裁量基准、从轻减轻从重情节、违法记录，偏离之处标红；调查终结后）',
        params: idParams,
        response: { 200: proposalReviewView, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req) => proposalReview(db, signedIn(req), req.params.id),
  )

  app.post(
    '/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '案件办理行为（按程序流转表；每一行为一个事务、一条办理记录、一条审计记录）',
        params: s.actionParams,
        body: s.caseActionBody,
        response: { 200: s.caseDetailView.extend({ issuedDocuments: z.array(issuedDocument), createdCaseId: z.string().nullable() }), ...refusals },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const result = await service.performCaseAction(db, ctx, req.params.id, req.params.action, req.body)
      return { ...(await service.caseDetail(db, ctx, req.params.id)), issuedDocuments: result.documents, createdCaseId: result.createdCaseId ?? null }
    },
  )

  app.get(
    '/penalty-rules/:regionCode',
    { schema: { tags, summary: '行政处罚程序规则（本区域或上级区域的设置，无则为默认值；监督人员、管理员）', params: s.regionParams, response: { 200: s.penaltyRulesView, 401: errorBody, 403: errorBody, 404: errorBody } } },
    async (req) => getPenaltyRules(db, signedIn(req), req.params.regionCode),
  )

  app.put(
    '/penalty-rules/:regionCode',
    { schema: { tags, summary: '设置本区域行政处罚程序规则（听证数额标准、法制审核节点、期限等；记审计）', params: s.regionParams, body: s.penaltyRulesBody, response: { 200: s.penaltyRulesView, ...refusals } } },
    async (req) => putPenaltyRules(db, signedIn(req), req.params.regionCode, req.body),
  )
}
