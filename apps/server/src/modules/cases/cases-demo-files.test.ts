import { chineseDate } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import type { LegalBasis } from '../../platform/db/schema'
import { basisLine } from './case-document-builders'

// Every demo case must read as a real file (issue #12 §7): the 案由 and the facts name the case's own
// party; the facts state a 违法事实 — who, when, where, what act, which provision it violates; the
// decision rests on the case's power item; and the decision is the one proposed (an adopted statement
// may only lower the fine).

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

async function demoCases() {
  return t.db
    .selectFrom('penalty_case as c')
    .innerJoin('power_item as p', 'p.id', 'c.power_item_id')
    .select(['c.id', 'c.case_no', 'c.procedure', 'c.source', 'c.title', 'c.party_name', 'c.facts', 'c.act_date', 'c.act_place', 'c.proposal', 'c.decision', 'c.status', 'p.name as item_name', 'p.legal_basis'])
    .orderBy('c.case_no')
    .execute()
}
type DemoCase = Awaited<ReturnType<typeof demoCases>>[number]
const label = (c: DemoCase) => c.case_no ?? c.title

describe('demo cases read as real files', () => {
  it('the 案由 and the facts name the case’s own party', async () => {
    const cases = await demoCases()
    expect(cases.length).toBeGreaterThan(100)
    const wrong = cases.filter((c) => !c.title.includes(c.party_name) || !(c.facts ?? '').includes(c.party_name)).map((c) => `${label(c)}：${c.party_name} / ${c.title}`)
    expect(wrong).toEqual([])
  })

  it('the facts state a 违法事实: when, where, what act and which provision of the power item it violates', async () => {
    const cases = await demoCases()
    const missing = cases.flatMap((c) => {
      const facts = c.facts ?? ''
      const act = c.item_name.replace(/^对/, '').replace(/的处罚$/, '')
      const gaps = [
        facts.includes(chineseDate(c.act_date)) ? null : `日期 ${chineseDate(c.act_date)}`,
        c.act_place && facts.includes(c.act_place) ? null : `地点 ${c.act_place}`,
        facts.includes(act) ? null : `行为 ${act}`,
        facts.includes(`违反了${basisLine(c.legal_basis as LegalBasis[])}`) ? null : `依据 ${basisLine(c.legal_basis as LegalBasis[])}`,
      ].filter(Boolean)
      return gaps.length ? [`${label(c)}：${gaps.join('、')}（${facts}）`] : []
    })
    expect(missing).toEqual([])
  })

  it('the decision document cites the power item’s articles', async () => {
    const cases = (await demoCases()).filter((c) => c.decision !== null)
    expect(cases.length).toBeGreaterThan(50)
    const docs = await t.db
      .selectFrom('case_document')
      .select(['case_id', 'data'])
      .where('kind', 'in', ['penalty_decision', 'on_the_spot_decision'])
      .where('case_id', 'in', cases.map((c) => c.id))
      .execute()
    const textOf = new Map(docs.map((d) => [d.case_id, JSON.stringify(d.data)]))
    const uncited = cases
      .filter((c) => c.decision?.outcome === 'penalty')
      .flatMap((c) => {
        const text = textOf.get(c.id)
        if (!text) return [`${label(c)}：无决定书`]
        const articles = (c.legal_basis as LegalBasis[]).map((b) => basisLine([b]))
        const absent = articles.filter((a) => !text.includes(a))
        return absent.length ? [`${label(c)}：${absent.join('、')}`] : []
      })
    expect(uncited).toEqual([])
  })

  it('the decision is the one proposed: same outcome, kinds and confiscation; the fine no higher', async () => {
    const cases = (await demoCases()).filter((c) => c.procedure === 'general' && c.decision !== null && c.decision.outcome !== 'transfer_judicial')
    expect(cases.length).toBeGreaterThan(40)
    const differ = cases.flatMap((c) => {
      const p = c.proposal!
      const d = c.decision!
      const same = p.outcome === d.outcome && [...p.kinds].sort().join() === [...d.kinds].sort().join() && p.confiscateFen === d.confiscateFen && d.fineFen <= p.fineFen
      return same ? [] : [`${label(c)}：建议 ${JSON.stringify({ o: p.outcome, k: p.kinds, f: p.fineFen })} 决定 ${JSON.stringify({ o: d.outcome, k: d.kinds, f: d.fineFen })}`]
    })
    expect(differ).toEqual([])
  })
})
