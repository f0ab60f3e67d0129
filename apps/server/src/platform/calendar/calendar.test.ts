import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { workCalendarFor } from './work-calendar.service'

let t: TestApp
let admin: Client
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.as('admin')
})
afterAll(() => t.close())

/** The harness client has no PUT; the calendar's write is one. */
function put(client: Client, url: string, body: unknown) {
  return t.app.inject({ method: 'PUT', url, payload: body as object, headers: client.cookie ? { cookie: client.cookie } : {} })
}

// Illustrative 2027 data in the shape of a State Council notice (元旦 and 春节 only): the tests
// need a year the built-in data lacks, not the real 2027 arrangement.
const year2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-01-30', '2027-02-20'],
}

describe('holiday years', () => {
  it('lists the built-in years 2024–2026 with their notices', async () => {
    const res = await (await t.as('zjj_officer')).get('/api/calendar/years')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.items.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026])
    expect(body.items.every((y: { origin: string }) => y.origin === 'built_in')).toBe(true)
    expect(body.items[2].source).toContain('国办发明电〔2025〕7号')
    expect(body.actions).toEqual([])
    expect((await admin.get('/api/calendar/years')).json().actions).toEqual(['update'])
  })

  it('shows a year day by day: 春节 2026 and the 调休 Saturday before it', async () => {
    const res = await admin.get('/api/calendar/days?from=2026-02-13&to=2026-02-16')
    expect(res.json().days.map((d: { date: string; kind: string }) => `${d.date}:${d.kind}`)).toEqual([
      '2026-02-13:workday',
      '2026-02-14:adjusted_workday',
      '2026-02-15:holiday',
      '2026-02-16:holiday',
    ])
    expect((await admin.get('/api/calendar/days?from=2026-03-01&to=2026-02-01')).statusCode).toBe(400)
  })

  it('refuses a year from anyone but the admin, and leaves the calendar unchanged', async () => {
    // The calendar moves every county's legal deadlines: not even a county bureau (禄丰's or 牟定's) enters it.
    for (const user of ['sfj', 'md_sfj', 'zjj_head']) {
      const res = await put(await t.as(user), '/api/calendar/years/2027', year2027)
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN')
    }
    expect((await admin.get('/api/calendar/years/2027')).statusCode).toBe(404)
  })

  it('refuses malformed years with the reason in Chinese', async () => {
    const weekdayAsWorkday = await put(admin, '/api/calendar/years/2027', { ...year2027, workdays: ['2027-01-04'] })
    expect(weekdayAsWorkday.statusCode).toBe(400)
    expect(weekdayAsWorkday.json().message).toContain('不是周末')
    const wrongYear = await put(admin, '/api/calendar/years/2027', { ...year2027, holidays: ['2026-12-31'] })
    expect(wrongYear.statusCode).toBe(400)
    expect(wrongYear.json().message).toContain('不属于 2027 年')
    const noSource = await put(admin, '/api/calendar/years/2027', { ...year2027, source: ' ' })
    expect(noSource.statusCode).toBe(400)
  })

  it('an added year reaches the deadline computations at once (the cached calendar is dropped)', async () => {
    // 5 working days (行政处罚法 第八十五条) from 2026-12-30 run into 2027: flagged, not guessed.
    const before = (await workCalendarFor(t.db)).computePeriodEnd('2026-12-30', 5)
    expect(before.ok).toBe(false)
    if (!before.ok) expect(before.missingYears).toEqual([2027])

    const res = await put(admin, '/api/calendar/years/2027', year2027)
    expect(res.statusCode).toBe(200)
    expect(res.json().year).toMatchObject({ year: 2027, origin: 'added', holidayCount: 10, workdayCount: 2 })

    const after = (await workCalendarFor(t.db)).computePeriodEnd('2026-12-30', 5)
    // 31st, then 1–3 January are holidays: 4th, 5th, 6th, 7th.
    expect(after).toMatchObject({ ok: true, date: '2027-01-07' })
    const days = (await admin.get('/api/calendar/days?from=2027-01-01&to=2027-01-01')).json().days
    expect(days[0]).toMatchObject({ kind: 'holiday', known: true })

    const years = (await admin.get('/api/calendar/years')).json().items
    expect(years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026, 2027])
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'holiday_year').where('entity_id', '=', '2027').execute()
    expect(audit.map((a) => a.action)).toEqual(['holiday_year.create'])
  })

  it('a correction replaces a built-in year, and the audit keeps what it replaced', async () => {
    const current = (await admin.get('/api/calendar/years/2026')).json().year
    // Say 2026-10-08 was added to 国庆 by a later notice.
    const res = await put(admin, '/api/calendar/years/2026', { source: '更正（测试）', holidays: [...current.holidays, '2026-10-08'], workdays: current.workdays })
    expect(res.statusCode).toBe(200)
    expect(res.json().year.origin).toBe('replaced')
    expect((await workCalendarFor(t.db)).dayInfo('2026-10-08').kind).toBe('holiday')
    const audit = await t.db.selectFrom('audit_log').select(['action', 'before']).where('entity_type', '=', 'holiday_year').where('entity_id', '=', '2026').executeTakeFirstOrThrow()
    expect(audit.action).toBe('holiday_year.update')
    expect((audit.before as { origin: string }).origin).toBe('built_in')
  })
})
