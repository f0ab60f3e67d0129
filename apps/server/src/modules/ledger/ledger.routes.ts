import { encodeReceiptCode } from '@yangguang/core'
import { isLedgerError, parseTilePath } from '@yangguang/ledger'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, forbidden, notFound } from '../../platform/errors'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { findCheckpoint, findReceipt, findRecordReceipts, integratedSize } from '../../platform/ledger/ledger.repository'
import type { LedgerRuntime } from '../../platform/ledger/ledger-runtime'
import { consistencyProof, inclusionProof, readEntryBundle, readTile } from '../../platform/ledger/ledger-tiles'
import { noteWithCosignatures, publishedCheckpoint } from '../../platform/ledger/sign-checkpoint'
import { entriesInRange } from '../../platform/ledger/ledger.repository'
import { canReadRecordReceipts } from './ledger.policy'
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

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * 存证 read API, public (no login) except the receipts of a record: the log's keys, the published
 * checkpoint, C2SP tlog-tiles (tiles and entry bundles), entries, receipts by leaf hash, inclusion
 * and consistency proofs. What a verifier needs to check a record without trusting this server.
 */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['存证 ledger']
  const runtime = (): LedgerRuntime => {
    const ledger = app.deps.ledger
    if (!ledger) throw new AppError('INVALID_STATE', '存证日志未启用')
    return ledger
  }

  app.get(
    '/ledger/log',
    { schema: { tags, summary: '日志参数：标识、日志公钥、见证方公钥与联署数', response: { 200: logView, 409: errorBody } } },
    async () => {
      const ledger = runtime()
      const published = await publishedCheckpoint(db, ledger)
      return {
        origin: ledger.origin,
        profile: ledger.profile.id,
        logKey: ledger.verifierKey,
        witnesses: ledger.witnesses.map((w) => ({ name: w.name, key: w.verifierKey, url: w.url })),
        quorum: ledger.quorum,
        integratedSize: await integratedSize(db),
        publishedSize: published?.size ?? null,
        verifyUrl: `${app.deps.config.publicUrl}/verify`,
      }
    },
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
      const published = await publishedCheckpoint(db, runtime())
      if (!published) throw notFound('已发布的检查点')
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache, max-age=1').send(published.note)
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
      const checkpoint = await findCheckpoint(db, req.params.size)
      if (!checkpoint) throw notFound(`大小为 ${req.params.size} 的检查点`)
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=60').send(await noteWithCosignatures(db, checkpoint))
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
      let resource
      try {
        resource = parseTilePath(`tile/${req.params['*']}`)
      } catch (error) {
        if (isLedgerError(error)) throw new AppError('VALIDATION_FAILED', '瓦片路径格式不正确', { path: req.params['*'] })
        throw error
      }
      const size = await integratedSize(db)
      const bytes =
        resource.kind === 'entries'
          ? await readEntryBundle(db, resource.index, resource.width, size, { cache: true })
          : await readTile(db, resource.tile, size, { cache: true })
      if (!bytes) throw notFound('瓦片')
      const width = resource.kind === 'entries' ? resource.width : resource.tile.width
      return reply
        .type('application/octet-stream')
        .header('cache-control', width === 256 ? IMMUTABLE : 'public, max-age=60')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    },
  )

  app.get(
    '/ledger/entries/:index',
    { schema: { tags, summary: '日志中的一条记录（叶子）', params: indexParams, response: { 200: entryView, 400: errorBody, 404: errorBody } } },
    async (req, reply) => {
      const index = req.params.index
      if (index >= (await integratedSize(db))) throw notFound(`序号 ${index} 的日志条目`)
      const [entry] = await entriesInRange(db, index, index + 1, true)
      if (!entry?.leaf) throw notFound(`序号 ${index} 的日志条目`)
      reply.header('cache-control', IMMUTABLE)
      return { index, leafHash: entry.leafHash.toString('hex'), leaf: entry.leaf.toString('utf8') }
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
    async (req) => {
      const receipt = await findReceipt(db, req.params.leafHash)
      if (!receipt) throw notFound('该记录哈希的存证')
      return {
        leafHash: receipt.leafHash.toString('hex'),
        status: receipt.index === null ? ('pending' as const) : ('integrated' as const),
        index: receipt.index,
        leaf: receipt.leaf.toString('utf8'),
        registeredAt: receipt.createdAt.toISOString(),
      }
    },
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
      let index = req.query.index
      let leafHash: Buffer | undefined
      if (req.query.leafHash) {
        const receipt = await findReceipt(db, req.query.leafHash)
        if (!receipt) throw notFound('该记录哈希的存证')
        if (receipt.index === null) throw new AppError('INVALID_STATE', '该记录已登记，尚未纳入日志，请稍后再试')
        index = receipt.index
        leafHash = receipt.leafHash
      }
      const size = req.query.size ?? (await publishedCheckpoint(db, runtime()))?.size
      if (size === undefined) throw notFound('已发布的检查点')
      if (size > (await integratedSize(db))) throw new AppError('VALIDATION_FAILED', `树大小 ${size} 超出日志现有条数`)
      if ((index as number) >= size) throw new AppError('INVALID_STATE', `序号 ${index} 不在大小为 ${size} 的树中（尚未纳入已发布的检查点）`, { index, size })
      const i = index as number
      leafHash ??= (await entriesInRange(db, i, i + 1))[0]?.leafHash
      if (!leafHash) throw notFound(`序号 ${i} 的日志条目`)
      const proof = await inclusionProof(db, i, size, { cache: true })
      return { index: i, size, leafHash: leafHash.toString('hex'), proof: proof.map((h) => Buffer.from(h).toString('hex')) }
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
      const to = req.query.to ?? (await publishedCheckpoint(db, runtime()))?.size
      if (to === undefined) throw notFound('已发布的检查点')
      const { from } = req.query
      if (from > to) throw new AppError('VALIDATION_FAILED', '起始大小不能大于目标大小', { from, to })
      if (to > (await integratedSize(db))) throw new AppError('VALIDATION_FAILED', `树大小 ${to} 超出日志现有条数`)
      const proof = await consistencyProof(db, from, to, { cache: true })
      return { from, to, proof: proof.map((h) => Buffer.from(h).toString('hex')) }
    },
  )

  app.get(
    '/ledger/record-receipts',
    {
      schema: {
        tags,
        summary: '某条业务记录的全部存证回执（含盐值；仅管理员与监督人员）',
        security: [{ session: [] }],
        querystring: recordReceiptsQuery,
        response: { 200: z.object({ items: z.array(recordReceiptView) }), 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => {
      const ctx = signedIn(req)
      if (!canReadRecordReceipts(ctx.actor)) throw forbidden('只有管理员和监督人员可以查看存证回执')
      const ledger = runtime()
      const rows = await findRecordReceipts(db, req.query.recordType, req.query.recordId)
      const verifyBase = `${app.deps.config.publicUrl}/verify`
      return {
        items: rows.map((r) => {
          const code = encodeReceiptCode({ index: r.index, leafHash: r.leafHash.toString('hex'), salt: r.salt.toString('hex') })
          return {
            origin: ledger.origin,
            recordType: r.recordType,
            recordId: r.recordId,
            version: r.recordVersion,
            leafHash: r.leafHash.toString('hex'),
            salt: r.salt.toString('hex'),
            index: r.index,
            leaf: r.leaf.toString('utf8'),
            code,
            verifyUrl: `${verifyBase}?r=${code}`,
            registeredAt: r.createdAt.toISOString(),
          }
        }),
      }
    },
  )
}
