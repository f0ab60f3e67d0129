import { certificateStatuses, isoDateSchema } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

export const certNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z-]{6,32}$/, '执法证号应为 6–32 位数字或字母')

const areasSchema = z
  .array(z.string().trim().min(2).max(30))
  .min(1, '请至少填写一个执法领域')
  .max(10)
  .transform((areas) => [...new Set(areas)])

const reason = z.string().trim().min(2, '请填写原因（至少2个字）').max(500)

export const listCertificatesQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  regionCode: z.string().max(12).optional(),
  status: z.enum(['valid', 'suspended', 'cancelled', 'expired', 'not_yet_valid', 'expiring']).optional(),
})

export const issueCertificateBody = z
  .object({
    /** Left out: the next number `<县级区域代码6位><发证年份4位><顺序号4位>`, e.g. 53233120250001. */
    certNo: certNoSchema.optional(),
    areas: areasSchema,
    issuer: z.string().trim().min(2, '请填写发证机关').max(50),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    reason: reason.optional(),
  })
  .refine((v) => v.validTo >= v.validFrom, { message: '有效期的结束日期不能早于开始日期', path: ['validTo'] })
export type IssueCertificateInput = z.infer<typeof issueCertificateBody>

export const changeCertificateBody = z
  .object({ areas: areasSchema.optional(), issuer: z.string().trim().min(2).max(50).optional(), reason })
  .refine((v) => v.areas !== undefined || v.issuer !== undefined, { message: '请填写要变更的执法领域或发证机关', path: ['areas'] })
export type ChangeCertificateInput = z.infer<typeof changeCertificateBody>

export const renewCertificateBody = z.object({ validFrom: isoDateSchema.optional(), validTo: isoDateSchema, reason })
export type RenewCertificateInput = z.infer<typeof renewCertificateBody>

export const certificateReasonBody = z.object({ reason })

const effectiveStatus = z.enum([...certificateStatuses, 'expired', 'not_yet_valid'])

export const certificateEventView = z.object({
  id: z.number(),
  action: z.enum(['issue', 'change', 'suspend', 'restore', 'cancel', 'renew']),
  actionLabel: z.string(),
  reason: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  actorName: z.string().nullable(),
  at: z.string(),
})

export const certificateView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  certNo: z.string(),
  areas: z.array(z.string()),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(certificateStatuses),
  /** Status today (Beijing date): expired and not-yet-valid are derived from the dates. */
  effectiveStatus,
  statusLabel: z.string(),
  validToday: z.boolean(),
  /** Days until the end date (negative once expired). */
  daysLeft: z.number().int(),
  /** The address the QR code on the certificate opens (亮证执法 check). */
  checkUrl: z.string(),
  qrSvgUrl: z.string(),
  events: z.array(certificateEventView).optional(),
  actions: z.array(z.string()),
})

/** The public check: only what a party needs to trust the officer in front of them. */
export const publicCertificateView = z.object({
  certNo: z.string(),
  holderName: z.string(),
  orgName: z.string(),
  areas: z.array(z.string()),
  issuer: z.string(),
  validTo: z.string(),
  effectiveStatus,
  statusLabel: z.string(),
  validToday: z.boolean(),
  checkedOn: z.string(),
})

export const certNoParams = z.object({ certNo: z.string().trim().min(1).max(40) })
