import { entityStatuses, isoDateSchema, orgKinds } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true')

export const listOrgsQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(orgKinds).optional(),
  /** The unit's region or any region below it. */
  regionCode: z.string().max(12).optional(),
  onboarded: booleanQuery.optional(),
})

export const orgSummaryQuery = z.object({ regionCode: z.string().max(12).optional() })

/**
 * A unit's telephone as printed on its documents: a fixed line with its area code (0878-4121234,
 * an extension after a second dash), a mobile number, or a 400/800 service number.
 */
const phone = z
  .string()
  .trim()
  .regex(/^(0\d{2,3}-\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4})$/, '联系电话格式不正确：固定电话请带区号，如 0878-4121234；或填写 11 位手机号码')
/** 邮政编码: six digits (禄丰市 is 6512xx). */
const postalCode = z.string().trim().regex(/^\d{6}$/, '邮政编码须为 6 位数字')
const address = z.string().trim().min(4, '地址过短，请填写到门牌号').max(200)

export const createOrgBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,32}$/, '单位编码须为 2–32 位大写字母、数字或 -'),
  name: z.string().trim().min(2, '请填写单位名称').max(100),
  shortName: z.string().trim().min(1, '请填写单位简称（用于文书编号）').max(20),
  kind: z.enum(orgKinds),
  regionCode: z.string().trim().min(6).max(12),
  parentId: z.uuid().nullish(),
  contactPhone: phone.nullish(),
  address: address.nullish(),
  postalCode: postalCode.nullish(),
})
export type CreateOrgInput = z.infer<typeof createOrgBody>

export const updateOrgBody = createOrgBody.omit({ code: true }).partial()
export type UpdateOrgInput = z.infer<typeof updateOrgBody>

/** 通信地址、邮政编码、联系电话: what the unit's documents print for the party to reach it (null clears a field). */
export const updateOrgContactBody = z.object({
  address: address.nullish(),
  postalCode: postalCode.nullish(),
  contactPhone: phone.nullish(),
})
export type UpdateOrgContactInput = z.infer<typeof updateOrgContactBody>

export const onboardBody = z.object({ onboardedOn: isoDateSchema })
export const offboardBody = z.object({ reason: z.string().trim().min(2, '请填写原因').max(500) })

export const orgView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(orgKinds),
  kindLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  /** 已开通使用平台 */
  onboarded: z.boolean(),
  onboardedOn: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  entityId: z.string().nullable(),
  entityStatus: z.enum(entityStatuses).nullable(),
  entityStatusLabel: z.string().nullable(),
  personCount: z.number().int(),
  /** Certificates valid today (Beijing date). */
  validCertificateCount: z.number().int(),
  actions: z.array(z.string()),
})

export const orgSummaryView = z.object({
  total: z.number().int(),
  onboarded: z.number().int(),
  notOnboarded: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(orgKinds), kindLabel: z.string(), total: z.number().int(), onboarded: z.number().int() })),
})

export const orgOptionView = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(orgKinds), regionCode: z.string() })
