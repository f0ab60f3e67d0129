import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { createDecidedCase, issue } from './case-documents.test-factory'
import { countyPart, fenToWan, maskPersonName, scrubPersonalData } from './cases-public.presenter'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function revoke(caseId: string, onDate: string) {
  const last = await t.db.selectFrom('case_event').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst()
  await t.db
    .insertInto('case_event')
    .values({
      case_id: caseId,
      seq: Number(last?.seq ?? 0) + 1,
      action: 'revoke_decision',
      from_status: 'executing',
      to_status: 'revoked',
      at: new Date(`${onDate}T10:00:00+08:00`),
      on_date: onDate,
      actor_id: null,
      actor_name: '测试',
      data: '{}',
      note: '复议决定撤销',
    })
    .execute()
  await t.db.updateTable('penalty_case').set({ status: 'revoked' }).where('id', '=', caseId).execute()
}

describe('masking for the portal', () => {
  it('keeps the surname, cuts addresses to the county, removes ID and phone numbers, writes 万元 exactly', () => {
    expect(maskPersonName('张三丰')).toBe('张某')
    expect(maskPersonName('欧阳修')).toBe('欧某')
    expect(countyPart('云南省楚雄彝族自治州禄丰市金山镇龙城路18号')).toBe('云南省楚雄彝族自治州禄丰市')
    expect(countyPart('昆明市五华区人民路1号')).toBe('昆明市五华区')
    expect(countyPart('龙城路18号')).toBeNull()
    expect(scrubPersonalData('张三丰（身份证532331198507150014，电话13887012345）', { names: ['张三丰'], numbers: [] })).toBe('张某（身份证＊＊＊，电话＊＊＊）')
    expect(fenToWan(5_000_000)).toBe('5')
    expect(fenToWan(350_000)).toBe('0.35')
    expect(fenToWan(123)).toBe('0.000123')
  })
})

