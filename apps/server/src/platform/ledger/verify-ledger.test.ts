import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { systemContext } from '../auth/actor'
import { recordAudit } from '../audit/audit'
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
const checkpointLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yg-verify-keys-')), 'checkpoints.log')
/** Audit rows written through recordAudit in the first round, by their entity id. */
const auditIds = new Map<string, number>()
/** Checkpoint sizes after each round. */
const roundSizes: number[] = []

beforeAll(async () => {
  const probe = createEphemeralLedgerRuntime({ origin: 'verify.test/ledger', checkpointLog })
  witness = await openWitness({ dataDir: witnessDir, name: 'witness.verify.test', logKeys: [probe.verifierKey] })
  const ledger = { ...probe, witnesses: [inProcessWitness(witness)], quorum: 1 }
  t = await createTestApp({ ledger })
  const officer = await t.db.selectFrom('app_user').select('id').where('username', '=', 'zjj_officer').executeTakeFirstOrThrow()
  zjjOfficerId = officer.id
  // Three rounds of writes, each integrated, checkpointed and cosigned: several checkpoints to compare.
  for (const round of [0, 1, 2]) {
    await inTransaction(t.db, async (trx) => {
      await enqueueLeaves(trx, systemContext(t.clock.now), Array.from({ length: 400 }, (_, i) => ({ action: 'enterprise.import', recordType: 'enterprise', recordId: `r${round}-${i}`, content: { round, i } })))
      if (round === 0) for (const entry of auditEntries) await recordAudit(trx, officerContext(), entry)
    })
    while ((await integrateOnce(t.db, { maxLeaves: 1000 })).integrated > 0);
    roundSizes.push((await signOnce(t.db, t.ledger)).size)
    await submitToWitnesses(t.db, t.ledger)
  }
  const { rows } = await sql<{ id: string; entity_id: string }>`SELECT id, entity_id FROM audit_log WHERE entity_id LIKE 'verify-%'`.execute(t.db)
  for (const r of rows) auditIds.set(r.entity_id, Number(r.id))
})

/** Audit entries with the shapes real writes have: Chinese text, nested before/after, numbers, dates. */
const auditEntries = [
  {
    action: 'case.decide',
    entityType: 'penalty_case',
    entityId: 'verify-case-1',
    orgId: null,
    summary: '作出行政处罚决定 禄丰市住房和城乡建设局 罚款 5000 元',
    before: { status: 'reviewed', fineFen: null },
    after: { status: 'decided', fineFen: 500_000, decidedOn: '2026-11-20', items: [{ article: '第五十九条', amountFen: 500_000 }], rate: 0.1, at: new Date('2026-11-20T02:00:00Z') },
  },
  { action: 'enterprise.update', entityType: 'enterprise', entityId: 'verify-ent-1', summary: '更新企业 禄丰金山恒通建材有限公司', before: { phone: '0878-1234567' }, after: { phone: '0878-7654321' } },
  { action: 'entity.publish', entityType: 'enforcement_entity', entityId: 'verify-entity-1', summary: '公示执法主体' },
]

/** An officer's request: the leaf names the account, the audit row its id. */
function officerContext() {
  const base = systemContext(t.clock.now)
  return { ...base, actor: { ...base.actor, userId: zjjOfficerId, username: 'zjj_officer', displayName: '住建执法员', role: 'officer' as const } }
}
let zjjOfficerId = ''
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

/**
 * Where a test keeps the rows it deletes, to put them back: an ordinary table (a temp table is seen
 * by one pooled connection only, and verify reads on several), in a schema of its own (verify counts
 * every table of the current schema with a leaf_hash column as an owner of leaves).
 */
async function savedSchema() {
  await sql`CREATE SCHEMA IF NOT EXISTS verify_saved`.execute(t.db)
}

async function entryLeafId(index: number): Promise<number> {
  const { rows } = await sql<{ id: string }>`SELECT leaf_ids[${index} - first_index + 1] AS id FROM ledger_batch WHERE first_index <= ${index} AND size > ${index}`.execute(t.db)
  return Number(rows[0].id)
}

