import type { Executor } from '../../platform/audit/audit'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import * as repo from './social.repository'

/** The days a bureau allows, with the defaults of migration 0012 when it has set none. */
export type SocialSettings = { complaintAnswerDays: number; opinionAnswerDays: number; transferAcceptDays: number }

export const defaultSocialSettings: SocialSettings = { complaintAnswerDays: 15, opinionAnswerDays: 15, transferAcceptDays: 5 }

/**
 * The settings of a county's bureau.
 *
 * @example
 * const { complaintAnswerDays } = await settingsFor(trx, '532331') // 15 unless the bureau changed it
 */
export async function settingsFor(db: Executor, regionCode: string): Promise<SocialSettings> {
  const row = await repo.findSettings(db, regionCode)
  if (!row) return { ...defaultSocialSettings }
  return { complaintAnswerDays: row.complaint_answer_days, opinionAnswerDays: row.opinion_answer_days, transferAcceptDays: row.transfer_accept_days }
}

/**
 * The last day of a period of `days` working days after `from` (the day itself not counted), on the
 * platform's working-day calendar. Where the calendar lacks a year's holiday notice the date is
 * provisional (weekends only) and flagged, as for case deadlines.
 *
 * @example
 * await workingDaysAfter(trx, '2026-09-24', 5) // { date: '2026-10-09', provisional: false } — 国庆 skipped
 */
export async function workingDaysAfter(db: Executor, from: string, days: number): Promise<{ date: string; provisional: boolean }> {
  const calendar = await workCalendarFor(db)
  const end = calendar.computePeriodEnd(from, days, { rule: 'working_days' })
  return end.ok ? { date: end.date, provisional: false } : { date: end.provisional.date, provisional: true }
}
