import { isoDateSchema } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

export const listDelegationsQuery = pageQuery.extend({
  entityId: z.uuid().optional(),
  agentOrgId: z.uuid().optional(),
  status: z.enum(['active', 'revoked', 'expired', 'current']).optional(),
  q: z.string().trim().max(50).optional(),
})

export const createDelegationBody = z
  .object({
    principalEntityId: z.uuid(),
    agentOrgId: z.uuid(),
    documentNo: z.string().trim().min(4, '请填写委托文书文号').max(60),
    documentTitle: z.string().trim().min(4, '请填写委托文书标题').max(200),
    scope: z.string().trim().min(4, '请填写委托事项和权限').max(4000),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
  })
  .refine((v) => v.validTo >= v.validFrom, { message: '委托期限的结束日期不能早于开始日期', path: ['validTo'] })
export type CreateDelegationInput = z.infer<typeof createDelegationBody>

export const delegationView = z.object({
  id: z.string(),
  principalEntityId: z.string(),
  principalName: z.string(),
  principalOrgId: z.string(),
  agentOrgId: z.string(),
  agentName: z.string(),
  documentNo: z.string(),
  documentTitle: z.string(),
  scope: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(['active', 'revoked']),
  /** active / revoked / expired / not_yet_valid — from the stored status and today's date. */
  effectiveStatus: z.enum(['active', 'revoked', 'expired', 'not_yet_valid']),
  statusLabel: z.string(),
  revokedReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.string()),
})
