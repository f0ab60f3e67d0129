import type { FastifyInstance } from 'fastify'
import type { Config } from './config'
import { createDb, type Database } from './platform/db/create-db'
import { migrateToLatest } from './platform/db/migrate'
import { buildApp } from './platform/http/app'
import { startJobLoop, type JobLoop } from './platform/jobs/job-runner'
import { startLedgerLoop, type LedgerLoop } from './platform/ledger/ledger-loop'
import { createLedgerRuntime, type LedgerRuntime } from './platform/ledger/ledger-runtime'
import path from 'node:path'

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pg. */
export function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return createDb({ databaseUrl: config.databaseUrl })
  return createDb({ dataDir: path.join(config.dataDir, 'pg') })
}

/**
 * Starts the platform: migrate, optionally run a hook (the demo seed), listen, run the ledger's
 * integrator and signer (存证), and on SIGINT/SIGTERM stop them after their batch in progress and
 * close the database cleanly so PGlite is never left half-written. `demoWitness` runs one witness
 * in this process, with its own key and storage, when no witnesses are configured.
 */
export async function startServer(
  config: Config,
  beforeListen?: (database: Database) => Promise<void>,
  options: { demoWitness?: boolean } = {},
): Promise<{ app: FastifyInstance; database: Database; stop: () => Promise<void> }> {
  const database = await openDatabase(config)
  let app: FastifyInstance | undefined
  let ledger: LedgerRuntime | undefined
  let ledgerLoop: LedgerLoop | undefined
  let jobLoop: JobLoop | undefined
  let stopping: Promise<void> | null = null
  const stop = () => {
    stopping ??= (async () => {
      await jobLoop?.stop()
      await ledgerLoop?.stop()
      await app?.close()
      await ledger?.close()
      await database.close()
    })()
    return stopping
  }
  try {
    await migrateToLatest(database.db)
    if (beforeListen) await beforeListen(database)
    ledger = await createLedgerRuntime(config, { demoWitness: options.demoWitness })
    app = await buildApp({ database, config, ledger })
    await app.listen({ port: config.port, host: config.host })
    ledgerLoop = startLedgerLoop(database.db, ledger, app.log)
    // Background jobs (deadline reminders …), registered by the modules' routes files.
    jobLoop = startJobLoop(database.db, app.log)
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
