import { labels, roles } from '@yangguang/core'
import { z } from 'zod'

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
})

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
})

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    roleLabel: z.string(),
    orgId: z.string().nullable(),
    orgName: z.string().nullable(),
    regionCode: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
})

export const roleLabel = (role: keyof typeof labels.role) => labels.role[role]
