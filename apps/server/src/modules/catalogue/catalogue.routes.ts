import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { canCreateVersion, canPowerItem } from './catalogue.policy'
import {
  presentAdjustment,
  presentDiff,
  presentPowerItem,
  presentSnapshot,
  presentVersion,
  presentVersionSummary,
} from './catalogue.presenter'
import {
  acceptBody,
  adjustmentView,
  approveBody,
  createAdjustmentBody,
  createPowerItemBody,
  createVersionBody,
  diffQuery,
  diffView,
  domainCountView,
  holderOptionView,
  itemSnapshotView,
  listPowerItemsQuery,
  powerItemView,
  reasonBody,
  rejectBody,
  updatePowerItemBody,
  versionItemsQuery,
  versionView,
} from './catalogue.schema'
import * as versions from './catalogue-versions.service'
import * as powerItems from './power-items.service'
import './catalogue.todos'

/** 权责清单 for staff: the power-item master list, catalogue versions and their adjustment workflow. */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['权责清单 catalogue']
  const oneItem = z.object({ item: powerItemView })
  const oneVersion = z.object({ version: versionView })
  const oneAdjustment = z.object({ adjustment: adjustmentView })
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody }

  // ——— 权力事项 ———

  app.get(
    '/catalogue/power-items',
    {
      schema: {
        tags,
        summary: '权力事项列表（按类别、领域、实施主体筛选）',
        querystring: listPowerItemsQuery,
        response: { 200: pageOf(powerItemView).extend({ actions: z.array(z.string()) }), 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const { items, total } = await powerItems.listPowerItems(db, ctx, { ...req.query, ...pageOffset(req.query) })
      return {
        items: items.map((i) => presentPowerItem(ctx.actor, i)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        actions: canPowerItem(ctx.actor, 'create') ? ['create'] : [],
      }
    },
  )

  app.get(
    '/catalogue/power-items/options',
    {
      schema: {
        tags,
        summary: '权力事项的可选实施主体与领域',
        response: { 200: z.object({ holders: z.array(holderOptionView), domains: z.array(domainCountView) }), 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const [holders, domains] = await Promise.all([powerItems.listHolderOptions(db, ctx), powerItems.listDomains(db, ctx)])
      return {
        holders: holders.map((h) => ({ id: h.id, name: h.name, orgId: h.org_id, orgKind: h.org_kind, regionName: h.region_name })),
        domains: domains.map((d) => ({ domain: d.domain, count: Number(d.count) })),
      }
    },
  )

  app.get('/catalogue/power-items/:id', { schema: { tags, summary: '权力事项详情', params: idParams, response: { 200: oneItem, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { item: presentPowerItem(ctx.actor, await powerItems.getPowerItem(db, ctx, req.params.id)) }
  })

  app.post(
    '/catalogue/power-items',
    { schema: { tags, summary: '新增权力事项', body: createPowerItemBody, response: { 201: oneItem, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await powerItems.createPowerItem(db, ctx, req.body)
      return reply.status(201).send({ item: presentPowerItem(ctx.actor, await powerItems.getPowerItem(db, ctx, id)) })
    },
  )

  app.patch(
    '/catalogue/power-items/:id',
    { schema: { tags, summary: '修改权力事项（含法律依据与实施主体）', params: idParams, body: updatePowerItemBody, response: { 200: oneItem, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await powerItems.updatePowerItem(db, ctx, req.params.id, req.body)
      return { item: presentPowerItem(ctx.actor, await powerItems.getPowerItem(db, ctx, req.params.id)) }
    },
  )

  app.post(
    '/catalogue/power-items/:id/repeal',
    { schema: { tags, summary: '废止权力事项', params: idParams, body: reasonBody, response: { 200: oneItem, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await powerItems.setPowerItemStatus(db, ctx, req.params.id, 'repealed', req.body.reason)
      return { item: presentPowerItem(ctx.actor, await powerItems.getPowerItem(db, ctx, req.params.id)) }
    },
  )

  app.post(
    '/catalogue/power-items/:id/restore',
    { schema: { tags, summary: '恢复已废止的权力事项', params: idParams, body: reasonBody, response: { 200: oneItem, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await powerItems.setPowerItemStatus(db, ctx, req.params.id, 'active', req.body.reason)
      return { item: presentPowerItem(ctx.actor, await powerItems.getPowerItem(db, ctx, req.params.id)) }
    },
  )

  // ——— 目录版本 ———

  app.get(
    '/catalogue/versions',
    {
      schema: {
        tags,
        summary: '目录版本列表',
        response: { 200: z.object({ items: z.array(versionView), actions: z.array(z.string()) }), 401: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const rows = await versions.listVersions(db, ctx)
      return {
        items: rows.map((v) => presentVersion(ctx.actor, v)),
        actions: canCreateVersion(ctx.actor, ctx.actor.regionPath ?? '') ? ['create'] : [],
      }
    },
  )

  app.post(
    '/catalogue/versions',
    { schema: { tags, summary: '起草新版本（以现行版本为基础）', body: createVersionBody, response: { 201: oneVersion, ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await versions.createDraftVersion(db, ctx, req.body)
      return reply.status(201).send({ version: await presentVersionById(ctx, id) })
    },
  )

  app.get(
    '/catalogue/versions/:id',
    {
      schema: { tags, summary: '目录版本详情', params: idParams, response: { 200: oneVersion.extend({ domains: z.array(domainCountView) }), ...refusals } },
    },
    async (req) => {
      const ctx = signedIn(req)
      const { version, domains } = await versions.getVersionDetail(db, ctx, req.params.id)
      return { version: presentVersion(ctx.actor, version), domains }
    },
  )

  app.get(
    '/catalogue/versions/:id/items',
    {
      schema: {
        tags,
        summary: '目录版本中的事项（该版本当时的内容）',
        params: idParams,
        querystring: versionItemsQuery,
        response: { 200: z.object({ items: z.array(itemSnapshotView) }), ...refusals },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const items = await versions.listVersionItems(db, ctx, req.params.id, req.query)
      return { items: items.map(presentSnapshot) }
    },
  )

  app.get(
    '/catalogue/versions/:id/adjustments',
    { schema: { tags, summary: '目录版本的调整申请', params: idParams, response: { 200: z.object({ items: z.array(adjustmentView) }), ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      const { version, rows, current } = await versions.listAdjustments(db, ctx, req.params.id)
      return { items: rows.map((a) => presentAdjustment(ctx.actor, a, version, current.get(a.item_code))) }
    },
  )

  app.post(
    '/catalogue/versions/:id/adjustments',
    {
      schema: { tags, summary: '提出调整申请（新增、取消、变更事项）', params: idParams, body: createAdjustmentBody, response: { 201: oneAdjustment, ...refusals } },
    },
    async (req, reply) => {
      const ctx = signedIn(req)
      const id = await versions.proposeAdjustment(db, ctx, req.params.id, req.body)
      return reply.status(201).send({ adjustment: await presentAdjustmentById(ctx, id) })
    },
  )

  app.post(
    '/catalogue/adjustments/:id/accept',
    { schema: { tags, summary: '采纳调整申请（修改草稿中的事项）', params: idParams, body: acceptBody, response: { 200: oneAdjustment, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await versions.decideAdjustment(db, ctx, req.params.id, 'accepted', req.body.note)
      return { adjustment: await presentAdjustmentById(ctx, req.params.id) }
    },
  )

  app.post(
    '/catalogue/adjustments/:id/reject',
    { schema: { tags, summary: '驳回调整申请', params: idParams, body: rejectBody, response: { 200: oneAdjustment, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await versions.decideAdjustment(db, ctx, req.params.id, 'rejected', req.body.note)
      return { adjustment: await presentAdjustmentById(ctx, req.params.id) }
    },
  )

  app.post(
    '/catalogue/versions/:id/approve',
    { schema: { tags, summary: '审议通过（须填写会议名称、日期和文号）', params: idParams, body: approveBody, response: { 200: oneVersion, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await versions.approveVersion(db, ctx, req.params.id, req.body)
      return { version: await presentVersionById(ctx, req.params.id) }
    },
  )

  app.post(
    '/catalogue/versions/:id/publish',
    { schema: { tags, summary: '公布（原现行版本同时被替代）', params: idParams, response: { 200: oneVersion, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      await versions.publishVersion(db, ctx, req.params.id)
      return { version: await presentVersionById(ctx, req.params.id) }
    },
  )

  app.get(
    '/catalogue/diff',
    { schema: { tags, summary: '任意两个版本的差异（新增、取消、变更及变更字段）', querystring: diffQuery, response: { 200: diffView, ...refusals } } },
    async (req) => {
      const ctx = signedIn(req)
      const { from, to, diff } = await versions.diffVersions(db, ctx, req.query.from, req.query.to)
      return { from: presentVersionSummary(from), to: presentVersionSummary(to), ...presentDiff(diff) }
    },
  )

  async function presentVersionById(ctx: RequestContext & { actor: Actor }, id: string) {
    return presentVersion(ctx.actor, await versions.getVersion(db, ctx, id))
  }

  async function presentAdjustmentById(ctx: RequestContext & { actor: Actor }, id: string) {
    const { row, version, current } = await versions.getAdjustment(db, ctx, id)
    return presentAdjustment(ctx.actor, row, version, current)
  }
}
