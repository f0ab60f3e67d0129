import { regionLevels } from '@yangguang/core'
import { z } from 'zod'

export const regionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  levelLabel: z.string(),
  parentCode: z.string().nullable(),
  /** '530000/532300/532331/': a prefix match selects a subtree. */
  path: z.string(),
  sort: z.number().int(),
})

export const listRegionsQuery = z.object({
  /** Only this region and those below it. */
  under: z.string().regex(/^\d{6}(\d{3})?$/, '区域代码应为6位或9位数字').optional(),
  level: z.enum(regionLevels).optional(),
})

export const createRegionBody = z.object({
  code: z.string().trim().regex(/^\d{6}(\d{3})?$/, '区域代码应为6位（县级及以上）或9位（乡镇）数字'),
  name: z.string().trim().min(2, '请填写区域名称').max(50),
  level: z.enum(regionLevels),
  parentCode: z.string().trim().nullish(),
  sort: z.number().int().min(0).max(100_000).optional(),
})
export type CreateRegionInput = z.infer<typeof createRegionBody>
