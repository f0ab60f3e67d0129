import type { Readable } from 'node:stream'
import { todayInShanghai } from '@yangguang/core'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf, scopeCovers } from '../../platform/auth/scope'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { AppError, forbidden, notFound } from '../../platform/errors'
import { fileStoreOf } from '../../platform/files/file-store'
import { mediaTypeLabels, SNIFF_HEAD_BYTES, sniffMediaType } from '../../platform/files/file-type-sniff'
import { receiveUpload } from '../../platform/files/receive-upload'
import { sendStoredFile } from '../../platform/files/serve-file'
import { largestUploadOf, uploadRules } from '../../platform/files/upload-limits'
import { configureUploadStore } from '../../platform/files/uploads.jobs'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { hashToken } from '../enterprises/enterprise-tokens'
import { certificateQrSvg } from '../registry/certificate-qr'
import { validCertificatesOn } from '../registry/certificate-validity'
import * as sideService from './enterprise-side.service'
import { inspectionDocuments } from './inspection-documents'
import { capWindowOf, countsFor, rulesForOrg } from './inspection-rules'
import * as lifecycle from './inspection-lifecycle.service'
import { isSupervisor } from './inspections.policy'
import { presentInspection, presentOverride, presentPlan } from './inspections.presenter'
import * as repo from './inspections.repository'
import * as s from './inspections.schema'
import { oversight } from './oversight.service'
import * as overrides from './overrides.service'
import * as plans from './plans.service'
import * as rulesService from './rules.service'
import './inspections.todos'

