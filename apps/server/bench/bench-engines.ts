import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { createDb, type Database } from '../src/platform/db/create-db'

/** A database engine a benchmark runs on: a scratch database it opens, and drops afterwards. */
export type BenchEngine = { name: 'PGlite' | 'PostgreSQL'; open(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> }

/**
 * PGlite in a temporary data directory, and PostgreSQL when `pgUrl` is set: a scratch database
 * `<prefix>_<random>` created on that server, opened with `pgPoolSize` connections and dropped by
 * `drop()`.
 *
 * @example
 * for (const engine of benchEngines({ prefix: 'yangguang_bench', pgUrl: process.env.BENCH_DATABASE_URL, pgPoolSize: 40 })) {
 *   const { database, drop } = await engine.open()
 *   try { … } finally { await drop() }
 * }
 */
export function benchEngines(options: { prefix: string; pgUrl?: string; pgPoolSize: number }): BenchEngine[] {
  const engines: BenchEngine[] = [
    {
      name: 'PGlite',
      async open() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.prefix.replace(/_/g, '-')}-`))
        const database = await createDb({ dataDir: path.join(dir, 'pg') })
        return {
          database,
          async drop() {
            await database.close()
            fs.rmSync(dir, { recursive: true, force: true })
          },
        }
      },
    },
  ]
  const { pgUrl } = options
  if (!pgUrl) return engines
  engines.push({
    name: 'PostgreSQL',
    async open() {
      const name = `${options.prefix}_${randomBytes(4).toString('hex')}`
      const admin = await createDb({ databaseUrl: pgUrl, poolSize: 1 })
      await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db)
      await admin.close()
      const url = new URL(pgUrl)
      url.pathname = `/${name}`
      const database = await createDb({ databaseUrl: url.toString(), poolSize: options.pgPoolSize })
      return {
        database,
        url: url.toString(),
        async drop() {
          await database.close()
          const again = await createDb({ databaseUrl: pgUrl, poolSize: 1 })
          await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(again.db)
          await again.close()
        },
      }
    },
  })
  return engines
}
