import { nearestCounts } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { inTransaction } from '../../platform/db/transaction'
import { seedReviewDemo } from './review.demo'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  // The demo template has the review part when demo-parts.ts registers it; otherwise seed it here.
  const seeded = await t.db.selectFrom('review_batch').select('id').limit(1).executeTakeFirst()
  if (!seeded) {
    const orgIds = new Map((await t.db.selectFrom('org').select(['id', 'code']).execute()).map((o) => [o.code, o.id]))
    const userIds = new Map((await t.db.selectFrom('app_user').select(['id', 'username']).execute()).map((u) => [u.username, u.id]))
    await inTransaction(t.db, (trx) => seedReviewDemo(trx, { now: new Date('2026-11-20T10:00:00+08:00'), orgIds, userIds }))
  }
})
afterAll(() => t.close())

describe('案卷评查 demo', () => {
  it('has six published 2025 batches whose rates, computed from the sheets, are the nearest to the article’s', async () => {
    const sfj = await t.as('sfj')
    const batches = (await sfj.get('/api/review/batches')).json().items as Array<{ title: string; status: string }>
    expect(batches.filter((b) => b.title.startsWith('2025年') && b.status === 'published')).toHaveLength(6)
    const results = (await sfj.get('/api/review/results?year=2025')).json()
    const n = results.overall.count
    // The article's 2025: 64 penalty + 4 licensing files; 68 files give 14 优秀 / 50 合格 / 4 不合格 at best.
    expect(n).toBe(68)
    expect(results.overall.counts).toEqual(nearestCounts(n, { pass: 0.945, excellent: 0.204, fail: 0.055 }).counts)
    expect(results.overall.counts).toEqual({ excellent: 14, pass: 50, fail: 4 })
    expect(results.byKind.find((k: { kind: string }) => k.kind === 'penalty')?.count).toBe(64)
    expect(results.byKind.find((k: { kind: string }) => k.kind === 'license')?.count).toBe(4)
    // Every result comes from a submitted sheet.
    const sheets = await t.db.selectFrom('review_sheet').select(['status', 'score']).execute()
    expect(sheets.length).toBe(n)
    expect(sheets.every((s) => s.status === 'submitted')).toBe(true)
    // Each round samples from a larger frozen pool, over more than one unit.
    const rounds = await t.db
      .selectFrom('review_batch as b')
      .innerJoin('review_file as f', 'f.batch_id', 'b.id')
      .select(['b.title', 'b.pool_size'])
      .select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.count<number>('f.org_id').distinct().as('units')])
      .where('b.title', 'like', '2025年%')
      .groupBy(['b.title', 'b.pool_size'])
      .execute()
    expect(rounds).toHaveLength(6)
    for (const r of rounds) {
      expect(Number(r.files)).toBeGreaterThanOrEqual(10)
      expect(r.pool_size).toBeGreaterThan(Number(r.files))
      expect(Number(r.units)).toBeGreaterThan(1)
    }
  })

  it('has a 2026 batch frozen for a live draw, refused until a checkpoint contains the freeze', async () => {
    const sfj = await t.as('sfj')
    const batches = (await sfj.get('/api/review/batches')).json().items as Array<{ id: string; title: string; status: string }>
    const live = batches.find((b) => b.title === '2026年第5期')
    expect(live).toBeDefined()
    if (live?.status === 'frozen') expect((await sfj.post(`/api/review/batches/${live.id}/draw`, {})).statusCode).toBe(409)
  })
})
