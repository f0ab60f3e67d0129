/**
 * `yangguang ledger verify` at scale — `npm run bench:ledger-verify` (sizes: LEDGER_VERIFY_SIZES,
 * default `100000`; e.g. `LEDGER_VERIFY_SIZES=100000,1000000`).
 *
 * On PGlite (a temporary data directory) and on PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set (a scratch database, dropped afterwards): fills the log with N audited
 * writes — each an audit row, its leaf and receipt, the leaf's digest the salted SHA-256 of the
 * row's canonical content, exactly as recordAudit writes them — generated in SQL, many thousand rows
 * a statement (the fill is not what is measured); integrates them, signs a checkpoint (also written
 * to a published-checkpoint file), then times one full verify: every leaf rehashed, the tree and
 * every tile recomputed, every receipt and every audit row's digest recomputed, the file's
 * checkpoint compared. Prints leaves/s against the target of 50,000/s — by the wall clock, and per
 * CPU second of this process plus (on PostgreSQL) the database server's process, which does not
 * depend on what else the machine is running. `--pg-only` skips PGlite.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import { benchEngines } from './bench-engines'
import { type BenchResult, type BenchSection, runBenchmarks } from '../../../packages/ledger/bench/ledger.bench'
import type { Database } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import type { DB } from '../src/platform/db/schema'
import { integrateOnce } from '../src/platform/ledger/integrate-batch'
import { createEphemeralLedgerRuntime } from '../src/platform/ledger/ledger-runtime'
import { signOnce } from '../src/platform/ledger/sign-checkpoint'
import { verifyLedger } from '../src/platform/ledger/verify-ledger'

const TARGET_LEAVES_PER_SECOND = 50_000
const FILL_CHUNK = 50_000
const sizes = (process.env.LEDGER_VERIFY_SIZES ?? '100000').split(',').map((s) => Number(s.trim()))
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL

// One connection on PostgreSQL: one server process whose CPU time can be read beside this process's.
const engines = benchEngines({ prefix: 'yangguang_verify_bench', pgUrl, pgPoolSize: 1 })

/**
 * Audited writes `from ≤ g < to`, as recordAudit stores them: the canonical content (keys sorted, no
 * white space), its salted digest in the leaf, the receipt with the salt, the audit row naming the leaf.
 */
async function fillAudited(db: Kysely<DB>, from: number, to: number): Promise<void> {
  await sql`
    WITH g AS (
      SELECT g, substring(sha256(int8send(g)) FROM 1 FOR 16) AS salt,
             '{"action":"case.update","after":{"n":' || g || '},"before":null,"entityId":"bench-' || g || '","entityType":"penalty_case","orgId":null,"summary":"更新案件 ' || g || '"}' AS content
      FROM generate_series(${from}::bigint, ${to - 1}::bigint) g
    ), l AS (
      SELECT g, salt, convert_to('{"act":"case.update","actor":"sys:bench","at":"2026-11-20T02:00:00.000Z","digest":"' || encode(sha256(salt || convert_to(content, 'UTF8')), 'hex')
               || '","id":"bench-' || g || '","type":"penalty_case","v":1,"ver":1}', 'UTF8') AS leaf
      FROM g
    ), h AS (
      SELECT g, salt, leaf, sha256('\\x00'::bytea || leaf) AS leaf_hash FROM l
    ), leaves AS (
      INSERT INTO ledger_leaf (leaf, leaf_hash) SELECT leaf, leaf_hash FROM h ORDER BY g RETURNING id, leaf_hash
    ), receipts AS (
      INSERT INTO ledger_receipt (leaf_hash, leaf_id, record_type, record_id, record_version, salt)
      SELECT h.leaf_hash, leaves.id, 'penalty_case', 'bench-' || h.g, 1, h.salt FROM h JOIN leaves USING (leaf_hash)
    )
    INSERT INTO audit_log (at, actor_name, actor_role, action, entity_type, entity_id, summary, after, leaf_hash)
    SELECT '2026-11-20T02:00:00Z', '系统', 'admin', 'case.update', 'penalty_case', 'bench-' || g, '更新案件 ' || g, ('{"n":' || g || '}')::jsonb, leaf_hash FROM h`.execute(db)
}

/**
 * The PostgreSQL backend serving the one connection, when it runs on this machine: its CPU time from
 * /proc (parallel workers off, so the backend does all the work).
 */
