/**
 * Thrown by the pure utilities in this package when a caller passes a value
 * that no answer can be given for (a malformed date, a negative amount, a
 * fractional count). Validation of *user input* never throws: those functions
 * return `{ ok: false, reason }` instead. This error marks a programming or
 * data error, so the server can map it to 400/500 in one place.
 *
 * @example
 * ```ts
 * import { InvalidArgumentError, toChineseCapital } from '@yangguang/core'
 *
 * try {
 *   toChineseCapital(-1)
 * } catch (error) {
 *   if (error instanceof InvalidArgumentError) console.log(error.code) // 'negative_amount'
 * }
 * ```
 */
export class InvalidArgumentError extends Error {
  /** Stable snake_case code; safe to branch on. */
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'InvalidArgumentError'
    this.code = code
  }
}

/**
 * Short, safe description of an unexpected value for error messages: never
 * dumps an object (it might hold personal data), truncates long strings.
 *
 * @example
 * ```ts
 * describeValue('2026/01/01') // '"2026/01/01"'
 * describeValue({ idNumber: '…' }) // 'object'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : `Date(${value.toISOString()})`
  return typeof value
}
