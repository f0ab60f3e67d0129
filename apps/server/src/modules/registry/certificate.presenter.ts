import { calendarDaysBetween, labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { certificateCheckUrl } from './certificate-qr'
import { certificateActions } from './certificate.policy'
import type { CertificateEventRow, CertificateRow } from './certificate.repository'
import { certificateEffectiveStatus } from './certificate-validity'

export function presentCertificate(actor: Actor, row: CertificateRow, today: string, publicUrl: string, events?: CertificateEventRow[]) {
  const effectiveStatus = certificateEffectiveStatus({ status: row.status, validFrom: row.valid_from, validTo: row.valid_to }, today)
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    orgId: row.org_id,
    orgName: row.org_name,
    certNo: row.cert_no,
    areas: row.areas,
    issuer: row.issuer,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    effectiveStatus,
    statusLabel: labels.certificateStatus[effectiveStatus],
    validToday: effectiveStatus === 'valid',
    daysLeft: calendarDaysBetween(today, row.valid_to),
    checkUrl: certificateCheckUrl(publicUrl, row.cert_no),
    qrSvgUrl: `/api/public/certificates/${encodeURIComponent(row.cert_no)}/qr.svg`,
    ...(events ? { events: events.filter((e) => e.certificate_id === row.id).map(presentCertificateEvent) } : {}),
    actions: certificateActions(actor, row, today),
  }
}

export function presentCertificateEvent(e: CertificateEventRow) {
  return {
    id: e.id,
    action: e.action,
    actionLabel: labels.certificateAction[e.action],
    reason: e.reason,
    before: e.before,
    after: e.after,
    actorName: e.actor_name,
    at: e.at.toISOString(),
  }
}

/** Whitelist for the public check and lists: never the ID number, phone or internal ids. */
export function presentPublicCertificate(row: CertificateRow, today: string) {
  const effectiveStatus = certificateEffectiveStatus({ status: row.status, validFrom: row.valid_from, validTo: row.valid_to }, today)
  return {
    certNo: row.cert_no,
    holderName: row.person_name,
    orgName: row.org_name,
    areas: row.areas,
    issuer: row.issuer,
    validTo: row.valid_to,
    effectiveStatus,
    statusLabel: labels.certificateStatus[effectiveStatus],
    validToday: effectiveStatus === 'valid',
    checkedOn: today,
  }
}
