import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import type { LedgerRuntime } from '../../platform/ledger/ledger-runtime'
import { hexOf, presentHashes, presentLog, presentReceiptStatus, presentRecordReceipt } from './ledger.presenter'
import {
  consistencyQuery,
  consistencyView,
  entryView,
  inclusionQuery,
  inclusionView,
  indexParams,
  leafHashParams,
  logView,
  receiptStatusView,
  recordReceiptsQuery,
  recordReceiptView,
  sizeParams,
  textBody,
  tileParams,
} from './ledger.schema'
import * as service from './ledger.service'

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * 存证 read API, public (no login) except the receipts of a record: the log's keys, the published
 * checkpoint, C2SP tlog-tiles (tiles and entry bundles), entries, receipts by leaf hash, inclusion
 * and consistency proofs. What a verifier needs to check a record without trusting this server.
 */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const { publicUrl } = app.deps.config
  const tags = ['存证 ledger']
  const runtime = (): LedgerRuntime => {
    const ledger = app.deps.ledger
    if (!ledger) throw new AppError('INVALID_STATE', '存证日志未启用')
    return ledger
  }

  app.get(
    '/ledger/log',
    { schema: { tags, summary: '日志参数：标识、日志公钥、见证方公钥与联署数', response: { 200: logView, 409: errorBody } } },
    async () => presentLog(await service.describeLog(db, runtime()), publicUrl),
  )

  app.get(
    '/ledger/checkpoint',
    {
      schema: {
        tags,
        summary: '已发布的检查点（C2SP 签名文本，含日志签名与见证方联署）',
        produces: ['text/plain'],
        response: { 200: textBody.describe('C2SP tlog-checkpoint 签名文本'), 404: errorBody },
      },
    },
    async (_req, reply) => {
      const note = await service.publishedNote(db, runtime())
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache, max-age=1').send(note)
    },
  )

  app.get(
    '/ledger/checkpoints/:size',
    {
      schema: {
        tags,
        summary: '某一大小的已签名检查点及其全部联署（用于核对历史一致性）',
        params: sizeParams,
        produces: ['text/plain'],
        response: { 200: textBody, 400: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      const note = await service.checkpointNote(db, req.params.size)
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=60').send(note)
    },
  )

  app.get(
    '/ledger/tile/*',
    {
      schema: {
        tags,
        summary: 'C2SP tlog-tiles 哈希瓦片 tile/<L>/<N>[.p/<W>] 与条目包 tile/entries/<N>[.p/<W>]（完整瓦片永久缓存）',
        params: tileParams,
        produces: ['application/octet-stream'],
        response: { 200: z.any().describe('二进制：哈希瓦片为 W×32 字节；条目包为 uint16 长度前缀的条目序列'), 400: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      const { bytes, full } = await service.tileResource(db, req.params['*'])
      return reply
        .type('application/octet-stream')
        .header('cache-control', full ? IMMUTABLE : 'public, max-age=60')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    },
  )

  app.get(
    '/ledger/entries/:index',
    { schema: { tags, summary: '日志中的一条记录（叶子）', params: indexParams, response: { 200: entryView, 400: errorBody, 404: errorBody } } },
    async (req, reply) => {
      const entry = await service.entryAt(db, req.params.index)
      reply.header('cache-control', IMMUTABLE)
      return { index: entry.index, leafHash: hexOf(entry.leafHash), leaf: entry.leaf.toString('utf8') }
    },
  )

  app.get(
    '/ledger/receipts/:leafHash',
    {
      schema: {
        tags,
        summary: '按记录哈希查询登记状态：待纳入 (pending) 或已纳入及其序号',
        params: leafHashParams,
        response: { 200: receiptStatusView, 400: errorBody, 404: errorBody },
      },
    },
    async (req) => presentReceiptStatus(await service.receiptOf(db, req.params.leafHash)),
  )

  app.get(
    '/ledger/proof/inclusion',
    {
      schema: {
        tags,
        summary: '包含证明：某条记录在给定大小（默认已发布检查点）的树中',
        querystring: inclusionQuery,
        response: { 200: inclusionView, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (req) => {
      const result = await service.proveInclusion(db, runtime(), req.query)
      return { index: result.index, size: result.size, leafHash: hexOf(result.leafHash), proof: presentHashes(result.proof) }
    },
  )

  app.get(
    '/ledger/proof/consistency',
    {
      schema: {
        tags,
        summary: '一致性证明：旧树是新树的前缀（RFC 9162）',
        querystring: consistencyQuery,
        response: { 200: consistencyView, 400: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      const result = await service.proveConsistency(db, runtime(), req.query)
      return { ...result, proof: presentHashes(result.proof) }
    },
  )

  app.get(
    '/ledger/record-receipts',
    {
      schema: {
        tags,
        summary: '某条业务记录的全部存证回执（含盐值；仅管理员，及辖区内记录的监督人员）',
        security: [{ session: [] }],
        querystring: recordReceiptsQuery,
        response: { 200: z.object({ items: z.array(recordReceiptView) }), 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      const ledger = runtime()
      const rows = await service.recordReceipts(db, ctx.actor, req.query.recordType, req.query.recordId)
      return { items: rows.map((r) => presentRecordReceipt(r, ledger.origin, publicUrl)) }
    },
  )
}
