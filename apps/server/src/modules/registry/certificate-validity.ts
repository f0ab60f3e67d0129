import { addCalendarDays, type CertificateEffectiveStatus, type IsoDate } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'

/** What a certificate says at one moment; every certificate_event stores it before and after. */
export type CertificateState = {
  certNo: string
  areas: string[]
  issuer: string
  validFrom: IsoDate
  validTo: IsoDate
  status: 'valid' | 'suspended' | 'cancelled'
}

/**
 * A certificate's status on a date. Cancellation and suspension are stored; "expired" and "not
 * yet valid" follow from the date and are never stored, so no nightly job can forget one.
 *
 * @example
 * certificateEffectiveStatus({ status: 'valid', validFrom: '2024-01-01', validTo: '2026-12-31' }, '2027-01-01') // 'expired'
 */
export function certificateEffectiveStatus(state: { status: CertificateState['status']; validFrom: IsoDate; validTo: IsoDate }, date: IsoDate): CertificateEffectiveStatus {
  if (state.status !== 'valid') return state.status
  if (date < state.validFrom) return 'not_yet_valid'
  if (date > state.validTo) return 'expired'
  return 'valid'
}

export type ValidCertificate = { certificateId: string; personId: string; certNo: string; areas: string[]; validFrom: IsoDate; validTo: IsoDate }

/**
 * The certificates of these persons that were valid on `date` (a Beijing calendar date), as
 * they stood that day: a certificate suspended last week was invalid last week even if restored
 * since, and one renewed yesterday was still judged by its old end date before. Persons without
 * a valid certificate that day are absent from the map.
 *
 * Inspections and cases use it for the two-officer rule (行政处罚法 art. 42):
 *
 * @example
 * const valid = await validCertificatesOn(trx, officerIds, '2026-11-20')
 * if (officerIds.filter((id) => valid.has(id)).length < 2) throw new AppError('RULE_VIOLATION', '执法人员不得少于两人且须持有效执法证')
 */
export async function validCertificatesOn(db: Executor, personIds: readonly string[], date: IsoDate): Promise<Map<string, ValidCertificate[]>> {
  const result = new Map<string, ValidCertificate[]>()
  if (personIds.length === 0) return result
  const certificates = await db
    .selectFrom('certificate')
    .select(['id', 'person_id', 'cert_no', 'areas', 'issuer', 'valid_from', 'valid_to', 'status'])
    .where('person_id', 'in', [...personIds])
    .execute()
  if (certificates.length === 0) return result
  // Events up to the end of that day in Beijing (UTC+8 all year since 1991).
  const endOfDay = new Date(`${addCalendarDays(date, 1)}T00:00:00+08:00`)
  const events = await db
    .selectFrom('certificate_event')
    .select(['certificate_id', 'after', 'at'])
    .where('certificate_id', 'in', certificates.map((c) => c.id))
    .orderBy('at')
    .orderBy('id')
    .execute()
  for (const c of certificates) {
    const history = events.filter((e) => e.certificate_id === c.id && e.after !== null)
    const asOfDate = history.filter((e) => e.at < endOfDay).at(-1) ?? history[0]
    // A certificate registered after the fact (its issue event later than `date`) counts as issued.
    const state: Pick<CertificateState, 'status' | 'validFrom' | 'validTo' | 'areas'> = asOfDate
      ? (asOfDate.after as CertificateState)
      : { status: c.status, validFrom: c.valid_from, validTo: c.valid_to, areas: c.areas }
    if (certificateEffectiveStatus(state, date) !== 'valid') continue
    const list = result.get(c.person_id) ?? []
    list.push({ certificateId: c.id, personId: c.person_id, certNo: c.cert_no, areas: state.areas, validFrom: state.validFrom, validTo: state.validTo })
    result.set(c.person_id, list)
  }
  return result
}
