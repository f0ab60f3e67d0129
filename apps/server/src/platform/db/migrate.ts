import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { DB } from './schema'

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

/** Forward-only `.sql` migrations, applied in file-name order, each in its own transaction. */
class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      const text = await fs.readFile(path.join(migrationsDir, file), 'utf8')
      migrations[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db)
        },
      }
    }
    return migrations
  }
}

/**
 * Brings the schema up to date. Returns the name of the newest applied migration.
 *
 * @example
 * const version = await migrateToLatest(db) // '0002_registry_catalogue'
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<string> {
  // The usual start: nothing to apply. One query instead of the migrator's DDL and lock round trips.
  const newest = (await fs.readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort().at(-1)?.replace(/\.sql$/, '')
  const current = await currentMigration(db)
  if (newest && current === newest) return current
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '')
    throw new Error(`数据库迁移失败 (migration ${failed?.migrationName ?? '?'}): ${reason}`)
  }
  return (await currentMigration(db)) ?? 'none'
}

/** The newest applied migration, or null on an empty database. */
export async function currentMigration(db: Kysely<DB>): Promise<string | null> {
  const exists = await sql<{ present: boolean }>`select to_regclass('public.kysely_migration') is not null as present`.execute(db)
  if (!exists.rows[0]?.present) return null
  const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db)
  return row.rows[0]?.name ?? null
}
