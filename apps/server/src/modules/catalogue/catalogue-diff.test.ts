import { describe, expect, it } from 'vitest'
import { type CatalogueItemSnapshot, diffCatalogues } from './catalogue-diff'

const item = (code: string, patch: Partial<CatalogueItemSnapshot> = {}): CatalogueItemSnapshot => ({
  code,
  name: `事项 ${code}`,
  kind: 'penalty',
  domain: '林草',
  legalBasis: [{ law: '中华人民共和国森林法', article: '第七十六条第一款', text: '盗伐林木的，……' }],
  holderNames: ['禄丰市金山镇人民政府', '禄丰市广通镇人民政府'],
  ...patch,
})

describe('diffCatalogues', () => {
  it('reports added, removed and unchanged items by code', () => {
    const d = diffCatalogues([item('A'), item('B')], [item('B'), item('C')])
    expect(d.added.map((i) => i.code)).toEqual(['C'])
    expect(d.removed.map((i) => i.code)).toEqual(['A'])
    expect(d.modified).toEqual([])
    expect(d.unchangedCount).toBe(1)
  })

  it('reports each changed field with both values', () => {
    const before = item('A')
    const after = item('A', {
      name: '对盗伐林木的处罚',
      domain: '自然资源和规划',
      legalBasis: [...before.legalBasis, { law: '中华人民共和国森林法实施条例', article: '第三十八条', text: '……' }],
    })
    const [modified] = diffCatalogues([before], [after]).modified
    expect(modified!.code).toBe('A')
    expect(modified!.changes.map((c) => c.field)).toEqual(['name', 'domain', 'legalBasis'])
    expect(modified!.changes[0]).toEqual({ field: 'name', before: '事项 A', after: '对盗伐林木的处罚' })
    expect(modified!.changes[2]).toMatchObject({ field: 'legalBasis', before: before.legalBasis, after: after.legalBasis })
  })

  it('lists the holders gained and lost, ignoring their order', () => {
    const before = item('A', { holderNames: ['禄丰市综合行政执法局'] })
    const after = item('A', { holderNames: ['禄丰市金山镇人民政府', '禄丰市综合行政执法局'] })
    const [modified] = diffCatalogues([before], [after]).modified
    expect(modified!.changes).toEqual([
      { field: 'holderNames', before: before.holderNames, after: after.holderNames, added: ['禄丰市金山镇人民政府'], removed: [] },
    ])
    const reordered = item('A', { holderNames: [...item('A').holderNames].reverse() })
    expect(diffCatalogues([item('A')], [reordered]).unchangedCount).toBe(1)
  })

  it('does not count reordered legal bases or stray spaces as changes', () => {
    const two = [
      { law: '中华人民共和国土地管理法', article: '第七十七条第一款', text: '未经批准……' },
      { law: '中华人民共和国土地管理法实施条例', article: '第五十七条第一款', text: '依照……' },
    ]
    const d = diffCatalogues([item('A', { legalBasis: two })], [item('A', { legalBasis: [two[1]!, { ...two[0]!, text: ' 未经批准…… ' }], name: '事项 A ' })])
    expect(d.modified).toEqual([])
  })

  it('is empty between a version and itself, and sorted by code', () => {
    const items = [item('C'), item('A'), item('B')]
    expect(diffCatalogues(items, items)).toEqual({ added: [], removed: [], modified: [], unchangedCount: 3 })
    expect(diffCatalogues([], items).added.map((i) => i.code)).toEqual(['A', 'B', 'C'])
  })
})
