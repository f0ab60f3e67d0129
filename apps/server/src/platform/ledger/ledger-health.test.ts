import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { formatCheckpoint, signNote } from '@yangguang/ledger'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { ledgerHealth } from './ledger-health'
import { startLedgerLoop } from './ledger-loop'
import { createEphemeralLedgerRuntime, inProcessWitness } from './ledger-runtime'
import { openWitness, type Witness } from './witness/witness'

let t: TestApp
let witness: Witness
const witnessDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-health-witness-'))
const logged: Array<{ level: 'warn' | 'error'; message: string }> = []

beforeAll(async () => {
  const probe = createEphemeralLedgerRuntime({ origin: 'health.test/ledger' })
  witness = await openWitness({ dataDir: witnessDir, name: 'witness.health.test', logKeys: [probe.verifierKey] })
  t = await createTestApp({ ledger: { ...probe, witnesses: [inProcessWitness(witness)], quorum: 1 } })
})
afterAll(async () => {
  await t.close()
  await witness.close()
  fs.rmSync(witnessDir, { recursive: true, force: true })
})

/** One round of the server's ledger loop: integrate, sign, ask the witness, with its log captured. */
async function runLoopOnce() {
  const log = {
    info: () => {},
    warn: (_: unknown, message?: string) => logged.push({ level: 'warn', message: message ?? '' }),
    error: (_: unknown, message?: string) => logged.push({ level: 'error', message: message ?? '' }),
  }
  const loop = startLedgerLoop(t.db, t.ledger, log, { integrateEveryMs: 3_600_000 })
  await loop.runOnce()
  await loop.stop()
}

describe('a witness refusing the log’s checkpoint', () => {
  it('leaves health ok and the dashboard without alarm before any refusal', async () => {
    const health = await t.anonymous.get('/api/health')
    expect(health.json()).toMatchObject({ status: 'ok', ledger: { status: 'ok', reasons: [] } })
  })

  it('is an alarm: health degraded with the reason, the 驾驶舱 shows it, the log says why at error level', async () => {
    // The witness once cosigned another tree under this log's key (a fork someone showed it): the
    // real log's checkpoint is inconsistent with it, and the witness answers 422.
    const forked = await signNote(formatCheckpoint({ origin: t.ledger.origin, size: 3, rootHash: randomBytes(32), extensions: [] }), [t.ledger.signer])
    expect((await witness.addCheckpoint(`old 0\n\n${forked}`)).status).toBe(200)

    await runLoopOnce()

    const health = (await t.anonymous.get('/api/health')).json() as { status: string; ledger: { status: string; reasons: string[] } }
    expect(health.status).toBe('degraded')
    expect(health.ledger.status).toBe('degraded')
    expect(health.ledger.reasons).toHaveLength(1)
    expect(health.ledger.reasons[0]).toMatch(/^见证方 witness\.health\.test 拒绝联署大小为 \d+ 的检查点：422 consistency proof does not verify/)

    const supervisor = await t.as('sfj')
    const dashboard = await supervisor.get('/api/dashboard/supervision?year=2026')
    expect(dashboard.statusCode).toBe(200)
    expect(dashboard.json().ledger).toMatchObject({ status: 'degraded', alarms: [{ witness: 'witness.health.test', status: 'refused', reason: health.ledger.reasons[0] }] })

    const errors = logged.filter((l) => l.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(/^见证方拒绝联署检查点：422 consistency proof does not verify/)
  })

  it('stays an alarm across a restart: the answer is kept in the database, not in the process', async () => {
    const restarted = { ...createEphemeralLedgerRuntime(), witnesses: t.ledger.witnesses }
    const health = await ledgerHealth(t.db, restarted)
    expect(health.status).toBe('degraded')
    expect(health.alarms[0]).toMatchObject({ witness: 'witness.health.test', status: 'refused' })
  })
})
