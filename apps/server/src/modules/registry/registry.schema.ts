import { z } from 'zod'

/** Shared pieces of the registry's request schemas. */
export const reasonBody = z.object({ reason: z.string().trim().min(2, '请填写原因（至少2个字）').max(500) })

export const phoneSchema = z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true')
