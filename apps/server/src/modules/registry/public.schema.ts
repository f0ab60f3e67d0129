import { certificateStatuses, entityTypes } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

export const publicEntitiesQuery = z.object({
  /** A township, county or higher: entities in that region and below. */
  regionCode: z.string().max(12).optional(),
  q: z.string().trim().max(50).optional(),
})

export const publicDelegationView = z.object({
  id: z.string(),
  principalName: z.string(),
  agentName: z.string(),
  documentNo: z.string(),
  documentTitle: z.string(),
  scope: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
})

export const publicEntityView = z.object({
  id: z.string(),
  name: z.string(),
  entityType: z.enum(entityTypes),
  entityTypeLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  orgName: z.string(),
  legalBasis: z.string(),
  responsiblePerson: z.string().nullable(),
  address: z.string().nullable(),
  /** The entity's office phone, published with it. */
  phone: z.string().nullable(),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  /** 委托出: this entity entrusts others. */
  delegationsGiven: z.array(publicDelegationView),
  /** 受委托: this entity's unit acts for others. */
  delegationsReceived: z.array(publicDelegationView),
})

export const publicOfficersQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: z.string().max(12).optional(),
})

/** 执法人员公示: name, unit, certificate number, areas and status — nothing else. */
export const publicOfficerView = z.object({
  name: z.string(),
  orgName: z.string(),
  certNo: z.string(),
  areas: z.array(z.string()),
  effectiveStatus: z.enum([...certificateStatuses, 'expired', 'not_yet_valid']),
  statusLabel: z.string(),
})

export const publicSummaryView = z.object({
  publishedEntities: z.number().int(),
  units: z.number().int(),
  onboardedUnits: z.number().int(),
  validCertificates: z.number().int(),
})
