import { scoreSheet } from '@yangguang/core'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import { notFound, forbidden } from '../../platform/errors'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { reviewCaseEvidence } from './review-case-file'
import { isUnitStaff, maySupervise } from './review.policy'
import { deductionTexts, presentBatch, presentFile, presentPublicBatch, presentResults } from './review.presenter'
import * as repo from './review.repository'
import {
  assignBody,
  batchDetailView,
  batchView,
  candidateView,
  createBatchBody,
  drawBody,
  externalFileBody,
  externalFilesQuery,
  externalFileView,
  fileDraftQuery,
  myResultView,
  mySheetView,
  publicBatchSummaryView,
  publicBatchView,
  respondBody,
  resultsQuery,
  resultsView,
  saveSheetBody,
  sheetView,
  standardView,
  supervisionDraftView,
} from './review.schema'
import { batchSupervisionDraft, fileSupervisionDraft } from './review-supervision-drafts'
import * as review from './review.service'
import './review.todos'

type Ctx = RequestContext & { actor: Actor }

async function batchDetail(db: Kysely<DB>, ctx: Ctx, id: string) {
  const { batch, manager } = await review.loadBatchFor(db, ctx, id)
  const files = await repo.listFiles(db, id, manager ? undefined : (ctx.actor.orgId as string))
  const sheets = await repo.sheetsOfFiles(db, files.map((f) => f.id))
  const texts = deductionTexts(await repo.listStandards(db))
  const allScored = files.length > 0 && files.every((f) => f.grade !== null)
  return {
    batch: presentBatch(ctx.actor, batch, allScored),
    files: files.map((f) => presentFile(ctx.actor, f, sheets, manager, batch)),
    results: presentResults(files, sheets, texts),
    poolText: manager || batch.status === 'published' ? batch.pool_text : null,
  }
}

async function sheetDetail(db: Kysely<DB>, ctx: Ctx, id: string) {
  const { sheet, file, batch, standard, standardRow } = await review.loadSheetFor(db, ctx, id)
  const s = scoreSheet(standard, { items: sheet.items })
  const mine = sheet.reviewer_id === ctx.actor.userId
  return {
    id: sheet.id,
    role: sheet.role,
    status: sheet.status,
    reviewerName: sheet.reviewer_name,
    batch: { id: batch.id, title: batch.title },
    file: { id: file.id, fileNo: file.file_no, title: file.title, kind: file.kind, orgName: file.org_name, closedOn: file.closed_on, caseId: file.case_id },
    standard: { id: standardRow.id, code: standardRow.code, version: standardRow.version, title: standardRow.title, body: standard },
    items: sheet.items,
    score: { complete: s.complete, missingItems: s.missingItems, problems: s.problems, score: s.score, pointsBeforeVeto: s.pointsBeforeVeto, grade: s.grade, vetoed: s.vetoed },
    suggestions: await review.autoChecks(db, file.case_id),
    caseEvidence: await reviewCaseEvidence(db, file.case_id),
    actions: [
      ...(mine && sheet.status === 'assigned' && batch.status === 'reviewing' ? ['save', 'submit'] : []),
      ...(sheet.status === 'submitted' && maySupervise(ctx.actor, batch, s.deductions.length) ? ['supervise'] : []),
    ],
  }
}

