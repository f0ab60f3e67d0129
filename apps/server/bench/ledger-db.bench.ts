/**
 * Ledger benchmarks with a database — `npm run bench:ledger` (add `-- --quick` for a short run).
 *
 * Runs the in-memory sections of packages/ledger/bench first (SHA-256 baseline, appends, proofs at 1M
 * and 10M), then, on PGlite (a temporary on-disk data directory) and on PostgreSQL when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a scratch database, dropped afterwards):
 *
 * - interactive: concurrent one-leaf transactions through `enqueueLeaf` while the integrator runs, until
 *   every leaf is integrated — beside the same transactions inserting the same rows into a plain table —
 *   and the integrator alone appending such traffic in 256-leaf batches;
 * - bulk: `enqueueLeaves` of many records in one transaction, then integration of all of them — beside a
 *   plain COPY of the same rows (psql `\copy` on PostgreSQL, `COPY FROM '/dev/blob'` on PGlite);
 * - inclusion proofs from the database at 1M leaves (and 10M on PostgreSQL) — beside a primary-key lookup.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { verifyInclusionProof } from '@yangguang/ledger'
import { type Kysely, sql } from 'kysely'
import { type BenchEngine, benchEngines } from './bench-engines'
import { type BenchResult, type BenchSection, ledgerSections, runBenchmarks } from '../../../packages/ledger/bench/ledger.bench'
import { systemContext } from '../src/platform/auth/actor'
import type { Database } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import type { DB } from '../src/platform/db/schema'
import { inTransaction } from '../src/platform/db/transaction'
import { enqueueLeaf, enqueueLeaves, type LedgerRecordInput } from '../src/platform/ledger/enqueue-leaves'
import { integrateOnce } from '../src/platform/ledger/integrate-batch'
import { encodeLeaf, leafHashOf } from '../src/platform/ledger/ledger-leaf'
import { integratedSize, lastBatch } from '../src/platform/ledger/ledger.repository'
import { inclusionProof } from '../src/platform/ledger/ledger-tiles'

const quick = process.argv.includes('--quick')
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
const TARGET_INTERACTIVE = 20_000
const TARGET_BULK = 100_000
const TARGET_PROOF_P99_MS = 2

const engines = benchEngines({ prefix: 'yangguang_bench', pgUrl, pgPoolSize: 40 })

const ctx = systemContext(new Date('2026-11-20T02:00:00Z'))
const record = (i: number): LedgerRecordInput => ({
  action: 'inspection.record',
  recordType: 'inspection',
  recordId: `9b2f6c1e-4d3a-4f5b-8c7d-${String(i).padStart(12, '0')}`,
  content: { no: i, result: 'no_issue', officers: ['5323312025000123', '5323312025000456'], notes: '现场检查未发现问题' },
})

async function integrateEverything(db: Kysely<DB>, maxLeaves?: number): Promise<number> {
  let total = 0
  for (;;) {
    const r = await integrateOnce(db, { maxLeaves })
    total += r.integrated
    if (r.integrated === 0) return total
  }
}

/** Interactive writes: each leaf its own transaction, many at once, the integrator running alongside. */
async function interactive(engine: BenchEngine['name'], db: Kysely<DB>, count: number, writers: number): Promise<BenchResult[]> {
  await sql`CREATE TABLE bench_plain (id bigserial PRIMARY KEY, leaf bytea NOT NULL, leaf_hash bytea NOT NULL)`.execute(db)
  const rows = Array.from({ length: count }, (_, i) => {
    const leaf = encodeLeaf({ v: 1, act: 'inspection.record', type: 'inspection', id: record(i).recordId, ver: 1, actor: 'sys:bench', at: ctx.now.toISOString(), digest: randomBytes(32).toString('hex') })
    return { leaf, hash: leafHashOf(leaf) }
  })
  const runWriters = async (write: (i: number) => Promise<unknown>) => {
    let next = 0
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = next++; i < count; i = next++) await write(i)
      }),
    )
  }
  // Baseline: the same one-row transactions into a plain table.
  let start = performance.now()
  await runWriters((i) => inTransaction(db, (trx) => sql`INSERT INTO bench_plain (leaf, leaf_hash) VALUES (${rows[i].leaf}, ${rows[i].hash})`.execute(trx)))
  const plainRate = count / ((performance.now() - start) / 1000)

  const before = await integratedSize(db)
  start = performance.now()
  let writing = true
  const integrator = (async () => {
    while (writing || (await integratedSize(db)) < before + count) {
      const r = await integrateOnce(db)
      if (r.integrated === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  await runWriters((i) => inTransaction(db, (trx) => enqueueLeaf(trx, ctx, record(i))))
  const enqueueSeconds = (performance.now() - start) / 1000
  writing = false
  await integrator
  const endToEnd = count / ((performance.now() - start) / 1000)

  // The ledger's own part: the same traffic already committed, appended by the integrator alone in
  // 256-leaf batches (Tessera's default), one durable commit per batch.
  await runWriters((i) => inTransaction(db, (trx) => enqueueLeaf(trx, ctx, record(count + i))))
  start = performance.now()
  const appended = await integrateEverything(db, 256)
  const integratorRate = appended / ((performance.now() - start) / 1000)
  const section = `${engine} interactive`
  return [
    { section, metric: `${count.toLocaleString('en')} one-leaf transactions, ${writers} writer${writers > 1 ? 's' : ''}: enqueued`, value: count / enqueueSeconds, unit: 'tx/s' },
    { section, metric: '  durable appends end to end (enqueue → integrated, integrator running)', value: endToEnd, unit: 'leaves/s' },
    { section, metric: '  baseline: same transactions, plain INSERT of the same rows', value: plainRate, unit: 'tx/s' },
    {
      section,
      metric: '  integrator alone on that traffic, 256-leaf batches (durable appends)',
      value: integratorRate,
      unit: 'leaves/s',
      target: engine === 'PostgreSQL' ? { text: `≥ ${TARGET_INTERACTIVE.toLocaleString('en')}/s`, met: integratorRate >= TARGET_INTERACTIVE } : undefined,
    },
  ]
}

/** Bulk: an import's records enqueued in one transaction, then integrated in large batches. */
async function bulk(engine: BenchEngine['name'], database: Database, url: string | undefined, count: number): Promise<BenchResult[]> {
  const db = database.db
  const records = Array.from({ length: count }, (_, i) => record(1_000_000 + i))
  let start = performance.now()
  const stubs = await inTransaction(db, (trx) => enqueueLeaves(trx, ctx, records))
  const enqueueRate = count / ((performance.now() - start) / 1000)
  start = performance.now()
  const integrated = await integrateEverything(db, 100_000)
  const integrateRate = integrated / ((performance.now() - start) / 1000)

  // Baseline: COPY of the same leaf rows into a plain table.
  await sql`CREATE TABLE bench_copy (leaf bytea NOT NULL, leaf_hash bytea NOT NULL)`.execute(db)
  const copyText = stubs.map((s) => `\\\\x${Buffer.from(s.leaf).toString('hex')}\t\\\\x${s.leafHash}\n`).join('')
  let copyRate: number
  let copyHow: string
  if (engine === 'PGlite' && database.pglite) {
    start = performance.now()
    await database.pglite.query(`COPY bench_copy FROM '/dev/blob'`, [], { blob: new Blob([copyText]) })
    copyRate = count / ((performance.now() - start) / 1000)
    copyHow = "COPY FROM '/dev/blob'"
  } else if (url && hasPsql()) {
    const file = path.join(os.tmpdir(), `yg-bench-copy-${process.pid}.tsv`)
    fs.writeFileSync(file, copyText)
    start = performance.now()
    execFileSync('psql', [url, '-q', '-c', `\\copy bench_copy FROM '${file}'`])
    copyRate = count / ((performance.now() - start) / 1000)
    fs.rmSync(file)
    copyHow = 'psql \\copy'
  } else {
    start = performance.now()
    for (let i = 0; i < stubs.length; i += 5000) {
      const part = stubs.slice(i, i + 5000)
      await sql`INSERT INTO bench_copy SELECT * FROM unnest(${part.map((s) => Buffer.from(s.leaf))}::bytea[], ${part.map((s) => Buffer.from(s.leafHash, 'hex'))}::bytea[])`.execute(db)
    }
    copyRate = count / ((performance.now() - start) / 1000)
    copyHow = 'INSERT … unnest (psql not found)'
  }
  const section = `${engine} bulk`
  return [
    { section, metric: `${count.toLocaleString('en')} records: enqueueLeaves in one transaction`, value: enqueueRate, unit: 'leaves/s' },
    {
      section,
      metric: '  integration of the pending leaves (batches of 100,000)',
      value: integrateRate,
      unit: 'leaves/s',
      target: engine === 'PostgreSQL' ? { text: `≥ ${TARGET_BULK.toLocaleString('en')}/s`, met: integrateRate >= TARGET_BULK } : undefined,
    },
    { section, metric: `  baseline: plain COPY of the same rows (${copyHow})`, value: copyRate, unit: 'rows/s' },
  ]
}

/** Inclusion proofs read from the database at `size` leaves (grown with SQL-generated leaves). */
async function proofs(engine: BenchEngine['name'], db: Kysely<DB>, size: number, samples: number): Promise<BenchResult[]> {
  const have = await integratedSize(db)
  const fillStart = performance.now()
  for (let done = have; done < size; ) {
    const n = Math.min(500_000, size - done)
    // Leaves of the real shape, generated in the database so the fill is not what is measured.
    await sql`
      INSERT INTO ledger_leaf (leaf, leaf_hash)
      SELECT l, sha256('\\x00'::bytea || l) FROM (
        SELECT convert_to('{"act":"inspection.record","actor":"sys:bench","at":"2026-11-20T02:00:00.000Z","digest":"' || encode(sha256(int8send(g)), 'hex')
          || '","id":"bench-' || g || '","type":"inspection","v":1,"ver":1}', 'UTF8') AS l
        FROM generate_series(${done + 1}::bigint, ${done + n}::bigint) g) s`.execute(db)
    await integrateEverything(db, 100_000)
    done += n
  }
  const fillSeconds = (performance.now() - fillStart) / 1000
  const total = await integratedSize(db)
  const root = (await lastBatch(db))!.root
  const label = `${(total / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })}M leaves`
  const random = seeded(total)
  // Collect the garbage of the fill (and of the in-memory sections) now, not during the samples.
  ;(globalThis as { gc?: () => void }).gc?.()
  const latencies: number[] = []
  for (let i = 0; i < samples + 50; i++) {
    const index = Math.floor(random() * total)
    const t0 = performance.now()
    const proof = await inclusionProof(db, index, total, { cache: true })
    const elapsed = performance.now() - t0
    if (i >= 50) latencies.push(elapsed) // the first 50 warm the caches
    if (i % 100 === 0) {
      const { rows } = await sql<{ leaf_hash: Buffer }>`
        SELECT l.leaf_hash FROM ledger_batch b JOIN ledger_leaf l ON l.id = b.leaf_ids[${index} - b.first_index + 1]
        WHERE b.first_index <= ${index} AND b.size > ${index}`.execute(db)
      verifyInclusionProof({ index, size: total, leafHash: rows[0].leaf_hash, proof, root })
    }
  }
  const lookups: number[] = []
  for (let i = 0; i < samples; i++) {
    const id = 1 + Math.floor(random() * total)
    const t0 = performance.now()
    await sql`SELECT leaf_hash FROM ledger_leaf WHERE id = ${id}`.execute(db)
    lookups.push(performance.now() - t0)
  }
  const p99 = percentile(latencies, 99)
  const section = `${engine} proofs`
  return [
    { section, metric: `${label}: filled and integrated (${Math.round((total - have) / fillSeconds).toLocaleString('en')} leaves/s incl. SQL generation)`, value: fillSeconds, unit: 's' },
    { section, metric: `${label}: inclusion proof from tiles, p50`, value: percentile(latencies, 50), unit: 'ms' },
    {
      section,
      metric: `${label}: inclusion proof from tiles, p99`,
      value: p99,
      unit: 'ms',
      target: total >= 10_000_000 ? { text: `≤ ${TARGET_PROOF_P99_MS} ms at 10M`, met: p99 <= TARGET_PROOF_P99_MS } : undefined,
    },
    { section, metric: `${label}: baseline: one primary-key lookup, p99`, value: percentile(lookups, 99), unit: 'ms' },
  ]
}

function databaseSections(): BenchSection[] {
  return engines.map((engine) => ({
    name: `${engine.name} (${engine.name === 'PGlite' ? 'embedded, temporary data directory' : 'scratch database'})`,
    async run() {
      const opened = await engine.open()
      const db = opened.database.db
      try {
        await migrateToLatest(db)
        const pg = engine.name === 'PostgreSQL'
        const rows: BenchResult[] = []
        rows.push(...(await interactive(engine.name, db, quick ? 2_000 : pg ? 20_000 : 5_000, pg ? 32 : 1)))
        rows.push(...(await bulk(engine.name, opened.database, opened.url, quick ? 20_000 : pg ? 300_000 : 100_000)))
        rows.push(...(await proofs(engine.name, db, 1_000_000, quick ? 300 : 2_000)))
        if (pg && !quick) rows.push(...(await proofs(engine.name, db, 10_000_000, 2_000)))
        return rows
      } finally {
        await opened.drop()
      }
    },
  }))
}

function hasPsql(): boolean {
  return spawnSync('psql', ['--version']).status === 0
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function seeded(seed: number): () => number {
  let state = seed % 2 ** 32
  return () => {
    state = (state + 0x6d2b79f5) % 2 ** 32
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

if (quick && !process.env.LEDGER_BENCH_SIZES) process.env.LEDGER_BENCH_SIZES = '1000000'
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores${quick ? ' — quick run' : ''}`)
if (!pgUrl) console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to include it.')
await runBenchmarks([...(process.argv.includes('--db-only') ? [] : ledgerSections), ...databaseSections()])