describe('ledger verify', () => {
  it('passes on an untouched ledger, with every checkpoint, cosignature, audit row and outside checkpoint checked', async () => {
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey, witnessKeys: [witness.verifierKey], checkpointLog, witnesses: t.ledger.witnesses })
    expect(report.divergence).toBeUndefined()
    expect(report.ok).toBe(true)
    expect(report.counts.checkpoints).toBe(3)
    expect(report.counts.cosignatures).toBe(3)
    expect(report.counts.anchors).toBe(2)
    expect(report.counts.auditRows).toBeGreaterThanOrEqual(auditEntries.length)
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

  it('finds a leaf edited into bytes that are not UTF-8 (leaves are read as text where they are)', async () => {
    const id = await entryLeafId(701)
    const { rows } = await sql<{ leaf: Buffer }>`SELECT leaf FROM ledger_leaf WHERE id = ${id}`.execute(t.db)
    const original = rows[0].leaf.toString('hex')
    const message = await tampered('ledger_leaf', `UPDATE ledger_leaf SET leaf = leaf || '\\xff00'::bytea WHERE id = ${id}`, `UPDATE ledger_leaf SET leaf = '\\x${original}'::bytea WHERE id = ${id}`)
    expect(message).toBe('序号 701 的条目内容与其哈希不符（被修改）')
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
    await savedSchema()
    await sql`CREATE TABLE verify_saved.batch AS SELECT * FROM ledger_batch WHERE first_index = ${first}`.execute(t.db)
    // Restoring bypasses the contiguity trigger too.
    await sql.raw('ALTER TABLE ledger_batch DISABLE TRIGGER ledger_batch_contiguous').execute(t.db)
    try {
      const message = await tampered('ledger_batch', `DELETE FROM ledger_batch WHERE first_index = ${first}`, 'INSERT INTO ledger_batch SELECT * FROM verify_saved.batch')
      expect(message).toMatch(/^日志条目不连续：第 \d+ 条之后的批次从第 \d+ 条开始/)
    } finally {
      await sql.raw('ALTER TABLE ledger_batch ENABLE TRIGGER ledger_batch_contiguous').execute(t.db)
      await sql`DROP TABLE IF EXISTS verify_saved.batch`.execute(t.db)
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

  it('names the audit row whose summary was edited', async () => {
    const id = auditIds.get('verify-case-1')
    const message = await tampered(
      'audit_log',
      `UPDATE audit_log SET summary = '作出行政处罚决定 禄丰市住房和城乡建设局 罚款 500 元' WHERE id = ${id}`,
      `UPDATE audit_log SET summary = '作出行政处罚决定 禄丰市住房和城乡建设局 罚款 5000 元' WHERE id = ${id}`,
    )
    expect(message).toBe(`审计日志第 ${id} 条的内容与其存证摘要不符（被修改）`)
  })

  it('names the audit row whose after-snapshot was edited inside its JSON', async () => {
    const id = auditIds.get('verify-case-1')
    const message = await tampered(
      'audit_log',
      `UPDATE audit_log SET after = jsonb_set(after, '{fineFen}', '50000') WHERE id = ${id}`,
      `UPDATE audit_log SET after = jsonb_set(after, '{fineFen}', '500000') WHERE id = ${id}`,
    )
    expect(message).toBe(`审计日志第 ${id} 条的内容与其存证摘要不符（被修改）`)
  })

  it('names the audit row whose actor was swapped for another account', async () => {
    const id = auditIds.get('verify-ent-1')
    const message = await tampered(
      'audit_log',
      `UPDATE audit_log SET actor_id = (SELECT id FROM app_user WHERE username = 'zjj_head') WHERE id = ${id}`,
      `UPDATE audit_log SET actor_id = '${zjjOfficerId}' WHERE id = ${id}`,
    )
    expect(message).toBe(`审计日志第 ${id} 条的操作人与其存证叶子不符（被修改）`)
  })

  it('finds a deleted audit row by the leaf no row names any more', async () => {
    const id = auditIds.get('verify-ent-1') as number
    await savedSchema()
    await sql`CREATE TABLE verify_saved.audit AS SELECT * FROM audit_log WHERE id = ${id}`.execute(t.db)
    const { rows } = await sql<{ leaf_id: string }>`SELECT r.leaf_id FROM ledger_receipt r JOIN audit_log a ON a.leaf_hash = r.leaf_hash WHERE a.id = ${id}`.execute(t.db)
    try {
      const message = await tampered('audit_log', `DELETE FROM audit_log WHERE id = ${id}`, 'INSERT INTO audit_log SELECT * FROM verify_saved.audit')
      expect(message).toBe(`存证叶子 ${rows[0].leaf_id}（enterprise.update enterprise verify-ent-1，2026-11-20T02:00:00.000Z）没有对应的审计日志或文书（记录被删除）`)
    } finally {
      await sql`DROP TABLE IF EXISTS verify_saved.audit`.execute(t.db)
    }
  })

  it('finds an audit row inserted without a leaf', async () => {
    const message = await tampered(
      'audit_log',
      `INSERT INTO audit_log (actor_name, actor_role, action, entity_type, entity_id, summary) VALUES ('系统', 'admin', 'case.decide', 'penalty_case', 'verify-forged', '伪造的记录')`,
      `DELETE FROM audit_log WHERE entity_id = 'verify-forged'`,
    )
    expect(message).toMatch(/^审计日志第 \d+ 条（case\.decide penalty_case verify-forged）没有对应的存证叶子（被插入，或其叶子被删除）$/)
  })

  it('refuses a published-checkpoint file whose last entry is not signed by the log', async () => {
    const forged = path.join(path.dirname(checkpointLog), 'forged.log')
    const [last] = fs.readFileSync(checkpointLog, 'utf8').trim().split('\n').slice(-1)
    const entry = JSON.parse(last) as { size: number; note: string }
    fs.writeFileSync(forged, `${JSON.stringify({ size: entry.size + 10, note: entry.note.replace(`\n${entry.size}\n`, `\n${entry.size + 10}\n`) })}\n`)
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey, checkpointLog: forged })
    expect(report.divergence?.message).toBe('已发布检查点记录文件的最后一条签名无效或格式不正确')
  })

  it('finds a configured key that is not the log’s', async () => {
    const report = await verifyLedger(t.db, { verifierKey: createEphemeralLedgerRuntime().verifierKey })
    expect(report.divergence?.message).toBe('数据库记录的日志公钥与本服务器配置的公钥不符')
  })
})

describe('ledger verify after the newest entries were cut off, checkpoints included', () => {
  beforeAll(async () => {
    // Back to the end of the first round: the later batches, their leaves and receipts, and every
    // checkpoint and cosignature after it, as someone restoring an old backup or covering tracks would.
    const cut = roundSizes[0]
    const tables = ['ledger_batch', 'ledger_leaf', 'ledger_receipt', 'ledger_tile', 'ledger_checkpoint', 'ledger_cosignature']
    for (const table of tables) await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`).execute(t.db)
    await sql`DELETE FROM ledger_cosignature WHERE size > ${cut}`.execute(t.db)
    await sql`DELETE FROM ledger_checkpoint WHERE size > ${cut}`.execute(t.db)
    await sql`DELETE FROM ledger_receipt WHERE leaf_id IN (SELECT unnest(leaf_ids) FROM ledger_batch WHERE first_index >= ${cut})`.execute(t.db)
    await sql`DELETE FROM ledger_leaf WHERE id IN (SELECT unnest(leaf_ids) FROM ledger_batch WHERE first_index >= ${cut})`.execute(t.db)
    await sql`DELETE FROM ledger_batch WHERE first_index >= ${cut}`.execute(t.db)
    // Full tiles reaching past the cut: a tile of level L and index i covers leaves up to (i + 1)·256^(L+1).
    await sql`DELETE FROM ledger_tile WHERE (idx + 1) * power(256, level + 1) > ${cut}`.execute(t.db)
    for (const table of tables) await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`).execute(t.db)
  })

  it('leaves a database that is consistent in itself: only what lives outside it can tell', async () => {
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey })
    expect(report.divergence).toBeUndefined()
    expect(report.counts.entries).toBe(roundSizes[0])
  })

  it('is caught by the last entry of the published-checkpoint file', async () => {
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey, checkpointLog })
    expect(report.ok).toBe(false)
    expect(report.divergence?.message).toBe(`日志被截断：已发布检查点记录文件记有大小为 ${roundSizes[2]} 的检查点，数据库中的日志只有 ${roundSizes[0]} 条`)
  })

  it('is caught by the witness’s latest cosigned checkpoint, the file gone too', async () => {
    const report = await verifyLedger(t.db, { verifierKey: t.ledger.verifierKey, checkpointLog: path.join(path.dirname(checkpointLog), 'deleted.log'), witnesses: t.ledger.witnesses })
    expect(report.ok).toBe(false)
    expect(report.divergence?.message).toBe(`日志被截断：见证方 witness.verify.test 已联署大小为 ${roundSizes[2]} 的检查点，数据库中的日志只有 ${roundSizes[0]} 条`)
    expect(report.notes.some((n) => n.includes('deleted.log'))).toBe(true)
  })
})
