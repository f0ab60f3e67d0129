import type { Kysely } from 'kysely'
import { labels, regionLevels } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden } from '../../platform/errors'
import { canAddRegion } from './regions.policy'
import * as repo from './regions.repository'
import type { CreateRegionInput } from './regions.schema'

type Ctx = RequestContext & { actor: Actor }

export async function listRegions(db: Kysely<DB>, filter: { under?: string; level?: repo.RegionFilter['level'] }) {
  let underPath: string | undefined
  if (filter.under) {
    const root = await repo.findRegion(db, filter.under)
    if (!root) return []
    underPath = root.path
  }
  return repo.listRegions(db, { underPath, level: filter.level })
}

/**
 * Adds a region one level below its parent (省 → 州 → 县 → 乡镇). Regions are never renamed or
 * deleted here: records keep pointing at the code they were filed under.
 */
export async function createRegion(db: Kysely<DB>, ctx: Ctx, input: CreateRegionInput): Promise<string> {
  if (!canAddRegion(ctx.actor)) throw forbidden('仅系统管理员可以新增区域')
  const depth = regionLevels.indexOf(input.level)
  if (input.level === 'township' && input.code.length !== 9) throw new AppError('VALIDATION_FAILED', '乡镇的区域代码应为9位数字', { field: 'code' })
  if (input.level !== 'township' && input.code.length !== 6) throw new AppError('VALIDATION_FAILED', '县级及以上区域代码应为6位数字', { field: 'code' })
  return inTransaction(db, async (trx) => {
    if (await repo.findRegion(trx, input.code)) throw new AppError('DUPLICATE', `区域代码 ${input.code} 已存在`, { field: 'code' })
    let parentPath = ''
    if (depth > 0) {
      if (!input.parentCode) throw new AppError('VALIDATION_FAILED', `请选择上级区域（${labels.regionLevel[regionLevels[depth - 1]]}）`, { field: 'parentCode' })
      const parent = await repo.findRegion(trx, input.parentCode)
      if (!parent) throw new AppError('VALIDATION_FAILED', '上级区域不存在', { field: 'parentCode' })
      if (regionLevels.indexOf(parent.level) !== depth - 1) {
        throw new AppError('VALIDATION_FAILED', `${labels.regionLevel[input.level]}的上级应为${labels.regionLevel[regionLevels[depth - 1]]}`, { field: 'parentCode' })
      }
      parentPath = parent.path
    } else if (input.parentCode) {
      throw new AppError('VALIDATION_FAILED', '省级区域没有上级区域', { field: 'parentCode' })
    }
    const row = {
      code: input.code,
      name: input.name,
      level: input.level,
      parent_code: depth > 0 ? (input.parentCode ?? null) : null,
      path: `${parentPath}${input.code}/`,
      sort: input.sort ?? (await repo.nextRegionSort(trx)),
    }
    await repo.insertRegion(trx, row)
    await recordAudit(trx, ctx, {
      action: 'region.create',
      entityType: 'region',
      entityId: input.code,
      summary: `新增区域 ${input.name}（${input.code}，${labels.regionLevel[input.level]}）`,
      after: row,
    })
    return input.code
  })
}
