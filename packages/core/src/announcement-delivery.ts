import { type IsoDate, assertIsoDate } from './calendar-date'
import { InvalidArgumentError } from './invalid-argument-error'
import type { DeliveryMethod } from './penalty-procedure'
import type { DateComputation, WorkCalendar } from './work-calendar'

/**
 * 公告送达 — service by public announcement (《中华人民共和国民事诉讼法》(2023) 第九十五条, applied by
 * 《行政处罚法》第六十一条): "受送达人下落不明，或者用本节规定的其他方式无法送达的，公告送达。自发出公告之日起，
 * 经过三十日，即视为送达。" Two rules follow:
 *
 * - it is the last resort: allowed only when the party's whereabouts are unknown or the other methods
 *   were tried and failed (each attempt recorded with its day and what happened);
 * - the document counts as served on the deemed day, and every period that runs from service (陈述申辩,
 *   听证申请 art. 64, 缴款 art. 67, 复议 60 days, 诉讼 6 months) runs from that day.
 *
 * The thirty days are counted like every period of the 民事诉讼法 (第八十五条): the day of the
 * announcement is not counted, and an end on a statutory holiday moves to the next working day.
 * Moving it can only give the party more time; not moving it could start a payment period on a day
 * the party could not have read the announcement.
 */

/** 公告期: thirty days (民事诉讼法 第九十五条). */
export const announcementPeriodDays = 30

/** One failed attempt at serving by another method, recorded before turning to the announcement. */
export type DeliveryAttempt = { method: Exclude<DeliveryMethod, 'announcement'>; on: IsoDate; result: string }

/**
 * The day a document announced on `announcedOn` is deemed served.
 *
 * @example
 * ```ts
 * deemedServedOn(chinaWorkCalendar, '2026-11-02') // { ok: true, date: '2026-12-02' }
 * deemedServedOn(chinaWorkCalendar, '2026-09-01') // { ok: true, date: '2026-10-08' } (10-01 falls in 国庆: the next working day)
 * ```
 */
export function deemedServedOn(calendar: WorkCalendar, announcedOn: IsoDate): DateComputation {
  return calendar.addNaturalDays(assertIsoDate(announcedOn, 'announcedOn'), announcementPeriodDays, { moveOffHoliday: true })
}

/**
 * Whether service by announcement may be used: the whereabouts are unknown, or at least one other
 * method was tried and failed on or before the day of the announcement (and not before `notBefore`,
 * the day of the document). Returns the Chinese reason when not.
 *
 * @example
 * ```ts
 * announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: false, attempts: [] })
 * // '公告送达须在受送达人下落不明，或者直接送达、邮寄送达等其他方式无法送达时采用（民事诉讼法第九十五条）：请记录下落不明的情况或已尝试送达的方式、日期和结果'
 * announcementRefusal({ announcedOn: '2026-11-10', whereaboutsUnknown: false, attempts: [{ method: 'post', on: '2026-11-05', result: '查无此人，邮件退回' }] }) // null
 * ```
 */
export function announcementRefusal(input: { announcedOn: IsoDate; whereaboutsUnknown: boolean; attempts: readonly DeliveryAttempt[]; notBefore?: IsoDate | null }): string | null {
  const announcedOn = assertIsoDate(input?.announcedOn, 'announcedOn')
  if (!Array.isArray(input.attempts)) throw new InvalidArgumentError('invalid_options', 'attempts must be an array')
  for (const attempt of input.attempts) {
    const on = assertIsoDate(attempt.on, 'attempts.on')
    if (attempt.method === ('announcement' as DeliveryMethod)) return '公告送达之前的送达尝试应为其他送达方式'
    if (on > announcedOn) return `${on} 的送达尝试晚于公告日期（${announcedOn}），公告送达须在其他方式无法送达之后`
    if (input.notBefore && on < input.notBefore) return `${on} 的送达尝试早于文书作出之日（${input.notBefore}）`
  }
  if (input.whereaboutsUnknown || input.attempts.length > 0) return null
  return '公告送达须在受送达人下落不明，或者直接送达、邮寄送达等其他方式无法送达时采用（民事诉讼法第九十五条）：请记录下落不明的情况或已尝试送达的方式、日期和结果'
}
