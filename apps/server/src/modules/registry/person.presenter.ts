import { labels, maskIdNumber } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { certificateEffectiveStatus } from './certificate-validity'
import { personActions } from './person.policy'
import type { PersonRow } from './person.repository'

/**
 * A person for staff screens. The ID number is masked everywhere except an admin's detail view
 * (`fullIdNumber`), so lists, exports and other roles never carry it in full.
 */
export function presentPerson(actor: Actor, row: PersonRow, today: string, options: { fullIdNumber?: boolean } = {}) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    sex: row.sex,
    sexLabel: row.sex === 'male' ? '男' : '女',
    idNumberMasked: maskIdNumber(row.id_number),
    idNumber: options.fullIdNumber && actor.role === 'admin' ? row.id_number : null,
    phone: row.phone,
    position: row.position,
    userId: row.user_id,
    username: row.username,
    status: row.status,
    statusLabel: labels.personStatus[row.status],
    currentCertificate: currentCertificateOf(row, today),
    legalQualificationNo: row.legal_qualification_no,
    legalQualificationOn: row.legal_qualification_on,
    legalReviewSince: row.legal_review_since,
    actions: personActions(actor, { ...row, holds_live_certificate: holdsLiveCertificate(row, today) }),
  }
}

/** The list's certificate is the live one when there is one (cancelled ones sort last). */
function holdsLiveCertificate(row: PersonRow, today: string): boolean {
  return row.cert_status !== null && row.cert_status !== 'cancelled' && row.cert_valid_to !== null && row.cert_valid_to >= today
}

function currentCertificateOf(row: PersonRow, today: string) {
  const { cert_id: id, cert_no: certNo, cert_status: status, cert_valid_from: validFrom, cert_valid_to: validTo } = row
  if (!id || !certNo || !status || !validFrom || !validTo) return null
  const effectiveStatus = certificateEffectiveStatus({ status, validFrom, validTo }, today)
  return { id, certNo, areas: row.cert_areas ?? [], validTo, effectiveStatus, statusLabel: labels.certificateStatus[effectiveStatus] }
}
