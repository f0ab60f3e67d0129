import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { fileStoreOf } from '../../platform/files/file-store'
import { mediaTypeLabels, type SniffedMediaType } from '../../platform/files/file-type-sniff'
import { sendStoredFile } from '../../platform/files/serve-file'
import { largestUploadOf, uploadRules } from '../../platform/files/upload-limits'
import { errorBody } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import { attachEvidenceFile, openEvidenceFile } from './case-evidence-files.service'
import { presentEvidenceFile } from './cases.presenter'
import { evidenceFileView } from './cases.schema'

const attachParams = z.object({
  id: z.uuid('案件编号格式不正确'),
  evidenceId: z.uuid('证据编号格式不正确'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件哈希应为 64 位十六进制 SHA-256'),
})
const attachQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1, '请填写文件名称')
    .max(200, '文件名称不能超过 200 个字')
    // A name is shown and offered on download: no path, no control characters.
    .refine((name) => !/[\\/\u0000-\u001f\u007f]/.test(name), '文件名称不能含有路径分隔符或控制字符'),
})
const fileParams = z.object({ id: z.uuid('案件编号格式不正确'), fileId: z.uuid('文件编号格式不正确') })

/**
 * Files of a case's evidence (证据材料): photos, scans, audio and video attached to an evidence item,
 * and their download. The upload is the request body itself, named by its SHA-256, streamed to the
 * content-addressed store like the inspection photos (receive-upload.ts): typed by its bytes, capped,
 * counted against the daily quota. Downloads go out with serve-file.ts's headers, so no file runs.
 */
export const caseEvidenceFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const store = () => fileStoreOf(app.deps.config)
  const tags = ['行政处罚 cases']
  const accepted = Object.keys(uploadRules.evidence) as SniffedMediaType[]

  // A scope of its own whose only parser hands the request stream over unread, whatever the Content-Type.
  await app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers()
    uploads.addContentTypeParser('*', (_req, payload, done) => done(null, payload))
    uploads.withTypeProvider<ZodTypeProvider>().put(
      '/cases/:id/evidence/:evidenceId/files/:sha256',
      {
        schema: {
          tags,
          summary: `为证据附加文件（请求体为文件本身，按内容判定类型，仅接受 ${accepted.map((t) => mediaTypeLabels[t]).join('、')}，最大 ${largestUploadOf('evidence') / 1024 ** 2} MB；地址中的 SHA-256 须与内容一致；本案承办人或单位负责人，作出处罚决定前；同一文件重复上传只附加一次）`,
          params: attachParams,
          querystring: attachQuery,
          consumes: [...accepted, 'application/octet-stream'],
          response: {
            200: evidenceFileView.extend({ created: z.boolean() }),
            201: evidenceFileView.extend({ created: z.boolean() }),
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            409: errorBody,
            413: errorBody,
            415: errorBody,
            429: errorBody,
          },
        },
      },
      async (req, reply) => {
        const ctx = signedIn(req)
        const declared = Number(req.headers['content-length'])
        const { row, created } = await attachEvidenceFile(db, ctx, store(), {
          caseId: req.params.id,
          evidenceId: req.params.evidenceId,
          sha256: req.params.sha256,
          fileName: req.query.name,
          // Stopping early (a refused type, a cap) must not destroy the request: the refusal still has to be sent.
          body: (req.body as Readable).iterator({ destroyOnReturn: false }),
          declaredBytes: Number.isFinite(declared) ? declared : null,
          quotaBytesPerDay: app.deps.config.uploadQuotaBytesPerDay,
        })
        return reply.status(created ? 201 : 200).send({ ...presentEvidenceFile(row), created })
      },
    )
  })

  app.get(
    '/cases/:id/evidence-files/:fileId',
    {
      schema: {
        tags,
        summary: '查看证据文件（可查看该案件的人，以及被指派评查该案卷的评查人员；图片以内容判定的类型内嵌显示，其他一律作为附件下载）',
        params: fileParams,
        produces: [...accepted, 'application/octet-stream'],
        response: { 200: z.any().describe('文件内容'), 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      const file = await openEvidenceFile(db, signedIn(req), store(), req.params.id, req.params.fileId)
      return sendStoredFile(reply, { body: file.stream, byteSize: file.size, mediaType: file.mediaType, fileName: file.fileName, cacheControl: 'private, no-store' })
    },
  )
}
