import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { isoDateSchema } from './calendar-date'
import { fieldLabelOf, zhValidationMessage } from './validation-messages'

const messageOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input, { error: zhValidationMessage }).error?.issues[0]?.message

describe('Chinese validation messages', () => {
  it('replace zod’s English defaults', () => {
    expect(messageOf(z.object({ a: z.string() }), {})).toBe('必须填写')
    expect(messageOf(z.string(), 12)).toBe('应为文字')
    expect(messageOf(z.number().int(), 'x')).toBe('应为数字')
    expect(messageOf(z.string().max(3), 'abcd')).toBe('最多 3 个字')
    expect(messageOf(z.string().min(1), '')).toBe('不能为空')
    expect(messageOf(z.array(z.string()).min(2), ['a'])).toBe('至少 2 项')
    expect(messageOf(z.number().min(0), -1)).toBe('不能小于 0')
    expect(messageOf(z.uuid(), 'x')).toBe('编号格式不正确')
    expect(messageOf(z.enum(['a', 'b']), 'c')).toBe('应为以下之一：a、b')
    expect(messageOf(z.strictObject({}), { x: 1 })).toBe('包含无法识别的字段：x')
  })

  it('leave a message written on the schema alone', () => {
    expect(messageOf(z.string().min(3, '集体讨论至少三人参加'), 'a')).toBe('集体讨论至少三人参加')
    expect(messageOf(isoDateSchema, '2025-02-30')).toBe('日期格式应为 YYYY-MM-DD，且须为真实日期')
  })
})

describe('field labels', () => {
  it('name the innermost labelled field, or fall back to the path', () => {
    expect(fieldLabelOf(['creditCode'])).toBe('统一社会信用代码')
    expect(fieldLabelOf(['instalments', 2, 'dueOn'])).toBe('期限')
    expect(fieldLabelOf(['items', 0, 'foo'])).toBe('items.0.foo')
    expect(fieldLabelOf(['toString'])).toBe('toString')
  })
})
