import { MemoryTree, TILE_WIDTH, tileLayout } from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { systemContext } from '../auth/actor'
import { recordAudit } from '../audit/audit'
import { inTransaction } from '../db/transaction'
import { enqueueLeaf, enqueueLeaves } from './enqueue-leaves'
import { integrateOnce } from './integrate-batch'
import { canonicalJson, contentDigest, leafHashOf } from './ledger-leaf'
import { entriesInRange, findReceipt, integratedSize, lastBatch } from './ledger.repository'
import { readTile } from './ledger-tiles'
import { signOnce } from './sign-checkpoint'
import { verifyLedger } from './verify-ledger'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const ctx = () => systemContext(t.clock.now)

async function integrateAll(maxLeaves?: number) {
  let total = 0
  for (;;) {
    const result = await integrateOnce(t.db, { maxLeaves })
    total += result.integrated
    if (!result.more && result.integrated === 0) return total
  }
}

async function pendingCount() {
  const size = await integratedSize(t.db)
  const { n } = await t.db.selectFrom('ledger_leaf').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(n) - size
}

/** An independent tree over the leaves as the database orders them. */
async function independentTree(size: number) {
  const tree = new MemoryTree({ hasher: nodeSha256Ed25519Profile.hasher })
  for (let start = 0; start < size; start += 5000) {
    for (const entry of await entriesInRange(t.db, start, Math.min(size, start + 5000), true)) tree.append(entry.leaf as Uint8Array)
  }
  return tree
}

describe('enqueueing a leaf', () => {
  it('commits it with the audited write, salted and without personal data in clear', async () => {
    const stub = await inTransaction(t.db, (trx) =>
      recordAudit(trx, ctx(), {
        action: 'entity.publish',
        entityType: 'enforcement_entity',
        entityId: 'e1f3c0de-0000-4000-8000-000000000001',
        summary: '公示执法主体 禄丰市住房和城乡建设局',
        after: { name: '禄丰市住房和城乡建设局', responsiblePerson: '王建国', idNumber: '532331197001010011' },
      }),
    )
    const leaf = JSON.parse(stub.leaf) as Record<string, unknown>
    expect(Object.keys(leaf)).toEqual(['act', 'actor', 'at', 'digest', 'id', 'type', 'v', 'ver'])
    expect(leaf).toMatchObject({ v: 1, act: 'entity.publish', type: 'enforcement_entity', ver: 1, actor: 'sys:system', at: '2026-11-20T02:00:00.000Z' })
    expect(stub.leaf).not.toMatch(/王建国|532331197001010011|住房/)
    expect(stub.leafHash).toBe(leafHashOf(Buffer.from(stub.leaf)).toString('hex'))
    const content = { action: 'entity.publish', entityType: 'enforcement_entity', entityId: 'e1f3c0de-0000-4000-8000-000000000001', orgId: null, summary: '公示执法主体 禄丰市住房和城乡建设局', before: null, after: { name: '禄丰市住房和城乡建设局', responsiblePerson: '王建国', idNumber: '532331197001010011' } }
    expect(leaf.digest).toBe(contentDigest(Buffer.from(stub.salt, 'hex'), Buffer.from(canonicalJson(content))))
    const receipt = await findReceipt(t.db, Buffer.from(stub.leafHash, 'hex'))
    expect(receipt).toMatchObject({ recordType: 'enforcement_entity', recordVersion: 1, index: null })
  })

  it('rolls it back with a write that fails, leaving no orphan leaf', async () => {
    const before = await pendingCount()
    let leafHash = ''
    await expect(
      inTransaction(t.db, async (trx) => {
        leafHash = (await enqueueLeaf(trx, ctx(), { action: 'case.import', recordType: 'case', recordId: 'c-rollback', content: { no: 1 } })).leafHash
        throw new Error('the business write failed')
      }),
    ).rejects.toThrow('the business write failed')
    expect(await pendingCount()).toBe(before)
    expect(await findReceipt(t.db, Buffer.from(leafHash, 'hex'))).toBeUndefined()
  })

  it('numbers the leaves of one record 1, 2, 3 …', async () => {
    const stubs = await inTransaction(t.db, (trx) =>
      enqueueLeaves(trx, ctx(), [1, 2, 3].map((n) => ({ action: 'case.import.update', recordType: 'case', recordId: 'c-versions', content: { n } }))),
    )
    const again = await inTransaction(t.db, (trx) => enqueueLeaf(trx, ctx(), { action: 'case.import.close', recordType: 'case', recordId: 'c-versions', content: {} }))
    expect([...stubs, again].map((s) => s.version)).toEqual([1, 2, 3, 4])
  })
})

