import type { FastifyInstance } from 'fastify'
import type { Config } from './config'
import { createDb, type Database } from './platform/db/create-db'
import { migrateToLatest } from './platform/db/migrate'
import { buildApp } from './platform/http/app'
import path from 'node:path'

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pg. */
export function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return createDb({ databaseUrl: config.databaseUrl })
  return createDb({ dataDir: path.join(config.dataDir, 'pg') })
}

/**
 * Starts the platform: migrate, optionally run a hook (the demo seed), listen, and close the
 * database cleanly on SIGINT/SIGTERM so PGlite is never left half-written.
 */
export async function startServer(
  config: Config,
  beforeListen?: (database: Database) => Promise<void>,
): Promise<{ app: FastifyInstance; database: Database; stop: () => Promise<void> }> {
  const database = await openDatabase(config)
  let app: FastifyInstance | undefined
  let stopping: Promise<void> | null = null
  const stop = () => {
    stopping ??= (async () => {
      await app?.close()
      await database.close()
    })()
    return stopping
  }
  try {
    await migrateToLatest(database.db)
    if (beforeListen) await beforeListen(database)
    app = await buildApp({ database, config })
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await stop()
    throw error
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app?.log.info(`${signal}: 正在关闭…`)
      stop().then(
        () => process.exit(0),
        (error) => {
          console.error(error)
          process.exit(1)
        },
      )
    })
  }
  return { app, database, stop }
}
