import type { Actor } from '../auth/actor'
import { calendarActions } from './calendar.policy'
import type { HolidayYearDetail, HolidayYearSummary } from './work-calendar.service'

export function presentHolidayYearSummary(y: HolidayYearSummary) {
  return {
    year: y.year,
    source: y.source,
    origin: y.origin,
    holidayCount: y.holidayCount,
    workdayCount: y.workdayCount,
    updatedAt: y.updatedAt ? y.updatedAt.toISOString() : null,
    updatedByName: y.updatedByName,
  }
}

export function presentHolidayYear(actor: Actor, y: HolidayYearDetail) {
  return { ...presentHolidayYearSummary(y), holidays: y.holidays, workdays: y.workdays, actions: calendarActions(actor) }
}
