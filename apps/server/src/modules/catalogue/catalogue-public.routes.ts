import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorBody } from '../../platform/http/openapi'
import * as portal from './catalogue-public.service'
import { presentDiff, presentPublicVersion, presentSnapshot } from './catalogue.presenter'
import { diffQuery, publicCatalogueQuery, publicCatalogueView, publicDiffView, publicVersionView } from './catalogue.schema'

/** 权责清单 on the portal: no login; only published versions, only the fields the government publishes. */
export const cataloguePublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const tags = ['公示 public']

  app.get(
    '/public/catalogue',
    {
      schema: {
        tags,
        summary: '现行权责清单目录（事项、法律依据、实施主体）',
        querystring: publicCatalogueQuery,
        response: { 200: publicCatalogueView, 400: errorBody, 404: errorBody },
      },
    },
    async (req) => {
      const { version, items, domains } = await portal.currentCatalogue(db, req.query)
      return { version: presentPublicVersion(version), domains, items: items.map(presentSnapshot) }
    },
  )

  app.get(
    '/public/catalogue/versions',
    { schema: { tags, summary: '目录历史版本（已公布与已被替代）', response: { 200: z.object({ items: z.array(publicVersionView) }) } } },
    async () => ({ items: (await portal.publishedVersions(db)).map(presentPublicVersion) }),
  )

  app.get(
    '/public/catalogue/diff',
    { schema: { tags, summary: '两个已公布版本之间的差异', querystring: diffQuery, response: { 200: publicDiffView, 400: errorBody, 404: errorBody } } },
    async (req) => {
      const { from, to, diff } = await portal.publicDiff(db, req.query.from, req.query.to)
      return { from: presentPublicVersion(from), to: presentPublicVersion(to), ...presentDiff(diff) }
    },
  )
}