describe('integration', () => {
  it('appends pending leaves in batches whose roots match an independent tree, with every full tile stored', async () => {
    // The demo seed enqueued a leaf per seeded record; add enough for several tiles.
    await inTransaction(t.db, (trx) =>
      enqueueLeaves(trx, ctx(), Array.from({ length: 700 }, (_, i) => ({ action: 'enterprise.import', recordType: 'enterprise', recordId: `ent-${i}`, content: { i } }))),
    )
    const pending = await pendingCount()
    expect(pending).toBeGreaterThan(700)
    const integrated = await integrateAll(300)
    expect(integrated).toBe(pending)
    expect(await pendingCount()).toBe(0)

    const size = await integratedSize(t.db)
    const tree = await independentTree(size)
    expect(Buffer.from((await lastBatch(t.db))!.root).toString('hex')).toBe(Buffer.from(tree.root()).toString('hex'))
    for (const level of tileLayout(size)) {
      for (let index = 0; index < level.fullTiles; index++) {
        const stored = await t.db.selectFrom('ledger_tile').select('hashes').where('level', '=', level.level).where('idx', '=', index).executeTakeFirst()
        expect(stored?.hashes.equals(Buffer.from(tree.tile(level.level, index))), `tile ${level.level}/${index}`).toBe(true)
      }
      if (level.partialWidth > 0) {
        const partial = await readTile(t.db, { level: level.level, index: level.fullTiles, width: level.partialWidth }, size)
        expect(Buffer.from(partial!).equals(Buffer.from(tree.tile(level.level, level.fullTiles)))).toBe(true)
      }
    }
    const { n: tiles } = await t.db.selectFrom('ledger_tile').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(tiles)).toBe(tileLayout(size).reduce((n, l) => n + l.fullTiles, 0))
  })

  it('resumes from the stored frontier: many small integrations give the same tree as one', async () => {
    await inTransaction(t.db, (trx) =>
      enqueueLeaves(trx, ctx(), Array.from({ length: 600 }, (_, i) => ({ action: 'enterprise.import', recordType: 'enterprise', recordId: `resume-${i}`, content: { i } }))),
    )
    // Each call starts from nothing but the database, as a restarted server would.
    for (const batch of [1, 7, 255, 1, 256, 513]) await integrateOnce(t.db, { maxLeaves: batch })
    await integrateAll()
    const size = await integratedSize(t.db)
    const tree = await independentTree(size)
    expect(Buffer.from((await lastBatch(t.db))!.root).equals(Buffer.from(tree.root()))).toBe(true)
    expect((await verifyLedger(t.db)).divergence).toBeUndefined()
  })

  it('leaves no half batch when it fails before commit', async () => {
    await inTransaction(t.db, (trx) =>
      enqueueLeaves(trx, ctx(), Array.from({ length: 300 }, (_, i) => ({ action: 'enterprise.import', recordType: 'enterprise', recordId: `crash-${i}`, content: { i } }))),
    )
    const sizeBefore = await integratedSize(t.db)
    const tilesBefore = await t.db.selectFrom('ledger_tile').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await expect(
      integrateOnce(t.db, {
        beforeCommit: () => {
          throw new Error('power cut')
        },
      }),
    ).rejects.toThrow('power cut')
    expect(await integratedSize(t.db)).toBe(sizeBefore)
    const tilesAfter = await t.db.selectFrom('ledger_tile').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(tilesAfter.n)).toBe(Number(tilesBefore.n))
    expect(await pendingCount()).toBe(300)
    const result = await integrateOnce(t.db)
    expect(result.integrated).toBe(300)
    expect((await verifyLedger(t.db)).divergence).toBeUndefined()
  })

  it('gives a receipt its index once integrated', async () => {
    const stub = await inTransaction(t.db, (trx) => enqueueLeaf(trx, ctx(), { action: 'case.import', recordType: 'case', recordId: 'c-index', content: { a: 1 } }))
    expect((await findReceipt(t.db, Buffer.from(stub.leafHash, 'hex')))?.index).toBeNull()
    await integrateAll()
    const receipt = await findReceipt(t.db, Buffer.from(stub.leafHash, 'hex'))
    expect(receipt?.index).toBe((await integratedSize(t.db)) - 1)
    const [entry] = await entriesInRange(t.db, receipt!.index!, receipt!.index! + 1, true)
    expect(entry.leaf?.toString()).toBe(stub.leaf)
  })

  it.runIf(process.env.TEST_DATABASE_URL)('never skips a leaf whose transaction commits after later ones (PostgreSQL)', async () => {
    // Transaction A takes its leaf id first but commits last; B commits in between and is integrated.
    const conn = await t.db.connection().execute(async (a) => {
      await sql`BEGIN`.execute(a)
      const late = await enqueueLeaf(a, ctx(), { action: 'case.import', recordType: 'case', recordId: 'c-late', content: {} })
      const early = await inTransaction(t.db, (b) => enqueueLeaf(b, ctx(), { action: 'case.import', recordType: 'case', recordId: 'c-early', content: {} }))
      await integrateAll()
      expect((await findReceipt(t.db, Buffer.from(early.leafHash, 'hex')))?.index).not.toBeNull()
      await sql`COMMIT`.execute(a)
      return late
    })
    expect((await findReceipt(t.db, Buffer.from(conn.leafHash, 'hex')))?.index).toBeNull()
    await integrateAll()
    expect((await findReceipt(t.db, Buffer.from(conn.leafHash, 'hex')))?.index).not.toBeNull()
    expect((await verifyLedger(t.db)).divergence).toBeUndefined()
  })

  it.runIf(process.env.TEST_DATABASE_URL)('works in one place at a time: while another server holds the ledger lock, integration and signing wait their turn (PostgreSQL)', async () => {
    await inTransaction(t.db, (trx) => enqueueLeaf(trx, ctx(), { action: 'case.import', recordType: 'case', recordId: 'c-lock', content: {} }))
    await t.db.connection().execute(async (other) => {
      await sql`BEGIN`.execute(other)
      await sql`SELECT pg_advisory_xact_lock(7305938274::bigint)`.execute(other)
      expect(await integrateOnce(t.db)).toMatchObject({ locked: true, integrated: 0 })
      expect(await signOnce(t.db, t.ledger)).toMatchObject({ locked: true, signed: false })
      await sql`COMMIT`.execute(other)
    })
    expect((await integrateOnce(t.db)).integrated).toBe(1)
  })

  it('tiles are exactly the C2SP layout: a full level-0 tile holds 256 leaf hashes', async () => {
    const size = await integratedSize(t.db)
    expect(size).toBeGreaterThan(TILE_WIDTH)
    const tile = await readTile(t.db, { level: 0, index: 0, width: TILE_WIDTH }, size)
    const entries = await entriesInRange(t.db, 0, TILE_WIDTH)
    expect(Buffer.from(tile!).equals(Buffer.concat(entries.map((e) => e.leafHash)))).toBe(true)
  })
})

