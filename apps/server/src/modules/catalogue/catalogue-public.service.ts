import { type Kysely, type SqlBool, sql } from 'kysely'
import type { DB } from '../../platform/db/schema'
import { notFound } from '../../platform/errors'
import { diffCatalogues } from './catalogue-diff'
import * as repo from './catalogue.repository'

const anyVersion = sql<SqlBool>`true`

/**
 * The catalogue in force for the portal: the published version of the region (or, without a
 * region, the most recently published one), its items filtered as asked, and counts per domain.
 */
export async function currentCatalogue(db: Kysely<DB>, q: { region?: string } & repo.VersionItemFilter) {
  const published = await repo.listVersions(db, anyVersion, { statuses: ['published'], regionCode: q.region })
  const version = published.sort((a, b) => (b.published_at?.getTime() ?? 0) - (a.published_at?.getTime() ?? 0))[0]
  if (!version) throw notFound('已公布的权责清单目录')
  const [items, domains] = await Promise.all([
    repo.listVersionItems(db, version.id, { domain: q.domain, kind: q.kind, q: q.q }),
    repo.countVersionItemsByDomain(db, version.id),
  ])
  return { version, items, domains }
}

/** Every version that has been published (in force or superseded), newest first. Drafts are never public. */
export async function publishedVersions(db: Kysely<DB>) {
  return repo.listVersions(db, anyVersion, { statuses: ['published', 'superseded'] })
}

export async function publicDiff(db: Kysely<DB>, fromId: string, toId: string) {
  const [from, to] = await Promise.all([publicVersion(db, fromId), publicVersion(db, toId)])
  const [fromItems, toItems] = await Promise.all([repo.listVersionItems(db, fromId), repo.listVersionItems(db, toId)])
  return { from, to, diff: diffCatalogues(fromItems, toItems) }
}

async function publicVersion(db: Kysely<DB>, id: string) {
  const version = await repo.findVersion(db, id)
  if (!version || (version.status !== 'published' && version.status !== 'superseded')) throw notFound('已公布的目录版本', { id })
  return version
}
