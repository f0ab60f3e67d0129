import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cosignatureV1KeyType, encodeBase64, formatCheckpoint, generateNoteKey, parseSignerKey, signNote, verifyReceipt } from '@yangguang/ledger'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../../test/harness'
import { systemContext } from '../../auth/actor'
import { inTransaction } from '../../db/transaction'
import { enqueueLeaves } from '../enqueue-leaves'
import { integrateOnce } from '../integrate-batch'
import { consistencyProof } from '../ledger-tiles'
import { lastBatch, latestCheckpoint } from '../ledger.repository'
import { createEphemeralLedgerRuntime, httpWitness, type LedgerRuntime } from '../ledger-runtime'
import { publishedCheckpoint, signOnce } from '../sign-checkpoint'
import { submitToWitnesses } from '../submit-to-witnesses'

const root = path.resolve(import.meta.dirname, '../../../../../..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-witness-'))
let t: TestApp
let log: LedgerRuntime
let child: ChildProcess | undefined
let witness: { url: string; key: string }

/** Starts `yangguang witness serve` as a separate process and reads its address and key. */
async function startWitnessProcess(logKey: string): Promise<{ url: string; key: string }> {
  const proc = spawn(process.execPath, ['apps/server/bin/yangguang.mjs', 'witness', 'serve', '--port', '0', '--data', dataDir, '--name', 'witness.sfj.test', '--log-key', logKey], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = proc
  let out = ''
  let err = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`witness did not start: ${out} ${err}`)), 30_000)
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const url = /(http:\/\/[^\s]+)\/add-checkpoint/.exec(out)
      const key = /witness-key: (\S+)/.exec(out)
      if (url && key) {
        clearTimeout(timer)
        resolve({ url: url[1], key: key[1] })
      }
    })
    proc.once('exit', (code) => reject(new Error(`witness exited with ${code}: ${err}`)))
  })
}

async function stopWitnessProcess() {
  const proc = child
  if (!proc || proc.exitCode !== null) return
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve())
    proc.kill('SIGTERM')
  })
  child = undefined
}

async function post(body: string) {
  const res = await fetch(`${witness.url}/add-checkpoint`, { method: 'POST', body })
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() }
}

async function grow(count: number) {
  await inTransaction(t.db, (trx) =>
    enqueueLeaves(trx, systemContext(t.clock.now), Array.from({ length: count }, (_, i) => ({ action: 'case.file', recordType: 'case', recordId: `w-${Date.now()}-${i}`, content: { i } }))),
  )
  while ((await integrateOnce(t.db)).integrated > 0);
  await signOnce(t.db, t.ledger)
  return (await latestCheckpoint(t.db))!
}

beforeAll(async () => {
  const probe = createEphemeralLedgerRuntime({ origin: 'witness-test.yangguang.example/ledger' })
  witness = await startWitnessProcess(probe.verifierKey)
  log = { ...probe, witnesses: [httpWitness(witness.key, witness.url)], quorum: 1 }
  t = await createTestApp({ ledger: log })
}, 120_000)