/** 案卷评查 for staff: standards, licensing files from other systems, batches (freeze, draw, assign, publish), sheets, results. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['案卷评查 review']
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody }

  app.get('/review/standards', { schema: { tags, summary: '评查标准（各版本）', response: { 200: z.object({ items: z.array(standardView) }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await review.listStandards(db, ctx)
    return {
      items: rows.map((r) => ({ id: r.id, code: r.code, version: r.version, fileKind: r.file_kind, title: r.title, source: r.source, status: r.status, gradeThresholds: { excellent: Number(r.grade_excellent), pass: Number(r.grade_pass) }, body: r.body })),
    }
  })

  app.post(
    '/review/standards',
    { schema: { tags, summary: '录入评查标准新版本（按 reviewStandardSchema 校验）', body: z.object({ standard: z.record(z.string(), z.unknown()), publish: z.boolean().default(false) }), response: { 201: z.object({ id: z.string() }), ...refusals } } },
    async (req, reply) => {
      const ctx = signedIn(req)
      return reply.status(201).send({ id: await review.createStandard(db, ctx, req.body.standard, req.body.publish) })
    },
  )

  app.get('/review/external-files', { schema: { tags, summary: '外部系统案卷（政务服务许可案卷）', querystring: externalFilesQuery, response: { 200: z.object({ items: z.array(externalFileView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const rows = await review.listExternalFiles(db, signedIn(req), req.query)
    return { items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind, fileNo: r.file_no, title: r.title, closedOn: r.closed_on, source: r.source })) }
  })

  app.post('/review/external-files', { schema: { tags, summary: '录入外部系统案卷（许可案卷）', body: externalFileBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    return reply.status(201).send({ id: await review.createExternalFile(db, ctx, req.body) })
  })

  app.get('/review/batches', { schema: { tags, summary: '评查批次列表（监督人员：本辖区；单位：已公布且含本单位案卷的批次）', response: { 200: z.object({ items: z.array(batchView) }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const visible = await review.visibleBatches(db, ctx.actor, { publishedOnly: false })
    return { items: (visible?.batches ?? []).map((b) => presentBatch(ctx.actor, b)) }
  })

  app.post('/review/batches', { schema: { tags, summary: '创建评查批次（范围、每单位抽样数、标准）', body: createBatchBody, response: { 201: batchDetailView, ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await review.createBatch(db, ctx, req.body)
    return reply.status(201).send(await batchDetail(db, ctx, id))
  })

  app.get('/review/batches/:id', { schema: { tags, summary: '评查批次详情（案卷、评分进度、结果）', params: idParams, response: { 200: batchDetailView, ...refusals } } }, async (req) => {
    return batchDetail(db, signedIn(req), req.params.id)
  })

  app.post('/review/batches/:id/freeze', { schema: { tags, summary: '冻结案卷池（摘要记入存证账本）', params: idParams, response: { 200: batchDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await review.freezeBatch(db, ctx, req.params.id)
    return batchDetail(db, ctx, req.params.id)
  })

  app.post('/review/batches/:id/draw', { schema: { tags, summary: '抽样（种子取自冻结后的第一个存证检查点）', params: idParams, body: drawBody, response: { 200: batchDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await review.drawBatch(db, ctx, req.params.id, req.body.beacon ?? '')
    return batchDetail(db, ctx, req.params.id)
  })

  app.post('/review/batches/:id/publish', { schema: { tags, summary: '公布评查结果', params: idParams, response: { 200: batchDetailView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await review.publishBatch(db, ctx, req.params.id)
    return batchDetail(db, ctx, req.params.id)
  })

  app.get('/review/batches/:id/reviewers', { schema: { tags, summary: '可指派的评查人员', params: idParams, response: { 200: z.object({ items: z.array(candidateView) }), ...refusals } } }, async (req) => {
    const rows = await review.reviewerCandidates(db, signedIn(req), req.params.id)
    return { items: rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role, orgId: r.org_id, orgName: r.org_name })) }
  })

  app.post('/review/assignments', { schema: { tags, summary: '指派评查人员（本单位人员回避）', body: assignBody, response: { 201: z.object({ sheetId: z.string() }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    return reply.status(201).send({ sheetId: await review.assignReviewer(db, ctx, req.body) })
  })

  app.get('/review/my-sheets', { schema: { tags, summary: '我的评查任务', response: { 200: z.object({ items: z.array(mySheetView) }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await repo.sheetsOfReviewer(db, ctx.actor.userId)
    return {
      items: rows.map((r) => ({ id: r.id, role: r.role, status: r.status, batchId: r.batch_id, batchTitle: r.batch_title, fileNo: r.file_no, fileTitle: r.file_title, fileKind: r.file_kind, orgName: r.org_name, score: r.score === null ? null : Number(r.score), grade: r.grade })),
    }
  })

  app.get('/review/sheets/:id', { schema: { tags, summary: '评分表（含实时得分和自动预检建议）', params: idParams, response: { 200: sheetView, ...refusals } } }, async (req) => {
    return sheetDetail(db, signedIn(req), req.params.id)
  })

  app.patch('/review/sheets/:id', { schema: { tags, summary: '保存评分表草稿', params: idParams, body: saveSheetBody, response: { 200: sheetView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await review.saveSheet(db, ctx, req.params.id, req.body.items)
    return sheetDetail(db, ctx, req.params.id)
  })

  app.post('/review/sheets/:id/submit', { schema: { tags, summary: '提交评分表（须逐项评分完毕）', params: idParams, response: { 200: sheetView, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await review.submitSheet(db, ctx, req.params.id)
    return sheetDetail(db, ctx, req.params.id)
  })

  app.post('/review/files/:id/response', { schema: { tags, summary: '被评查单位书面回应', params: idParams, body: respondBody, response: { 200: z.object({ ok: z.literal(true) }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    await review.respond(db, ctx, req.params.id, req.body.response)
    return { ok: true as const }
  })

  app.get(
    '/review/files/:id/supervision-draft',
    { schema: { tags, summary: '据评查扣分起草监督意见书（预填制发监督文书表单；结果公布后，本辖区监督人员）', params: idParams, querystring: fileDraftQuery, response: { 200: supervisionDraftView, ...refusals } } },
    async (req) => fileSupervisionDraft(db, signedIn(req), req.params.id, req.query.sheetId),
  )

  app.get(
    '/review/batches/:id/supervision-draft',
    { schema: { tags, summary: '据本批次常见扣分起草监督建议书（两个以上单位出现的问题，主送相关单位）', params: idParams, response: { 200: supervisionDraftView, ...refusals } } },
    async (req) => batchSupervisionDraft(db, signedIn(req), req.params.id),
  )

  app.get('/review/my-results', { schema: { tags, summary: '我的评查结果（本单位已公布的案卷）', response: { 200: z.object({ items: z.array(myResultView) }), 401: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    if (!isUnitStaff(ctx.actor)) return { items: [] }
    const orgId = ctx.actor.orgId as string
    const batches = await repo.listBatches(db, { publishedOnly: true, orgId })
    const files = await repo.listFilesOfBatches(db, batches.map((b) => b.id), orgId)
    const sheets = await repo.sheetsOfFiles(db, files.map((f) => f.id))
    return { items: batches.map((b) => ({ batch: presentBatch(ctx.actor, b), files: files.filter((f) => f.batch_id === b.id).map((f) => presentFile(ctx.actor, f, sheets, false, b)) })) }
  })

  app.get('/review/results', { schema: { tags, summary: '评查结果统计（按年度，已公布批次）', querystring: resultsQuery, response: { 200: resultsView, 401: errorBody, 403: errorBody } } }, async (req) => {
    const visible = await review.visibleBatches(db, signedIn(req).actor, { publishedOnly: true })
    if (!visible) throw forbidden()
    const { orgId } = visible
    const batches = req.query.year ? visible.batches.filter((b) => b.closed_to.startsWith(String(req.query.year))) : visible.batches
    const files = await repo.listFilesOfBatches(db, batches.map((b) => b.id), orgId)
    const sheets = await repo.sheetsOfFiles(db, files.map((f) => f.id))
    return presentResults(files, sheets, deductionTexts(await repo.listStandards(db)))
  })
}

/** 案卷评查 on the portal: published batches with everything needed to re-run the draw, and rates per unit. */
export const reviewPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['案卷评查 review']

  app.get('/public/review/batches', { schema: { tags, summary: '已公布的评查批次', response: { 200: z.object({ items: z.array(publicBatchSummaryView) }) } } }, async () => {
    const batches = await repo.listBatches(db, { publishedOnly: true })
    const files = await repo.listFilesOfBatches(db, batches.map((b) => b.id))
    const sheets = await repo.sheetsOfFiles(db, files.map((f) => f.id))
    const texts = deductionTexts(await repo.listStandards(db))
    return { items: batches.map((b) => presentPublicBatch(b, files.filter((f) => f.batch_id === b.id), sheets, texts, false)) }
  })

  app.get('/public/review/batches/:id', { schema: { tags, summary: '评查批次公示（案卷池、种子、算法、抽中案卷、各单位结果）', params: idParams, response: { 200: publicBatchView, 404: errorBody } } }, async (req) => {
    const batch = await repo.findBatch(db, req.params.id)
    if (!batch || batch.status !== 'published') throw notFound('评查批次')
    const files = await repo.listFiles(db, batch.id)
    const sheets = await repo.sheetsOfFiles(db, files.map((f) => f.id))
    return presentPublicBatch(batch, files, sheets, deductionTexts(await repo.listStandards(db)), true) as z.infer<typeof publicBatchView>
  })
}

