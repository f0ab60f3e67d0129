import type { CertificateEffectiveStatus, EntityType } from '@yangguang/core'

/** The public registry API's views (only whitelisted fields). */

export type PublicDelegation = { id: string; principalName: string; agentName: string; documentNo: string; documentTitle: string; scope: string; validFrom: string; validTo: string }

export type PublicEntity = {
  id: string
  name: string
  entityType: EntityType
  entityTypeLabel: string
  regionCode: string
  regionName: string
  orgName: string
  legalBasis: string
  responsiblePerson: string | null
  address: string | null
  phone: string | null
  version: number
  publishedAt: string | null
  delegationsGiven: PublicDelegation[]
  delegationsReceived: PublicDelegation[]
}

export type PublicOfficer = { name: string; orgName: string; certNo: string; areas: string[]; effectiveStatus: CertificateEffectiveStatus; statusLabel: string }

export type PublicCertificate = {
  certNo: string
  holderName: string
  orgName: string
  areas: string[]
  issuer: string
  validTo: string
  effectiveStatus: CertificateEffectiveStatus
  statusLabel: string
  validToday: boolean
  checkedOn: string
}

export type PublicSummary = { publishedEntities: number; units: number; onboardedUnits: number; validCertificates: number }

export type PublicRegion = { code: string; name: string; level: string; parentCode: string | null }

export const certificateColors: Record<CertificateEffectiveStatus, string> = { valid: 'green', suspended: 'orange', cancelled: 'default', expired: 'red', not_yet_valid: 'blue' }