type Ctx = RequestContext & { actor: Actor }

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const store = () => fileStoreOf(app.deps.config)
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody }
  const tags = ['行政检查 inspections']
  const planTags = ['检查计划 inspection plans']
  const sideTags = ['企业端 enterprise side']
  configureUploadStore(store)

  const personIdOf = async (ctx: Ctx) => (ctx.actor.orgId ? ((await repo.findPersonOfUser(db, ctx.actor.userId))?.id ?? null) : null)
  const present = async (ctx: Ctx, id: string) => presentInspection(ctx.actor, await lifecycle.loadInspection(db, ctx, id), await personIdOf(ctx))

  // ——— plans ———
  app.get('/inspection-plans', { schema: { tags: planTags, summary: '检查计划列表（按管辖范围）', querystring: s.listPlansQuery, response: { 200: z.object({ items: z.array(s.planView) }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { items: (await plans.listPlans(db, ctx, req.query)).map((p) => presentPlan(ctx.actor, p)) }
  })
  app.get(
    '/inspection-plans/held-items',
    {
      schema: {
        tags: planTags,
        summary: '本单位享有的权力事项：行政检查事项（默认；编制计划、临时检查只能选择行政检查事项），或 kind=penalty 时的行政处罚事项（案件的案由）',
        querystring: s.heldItemsQuery,
        response: { 200: z.object({ items: z.array(s.heldItemView) }), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      if (!ctx.actor.orgId) throw forbidden()
      return { items: (await repo.listHeldPowerItems(db, ctx.actor.orgId)).filter((i) => i.kind === req.query.kind) }
    },
  )
  app.get('/inspection-plans/:id', { schema: { tags: planTags, summary: '检查计划详情（事项和检查对象）', params: idParams, response: { 200: s.planDetailView, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const plan = await plans.loadPlan(db, ctx, req.params.id)
    const details = await plans.planDetails(db, plan.id)
    return { plan: presentPlan(ctx.actor, plan), items: details.items, targets: details.targets.map((t) => ({ id: t.id, name: t.name, creditCode: t.credit_code })) }
  })
  app.post('/inspection-plans', { schema: { tags: planTags, summary: '编制年度或专项检查计划（事项限本单位权责清单）', body: s.planBody, response: { 201: z.object({ plan: s.planView }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await plans.createPlan(db, ctx, req.body)
    return reply.status(201).send({ plan: presentPlan(ctx.actor, await plans.loadPlan(db, ctx, id)) })
  })
  for (const move of ['submit', 'approve', 'reject', 'publish'] as const) {
    const summary = { submit: '提交审批', approve: '批准（单位负责人）', reject: '退回（单位负责人，须说明原因）', publish: '公布（单位负责人；抽取规则在此时抽取对象）' }[move]
    app.post(`/inspection-plans/:id/${move}`, { schema: { tags: planTags, summary: `检查计划：${summary}`, params: idParams, body: s.planMoveBody, response: { 200: z.object({ plan: s.planView }), ...refusals } } }, async (req) => {
      const ctx = signedIn(req)
      await plans.movePlan(db, ctx, req.params.id, move, req.body.note ?? null)
      return { plan: presentPlan(ctx.actor, await plans.loadPlan(db, ctx, req.params.id)) }
    })
  }
  app.post('/inspection-plans/:id/tasks', { schema: { tags: planTags, summary: '按已公布的计划安排检查任务（指派两名以上执法人员）', params: idParams, body: s.scheduleBody, response: { 201: z.object({ taskIds: z.array(z.string()) }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    return reply.status(201).send({ taskIds: await plans.scheduleTasks(db, ctx, req.params.id, req.body) })
  })
  app.get('/public/inspection-plans', { schema: { tags: ['公示 public'], summary: '已公布的涉企检查计划（公示）', querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.object({ items: z.array(s.planView.omit({ actions: true }).extend({ items: z.array(z.object({ code: z.string(), name: z.string() })) })) }) } } }, async (req) => {
    const rows = await plans
      .selectPlans(db)
      .where('p.status', '=', 'published')
      .$if(Boolean(req.query.year), (q) => q.where('p.year', '=', req.query.year!))
      .orderBy('p.year', 'desc')
      .orderBy('o.name')
      .execute()
    const items = await Promise.all(rows.map(async (p) => ({ ...presentPlan(null, p), items: (await plans.planDetails(db, p.id)).items.map((i) => ({ code: i.code, name: i.name })) })))
    return { items: items.map(({ actions: _a, ...rest }) => rest) }
  })

  // ——— inspections ———
  app.get('/inspections', { schema: { tags, summary: '检查任务和记录（按管辖范围）', querystring: s.listInspectionsQuery, response: { 200: pageOf(s.inspectionView), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { items, total } = await repo.listInspections(db, { ...req.query, ...pageOffset(req.query) }, orgScopeOf(ctx.actor))
    const personId = await personIdOf(ctx)
    return { items: items.map((i) => presentInspection(ctx.actor, i, personId)), total, page: req.query.page, pageSize: req.query.pageSize }
  })
  app.get('/inspections/joint-proposals', { schema: { tags, summary: '综合查一次：同一企业在窗口期内被多个单位计划检查的建议', response: { 200: z.object({ items: z.array(s.jointProposalView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { items: await overrides.jointProposals(db, ctx) }
  })
  app.get('/inspections/:id', { schema: { tags, summary: '检查详情', params: idParams, response: { 200: z.object({ inspection: s.inspectionView }), 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { inspection: await present(ctx, req.params.id) }
  })
  app.get('/inspections/:id/documents', { schema: { tags, summary: '检查文书数据（检查通知书、现场检查笔录、责令改正通知书）', params: idParams, response: { 200: z.object({ documents: z.array(z.object({ type: z.string(), title: z.string(), number: z.string(), fields: s.loose })) }), 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const row = await lifecycle.loadInspection(db, ctx, req.params.id)
    return { documents: await documentsOf(row) }
  })
  app.post('/inspections/ad-hoc', { schema: { tags, summary: '申请临时性检查（须写明启动事由，经单位负责人批准）', body: s.adHocBody, response: { 201: z.object({ inspection: s.inspectionView }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await lifecycle.createAdHocInspection(db, ctx, req.body)
    return reply.status(201).send({ inspection: await present(ctx, id) })
  })
  for (const [verb, approve] of [['approve', true], ['reject', false]] as const) {
    app.post(`/inspections/:id/${verb}`, { schema: { tags, summary: `${approve ? '批准' : '不批准'}临时性检查（单位负责人）`, params: idParams, body: s.decisionBody, response: { 200: z.object({ inspection: s.inspectionView }), ...refusals } } }, async (req) => {
      const ctx = signedIn(req)
      await lifecycle.decideAdHoc(db, ctx, req.params.id, approve, req.body.note ?? null)
      return { inspection: await present(ctx, req.params.id) }
    })
  }
  app.post('/inspections/:id/cancel', { schema: { tags, summary: '取消尚未开始的检查任务（单位负责人）', params: idParams, body: s.cancelBody, response: { 200: z.object({ inspection: s.inspectionView }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await lifecycle.cancelTask(db, ctx, req.params.id, req.body.reason)
    return { inspection: await present(ctx, req.params.id) }
  })
  app.post('/inspections/start', { schema: { tags, summary: '扫码入企，开始检查（逐条校验规则；同一同步编号重复提交只生效一次）', body: s.startBody, response: { 200: s.startView, 201: s.startView, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const result = await lifecycle.startInspection(db, ctx, req.body)
    return reply.status(result.replayed ? 200 : 201).send({ inspection: await present(ctx, result.inspectionId), replayed: result.replayed, jointCandidates: result.jointCandidates })
  })
  app.post('/inspections/complete', { schema: { tags, summary: '提交现场检查记录（保留手机上的采集时间；迟报标记；幂等）', body: s.completeBody, response: { 200: z.object({ inspection: s.inspectionView, replayed: z.boolean() }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    const result = await lifecycle.completeInspection(db, ctx, req.body, store())
    return { inspection: await present(ctx, result.inspectionId), replayed: result.replayed }
  })
  // Photos arrive as the raw body, named by their SHA-256, and are streamed to disk (receive-upload.ts):
  // in a scope of their own whose only parser hands the request stream over unread, whatever the
  // Content-Type — the type is decided from the bytes, so the client's label is not even parsed.
  await app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers()
    uploads.addContentTypeParser('*', (_req, payload, done) => done(null, payload))
    uploads.withTypeProvider<ZodTypeProvider>().put(
      '/inspection-files/:sha256',
      {
        schema: {
          tags,
          summary: `上传现场照片（请求体为图片本身，按内容判定类型，仅接受 ${photoTypeNames()}，单张不超过 ${largestUploadOf('photo') / 1024 ** 2} MB；地址中的 SHA-256 须与内容一致；每人每日上传总量有限额）`,
          params: s.sha256Params,
          consumes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/octet-stream'],
          response: { 200: z.object({ sha256: z.string(), byteSize: z.number(), created: z.boolean(), mediaType: z.string() }), ...refusals, 413: errorBody, 415: errorBody, 429: errorBody },
        },
      },
      async (req) => {
        const ctx = signedIn(req)
        await lifecycle.inspectorPerson(db, ctx)
        const declared = Number(req.headers['content-length'])
        return receiveUpload(db, ctx, store(), {
          kind: 'photo',
          expectedSha256: req.params.sha256,
          // Stopping early (a refused type, a cap) must not destroy the request: the refusal still has to be sent.
          body: (req.body as Readable).iterator({ destroyOnReturn: false }),
          declaredBytes: Number.isFinite(declared) ? declared : null,
          quotaBytesPerDay: app.deps.config.uploadQuotaBytesPerDay,
        })
      },
    )
  })
  app.get('/inspection-files/:sha256', { schema: { tags, summary: '查看现场照片（可查看该检查记录的人；图片以内容判定的类型内嵌显示，其他内容一律作为附件下载）', params: s.sha256Params, produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/octet-stream'], response: { 200: z.any().describe('图片内容'), 401: errorBody, 404: errorBody } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const owners = await db
      .selectFrom('inspection_photo as ph')
      .innerJoin('inspection as i', 'i.id', 'ph.inspection_id')
      .innerJoin('org as o', 'o.id', 'i.org_id')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .select(['i.org_id', 'r.path', 'i.enterprise_id'])
      .where('ph.sha256', '=', req.params.sha256)
      .execute()
    const enterpriseId = ctx.actor.role === 'enterprise' ? (await sideService.enterpriseOf(db, ctx)).id : null
    const visible = owners.find((o) => scopeCovers(orgScopeOf(ctx.actor), o.org_id, o.path) || o.enterprise_id === enterpriseId)
    if (!visible) throw notFound('照片')
    const file = await store().openRead(req.params.sha256)
    const head = await store().readHead(req.params.sha256, SNIFF_HEAD_BYTES)
    if (!file || !head) throw notFound('照片')
    // The type is sniffed again rather than read from media_type: a database from before the
    // uploads were checked may hold an HTML "photo" with a client-chosen type. Such a file is
    // served as an opaque download, never as a document of this origin.
    const sniffed = sniffMediaType(head)
    const mediaType = sniffed && uploadRules.photo[sniffed] !== undefined ? sniffed : 'application/octet-stream'
    const extension = sniffed && mediaType !== 'application/octet-stream' ? `.${mediaTypeLabels[sniffed].toLowerCase()}` : ''
    return sendStoredFile(reply, { body: file.stream, byteSize: file.size, mediaType, fileName: `现场照片-${req.params.sha256.slice(0, 12)}${extension}`, cacheControl: 'private, max-age=31536000, immutable' })
  })

  // ——— overrides and joint inspections ———
  app.get('/inspection-overrides', { schema: { tags, summary: '例外放行（单位看本单位；司法局看辖区全部）', querystring: z.object({ status: z.string().max(20).optional() }), response: { 200: z.object({ items: z.array(s.overrideView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { items: (await overrides.listOverrides(db, ctx, req.query.status)).map((o) => presentOverride(ctx.actor, o)) }
  })
  app.post('/inspection-overrides', { schema: { tags, summary: '申请例外放行（仅频次上限、计划月份；单位负责人申请即批准）', body: s.overrideBody, response: { 201: z.object({ override: s.overrideView }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await overrides.requestOverride(db, ctx, req.body)
    return reply.status(201).send({ override: presentOverride(ctx.actor, (await repo.findOverride(db, id))!) })
  })
  for (const [verb, approve] of [['approve', true], ['reject', false]] as const) {
    app.post(`/inspection-overrides/:id/${verb}`, { schema: { tags, summary: `${approve ? '批准' : '驳回'}例外放行（单位负责人，须说明理由）`, params: idParams, body: s.overrideDecisionBody, response: { 200: z.object({ override: s.overrideView }), ...refusals } } }, async (req) => {
      const ctx = signedIn(req)
      await overrides.decideOverride(db, ctx, req.params.id, approve, req.body.note)
      return { override: presentOverride(ctx.actor, (await repo.findOverride(db, req.params.id))!) }
    })
  }
  app.post('/joint-inspections', { schema: { tags, summary: '发起或加入联合检查（综合查一次），记录加入的单位', body: s.jointBody, response: { 200: z.object({ jointId: z.string(), members: z.array(z.object({ id: z.string(), orgName: z.string(), status: z.string() })) }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    const jointId = await overrides.joinJoint(db, ctx, req.body)
    const members = await overrides.jointMembers(db, jointId)
    return { jointId, members: members.map((m) => ({ id: m.id, orgName: m.org_name, status: m.status })) }
  })

  // ——— rules ———
  app.get('/inspection-rules', { schema: { tags, summary: '涉企检查规则（监督人员看辖区配置；单位看生效规则）', response: { 200: z.object({ sets: z.array(s.rulesView.extend({ regionName: z.string() })), effective: s.rulesView, defaults: s.rulesView }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return rulesService.listRules(db, ctx)
  })
  app.post('/inspection-rules/:regionCode', { schema: { tags, summary: '配置辖区涉企检查规则（监督人员）', params: s.regionParams, body: s.rulesBody, response: { 200: z.object({ ok: z.boolean() }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await rulesService.setRules(db, ctx, req.params.regionCode, req.body)
    return { ok: true }
  })

  // ——— the phone ———
  app.get('/m/today', { schema: { tags: ['移动执法 mobile'], summary: '今日任务、我的执法证（亮证二维码）和可同行的持证同事', response: { 200: s.loose, 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const person = await lifecycle.inspectorPerson(db, ctx)
    const today = todayInShanghai(ctx.now)
    const colleagues = (await repo.listUnitPersons(db, person.org_id)).filter((p) => p.id !== person.id)
    const valid = await validCertificatesOn(db, [person.id, ...colleagues.map((c) => c.id)], today)
    const mine = valid.get(person.id)?.[0] ?? null
    const tasks = await repo
      .selectInspections(db)
      .where('i.org_id', '=', person.org_id)
      .where((eb) =>
        eb.or([
          eb.and([eb('i.status', '=', 'scheduled'), eb('i.planned_date', '<=', today)]),
          eb.and([eb('i.status', '=', 'in_progress'), sql<boolean>`${person.id}::uuid = any(i.officer_ids)`]),
        ]),
      )
      .where((eb) => eb.or([sql<boolean>`cardinality(i.officer_ids) = 0`, sql<boolean>`${person.id}::uuid = any(i.officer_ids)`]))
      .orderBy('i.planned_date')
      .limit(100)
      .execute()
    return {
      today,
      person: { id: person.id, name: person.name, orgName: person.org_name },
      certificate: mine ? { certNo: mine.certNo, areas: mine.areas, validFrom: mine.validFrom, validTo: mine.validTo, qrSvg: await certificateQrSvg(app.deps.config.publicUrl, mine.certNo) } : null,
      colleagues: colleagues.map((c) => ({ id: c.id, name: c.name, certNo: valid.get(c.id)?.[0]?.certNo ?? null, areas: valid.get(c.id)?.[0]?.areas ?? [] })),
      tasks: tasks.map((t) => presentInspection(ctx.actor, t, person.id)),
    }
  })
  app.get('/m/scan/:token', { schema: { tags: ['移动执法 mobile'], summary: '扫描入企码：识别企业及本人对该企业的检查任务', params: z.object({ token: z.string().min(16).max(200) }), response: { 200: s.loose, 401: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const person = await lifecycle.inspectorPerson(db, ctx)
    const e = await db.selectFrom('enterprise').select(['id', 'name', 'credit_code', 'address']).where('qr_token_hash', '=', hashToken(req.params.token)).executeTakeFirst()
    if (!e) throw new AppError('NOT_FOUND', '入企码无效或已作废：请核对现场张贴的二维码，或改用手工输入统一社会信用代码', { rule: 'scan' })
    const tasks = await repo.selectInspections(db).where('i.org_id', '=', person.org_id).where('i.enterprise_id', '=', e.id).where('i.status', 'in', ['scheduled', 'in_progress']).orderBy('i.planned_date').execute()
    return { enterprise: { id: e.id, name: e.name, creditCode: e.credit_code, address: e.address }, tasks: tasks.map((t) => presentInspection(ctx.actor, t, person.id)) }
  })

  // ——— the enterprise side ———
  app.get('/my-enterprise/inspections', { schema: { tags: sideTags, summary: '本企业的全部检查（检查人员及证件核验、事项、结果、评价）', response: { 200: s.loose, 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return sideService.myInspections(db, ctx)
  })
  app.post('/my-enterprise/inspections/:id/rating', { schema: { tags: sideTags, summary: '评价一次检查（每次一评；个别评价仅司法局可见）', params: idParams, body: s.ratingBody, response: { 204: z.null(), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    await sideService.rateInspection(db, ctx, req.params.id, req.body)
    return reply.status(204).send(null)
  })
  app.post('/my-enterprise/complaints', { schema: { tags: sideTags, summary: '向司法局投诉（可匿名：不保留账号、企业和检查记录）', body: s.complaintBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    return reply.status(201).send({ id: await sideService.fileComplaint(db, ctx, req.body) })
  })
  app.get('/inspection-ratings', { schema: { tags: sideTags, summary: '企业评价明细（仅司法局监督人员）', querystring: z.object({ maxScore: z.coerce.number().int().optional(), year: z.coerce.number().int().optional() }), response: { 200: z.object({ items: z.array(s.loose) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await sideService.listRatings(db, ctx, req.query)
    return { items: rows.map((r) => ({ inspectionId: r.inspection_id, score: r.score, comment: r.comment, ratedAt: r.created_at.toISOString(), orgName: r.org_name, enterpriseName: r.enterprise_name, inspectionDate: r.inspection_date })) }
  })
  app.get('/inspection-ratings/summary', { schema: { tags: sideTags, summary: '单位评价汇总（按评价日期的自然季度，季度结束且评价数达到门槛才公布，合计只含已公布季度，防止识别个别企业）', querystring: z.object({ orgId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: s.ratingSummaryView, 401: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const orgId = req.query.orgId ?? ctx.actor.orgId
    if (!orgId) throw forbidden()
    return sideService.ratingSummary(db, ctx, orgId, req.query.year)
  })
  app.get('/inspection-complaints', { schema: { tags: sideTags, summary: '企业投诉（仅司法局监督人员）', response: { 200: z.object({ items: z.array(s.loose) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await sideService.listComplaints(db, ctx)
    return { items: rows.map((c) => ({ id: c.id, anonymous: c.anonymous, content: c.content, status: c.status, createdAt: c.created_at.toISOString(), inspectionId: c.inspection_id, orgName: c.org_name, enterpriseName: c.anonymous ? null : c.enterprise_name })) }
  })

  // ——— oversight ———
  app.get('/inspection-oversight', { schema: { tags, summary: '涉企检查监督：按企业、单位、月份统计及预警（超频次、多头检查、迟报漏扫、低评价、例外放行）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: s.loose, 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    if (!isSupervisor(ctx.actor)) throw forbidden('监督视图仅司法局监督人员可见')
    return oversight(db, ctx, req.query.year)
  })

  function photoTypeNames() {
    return Object.keys(uploadRules.photo)
      .map((t) => mediaTypeLabels[t as keyof typeof mediaTypeLabels])
      .join('、')
  }

  async function documentsOf(row: repo.InspectionRow) {
    const itemIds = (row.items as Array<{ powerItemId: string }>).map((i) => i.powerItemId)
    const powerItems = await repo.findPowerItems(db, itemIds)
    const rules = await rulesForOrg(db, row.org_id)
    const date = row.inspection_date ?? row.planned_date
    const window = capWindowOf(date, rules.capPeriod)
    const counts = countsFor(await repo.inspectionsInWindow(db, { from: window.from, to: window.to, enterpriseId: row.enterprise_id }), row.org_id)
    return inspectionDocuments(row, {
      legalBasis: powerItems.map((p) => ({ code: p.code, name: p.name, basis: p.legal_basis })),
      sequenceInWindow: counts.unit,
      frequencyNote: `本单位${window.label}（${window.from} 至 ${window.to}）对该企业的检查频次上限为 ${rules.capPerUnit} 次，各单位合计上限 ${rules.capAllUnits} 次（联合检查计一次）；截至本次本单位已检查 ${counts.unit} 次`,
    })
  }
}