async function serverProcess(db: Kysely<DB>): Promise<{ cpuSeconds(): number } | undefined> {
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)
  await sql`SET max_parallel_workers_per_gather = 0`.execute(db)
  const file = `/proc/${rows[0].pid}/stat`
  if (!fs.existsSync(file)) return undefined
  const ticks = 100 // USER_HZ on Linux
  return {
    cpuSeconds() {
      const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ')
      return (Number(fields[11]) + Number(fields[12])) / ticks
    },
  }
}

async function integrateEverything(db: Kysely<DB>): Promise<void> {
  for (;;) {
    const r = await integrateOnce(db, { maxLeaves: 100_000 })
    if (r.integrated === 0) return
  }
}

function sections(): BenchSection[] {
  return engines.map((engine) => ({
    name: `${engine.name} — ledger verify`,
    async run() {
      const opened = await engine.open()
      const db = opened.database.db
      const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-verify-keys-'))
      const runtime = createEphemeralLedgerRuntime({ origin: 'bench.yangguang.example/ledger', checkpointLog: path.join(keys, 'checkpoints.log') })
      const rows: BenchResult[] = []
      try {
        await migrateToLatest(db)
        let have = 0
        for (const size of [...sizes].sort((a, b) => a - b)) {
          const fillStart = performance.now()
          for (let g = have; g < size; g += FILL_CHUNK) {
            await fillAudited(db, g, Math.min(size, g + FILL_CHUNK))
            await integrateEverything(db)
          }
          const fillSeconds = (performance.now() - fillStart) / 1000
          have = size
          await signOnce(db, runtime)
          ;(globalThis as { gc?: () => void }).gc?.()
          const server = engine.name === 'PostgreSQL' ? await serverProcess(db) : undefined
          const serverBefore = server?.cpuSeconds() ?? 0
          const cpuBefore = process.cpuUsage()
          const start = performance.now()
          const report = await verifyLedger(db, { verifierKey: runtime.verifierKey, checkpointLog: runtime.checkpointLog })
          const seconds = (performance.now() - start) / 1000
          const cpu = process.cpuUsage(cpuBefore)
          const nodeCpu = (cpu.user + cpu.system) / 1e6
          const serverCpu = server ? server.cpuSeconds() - serverBefore : 0
          if (!report.ok) throw new Error(`verify failed on the bench log: ${report.divergence?.message}`)
          const rate = report.counts.entries / seconds
          const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`
          const section = `${engine.name} verify`
          rows.push(
            { section, metric: `${label} audited writes: filled and integrated`, value: fillSeconds, unit: 's' },
            { section, metric: `${label}: full verify (${report.counts.auditRows.toLocaleString('en')} audit rows, ${report.counts.tiles} tiles)`, value: seconds, unit: 's' },
            {
              section,
              metric: `${label}: leaves verified (wall clock, load ${os.loadavg()[0].toFixed(1)})`,
              value: rate,
              unit: 'leaves/s',
              target: { text: `≥ ${TARGET_LEAVES_PER_SECOND.toLocaleString('en')}/s`, met: rate >= TARGET_LEAVES_PER_SECOND },
            },
            { section, metric: `  CPU: this process ${nodeCpu.toFixed(1)} s${server ? ` + database server ${serverCpu.toFixed(1)} s` : ' (database in process)'}`, value: nodeCpu + serverCpu, unit: 's' },
            {
              section,
              // What a verify gets from dedicated cores: independent of other work on the machine.
              metric: `${label}: leaves verified per CPU second`,
              value: report.counts.entries / (nodeCpu + serverCpu),
              unit: 'leaves/s',
              target: { text: `≥ ${TARGET_LEAVES_PER_SECOND.toLocaleString('en')}/s`, met: report.counts.entries / (nodeCpu + serverCpu) >= TARGET_LEAVES_PER_SECOND },
            },
          )
        }
        return rows
      } finally {
        await opened.drop()
        fs.rmSync(keys, { recursive: true, force: true })
      }
    },
  }))
}

console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores; sizes ${sizes.join(', ')}`)
if (!pgUrl) console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to include it.')
await runBenchmarks(process.argv.includes('--pg-only') ? sections().filter((section) => section.name.startsWith('PostgreSQL')) : sections())
