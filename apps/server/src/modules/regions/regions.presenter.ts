import { labels } from '@yangguang/core'
import type { RegionRow } from './regions.repository'

export function presentRegion(row: RegionRow) {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    levelLabel: labels.regionLevel[row.level],
    parentCode: row.parent_code,
    path: row.path,
    sort: row.sort,
  }
}
