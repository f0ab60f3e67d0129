import { describe, expect, it } from 'vitest'
import { InvalidArgumentError, describeValue } from './invalid-argument-error'

describe('InvalidArgumentError', () => {
  it('carries a stable code and is a real Error', () => {
    const error = new InvalidArgumentError('negative_amount', 'Amount must not be negative')
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'InvalidArgumentError', code: 'negative_amount', message: 'Amount must not be negative' })
  })
})

describe('describeValue', () => {
  it.each([
    ['abc', '"abc"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
    [12.5, '12.5'],
    [null, 'null'],
    [undefined, 'undefined'],
    [new Date('nonsense'), 'Invalid Date'],
    [new Date('2026-01-01T00:00:00Z'), 'Date(2026-01-01T00:00:00.000Z)'],
    [{ secret: 'do not print' }, 'object'],
  ])('describes %j safely', (value, expected) => {
    expect(describeValue(value)).toBe(expected)
  })
})
