import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from './invalid-argument-error'
import { penaltyKinds } from './penalty-procedure'
import {
  firstViolationCheck,
  hearingEligibility,
  isHeavierPenalty,
  legalReviewGrounds,
  limitationCheck,
  oneActOneFine,
  penaltySeverity,
  simpleProcedureCheck,
} from './penalty-rules'

describe('simpleProcedureCheck (art. 51)', () => {
  it('allows a warning, and fines up to 200 yuan (person) / 3,000 yuan (organization) inclusive', () => {
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['warning'] })).toEqual({ ok: true, reasons: [], basis: '《行政处罚法》第五十一条' })
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['fine'], fineFen: 20_000 }).ok).toBe(true)
    expect(simpleProcedureCheck({ partyKind: 'organization', kinds: ['fine', 'warning'], fineFen: 300_000 }).ok).toBe(true)
  })

  it('refuses one fen above the limit', () => {
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['fine'], fineFen: 20_001 })).toEqual({
      ok: false,
      reasons: ['对公民罚款超过二百元（拟罚款200.01元），应适用普通程序'],
      basis: '《行政处罚法》第五十一条',
    })
    expect(simpleProcedureCheck({ partyKind: 'organization', kinds: ['fine'], fineFen: 300_001 }).reasons[0]).toContain('超过三千元')
    // 3,000 yuan is fine for an organization but not for a person.
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['fine'], fineFen: 300_000 }).ok).toBe(false)
  })

  it('sends 通报批评 and every other kind to the general procedure', () => {
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['circulate_criticism'] }).reasons).toEqual(['“通报批评”不适用简易程序，应适用普通程序'])
    const result = simpleProcedureCheck({ partyKind: 'organization', kinds: ['fine', 'confiscate_gains'], fineFen: 10_000 })
    expect(result.ok).toBe(false)
    expect(result.reasons).toEqual(['“没收违法所得”不适用简易程序，应适用普通程序'])
  })

  it('refuses inconsistent input', () => {
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: [] }).reasons).toContain('未选择处罚种类')
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['fine'], fineFen: 0 }).reasons).toContain('选择了罚款但罚款数额为零')
    expect(simpleProcedureCheck({ partyKind: 'person', kinds: ['warning'], fineFen: 5_000 }).reasons).toContain('有罚款数额但未选择罚款种类')
    // @ts-expect-error — a party kind from outside the type system
    expect(() => simpleProcedureCheck({ partyKind: 'company', kinds: ['fine'], fineFen: 1 })).toThrow(InvalidArgumentError)
  })
})

describe('limitationCheck (art. 36)', () => {
  it('two years end on the corresponding day', () => {
    expect(limitationCheck({ actDate: '2024-03-10', harmToSafety: false, onDate: '2026-03-10' })).toEqual({
      expired: false,
      lastDay: '2026-03-10',
      years: 2,
      countsFrom: '2024-03-10',
      basis: '《行政处罚法》第三十六条',
    })
    expect(limitationCheck({ actDate: '2024-03-10', harmToSafety: false, onDate: '2026-03-11' }).expired).toBe(true)
  })

  it('an act on 29 February ends on 28 February', () => {
    expect(limitationCheck({ actDate: '2024-02-29', harmToSafety: false, onDate: '2026-03-01' })).toMatchObject({ lastDay: '2026-02-28', expired: true })
  })

  it('five years where life/health or financial safety was harmed', () => {
    expect(limitationCheck({ actDate: '2022-06-01', harmToSafety: true, onDate: '2026-11-20' })).toMatchObject({ years: 5, lastDay: '2027-06-01', expired: false })
    expect(limitationCheck({ actDate: '2022-06-01', harmToSafety: false, onDate: '2026-11-20' })).toMatchObject({ years: 2, expired: true })
  })

  it('a continuing act counts from its end, and does not expire while it goes on', () => {
    expect(limitationCheck({ actDate: '2023-01-01', actEndDate: '2025-06-30', harmToSafety: false, onDate: '2026-11-20' })).toMatchObject({
      countsFrom: '2025-06-30',
      lastDay: '2027-06-30',
      expired: false,
    })
    expect(limitationCheck({ actDate: '2020-01-01', ongoing: true, harmToSafety: false, onDate: '2026-11-20' })).toMatchObject({ expired: false, lastDay: null })
    expect(() => limitationCheck({ actDate: '2025-06-30', actEndDate: '2025-01-01', harmToSafety: false, onDate: '2026-11-20' })).toThrow(InvalidArgumentError)
  })
})

