import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { sql } from 'kysely'
import { createDb, createMemoryPglite, type Database } from '../src/platform/db/create-db'

export function adminUrl(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * A database of its own for one test file, copied from the migrated, demo-seeded template:
 * PGlite loaded from the dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
export async function openTestDatabase(provided: { pgliteDump: string; templateDatabase: string }): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL
  if (url && provided.templateDatabase) {
    const name = `yangguang_test_${randomBytes(6).toString('hex')}`
    const admin = await createDb({ databaseUrl: url, poolSize: 1 })
    await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${provided.templateDatabase}`).execute(admin.db)
    await admin.close()
    const database = await createDb({ databaseUrl: adminUrl(url, name), poolSize: 5 })
    return {
      ...database,
      async close() {
        await database.close()
        const again = await createDb({ databaseUrl: url, poolSize: 1 })
        await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(again.db)
        await again.close()
      },
    }
  }
  if (!provided.pgliteDump) throw new Error('test template missing: global setup did not run')
  const pglite = await createMemoryPglite(new Blob([fs.readFileSync(provided.pgliteDump)]))
  return createDb({ pglite })
}
