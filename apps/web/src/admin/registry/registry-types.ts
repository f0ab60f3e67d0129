import type { CertificateEffectiveStatus, EntityStatus, EntityType, OrgKind, RegionLevel } from '@yangguang/core'

/** The registry API's views, as the admin pages read them. */

export type Region = { code: string; name: string; level: RegionLevel; levelLabel: string; parentCode: string | null; path: string; sort: number }

export type Org = {
  id: string
  code: string
  name: string
  shortName: string
  kind: OrgKind
  kindLabel: string
  regionCode: string
  regionName: string
  parentId: string | null
  parentName: string | null
  onboarded: boolean
  onboardedOn: string | null
  contactPhone: string | null
  address: string | null
  postalCode: string | null
  entityId: string | null
  entityStatus: EntityStatus | null
  entityStatusLabel: string | null
  personCount: number
  validCertificateCount: number
  actions: string[]
}

export type OrgSummary = { total: number; onboarded: number; notOnboarded: number; byKind: Array<{ kind: OrgKind; kindLabel: string; total: number; onboarded: number }> }

export type OrgOption = { id: string; code: string; name: string; kind: OrgKind; regionCode: string }

export type Entity = {
  id: string
  orgId: string
  orgName: string
  orgCode: string
  name: string
  entityType: EntityType
  entityTypeLabel: string
  regionCode: string
  regionName: string
  legalBasis: string
  responsiblePerson: string | null
  address: string | null
  phone: string | null
  status: EntityStatus
  statusLabel: string
  version: number
  publishedVersion: number | null
  auditedByName: string | null
  auditedAt: string | null
  confirmedByName: string | null
  confirmedAt: string | null
  publishedAt: string | null
  statusNote: string | null
  createdAt: string
  updatedAt: string
  actions: string[]
}

export type EntitySummary = { total: number; byStatus: Array<{ status: EntityStatus; statusLabel: string; count: number }>; publiclyShown: number }

export type Delegation = {
  id: string
  principalEntityId: string
  principalName: string
  principalOrgId: string
  agentOrgId: string
  agentName: string
  documentNo: string
  documentTitle: string
  scope: string
  validFrom: string
  validTo: string
  status: 'active' | 'revoked'
  effectiveStatus: 'active' | 'revoked' | 'expired' | 'not_yet_valid'
  statusLabel: string
  revokedReason: string | null
  revokedAt: string | null
  revokedByName: string | null
  createdAt: string
  actions: string[]
}

export type CertificateEvent = { id: number; action: string; actionLabel: string; reason: string; before: unknown; after: unknown; actorName: string | null; at: string }

export type Certificate = {
  id: string
  personId: string
  personName: string
  orgId: string
  orgName: string
  certNo: string
  areas: string[]
  issuer: string
  validFrom: string
  validTo: string
  status: 'valid' | 'suspended' | 'cancelled'
  effectiveStatus: CertificateEffectiveStatus
  statusLabel: string
  validToday: boolean
  daysLeft: number
  checkUrl: string
  qrSvgUrl: string
  events?: CertificateEvent[]
  actions: string[]
}

export type Person = {
  id: string
  orgId: string
  orgName: string
  name: string
  sex: 'male' | 'female'
  sexLabel: string
  idNumberMasked: string
  idNumber: string | null
  phone: string | null
  position: string | null
  userId: string | null
  username: string | null
  status: 'active' | 'left'
  statusLabel: string
  currentCertificate: { id: string; certNo: string; areas: string[]; validTo: string; effectiveStatus: CertificateEffectiveStatus; statusLabel: string } | null
  /** 法律职业资格 and 从事法制审核工作起始日期 (行政处罚法 第五十八条第二款). */
  legalQualificationNo: string | null
  legalQualificationOn: string | null
  legalReviewSince: string | null
  actions: string[]
}

export type PersonDetail = { person: Person; certificates: Certificate[] }
