import { z } from 'zod'

/** The error envelope, for route response schemas. */
export const errorBody = z.object({
  code: z.string().describe('稳定的错误码，如 VALIDATION_FAILED'),
  message: z.string().describe('中文错误信息'),
  details: z.record(z.string(), z.unknown()),
})

/** Path parameter `id` as a UUID. */
export const idParams = z.object({ id: z.uuid('编号格式不正确') })
