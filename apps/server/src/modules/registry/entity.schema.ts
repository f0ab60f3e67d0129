import { entityStatuses, entityTypes } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'
import { phoneSchema } from './registry.schema'

export const listEntitiesQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(entityStatuses).optional(),
  entityType: z.enum(entityTypes).optional(),
  regionCode: z.string().max(12).optional(),
  orgId: z.uuid().optional(),
})

export const entitySummaryQuery = z.object({ regionCode: z.string().max(12).optional() })

const entityFields = {
  name: z.string().trim().min(2, '请填写执法主体名称').max(100),
  entityType: z.enum(entityTypes),
  regionCode: z.string().trim().min(6).max(12),
  legalBasis: z.string().trim().min(4, '请填写设立或授权依据').max(2000),
  responsiblePerson: z.string().trim().max(50).nullish(),
  address: z.string().trim().max(200).nullish(),
  phone: phoneSchema.nullish(),
}

export const createEntityBody = z.object({ orgId: z.uuid(), ...entityFields, regionCode: entityFields.regionCode.optional() })
export type CreateEntityInput = z.infer<typeof createEntityBody>

export const updateEntityBody = z.object(entityFields).partial()
export type UpdateEntityInput = z.infer<typeof updateEntityBody>

export const entityView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgCode: z.string(),
  name: z.string(),
  entityType: z.enum(entityTypes),
  entityTypeLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  legalBasis: z.string(),
  responsiblePerson: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(entityStatuses),
  statusLabel: z.string(),
  /** The version being worked on; bumped when a published entity is edited. */
  version: z.number().int(),
  /** The version the portal shows, or null when nothing is published. */
  publishedVersion: z.number().int().nullable(),
  auditedByName: z.string().nullable(),
  auditedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Reason of the last return to draft or withdrawal. */
  statusNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
})

export const entitySummaryView = z.object({
  total: z.number().int(),
  byStatus: z.array(z.object({ status: z.enum(entityStatuses), statusLabel: z.string(), count: z.number().int() })),
  /** Entities whose publication the portal shows now. */
  publiclyShown: z.number().int(),
})
