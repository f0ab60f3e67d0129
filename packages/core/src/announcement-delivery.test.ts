import { describe, expect, it } from 'vitest'
import { announcementRefusal, deemedServedOn } from './announcement-delivery'
import { allowedActions, transitionFor } from './penalty-procedure'
import { chinaWorkCalendar } from './work-calendar'

describe('公告送达 (民事诉讼法 第九十五条)', () => {
  it('art. 95: deemed served when thirty days have passed since the announcement (its own day not counted)', () => {
    expect(deemedServedOn(chinaWorkCalendar, '2026-11-02')).toEqual({ ok: true, date: '2026-12-02' })
    expect(deemedServedOn(chinaWorkCalendar, '2026-11-10')).toEqual({ ok: true, date: '2026-12-10' })
  })

  it('art. 85: a thirtieth day on a holiday moves to the next working day (国庆 2026)', () => {
    // 09-01 + 30 = 10-01, 国庆 10-01…10-07: the next working day is 10-08.
    expect(deemedServedOn(chinaWorkCalendar, '2026-09-01')).toEqual({ ok: true, date: '2026-10-08' })
  })

  it('art. 95: only when the whereabouts are unknown or another method failed first', () => {
    expect(announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: false, attempts: [] })).toContain('下落不明')
    expect(announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: true, attempts: [] })).toBeNull()
    expect(announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: false, attempts: [{ method: 'post', on: '2026-11-05', result: '查无此人' }] })).toBeNull()
  })

  it('art. 95: an attempt after the announcement, or before the document existed, does not count', () => {
    expect(announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: false, attempts: [{ method: 'direct', on: '2026-11-11', result: '无人' }] })).toContain('晚于公告日期')
    expect(announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: false, attempts: [{ method: 'post', on: '2026-11-01', result: '退回' }], notBefore: '2026-11-03' })).toContain('早于文书作出之日')
  })
})

describe('acts of one procedure only', () => {
  it('art. 52 ¶3: 备案 is offered for an on-the-spot decision, not for a general-procedure case', () => {
    expect(allowedActions('executing', 'simple').map((t) => t.action)).toContain('record_simple_filing')
    expect(allowedActions('executing', 'general').map((t) => t.action)).not.toContain('record_simple_filing')
    expect(transitionFor('closed', 'record_simple_filing', 'simple')?.to).toBe('same')
    expect(transitionFor('closed', 'record_simple_filing', 'general')).toBeNull()
  })

  it('art. 56: 先行登记保存 is approved by the head during the investigation', () => {
    expect(transitionFor('investigating', 'preserve_evidence', 'general')?.by).toEqual(['unit_head'])
    expect(transitionFor('under_review', 'preserve_evidence', 'general')).toBeNull()
    expect(transitionFor('pending_decision', 'decide', 'general')?.guards).toContain('preservation_resolved')
  })
})