describe('hearingEligibility (art. 63)', () => {
  const thresholds = { personFen: 1_000_000, orgFen: 10_000_000 } // 1万 / 10万 yuan, configurable

  it('较大数额罚款 from the threshold on, by party kind', () => {
    expect(hearingEligibility({ partyKind: 'person', kinds: ['fine'], fineFen: 999_999, thresholds }).eligible).toBe(false)
    const person = hearingEligibility({ partyKind: 'person', kinds: ['fine'], fineFen: 1_000_000, thresholds })
    expect(person.eligible).toBe(true)
    expect(person.reasons[0]).toMatch(/^第六十三条第一款第一项：较大数额罚款/)
    expect(hearingEligibility({ partyKind: 'organization', kinds: ['fine'], fineFen: 1_000_000, thresholds }).eligible).toBe(false)
  })

  it('follows the province: other thresholds, other answer', () => {
    expect(hearingEligibility({ partyKind: 'organization', kinds: ['fine'], fineFen: 5_000_000, thresholds: { personFen: 500_000, orgFen: 5_000_000 } }).eligible).toBe(true)
  })

  it('large confiscations', () => {
    const result = hearingEligibility({ partyKind: 'organization', kinds: ['confiscate_gains'], confiscateFen: 20_000_000, thresholds })
    expect(result.reasons).toEqual(['第六十三条第一款第二项：没收较大数额违法所得或者较大价值非法财物（200,000.00元）'])
    expect(hearingEligibility({ partyKind: 'organization', kinds: ['confiscate_gains'], confiscateFen: 20_000_000, thresholds, confiscationThresholds: { personFen: 1, orgFen: 50_000_000 } }).eligible).toBe(false)
  })

  it('the listed heavy kinds, whatever the amount', () => {
    for (const kind of ['lower_qualification', 'revoke_license', 'order_suspension', 'order_closure', 'restrict_employment', 'suspend_license', 'restrict_production'] as const) {
      expect(hearingEligibility({ partyKind: 'person', kinds: [kind], thresholds }).eligible, kind).toBe(true)
    }
    expect(hearingEligibility({ partyKind: 'organization', kinds: ['fine', 'revoke_license'], fineFen: 100, thresholds }).reasons).toEqual(['第六十三条第一款第三项：吊销许可证件'])
  })

  it('not for a warning or 通报批评, unless the officer marks another heavy case', () => {
    expect(hearingEligibility({ partyKind: 'person', kinds: ['warning', 'circulate_criticism'], thresholds })).toMatchObject({ eligible: false, reasons: [] })
    expect(hearingEligibility({ partyKind: 'person', kinds: ['other'], thresholds, otherHeavier: true }).eligible).toBe(true)
  })
})

describe('legalReviewGrounds (art. 58)', () => {
  it('is empty when no ground applies', () => {
    expect(legalReviewGrounds({ fineFen: 100_000, thresholdFen: 5_000_000 })).toEqual([])
  })

  it('(二) needs both major rights and a hearing', () => {
    expect(legalReviewGrounds({ majorRights: true })).toEqual([])
    expect(legalReviewGrounds({ majorRights: true, hearingHeld: true }).map((g) => g.ground)).toEqual(['art58_2_major_rights_hearing'])
  })

  it('lists every applicable ground', () => {
    const grounds = legalReviewGrounds({ majorPublicInterest: true, complex: true, otherStatutory: true, fineFen: 5_000_000, thresholdFen: 5_000_000 })
    expect(grounds.map((g) => g.ground)).toEqual(['art58_1_public_interest', 'art58_3_complex', 'art58_4_statutory', 'major_decision_amount'])
    expect(grounds[3].text).toBe('罚款50,000.00元，达到重大执法决定法制审核标准50,000.00元')
  })
})

