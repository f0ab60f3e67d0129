import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { systemContext } from '../auth/actor'
import { inTransaction } from '../db/transaction'
import { enqueueLeaves } from './enqueue-leaves'
import { integrateOnce } from './integrate-batch'
import { leafHashOf } from './ledger-leaf'
import { createEphemeralLedgerRuntime, inProcessWitness } from './ledger-runtime'
import { signOnce } from './sign-checkpoint'
import { submitToWitnesses } from './submit-to-witnesses'
import { verifyLedger } from './verify-ledger'
import { openWitness, type Witness } from './witness/witness'

let t: TestApp
let witness: Witness
const witnessDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-verify-witness-'))

beforeAll(async () => {
  const probe = createEphemeralLedgerRuntime({ origin: 'verify.test/ledger' })
  witness = await openWitness({ dataDir: witnessDir, name: 'witness.verify.test', logKeys: [probe.verifierKey] })
  const ledger = { ...probe, witnesses: [inProcessWitness(witness)], quorum: 1 }
  t = await createTestApp({ ledger })
  // Three rounds of writes, each integrated, checkpointed and cosigned: several checkpoints to compare.
  for (const round of [0, 1, 2]) {
    await inTransaction(t.db, (trx) =>
      enqueueLeaves(trx, systemContext(t.clock.now), Array.from({ length: 400 }, (_, i) => ({ action: 'enterprise.import', recordType: 'enterprise', recordId: `r${round}-${i}`, content: { round, i } }))),
    )
    while ((await integrateOnce(t.db, { maxLeaves: 1000 })).integrated > 0);
    await signOnce(t.db, t.ledger)
    await submitToWitnesses(t.db, t.ledger)
  }
})
afterAll(async () => {
  await t.close()
  await witness.close()
  fs.rmSync(witnessDir, { recursive: true, force: true })
})

/** Changes a row as a superuser who switched the append-only trigger off, checks, and puts it back. */
async function tampered(table: string, change: string, restore: string): Promise<string | undefined> {
  const trigger = `${table}_append_only`
  await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`).execute(t.db)
  try {
    await sql.raw(change).execute(t.db)
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey })
    return report.divergence?.message
  } finally {
    await sql.raw(restore).execute(t.db)
    await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`).execute(t.db)
  }
}

async function entryLeafId(index: number): Promise<number> {
  const { rows } = await sql<{ id: string }>`SELECT leaf_ids[${index} - first_index + 1] AS id FROM ledger_batch WHERE first_index <= ${index} AND size > ${index}`.execute(t.db)
  return Number(rows[0].id)
}

