import type { Executor } from '../../platform/audit/audit'
import type { NewRow } from '../../platform/db/schema'

export type RegionFilter = { underPath?: string; level?: 'province' | 'prefecture' | 'county' | 'township' }

/** Regions in tree order (a parent's path sorts before its children's). */
export async function listRegions(db: Executor, f: RegionFilter) {
  let query = db.selectFrom('region').select(['code', 'name', 'level', 'parent_code', 'path', 'sort'])
  if (f.underPath) query = query.where('path', 'like', `${f.underPath}%`)
  if (f.level) query = query.where('level', '=', f.level)
  return query.orderBy('sort').orderBy('code').execute()
}

export async function findRegion(db: Executor, code: string) {
  return db.selectFrom('region').select(['code', 'name', 'level', 'parent_code', 'path', 'sort']).where('code', '=', code).executeTakeFirst()
}

export type RegionRow = NonNullable<Awaited<ReturnType<typeof findRegion>>>

export async function insertRegion(db: Executor, row: NewRow<'region'>) {
  await db.insertInto('region').values(row).execute()
}

export async function nextRegionSort(db: Executor) {
  const { max } = await db.selectFrom('region').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirstOrThrow()
  return Number(max ?? 0) + 1
}
