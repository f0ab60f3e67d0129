import type { z } from 'zod'
import { fieldLabels } from './labels'

type ZodErrorMap = NonNullable<Parameters<typeof z.config>[0]>['customError']
type RawIssue = Parameters<NonNullable<ZodErrorMap>>[0]

/**
 * Chinese messages for zod's built-in checks, for `z.config({ customError: zhValidationMessage })`.
 * A message written on a schema (`.min(3, '集体讨论至少三人参加')`) still wins; this only replaces
 * zod's English defaults (“Invalid input: expected string, received undefined”).
 *
 * @example
 * z.config({ customError: zhValidationMessage })
 * z.string().safeParse(1).error?.issues[0]?.message // '应为文字'
 */
export const zhValidationMessage = (issue: RawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写'
      return `应为${typeNames[issue.expected] ?? '正确的类型'}`
    case 'too_small': {
      const n = String(issue.minimum)
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${n} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${n} 项`
      return issue.inclusive ? `不能小于 ${n}` : `应大于 ${n}`
    }
    case 'too_big': {
      const n = String(issue.maximum)
      if (issue.origin === 'string') return `最多 ${n} 个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`
      return issue.inclusive ? `不能大于 ${n}` : `应小于 ${n}`
    }
    case 'invalid_format':
      return `${formatNames[issue.format] ?? ''}格式不正确`
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${String(issue.values[0])}` : `应为以下之一：${issue.values.map(String).join('、')}`
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`
    case 'unrecognized_keys':
      return `包含无法识别的字段：${issue.keys.join('、')}`
    case 'invalid_union':
      return '格式不正确'
    case 'invalid_key':
    case 'invalid_element':
      return '包含无效的值'
    default:
      return '输入有误'
  }
}

/**
 * The Chinese name of the field at a validation path: the label of its innermost named segment
 * (`instalments.2.dueOn` → “期限”), or the path itself when no segment has a label.
 *
 * @example
 * fieldLabelOf(['body', 'creditCode']) // '统一社会信用代码'
 * fieldLabelOf(['items', 0, 'foo'])   // 'items.0.foo'
 */
export function fieldLabelOf(path: ReadonlyArray<PropertyKey>): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i]
    if (typeof segment === 'string' && Object.hasOwn(fieldLabels, segment)) return fieldLabels[segment]!
  }
  return path.map(String).join('.')
}

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true/false）',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值',
}

const formatNames: Record<string, string> = {
  uuid: '编号',
  guid: '编号',
  email: '电子邮箱',
  url: '网址',
  date: '日期',
  datetime: '日期时间',
  time: '时间',
  regex: '',
  starts_with: '',
  ends_with: '',
  includes: '',
}
