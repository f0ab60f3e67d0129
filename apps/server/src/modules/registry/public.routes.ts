import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { labels, shanghaiDateOf } from '@yangguang/core'
import { z } from 'zod'
import { pageOf, pageOffset } from '../../platform/db/pagination'
import { AppError } from '../../platform/errors'
import { errorBody } from '../../platform/http/openapi'
import { certificateQrSvg } from './certificate-qr'
import { presentPublicCertificate } from './certificate.presenter'
import { findCertificateByNo, listPublicCertificates } from './certificate.repository'
import { certNoParams, publicCertificateView } from './certificate.schema'
import { presentPublicDelegation } from './delegation.presenter'
import { listPublishedDelegations } from './delegation.repository'
import { findRegionName, listPublishedEntities } from './entity.repository'
import { publicCounts } from './public.repository'
import { publicEntitiesQuery, publicEntityView, publicOfficersQuery, publicOfficerView, publicSummaryView } from './public.schema'

/**
 * 公示: what anyone may read without signing in. Every answer goes through a public presenter
 * that whitelists fields — never an ID number, a personal phone or an internal note.
 */
export const publicRegistryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const { publicUrl } = app.deps.config
  const tags = ['公示 public']

  app.get(
    '/public/entities',
    { schema: { tags, summary: '已公示的执法主体及其委托（可按乡镇/区域筛选）', querystring: publicEntitiesQuery, response: { 200: z.object({ items: z.array(publicEntityView), total: z.number().int() }) } } },
    async (req) => {
      const today = shanghaiDateOf(req.ctx.now)
      const regionPath = req.query.regionCode ? (await findRegionName(db, req.query.regionCode))?.path : undefined
      if (req.query.regionCode && !regionPath) return { items: [], total: 0 }
      const rows = await listPublishedEntities(db, { regionPath, q: req.query.q })
      const delegations = await listPublishedDelegations(db, { principalEntityIds: rows.map((r) => r.id), agentOrgIds: rows.map((r) => r.org_id), today })
      const items = rows.flatMap((r) => {
        const s = r.published_snapshot
        if (!s) return []
        return [
          {
            id: r.id,
            name: s.name,
            entityType: s.entityType,
            entityTypeLabel: labels.entityType[s.entityType],
            regionCode: s.regionCode,
            regionName: s.regionName,
            orgName: s.orgName,
            legalBasis: s.legalBasis,
            responsiblePerson: s.responsiblePerson,
            address: s.address,
            phone: s.phone,
            version: s.version,
            publishedAt: r.published_at?.toISOString() ?? null,
            delegationsGiven: delegations.filter((d) => d.principal_entity_id === r.id).map(presentPublicDelegation),
            delegationsReceived: delegations.filter((d) => d.agent_org_id === r.org_id).map(presentPublicDelegation),
          },
        ]
      })
      return { items, total: items.length }
    },
  )

  app.get(
    '/public/officers',
    { schema: { tags, summary: '执法人员公示（已公示主体的在岗人员：姓名、单位、证号、执法领域、状态）', querystring: publicOfficersQuery, response: { 200: pageOf(publicOfficerView) } } },
    async (req) => {
      const today = shanghaiDateOf(req.ctx.now)
      const regionPath = req.query.regionCode ? (await findRegionName(db, req.query.regionCode))?.path : undefined
      if (req.query.regionCode && !regionPath) return { items: [], total: 0, page: req.query.page, pageSize: req.query.pageSize }
      const { items, total } = await listPublicCertificates(db, { q: req.query.q, regionPath, ...pageOffset(req.query) })
      return {
        items: items.map((c) => {
          const p = presentPublicCertificate(c, today)
          return { name: p.holderName, orgName: p.orgName, certNo: p.certNo, areas: p.areas, effectiveStatus: p.effectiveStatus, statusLabel: p.statusLabel }
        }),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      }
    },
  )

  app.get(
    '/public/certificates/:certNo',
    { schema: { tags, summary: '执法证查验（亮证执法扫码）：今日是否有效', params: certNoParams, response: { 200: z.object({ certificate: publicCertificateView }), 404: errorBody } } },
    async (req) => {
      const row = await findCertificateByNo(db, req.params.certNo.toUpperCase())
      if (!row) throw unknownCertificate(req.params.certNo)
      return { certificate: presentPublicCertificate(row, shanghaiDateOf(req.ctx.now)) }
    },
  )

  app.get(
    '/public/certificates/:certNo/qr.svg',
    { schema: { tags, summary: '执法证二维码（SVG，指向公示门户的查验页）', params: certNoParams, response: { 200: z.string().describe('image/svg+xml'), 404: errorBody } } },
    async (req, reply) => {
      const row = await findCertificateByNo(db, req.params.certNo.toUpperCase())
      if (!row) throw unknownCertificate(req.params.certNo)
      const svg = await certificateQrSvg(publicUrl, row.cert_no)
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(svg)
    },
  )

  app.get(
    '/public/registry/summary',
    { schema: { tags, summary: '公示概况：已公示主体数、单位开通数、有效执法证数', querystring: z.object({ regionCode: z.string().max(12).optional() }), response: { 200: publicSummaryView, 404: errorBody } } },
    async (req) => {
      const region = req.query.regionCode ? await findRegionName(db, req.query.regionCode) : { path: '' }
      if (!region) throw new AppError('NOT_FOUND', '区域不存在', { regionCode: req.query.regionCode })
      return publicCounts(db, region.path, shanghaiDateOf(req.ctx.now))
    },
  )
}

function unknownCertificate(certNo: string) {
  return new AppError('NOT_FOUND', `未查到执法证号为 ${certNo} 的执法证，请核对证号；如有疑问，请向当地司法局反映`, { certNo })
}
