import { describe, expect, it } from 'vitest'
import { AppError, statusOf } from '../errors'
import { type AttemptLimit, enforceAttemptLimit, enforceRecordedAttemptLimit } from './attempt-limit'

const lookups: AttemptLimit = { max: 3, windowMinutes: 15, refusalZh: '查询失败次数过多' }
const now = new Date('2026-11-20T10:00:00+08:00')

async function refusalOf(count: number): Promise<unknown> {
  try {
    await enforceAttemptLimit(lookups, now, async () => count)
    return null
  } catch (error) {
    return error
  }
}

describe('enforceAttemptLimit', () => {
  it('lets attempts through below the limit', async () => {
    expect(await refusalOf(0)).toBeNull()
    expect(await refusalOf(2)).toBeNull()
  })

  it('refuses with 429 RATE_LIMITED, the wait in Chinese and retryAfterMinutes once the limit is reached', async () => {
    for (const count of [3, 4]) {
      const refusal = await refusalOf(count)
      expect(refusal).toBeInstanceOf(AppError)
      expect(refusal).toMatchObject({ code: 'RATE_LIMITED', message: '查询失败次数过多，请 15 分钟后再试', details: { retryAfterMinutes: 15 } })
      expect(statusOf((refusal as AppError).code)).toBe(429)
    }
  })

  it('counts from the start of the window', async () => {
    const asked: Date[] = []
    await enforceAttemptLimit({ max: 5, windowMinutes: 60, refusalZh: '提交过于频繁' }, now, async (since) => {
      asked.push(since)
      return 0
    })
    expect(asked).toEqual([new Date('2026-11-20T09:00:00+08:00')])
  })
})

describe('enforceRecordedAttemptLimit (the attempt was recorded before counting)', () => {
  async function recordedRefusal(countIncludingThis: number): Promise<unknown> {
    try {
      await enforceRecordedAttemptLimit(lookups, now, async () => countIncludingThis)
      return null
    } catch (error) {
      return error
    }
  }

  it('lets the max-th attempt through, since the count includes it', async () => {
    expect(await recordedRefusal(1)).toBeNull()
    expect(await recordedRefusal(3)).toBeNull()
  })

  it('refuses the attempt after the max-th with the same 429 answer', async () => {
    const refusal = await recordedRefusal(4)
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED', message: '查询失败次数过多，请 15 分钟后再试', details: { retryAfterMinutes: 15 } })
  })
})