afterAll(async () => {
  await stopWitnessProcess()
  await t?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('a witness in a separate process', () => {
  it('cosigns the first checkpoint and, with a consistency proof, the next; the platform then publishes them', async () => {
    const first = await grow(10)
    expect(await submitToWitnesses(t.db, t.ledger)).toEqual([{ witness: 'witness.sfj.test', status: 'cosigned' }])
    expect((await publishedCheckpoint(t.db, t.ledger))?.size).toBe(first.size)

    const second = await grow(300)
    expect(second.size).toBeGreaterThan(first.size)
    expect(await submitToWitnesses(t.db, t.ledger)).toEqual([{ witness: 'witness.sfj.test', status: 'cosigned' }])
    const res = await t.anonymous.get('/api/ledger/checkpoint')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
    expect(res.body).toContain(`\n${second.size}\n`)
    expect(res.body).toMatch(/— witness\.sfj\.test \S+\n$/)

    // A citizen's browser: checkpoint signature, the witness's cosignature, inclusion.
    const entry = (await t.anonymous.get('/api/ledger/entries/3')).json()
    const proof = (await t.anonymous.get('/api/ledger/proof/inclusion?index=3')).json()
    const result = verifyReceipt({
      checkpoint: res.body,
      logKey: log.verifierKey,
      witnessKeys: [witness.key],
      witnessThreshold: 1,
      leafHash: Buffer.from(entry.leafHash, 'hex'),
      index: 3,
      proof: proof.proof.map((h: string) => Buffer.from(h, 'hex')),
    })
    expect(result.verified).toBe(true)
    expect(result.witnessQuorum).toEqual({ required: 1, cosigned: 1, met: true })
  })

  it('tells over HTTP the latest checkpoint it cosigned, log-signed and with its cosignature (what verify compares)', async () => {
    const latest = (await latestCheckpoint(t.db))!
    const endpoint = t.ledger.witnesses[0]
    const note = await endpoint.latestCheckpoint(log.origin)
    expect(note?.startsWith(latest.note)).toBe(true)
    expect(note).toMatch(/\n— witness\.sfj\.test \S+\n$/)
    expect(await endpoint.latestCheckpoint('other.example/log')).toBeUndefined()
  })

  it('refuses a rollback: an old size that is not its latest gets 409 with the size it holds', async () => {
    const latest = (await latestCheckpoint(t.db))!
    const older = (await t.db.selectFrom('ledger_checkpoint').selectAll().where('size', '<', latest.size).orderBy('size', 'desc').executeTakeFirst())!
    const stale = await post(`old 0\n\n${older.note}`)
    expect(stale.status).toBe(409)
    expect(stale.type).toBe('text/x.tlog.size')
    expect(stale.body).toBe(`${latest.size}\n`)
    // Presenting the older, smaller checkpoint as new is refused outright.
    const smaller = await post(`old ${latest.size}\n\n${older.note}`)
    expect(smaller.status).toBe(400)
  })

  it('refuses a fork: another root for a size it cosigned, or a bad consistency proof, is 422', async () => {
    const latest = (await latestCheckpoint(t.db))!
    const fork = await signNote(formatCheckpoint({ origin: log.origin, size: latest.size, rootHash: new Uint8Array(32).fill(9), extensions: [] }), [log.signer])
    expect((await post(`old ${latest.size}\n\n${fork}`)).status).toBe(422)
    const bigger = await signNote(formatCheckpoint({ origin: log.origin, size: latest.size + 5, rootHash: new Uint8Array(32).fill(9), extensions: [] }), [log.signer])
    const proof = await consistencyProof(t.db, 10, latest.size)
    expect((await post(`old ${latest.size}\n${proof.map((h) => `${encodeBase64(h)}\n`).join('')}\n${bigger}`)).status).toBe(422)
  })

  it('answers 404 for an unknown log, 403 for a checkpoint not signed by the log key, 400 for a malformed request', async () => {
    const batch = (await lastBatch(t.db))!
    const other = parseSignerKey(generateNoteKey('other.example/log').signerKey)
    const unknown = await signNote(formatCheckpoint({ origin: 'other.example/log', size: batch.size, rootHash: batch.root, extensions: [] }), [other])
    expect((await post(`old 0\n\n${unknown}`)).status).toBe(404)
    const impostor = parseSignerKey(generateNoteKey(log.origin).signerKey)
    const forged = await signNote(formatCheckpoint({ origin: log.origin, size: batch.size, rootHash: batch.root, extensions: [] }), [impostor])
    expect((await post(`old 0\n\n${forged}`)).status).toBe(403)
    expect((await post('hello')).status).toBe(400)
    expect((await post(`old 01\n\n${forged}`)).status).toBe(400)
    expect((await post(`old 0\nnot-base64\n\n${forged}`)).status).toBe(400)
  })

  it('publishes only with the quorum: k of n witnesses', async () => {
    await grow(3)
    const twoOfTwo: LedgerRuntime = { ...t.ledger, witnesses: [...t.ledger.witnesses, httpWitness(generateNoteKey('witness.down.test', cosignatureV1KeyType).verifierKey, 'http://127.0.0.1:9')], quorum: 2 }
    const outcomes = await submitToWitnesses(t.db, twoOfTwo)
    expect(outcomes.map((o) => o.status).sort()).toEqual(['cosigned', 'unreachable'])
    const latest = (await latestCheckpoint(t.db))!
    expect((await publishedCheckpoint(t.db, twoOfTwo))?.size).toBeUndefined()
    expect((await publishedCheckpoint(t.db, t.ledger))?.size).toBe(latest.size)
  })

  it('keeps its state across a restart and still refuses to go back', async () => {
    const latest = (await latestCheckpoint(t.db))!
    await stopWitnessProcess()
    witness = await startWitnessProcess(log.verifierKey)
    t.ledger.witnesses.splice(0, 1, httpWitness(witness.key, witness.url))
    const stale = await post(`old 0\n\n${latest.note}`)
    expect(stale.status).toBe(409)
    expect(stale.body).toBe(`${latest.size}\n`)
    await grow(2)
    expect((await submitToWitnesses(t.db, t.ledger))[0].status).toBe('cosigned')
  })
})
