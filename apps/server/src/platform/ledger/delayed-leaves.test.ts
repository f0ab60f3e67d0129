import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import type { RequestContext } from '../auth/actor'
import { systemContext } from '../auth/actor'
import { recordAnonymousAudit } from '../audit/anonymous-audit'
import { recordAudit } from '../audit/audit'
import { inTransaction } from '../db/transaction'
import { ANONYMOUS_DELAY_MAX_MINUTES, releaseDueLeaves, shuffled } from './delayed-leaves'
import { integrateOnce } from './integrate-batch'
import { findRecordReceipts } from './ledger.repository'
import { verifyLedger } from './verify-ledger'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** A portal request: no account, an address and a browser — none of which may reach the log. */
const portalCtx = (now: Date): RequestContext => ({ actor: null, ip: '203.0.113.45', userAgent: 'Mozilla/5.0 (iPhone)', now })
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000)
let recordNo = 0
const newRecordId = () => `00000000-0000-4000-8000-${String(++recordNo).padStart(12, '0')}`

async function fileAnonymously(now: Date, random: () => number, recordId = newRecordId()) {
  await inTransaction(t.db, (trx) =>
    recordAnonymousAudit(trx, portalCtx(now), { action: 'complaint.receive', entityType: 'complaint', entityId: recordId, orgId: null, summary: '收到匿名投诉举报' }, random),
  )
  return recordId
}

/** The log index of a record's only leaf, once integrated. */
async function indexOf(recordId: string, recordType = 'complaint') {
  const [receipt] = await findRecordReceipts(t.db, recordType, recordId)
  return receipt?.index ?? null
}

async function integrateAll(random?: () => number) {
  for (;;) {
    const r = await integrateOnce(t.db, { random })
    if (!r.more && r.integrated === 0) return
  }
}

describe('anonymous submissions on the log', () => {
  it('wait a random delay of up to an hour, with no audit row, leaf or receipt before it has run', async () => {
    const now = new Date('2026-11-20T10:31:05.123+08:00')
    const id = await fileAnonymously(now, () => 0.5)
    const waiting = await t.db.selectFrom('ledger_delayed_entry').selectAll().where('record_id', '=', id).executeTakeFirstOrThrow()
    expect(waiting.not_before.toISOString()).toBe(minutes(now, ANONYMOUS_DELAY_MAX_MINUTES / 2).toISOString())
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toEqual([])
    expect(await findRecordReceipts(t.db, 'complaint', id)).toEqual([])

    // One minute early nothing is released; on time it is.
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: minutes(now, 29) }))
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toEqual([])
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: minutes(now, 30) }))
    expect(await t.db.selectFrom('ledger_delayed_entry').select('id').where('record_id', '=', id).execute()).toEqual([])

    // The audit row names no account, address or browser and keeps the day; the leaf says `anon` and the day.
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor_id: null, actor_name: '匿名', actor_role: 'public', ip: null, user_agent: null, action: 'complaint.receive' })
    expect(audit.at.toISOString()).toBe('2026-11-19T16:00:00.000Z')
    const [receipt] = await findRecordReceipts(t.db, 'complaint', id)
    const leaf = JSON.parse(receipt.leaf.toString('utf8')) as { actor: string; at: string; ver: number }
    expect(leaf).toMatchObject({ actor: 'anon', at: '2026-11-19T16:00:00.000Z', ver: 1 })
    expect(receipt.leaf.toString('utf8')).not.toContain('203.0.113.45')
    expect(audit.leaf_hash?.equals(receipt.leafHash)).toBe(true)
  })

  it('the delay is drawn anew for each submission, over the whole hour', async () => {
    const now = new Date('2026-11-20T11:00:00+08:00')
    const early = await fileAnonymously(now, () => 0)
    const late = await fileAnonymously(now, () => 0.999999)
    const due = async (id: string) => (await t.db.selectFrom('ledger_delayed_entry').select('not_before').where('record_id', '=', id).executeTakeFirstOrThrow()).not_before
    expect((await due(early)).getTime() - now.getTime()).toBe(0)
    expect((await due(late)).getTime() - now.getTime()).toBeGreaterThan((ANONYMOUS_DELAY_MAX_MINUTES - 1) * 60_000)
    expect((await due(late)).getTime() - now.getTime()).toBeLessThan(ANONYMOUS_DELAY_MAX_MINUTES * 60_000)
  })

  it('enter the log shuffled, not in the order they were made, while ordinary leaves keep theirs and verify holds', async () => {
    // Release and integrate whatever earlier tests left waiting, so the batch below holds only these.
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: new Date('2100-01-01T00:00:00Z') }))
    await integrateAll()

    const now = t.clock.now
    const submitted = [] as string[]
    for (let i = 0; i < 4; i++) submitted.push(await fileAnonymously(now, () => 0))
    // Named acts written meanwhile go to the log at once, in their order.
    const named = [newRecordId(), newRecordId()]
    for (const id of named) await inTransaction(t.db, (trx) => recordAudit(trx, systemContext(now), { action: 'complaint.accept', entityType: 'complaint_named', entityId: id, summary: '受理' }))
    // The database's clock is past `now`: the next round releases the four, shuffled by the given source.
    await integrateAll(() => 0)

    const namedIdx = await Promise.all(named.map((id) => indexOf(id, 'complaint_named')))
    expect(namedIdx[0]).not.toBeNull()
    expect(namedIdx[1]).toBe(namedIdx[0]! + 1)
    const anonIdx = await Promise.all(submitted.map((id) => indexOf(id)))
    expect(anonIdx.every((i) => i !== null && i > namedIdx[1]!)).toBe(true)
    // Fisher–Yates with a source that always draws 0 turns a,b,c,d into b,c,d,a.
    const inLogOrder = [...submitted].sort((a, b) => anonIdx[submitted.indexOf(a)]! - anonIdx[submitted.indexOf(b)]!)
    expect(inLogOrder).toEqual(shuffled(submitted, () => 0))
    expect(inLogOrder).toEqual([submitted[1], submitted[2], submitted[3], submitted[0]])
    // The audit log's ids follow the shuffled order too.
    const auditIds = await t.db.selectFrom('audit_log').select(['entity_id', 'id']).where('entity_id', 'in', submitted).orderBy('id').execute()
    expect(auditIds.map((r) => r.entity_id)).toEqual(inLogOrder)
    expect((await verifyLedger(t.db)).divergence).toBeUndefined()
  })

  it('an entry released in a batch that rolls back waits for the next round, none lost', async () => {
    await inTransaction(t.db, (trx) => releaseDueLeaves(trx, { now: new Date('2100-01-01T00:00:00Z') }))
    await integrateAll()
    const id = await fileAnonymously(t.clock.now, () => 0)
    await inTransaction(t.db, (trx) => recordAudit(trx, systemContext(t.clock.now), { action: 'complaint.accept', entityType: 'complaint_named', entityId: newRecordId(), summary: '受理' }))
    await expect(
      integrateOnce(t.db, {
        beforeCommit: () => {
          throw new Error('crash before commit')
        },
      }),
    ).rejects.toThrow('crash before commit')
    expect(await t.db.selectFrom('ledger_delayed_entry').select('id').where('record_id', '=', id).execute()).toHaveLength(1)
    await integrateAll()
    expect(await indexOf(id)).not.toBeNull()
  })
})
