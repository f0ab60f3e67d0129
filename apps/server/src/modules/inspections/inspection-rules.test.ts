import { describe, expect, it } from 'vitest'
import { capWindowOf } from './inspection-rules'

describe('the frequency-cap window (one count for the start rule and the oversight)', () => {
  it('reaches back the configured period from the day of the inspection, both ends included', () => {
    expect(capWindowOf('2026-03-10', 'year')).toEqual({ from: '2025-03-11', to: '2026-03-10', label: '近一年' })
    expect(capWindowOf('2026-03-10', 'quarter')).toEqual({ from: '2025-12-11', to: '2026-03-10', label: '近三个月' })
    expect(capWindowOf('2026-03-10', 'month')).toEqual({ from: '2026-02-11', to: '2026-03-10', label: '近一个月' })
  })

  it('is not a calendar period: an inspection on 2 January still sees December’s', () => {
    expect(capWindowOf('2026-01-02', 'month').from).toBe('2025-12-03')
    expect(capWindowOf('2026-01-02', 'year').from).toBe('2025-01-03')
  })

  it('counts from the day after the same date a period back, at month ends too', () => {
    expect(capWindowOf('2026-03-31', 'month').from).toBe('2026-03-01')
    expect(capWindowOf('2024-02-29', 'year').from).toBe('2023-03-01')
  })
})
