/**
 * 行政处罚 engine cost in the demo seed — `node --import tsx apps/server/bench/case-seed.bench.ts`.
 *
 * Loads the demo parts before 行政处罚 (registry … inspections) into an in-memory PGlite, then runs the
 * cases part alone and reports its CPU time (`process.cpuUsage()`: the machine is shared, wall time
 * lies) and the SQL statements it issued — in all, per case and per act (one `case_event` per act).
 * The parts after cases are not run: a marker seeder aborts the seed's transaction right after it.
 *
 * @example
 * node --import tsx apps/server/bench/case-seed.bench.ts [--top]   # --top: the costliest statements
 * // cases part: 83 cases, 1234 acts, 40000 queries (480/case, 32/act), CPU 20.1 s (wall 25.3 s)
 */
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { createMemoryPglite } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import type { DB } from '../src/platform/db/schema'

const top = process.argv.includes('--top')
const bySql = new Map<string, { n: number; ms: number }>()
let queries = 0
let counting = false
let result: { queries: number; cpuMs: number; wallMs: number; cases: number; acts: number } | null = null
const ABORT = new Error('bench: stop after the cases part')

const pglite = await createMemoryPglite()
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  log: (event) => {
    if (!counting || event.level !== 'query') return
    queries++
    if (!top) return
    const seen = bySql.get(event.query.sql) ?? { n: 0, ms: 0 }
    bySql.set(event.query.sql, { n: seen.n + 1, ms: seen.ms + event.queryDurationMillis })
  },
})
await migrateToLatest(db)

// The parts before 行政处罚 register on import, in demo-parts' order; then the markers around the cases part.
const { registerDemoSeeder, seedDemo } = await import('../src/modules/demo/seed-demo')
await import('../src/modules/registry/registry.demo')
await import('../src/modules/catalogue/catalogue.demo')
await import('../src/modules/duties/duties.demo')
await import('../src/modules/discretion/discretion.demo')
await import('../src/modules/inspections/inspections.demo')
let cpu0 = process.cpuUsage()
let wall0 = 0
registerDemoSeeder(async () => {
  counting = true
  queries = 0
  cpu0 = process.cpuUsage()
  wall0 = performance.now()
})
await import('../src/modules/cases/cases.demo')
registerDemoSeeder(async (trx) => {
  counting = false
  const cpu = process.cpuUsage(cpu0)
  const cases = Number((await trx.selectFrom('penalty_case').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const acts = Number((await trx.selectFrom('case_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  result = { queries, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wall0, cases, acts }
  throw ABORT
})

// The test template's clock: 2026-11-20 09:00 Beijing.
try {
  await seedDemo(db, { now: new Date('2026-11-20T01:00:00Z') })
} catch (error) {
  if (error !== ABORT) throw error
}
await db.destroy()
await pglite.close()
if (!result) throw new Error('the cases part did not run')
const r = result as { queries: number; cpuMs: number; wallMs: number; cases: number; acts: number }
console.log(
  `cases part: ${r.cases} cases, ${r.acts} acts, ${r.queries} queries (${(r.queries / r.cases).toFixed(0)}/case, ${(r.queries / r.acts).toFixed(1)}/act), CPU ${(r.cpuMs / 1000).toFixed(1)} s (wall ${(r.wallMs / 1000).toFixed(1)} s)`,
)
if (top) {
  // The statements that took the most time (count, total ms), to see where the queries go.
  for (const [text, { n, ms }] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
    console.log(String(n).padStart(6), `${ms.toFixed(0)} ms`.padStart(9), text.replace(/\s+/g, ' ').slice(0, 200))
  }
}
