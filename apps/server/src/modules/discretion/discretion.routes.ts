import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { presentBenchmark, presentCalculation, presentNoPenalty, presentVersionSummary } from './discretion.presenter'
import {
  benchmarkView,
  calculateBody,
  calculationView,
  createBenchmarkBody,
  createNoPenaltyBody,
  listBenchmarksQuery,
  listNoPenaltyQuery,
  noPenaltyView,
  updateBenchmarkBody,
  updateNoPenaltyBody,
  versionSummaryView,
  withdrawBody,
} from './discretion.schema'
import * as discretion from './discretion.service'

/** 裁量基准 and 首违不罚/轻微免罚 lists for staff: drafting, publication, versions, the calculator. */
export const discretionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['裁量基准 discretion']
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody }
  const oneBenchmark = z.object({ benchmark: benchmarkView, versions: z.array(versionSummaryView) })
  const oneItem = z.object({ item: noPenaltyView })

  // ——— 裁量基准 ———

  app.get(
    '/discretion/benchmarks',
    { schema: { tags, summary: '裁量基准列表（按权力事项、状态、领域筛选）', querystring: listBenchmarksQuery, response: { 200: pageOf(benchmarkView), 400: errorBody, 401: errorBody } } },
    async (req) => {
      const ctx = signedIn(req)
      const { items, total } = await discretion.listBenchmarks(db, ctx, { ...req.query, ...pageOffset(req.query) })
      return { items: items.map(({ row, facts }) => presentBenchmark(ctx.actor, row, facts)), total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )

  app.get('/discretion/benchmarks/:id', { schema: { tags, summary: '裁量基准详情（含各版本）', params: idParams, response: { 200: oneBenchmark, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return presentOne(ctx, req.params.id)
  })

  app.post(
    '/discretion/benchmarks',
    { schema: { tags, summary: '起草裁量基准（仅限行政处罚事项）', body: createBenchmarkBody, response: { 201: oneBenchmark, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await discretion.createBenchmark(db, ctx, req.body)
      return reply.status(201).send(await presentOne(ctx, id))
    },
  )

  app.patch(
    '/discretion/benchmarks/:id',
    { schema: { tags, summary: '修改裁量基准草稿（已公布的不能修改）', params: idParams, body: updateBenchmarkBody, response: { 200: oneBenchmark, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.updateBenchmark(db, ctx, req.params.id, req.body)
      return presentOne(ctx, req.params.id)
    },
  )

  app.delete(
    '/discretion/benchmarks/:id',
    { schema: { tags, summary: '删除裁量基准草稿', params: idParams, response: { 200: z.object({ deleted: z.literal(true) }), ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.deleteBenchmark(db, ctx, req.params.id)
      return { deleted: true as const }
    },
  )

  app.post(
    '/discretion/benchmarks/:id/publish',
    { schema: { tags, summary: '公布裁量基准（原现行版本同时停止适用；起草人不能自行公布）', params: idParams, response: { 200: oneBenchmark, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.publishBenchmark(db, ctx, req.params.id)
      return presentOne(ctx, req.params.id)
    },
  )

  app.post(
    '/discretion/benchmarks/:id/revise',
    { schema: { tags, summary: '以现行裁量基准为基础起草新版本', params: idParams, response: { 201: oneBenchmark, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await discretion.reviseBenchmark(db, ctx, req.params.id)
      return reply.status(201).send(await presentOne(ctx, id))
    },
  )

  app.post(
    '/discretion/benchmarks/:id/withdraw',
    { schema: { tags, summary: '现行裁量基准停止适用（须说明理由）', params: idParams, body: withdrawBody, response: { 200: oneBenchmark, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.withdrawBenchmark(db, ctx, req.params.id, req.body.reason)
      return presentOne(ctx, req.params.id)
    },
  )

  app.post(
    '/discretion/calculate',
    { schema: { tags, summary: '裁量计算：按所选情形和计罚基数给出合法的处罚幅度', body: calculateBody, response: { 200: calculationView, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      const { outcome, row } = await discretion.calculate(db, ctx, req.body)
      return presentCalculation(outcome, row)
    },
  )

  // ——— 首违不罚 / 轻微免罚清单 ———

  app.get(
    '/discretion/no-penalty-items',
    { schema: { tags, summary: '首违不罚、轻微违法免罚清单事项列表', querystring: listNoPenaltyQuery, response: { 200: pageOf(noPenaltyView), 400: errorBody, 401: errorBody } } },
    async (req) => {
      const ctx = signedIn(req)
      const { items, total } = await discretion.listNoPenaltyItems(db, ctx, { ...req.query, ...pageOffset(req.query) })
      return { items: items.map(({ row, facts }) => presentNoPenalty(ctx.actor, row, facts)), total, page: req.query.page, pageSize: req.query.pageSize }
    },
  )

  app.get('/discretion/no-penalty-items/:id', { schema: { tags, summary: '免罚清单事项详情', params: idParams, response: { 200: oneItem, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return presentItem(ctx, req.params.id)
  })

  app.post(
    '/discretion/no-penalty-items',
    { schema: { tags, summary: '起草免罚清单事项', body: createNoPenaltyBody, response: { 201: oneItem, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await discretion.createNoPenaltyItem(db, ctx, req.body)
      return reply.status(201).send(await presentItem(ctx, id))
    },
  )

  app.patch(
    '/discretion/no-penalty-items/:id',
    { schema: { tags, summary: '修改免罚清单事项草稿', params: idParams, body: updateNoPenaltyBody, response: { 200: oneItem, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.updateNoPenaltyItem(db, ctx, req.params.id, req.body)
      return presentItem(ctx, req.params.id)
    },
  )

  app.delete(
    '/discretion/no-penalty-items/:id',
    { schema: { tags, summary: '删除免罚清单事项草稿', params: idParams, response: { 200: z.object({ deleted: z.literal(true) }), ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.deleteNoPenaltyItem(db, ctx, req.params.id)
      return { deleted: true as const }
    },
  )

  app.post(
    '/discretion/no-penalty-items/:id/publish',
    { schema: { tags, summary: '公布免罚清单事项（起草人不能自行公布）', params: idParams, response: { 200: oneItem, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.publishNoPenaltyItem(db, ctx, req.params.id)
      return presentItem(ctx, req.params.id)
    },
  )

  app.post(
    '/discretion/no-penalty-items/:id/withdraw',
    { schema: { tags, summary: '免罚清单事项停止适用（须说明理由）', params: idParams, body: withdrawBody, response: { 200: oneItem, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await discretion.withdrawNoPenaltyItem(db, ctx, req.params.id, req.body.reason)
      return presentItem(ctx, req.params.id)
    },
  )

  async function presentOne(ctx: RequestContext & { actor: Actor }, id: string) {
    const { row, facts, versions } = await discretion.getBenchmark(db, ctx, id)
    return { benchmark: presentBenchmark(ctx.actor, row, facts), versions: versions.map(presentVersionSummary) }
  }

  async function presentItem(ctx: RequestContext & { actor: Actor }, id: string) {
    const { row, facts } = await discretion.getNoPenaltyItem(db, ctx, id)
    return { item: presentNoPenalty(ctx.actor, row, facts) }
  }
}