describe('公示 of penalty decisions', () => {
  it('becomes due within 7 working days of the decision when its 决定书 is issued', async () => {
    const c = await createDecidedCase(t, { decidedOn: '2026-09-29' })
    expect((await (await t.as('zjj_head')).get(`/api/cases/${c.caseId}/publication`)).json()).toEqual({ status: 'none', actions: [] })
    await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const res = await (await t.as('zjj_head')).get(`/api/cases/${c.caseId}/publication`)
    expect(res.statusCode).toBe(200)
    // 9-29 (Tue) decided: 9-30, then the National Day holiday 10-1…10-7, then 10-8, 10-9, 10-10 (调休 Saturday), 10-12, 10-13, 10-14.
    expect(res.json()).toMatchObject({ status: 'pending', decidedOn: '2026-09-29', dueOn: '2026-10-14', actions: ['publish'] })
    expect((await (await t.as('zjj_officer')).get(`/api/cases/${c.caseId}/publication`)).json().actions).toEqual([])
    expect((await (await t.as('md_sfj')).get(`/api/cases/${c.caseId}/publication`)).statusCode).toBe(404)
  })

  it('is published by the unit head only, with only whitelisted fields and a natural person masked', async () => {
    const c = await createDecidedCase(t, {
      partyKind: 'person',
      partyName: '张三丰',
      partyIdNumber: '532331198507150014',
      partyPhone: '13887012345',
      facts: '张三丰（公民身份号码532331198507150014，联系电话13887012345）未取得施工许可证，擅自在金山镇龙城路18号开工建设住宅楼',
    })
    await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const officer = await t.as('zjj_officer')
    const refused = await officer.post(`/api/cases/${c.caseId}/publication`)
    expect(refused.statusCode).toBe(403)
    const head = await t.as('zjj_head')
    const published = await head.post(`/api/cases/${c.caseId}/publication`)
    expect(published.statusCode).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published', actions: ['withdraw'] })
    expect((await head.post(`/api/cases/${c.caseId}/publication`)).statusCode).toBe(409)

    const list = await t.anonymous.get('/api/public/decisions?q=张某')
    expect(list.statusCode).toBe(200)
    const item = list.json().items.find((i: { id: string }) => i.id === c.caseId)
    expect(item).toMatchObject({
      partyName: '张某',
      partyCategory: '自然人',
      partyCreditCode: null,
      partyRegion: '云南省楚雄彝族自治州禄丰市',
      kinds: ['警告', '罚款'],
      fineWan: '5',
      decidedOn: '2026-11-20',
      publicUntil: '2028-11-20',
      organ: '禄丰市住房和城乡建设局',
    })
    expect(item.decisionNumber).toMatch(/^禄住建罚决字〔2026〕第\d+号$/)
    expect(item.content).toContain('罚款人民币伍万元整')
    const detail = await t.anonymous.get(`/api/public/decisions/${c.caseId}`)
    for (const body of [list.body, detail.body]) {
      expect(body).not.toContain('张三丰')
      expect(body).not.toContain('532331198507150014')
      expect(body).not.toContain('13887012345')
      expect(body).not.toContain('龙城路18号')
    }
    expect(detail.json().facts).toContain('张某')
    // The real name finds nothing: only the published text is searched.
    expect((await t.anonymous.get('/api/public/decisions?q=张三丰')).json().total).toBe(0)
  })

  it('shows an individual business by its name, a company with its legal representative', async () => {
    const shop = await createDecidedCase(t, { partyName: '禄丰市金山镇老李五金店', partyCreditCode: '92532331MA6N0Q2X4K', partyLegalRep: '李大山', facts: '经营者李大山在店外违法搭建' })
    const company = await createDecidedCase(t, { partyName: '禄丰市鑫达建筑工程有限公司', partyLegalRep: '李四' })
    for (const c of [shop, company]) {
      await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
      expect((await (await t.as('zjj_head')).post(`/api/cases/${c.caseId}/publication`)).statusCode).toBe(200)
    }
    const shopView = (await t.anonymous.get(`/api/public/decisions/${shop.caseId}`)).json()
    expect(shopView).toMatchObject({ partyName: '禄丰市金山镇老李五金店', partyCategory: '个体工商户', legalRep: null })
    expect(JSON.stringify(shopView)).not.toContain('李大山')
    const companyView = (await t.anonymous.get(`/api/public/decisions/${company.caseId}`)).json()
    expect(companyView).toMatchObject({ partyName: '禄丰市鑫达建筑工程有限公司', partyCategory: '法人及非法人组织', legalRep: '李四', partyCreditCode: '91532331MA6K8XQ31B' })
  })

  it('is withdrawn within 3 working days of a revocation, across the National Day holiday, with a note', async () => {
    const c = await createDecidedCase(t, { decidedOn: '2026-09-10' })
    await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    const head = await t.as('zjj_head')
    expect((await head.post(`/api/cases/${c.caseId}/publication`)).statusCode).toBe(200)
    await revoke(c.caseId, '2026-09-30')
    const owed = (await head.get(`/api/cases/${c.caseId}/publication`)).json()
    // 9-30 revoked: 10-1…10-7 are holidays, 10-8 and 10-9 count, 10-10 is a 调休 working Saturday.
    expect(owed).toMatchObject({ status: 'published', withdrawDueOn: '2026-10-10', actions: ['withdraw'] })
    expect((await head.post(`/api/cases/${c.caseId}/publication/withdraw`, { note: '' })).statusCode).toBe(400)
    const done = await head.post(`/api/cases/${c.caseId}/publication/withdraw`, { note: '处罚决定已被行政复议决定撤销' })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ status: 'withdrawn', withdrawDueOn: '2026-10-10', withdrawalNote: '处罚决定已被行政复议决定撤销', actions: [] })
    expect((await t.anonymous.get(`/api/public/decisions/${c.caseId}`)).statusCode).toBe(404)
    const audit = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', c.caseId).where('entity_type', '=', 'case_publication').orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['case.publish_decision', 'case.withdraw_publication'])
    // What was published is never rewritten.
    await expect(t.db.updateTable('case_publication').set({ public_data: '{}' }).where('case_id', '=', c.caseId).execute()).rejects.toThrow(/not rewritten/)
  })

  it('cannot publish a decision that was revoked before publication', async () => {
    const c = await createDecidedCase(t)
    await issue(t, 'zjj_head', c.caseId, ['penalty_decision'])
    await revoke(c.caseId, '2026-11-20')
    const res = await (await t.as('zjj_head')).post(`/api/cases/${c.caseId}/publication`)
    expect(res.statusCode).toBe(409)
  })
})
