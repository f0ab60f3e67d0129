import { roles } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, '用户名须为 3–32 位小写字母、数字或 _ . -')

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, '请输入姓名').max(50),
  role: z.enum(roles),
  orgId: z.uuid().nullish(),
  regionCode: z.string().max(12).nullish(),
  password: z.string().min(1).max(128),
})

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(roles).optional(),
  orgId: z.uuid().nullish(),
  regionCode: z.string().max(12).nullish(),
})

export const resetPasswordBody = z.object({ newPassword: z.string().min(1).max(128) })
export const reasonBody = z.object({ reason: z.string().trim().min(2, '请填写原因').max(500) })

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  role: z.enum(roles).optional(),
  orgId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
})

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  roleLabel: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.string()),
})