describe('isHeavierPenalty (art. 45)', () => {
  it('orders every penalty kind but "other"', () => {
    for (const kind of penaltyKinds) expect(kind in penaltySeverity).toBe(true)
    expect(penaltySeverity.warning).toBeLessThan(penaltySeverity.fine as number)
    expect(penaltySeverity.fine).toBeLessThan(penaltySeverity.revoke_license as number)
    expect(penaltySeverity.order_suspension).toBeLessThan(penaltySeverity.order_closure as number)
    expect(penaltySeverity.other).toBeNull()
  })

  it('a higher fine is heavier; the same or lower is not', () => {
    expect(isHeavierPenalty({ kinds: ['fine'], fineFen: 500_000 }, { kinds: ['fine'], fineFen: 600_000 })).toEqual({
      heavier: true,
      parts: [{ part: 'fine', notifiedFen: 500_000, decidedFen: 600_000, text: '罚款由5,000.00元增至6,000.00元' }],
    })
    expect(isHeavierPenalty({ kinds: ['fine'], fineFen: 500_000 }, { kinds: ['fine'], fineFen: 500_000 }).heavier).toBe(false)
    expect(isHeavierPenalty({ kinds: ['fine'], fineFen: 500_000 }, { kinds: ['fine'], fineFen: 300_000 }).heavier).toBe(false)
  })

  it('an added kind is heavier, a milder substitute is not', () => {
    expect(isHeavierPenalty({ kinds: ['fine'], fineFen: 500_000 }, { kinds: ['fine', 'warning'], fineFen: 500_000 }).parts).toEqual([
      { part: 'kind', kind: 'warning', text: '增加了告知时没有的处罚种类“警告”' },
    ])
    expect(isHeavierPenalty({ kinds: ['warning'] }, { kinds: ['fine'], fineFen: 100 }).heavier).toBe(true)
    expect(isHeavierPenalty({ kinds: ['order_suspension'] }, { kinds: ['fine'], fineFen: 5_000_000 }).heavier).toBe(false)
    expect(isHeavierPenalty({ kinds: ['fine', 'order_suspension'], fineFen: 100_000 }, { kinds: ['fine'], fineFen: 100_000 }).heavier).toBe(false)
    expect(isHeavierPenalty({ kinds: ['fine'], fineFen: 100_000 }, { kinds: ['other'] }).heavier).toBe(true)
  })

  it('a higher confiscation is heavier', () => {
    expect(isHeavierPenalty({ kinds: ['confiscate_gains'], confiscateFen: 1_000 }, { kinds: ['confiscate_gains'], confiscateFen: 2_000 }).parts[0]).toMatchObject({
      part: 'confiscation',
      notifiedFen: 1_000,
      decidedFen: 2_000,
    })
  })
})

describe('oneActOneFine (art. 29)', () => {
  it('passes one fine per act', () => {
    expect(oneActOneFine([
      { act: '未取得施工许可证擅自施工', kinds: ['fine'], fineFen: 2_000_000 },
      { act: '未按规定办理竣工验收备案', kinds: ['fine'], fineFen: 200_000 },
      { act: '未取得施工许可证擅自施工', kinds: ['warning'] },
    ])).toEqual({ ok: true, violations: [], basis: '《行政处罚法》第二十九条' })
  })

  it('flags a second fine for the same act and names the highest', () => {
    const result = oneActOneFine([
      { act: '未取得施工许可证擅自施工', kinds: ['fine'], fineFen: 2_000_000 },
      { act: '其他', kinds: ['fine'], fineFen: 1 },
      { act: ' 未取得施工许可证擅自施工 ', kinds: ['fine', 'confiscate_gains'], fineFen: 3_000_000 },
    ])
    expect(result.ok).toBe(false)
    expect(result.violations).toHaveLength(1)
    expect(result.violations[0]).toMatchObject({ act: '未取得施工许可证擅自施工', fineItems: [0, 2], highestFineFen: 3_000_000, applies: 2 })
    expect(result.violations[0].text).toContain('按罚款数额高的规定处罚（30,000.00元）')
  })

  it('refuses an item without an act', () => {
    expect(() => oneActOneFine([{ act: ' ', kinds: ['fine'], fineFen: 1 }])).toThrow(InvalidArgumentError)
  })
})

describe('firstViolationCheck (art. 33, 首违不罚)', () => {
  const history = [
    { caseId: 'a', caseNo: '禄住建罚决字〔2024〕第3号', powerItemId: 'permit', actDate: '2024-11-19' },
    { caseId: 'b', powerItemId: 'permit', actDate: '2025-05-01', established: false },
    { caseId: 'c', powerItemId: 'dust', actDate: '2026-01-10' },
  ]

  it('is first when the only earlier violation of the item is outside the window', () => {
    // Window 2024-11-20 … 2026-11-20; case a is a day before it, case b found no violation, c is another item.
    expect(firstViolationCheck(history, { powerItemId: 'permit', onDate: '2026-11-20' })).toEqual({
      first: true,
      previous: [],
      windowFrom: '2024-11-20',
      windowTo: '2026-11-20',
      lookbackYears: 2,
      basis: '《行政处罚法》第三十三条第一款',
    })
  })

  it('is not first with an earlier violation inside the window, which it returns', () => {
    const result = firstViolationCheck(history, { powerItemId: 'permit', onDate: '2026-11-19' })
    expect(result.first).toBe(false)
    expect(result.previous.map((p) => p.caseId)).toEqual(['a'])
    expect(firstViolationCheck(history, { powerItemId: 'dust', onDate: '2026-11-20' }).previous.map((p) => p.caseId)).toEqual(['c'])
  })

  it('takes a configured window', () => {
    expect(firstViolationCheck(history, { powerItemId: 'permit', onDate: '2026-11-20', lookbackYears: 3 })).toMatchObject({ first: false, windowFrom: '2023-11-20' })
    expect(() => firstViolationCheck(history, { powerItemId: 'permit', onDate: '2026-11-20', lookbackYears: 0 })).toThrow(InvalidArgumentError)
  })
})