describe('checkpoints', () => {
  it('signs when the tree grew, never two for one size, never a smaller one', async () => {
    await integrateAll()
    const first = await signOnce(t.db, t.ledger)
    expect(first.signed).toBe(true)
    expect(first.size).toBe(await integratedSize(t.db))
    const again = await signOnce(t.db, t.ledger)
    expect(again.signed).toBe(false)
    const row = await t.db.selectFrom('ledger_checkpoint').selectAll().where('size', '=', first.size).executeTakeFirstOrThrow()
    await expect(t.db.insertInto('ledger_checkpoint').values({ size: row.size, root: Buffer.alloc(32, 7), note: row.note }).execute()).rejects.toThrow()
    await expect(t.db.insertInto('ledger_checkpoint').values({ size: row.size - 1, root: row.root, note: row.note }).execute()).rejects.toThrow()
    const batch = await lastBatch(t.db)
    expect(batch!.size).toBe(row.size)
  })

  it('refuses to sign with a key that is not the log’s', async () => {
    const { createEphemeralLedgerRuntime } = await import('./ledger-runtime')
    await inTransaction(t.db, (trx) => enqueueLeaf(trx, ctx(), { action: 'case.import', recordType: 'case', recordId: 'c-key', content: {} }))
    await integrateAll()
    await expect(signOnce(t.db, createEphemeralLedgerRuntime())).rejects.toThrow('存证日志密钥与数据库中的日志不符')
  })
})

describe('append-only tables', () => {
  it.each(['ledger_leaf', 'ledger_receipt', 'ledger_batch', 'ledger_tile', 'ledger_checkpoint', 'ledger_log'])('%s refuses UPDATE, DELETE and TRUNCATE', async (table) => {
    const column = table === 'ledger_receipt' ? 'record_id' : table === 'ledger_log' ? 'origin' : table === 'ledger_leaf' ? 'created_at' : table === 'ledger_batch' ? 'created_at' : table === 'ledger_tile' ? 'level' : 'note'
    await expect(sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${sql.ref(column)}`.execute(t.db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM ${sql.table(table)}`.execute(t.db)).rejects.toThrow(/append-only/)
    await expect(sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(t.db)).rejects.toThrow(/append-only/)
  })
})

describe('the leaf format', () => {
  it('writes the leaf prefix exactly as canonical JSON with "ver" last', async () => {
    const { leafPrefix, encodeLeaf } = await import('./ledger-leaf')
    const fields = { v: 1, act: 'case.file', type: 'case', id: 'id-"quoted"-决定书', actor: 'cert:5323312025000123', at: '2026-11-20T02:00:00.000Z', digest: 'ab'.repeat(32) }
    expect(`${leafPrefix(fields)}7}`).toBe(canonicalJson({ ...fields, ver: 7 }))
    expect(encodeLeaf({ ...fields, ver: 7 }).toString()).toBe(canonicalJson({ ...fields, ver: 7 }))
    const long = leafPrefix({ ...fields, id: 'x'.repeat(200) })
    expect(long).toContain('"id":"sha256:')
  })
})
