import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DB } from './schema'

export type Engine = 'pglite' | 'postgresql'

export type Database = {
  db: Kysely<DB>
  engine: Engine
  /** The PGlite instance when embedded; tests use it to dump and load data directories. */
  pglite?: PGlite
  close(): Promise<void>
}

export type CreateDbOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  | { pglite: PGlite }

// Dates stay 'YYYY-MM-DD' strings (a legal date has no time zone); bigint counts become numbers
// (every count and id here stays far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))

/**
 * Opens the platform database: PostgreSQL when a URL is given, otherwise embedded PGlite in a
 * directory that this process locks (two processes on one PGlite directory corrupt it).
 *
 * @example
 * const { db, close } = await createDb({ dataDir: './data/pg' })
 * await db.selectFrom('region').selectAll().execute()
 * await close()
 */
export async function createDb(options: CreateDbOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    // When the server drops an idle connection (restart, DROP DATABASE … WITH (FORCE) in tests),
    // the pool emits 'error'; unheard, Node would crash the process. pg-pool has already discarded
    // that client and the next query opens a new one.
    pool.on('error', () => {})
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    return { db, engine: 'postgresql', close: () => db.destroy() }
  }
  if ('pglite' in options) return wrapPglite(options.pglite, () => {})

  fs.mkdirSync(options.dataDir, { recursive: true })
  const release = acquireDirLock(options.dataDir)
  try {
    const pglite = await PGlite.create({ dataDir: options.dataDir })
    return wrapPglite(pglite, release)
  } catch (error) {
    release()
    throw error
  }
}

/** A fresh in-memory PGlite, for tests and tools. */
export async function createMemoryPglite(loadDataDir?: Blob | File): Promise<PGlite> {
  return PGlite.create({ loadDataDir })
}

function wrapPglite(pglite: PGlite, release: () => void): Database {
  const pool = new pg.Pool(createPgConfig(pglite))
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  let closed = false
  return {
    db,
    engine: 'pglite',
    pglite,
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
      await pglite.close()
      release()
    },
  }
}

/**
 * PGlite has no lock of its own: take `<dir>/../<name>.lock` holding our pid. A lock whose
 * process is gone is stale and taken over.
 */
function acquireDirLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`
  const tryCreate = () => {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
  }
  try {
    tryCreate()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim())
    if (holder && holder !== process.pid && processAlive(holder)) {
      throw new Error(
        `数据目录 ${dataDir} 正被另一个进程 (pid ${holder}) 使用。PGlite 只能由一个进程打开；请先停止该进程，或用 DATA_DIR 指定其他目录。`,
      )
    }
    fs.rmSync(lockPath, { force: true })
    tryCreate()
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath)
    } catch {
      // already gone
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
