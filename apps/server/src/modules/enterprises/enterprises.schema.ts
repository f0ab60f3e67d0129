import { enterpriseKinds, usccSchema } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

const phone = z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null))

export const enterpriseInput = z.object({
  creditCode: usccSchema,
  name: z.string().trim().min(2, '请填写名称').max(100),
  kind: z.enum(enterpriseKinds),
  address: optionalText(200),
  townshipCode: z.string().trim().max(12).nullish(),
  industry: optionalText(50),
  contactName: optionalText(50),
  contactPhone: phone.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
})
export type EnterpriseInput = z.infer<typeof enterpriseInput>

export const updateEnterpriseBody = enterpriseInput.omit({ creditCode: true }).partial()

export const listEnterprisesQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  townshipCode: z.string().max(12).optional(),
  kind: z.enum(enterpriseKinds).optional(),
  industry: z.string().trim().max(50).optional(),
})

export const enterpriseView = z.object({
  id: z.string(),
  creditCode: z.string(),
  name: z.string(),
  kind: z.enum(enterpriseKinds),
  kindLabel: z.string(),
  address: z.string().nullable(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  industry: z.string().nullable(),
  contactName: z.string().nullable().describe('只对登记单位、当地司法局和管理员显示，其他人为 null'),
  contactPhone: z.string().nullable().describe('只对登记单位、当地司法局和管理员显示，其他人为 null'),
  contactVisible: z.boolean().describe('调用者能否查看联系人信息'),
  hasQr: z.boolean(),
  qrIssuedAt: z.string().nullable(),
  qrVersion: z.number().int(),
  accounts: z.number().int(),
  actions: z.array(z.string()),
})

export const qrTokenView = z.object({
  token: z.string().describe('只显示这一次；数据库只保存其哈希'),
  url: z.string(),
  svg: z.string(),
  version: z.number().int(),
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
})

/** When a sender (SMS, e-mail) is configured: the code went to the enterprise's registered contact. The code itself is never in the response. */
export const activationNotifiedView = z.object({
  delivery: z.literal('notified'),
  channelLabel: z.string().describe('发送方式，如 短信'),
  maskedRecipient: z.string().describe('接收人（已脱敏）'),
  expiresAt: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
})

export const activateBody = z.object({
  creditCode: usccSchema,
  code: z.string().trim().toUpperCase().min(6).max(20),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{3,32}$/, '用户名须为 3–32 位小写字母、数字或 _ . -'),
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(128),
})

export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') })

export const importRowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })

export const importResultView = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  dryRun: z.boolean(),
})
