import { announcementRefusal, deemedServedOn, type DeliveryAttempt, type DeliveryMethod, type IsoDate, type WorkCalendar } from '@yangguang/core'
import { AppError } from '../../platform/errors'

/** A 公告送达 as recorded on the act: the announcement, what was tried before, and the day it counts as served. */
export type AnnouncementRecord = {
  announcedOn: IsoDate
  medium: string
  whereaboutsUnknown: boolean
  attempts: DeliveryAttempt[]
  deemedServedOn: IsoDate
  /** A year without holiday data was involved: the deemed day is a weekend-only estimate. */
  provisional: boolean
}

/**
 * The day a document counts as served: the day typed in, or for 公告送达 the deemed day thirty days
 * after the announcement (core's `deemedServedOn`, 民事诉讼法 第九十五条) — refused (422 RULE_VIOLATION)
 * unless the whereabouts are unknown or other methods were tried and failed first.
 *
 * @example
 * serviceDateOf(calendar, { method: 'announcement', date: undefined, announcement }, { field: 'delivery', today, notBefore: decidedOn })
 * // → { servedOn: '2026-12-02', announcement: { announcedOn: '2026-11-02', deemedServedOn: '2026-12-02', … } }
 */
export function serviceDateOf(
  calendar: WorkCalendar,
  served: { method: DeliveryMethod; date?: IsoDate; announcement?: { announcedOn: IsoDate; medium: string; whereaboutsUnknown: boolean; attempts: DeliveryAttempt[] } },
  options: { field: 'notice' | 'delivery'; today: IsoDate; notBefore: IsoDate | null },
): { servedOn: IsoDate; announcement: AnnouncementRecord | null } {
  if (served.method !== 'announcement') return { servedOn: served.date!, announcement: null }
  const a = served.announcement!
  const field = `${options.field}.announcement`
  if (a.announcedOn > options.today) throw new AppError('VALIDATION_FAILED', '公告日期不能晚于今天', { field: `${field}.announcedOn` })
  if (options.notBefore && a.announcedOn < options.notBefore) throw new AppError('VALIDATION_FAILED', `公告日期不能早于 ${options.notBefore}`, { field: `${field}.announcedOn` })
  const refusal = announcementRefusal({ announcedOn: a.announcedOn, whereaboutsUnknown: a.whereaboutsUnknown, attempts: a.attempts, notBefore: options.notBefore })
  if (refusal) throw new AppError('RULE_VIOLATION', refusal, { field })
  const deemed = deemedServedOn(calendar, a.announcedOn)
  const servedOn = deemed.ok ? deemed.date : deemed.provisionalDate
  return { servedOn, announcement: { ...a, deemedServedOn: servedOn, provisional: !deemed.ok } }
}