describe('ledger verify', () => {
  it('passes on an untouched ledger, with every checkpoint and cosignature checked', async () => {
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey, witnessKeys: [witness.verifierKey] })
    expect(report.divergence).toBeUndefined()
    expect(report.ok).toBe(true)
    expect(report.counts.checkpoints).toBe(3)
    expect(report.counts.cosignatures).toBe(3)
    expect(report.counts.entries).toBeGreaterThan(1200)
    expect(report.counts.pending).toBe(0)
  })

  it('finds an edited leaf at its index', async () => {
    const id = await entryLeafId(700)
    const { rows } = await sql<{ leaf: Buffer }>`SELECT leaf FROM ledger_leaf WHERE id = ${id}`.execute(t.db)
    const original = rows[0].leaf.toString('hex')
    const message = await tampered('ledger_leaf', `UPDATE ledger_leaf SET leaf = leaf || '\\x20'::bytea WHERE id = ${id}`, `UPDATE ledger_leaf SET leaf = '\\x${original}'::bytea WHERE id = ${id}`)
    expect(message).toBe('序号 700 的条目内容与其哈希不符（被修改）')
  })

  it('finds a leaf edited together with its hash: the recomputed root differs', async () => {
    const id = await entryLeafId(5)
    const { rows } = await sql<{ leaf: Buffer; leaf_hash: Buffer }>`SELECT leaf, leaf_hash FROM ledger_leaf WHERE id = ${id}`.execute(t.db)
    const forged = Buffer.concat([rows[0].leaf, Buffer.from(' ')])
    const message = await tampered(
      'ledger_leaf',
      `UPDATE ledger_leaf SET leaf = '\\x${forged.toString('hex')}'::bytea, leaf_hash = '\\x${leafHashOf(forged).toString('hex')}'::bytea WHERE id = ${id}`,
      `UPDATE ledger_leaf SET leaf = '\\x${rows[0].leaf.toString('hex')}'::bytea, leaf_hash = '\\x${rows[0].leaf_hash.toString('hex')}'::bytea WHERE id = ${id}`,
    )
    expect(message).toMatch(/^第 0–\d+ 条之后记录的树根与重新计算的不符$/)
  })

  it('finds a deleted leaf', async () => {
    const id = await entryLeafId(1000)
    const { rows } = await sql<Record<string, unknown>>`SELECT id, xid::text AS xid, leaf, leaf_hash, created_at FROM ledger_leaf WHERE id = ${id}`.execute(t.db)
    const r = rows[0] as { xid: string; leaf: Buffer; leaf_hash: Buffer; created_at: Date }
    const message = await tampered(
      'ledger_leaf',
      `DELETE FROM ledger_leaf WHERE id = ${id}`,
      `INSERT INTO ledger_leaf (id, xid, leaf, leaf_hash, created_at) VALUES (${id}, '${r.xid}', '\\x${r.leaf.toString('hex')}', '\\x${r.leaf_hash.toString('hex')}', '${r.created_at.toISOString()}')`,
    )
    expect(message).toBe(`序号 1000 的条目缺失：叶子 ${id} 不存在（被删除）`)
  })

  it('finds two entries swapped in a batch', async () => {
    const { rows } = await sql<{ first_index: number; leaf_ids: string }>`SELECT first_index, leaf_ids::text FROM ledger_batch ORDER BY first_index DESC LIMIT 1`.execute(t.db)
    const { first_index: first, leaf_ids: ids } = rows[0]
    const message = await tampered(
      'ledger_batch',
      `UPDATE ledger_batch SET leaf_ids = leaf_ids[2:2] || leaf_ids[1:1] || leaf_ids[3:] WHERE first_index = ${first}`,
      `UPDATE ledger_batch SET leaf_ids = '${ids}'::bigint[] WHERE first_index = ${first}`,
    )
    expect(message).toMatch(/之后记录的树根与重新计算的不符$/)
  })

  it('finds a deleted batch', async () => {
    const { rows } = await sql<{ first_index: number }>`SELECT first_index FROM ledger_batch ORDER BY first_index LIMIT 1 OFFSET 1`.execute(t.db)
    const first = rows[0].first_index
    await sql`CREATE TEMP TABLE saved_batch AS SELECT * FROM ledger_batch WHERE first_index = ${first}`.execute(t.db)
    // Restoring bypasses the contiguity trigger too.
    await sql.raw('ALTER TABLE ledger_batch DISABLE TRIGGER ledger_batch_contiguous').execute(t.db)
    try {
      const message = await tampered('ledger_batch', `DELETE FROM ledger_batch WHERE first_index = ${first}`, 'INSERT INTO ledger_batch SELECT * FROM saved_batch')
      expect(message).toMatch(/^日志条目不连续：第 \d+ 条之后的批次从第 \d+ 条开始/)
    } finally {
      await sql.raw('ALTER TABLE ledger_batch ENABLE TRIGGER ledger_batch_contiguous').execute(t.db)
      await sql`DROP TABLE saved_batch`.execute(t.db)
    }
  })

  it('finds an edited tile', async () => {
    const { rows } = await sql<{ hashes: Buffer }>`SELECT hashes FROM ledger_tile WHERE level = 0 AND idx = 2`.execute(t.db)
    const original = rows[0].hashes.toString('hex')
    const message = await tampered(
      'ledger_tile',
      `UPDATE ledger_tile SET hashes = overlay(hashes placing '\\x00'::bytea from 100 for 1) WHERE level = 0 AND idx = 2`,
      `UPDATE ledger_tile SET hashes = '\\x${original}'::bytea WHERE level = 0 AND idx = 2`,
    )
    expect(message).toBe('瓦片 0/2 与重新计算的不符（被修改）')
  })

  it('finds an edited checkpoint signature', async () => {
    const { rows } = await sql<{ size: number; note: string }>`SELECT size, note FROM ledger_checkpoint ORDER BY size LIMIT 1`.execute(t.db)
    const { size, note } = rows[0]
    const forged = note.replace(/ (\S)(\S*)\n$/, (_m, first: string, rest: string) => ` ${first === 'A' ? 'B' : 'A'}${rest}\n`)
    const message = await tampered(
      'ledger_checkpoint',
      `UPDATE ledger_checkpoint SET note = $$${forged}$$ WHERE size = ${size}`,
      `UPDATE ledger_checkpoint SET note = $$${note}$$ WHERE size = ${size}`,
    )
    expect(message).toBe(`大小为 ${size} 的检查点签名无效或格式不正确`)
  })

  it('finds an edited cosignature', async () => {
    const { rows } = await sql<{ size: number; line: string }>`SELECT size, line FROM ledger_cosignature ORDER BY size DESC LIMIT 1`.execute(t.db)
    const { size, line } = rows[0]
    const forged = line.slice(0, -6) + (line.slice(-6, -5) === 'A' ? 'B' : 'A') + line.slice(-5)
    const message = await tampered(
      'ledger_cosignature',
      `UPDATE ledger_cosignature SET line = $$${forged}$$ WHERE size = ${size}`,
      `UPDATE ledger_cosignature SET line = $$${line}$$ WHERE size = ${size}`,
    )
    expect(message).toBe(`大小为 ${size} 的检查点上见证方联署无效`)
  })

  it('finds a receipt that no longer matches its leaf', async () => {
    const { rows } = await sql<{ leaf_hash: Buffer; record_id: string }>`SELECT leaf_hash, record_id FROM ledger_receipt WHERE record_type = 'enterprise' ORDER BY leaf_hash LIMIT 1`.execute(t.db)
    const hash = rows[0].leaf_hash.toString('hex')
    const message = await tampered(
      'ledger_receipt',
      `UPDATE ledger_receipt SET record_id = 'someone-else' WHERE leaf_hash = '\\x${hash}'`,
      `UPDATE ledger_receipt SET record_id = '${rows[0].record_id}' WHERE leaf_hash = '\\x${hash}'`,
    )
    expect(message).toBe(`回执 ${hash} 所记的记录与叶子内容不符`)
  })

  it('finds a deleted receipt', async () => {
    const { rows } = await sql<{ leaf_hash: Buffer; leaf_id: number; record_type: string; record_id: string; record_version: number; salt: Buffer }>`
      SELECT leaf_hash, leaf_id, record_type, record_id, record_version, salt FROM ledger_receipt WHERE record_type = 'enterprise' ORDER BY leaf_id LIMIT 1`.execute(t.db)
    const r = rows[0]
    const message = await tampered(
      'ledger_receipt',
      `DELETE FROM ledger_receipt WHERE leaf_hash = '\\x${r.leaf_hash.toString('hex')}'`,
      `INSERT INTO ledger_receipt (leaf_hash, leaf_id, record_type, record_id, record_version, salt) VALUES ('\\x${r.leaf_hash.toString('hex')}', ${r.leaf_id}, '${r.record_type}', '${r.record_id}', ${r.record_version}, '\\x${r.salt.toString('hex')}')`,
    )
    expect(message).toBe(`叶子 ${r.leaf_id} 没有回执（回执被删除）`)
  })

  it('finds a configured key that is not the log’s', async () => {
    const report = await verifyLedger(t.db, { verifierKey: createEphemeralLedgerRuntime().verifierKey })
    expect(report.divergence?.message).toBe('数据库记录的日志公钥与本服务器配置的公钥不符')
  })
})
