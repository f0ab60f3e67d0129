import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { seedDemo } from '../src/modules/demo/seed-demo'
import { createDb, createMemoryPglite } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import { adminUrl } from './test-database'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string
    templateDatabase: string
  }
}

/** Migrates and seeds one template database; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    // A template of this run's own, so two runs on one server never drop each other's.
    const templateDb = `yangguang_template_${process.pid}_${Date.now().toString(36)}`
    const { sql } = await import('kysely')
    const admin = await createDb({ databaseUrl: url, poolSize: 1 })
    await sql.raw(`CREATE DATABASE ${templateDb}`).execute(admin.db)
    await admin.close()
    const template = await createDb({ databaseUrl: adminUrl(url, templateDb), poolSize: 1 })
    await migrateToLatest(template.db)
    await seedDemo(template.db, { now: new Date('2026-11-20T09:00:00+08:00') })
    await template.close()
    project.provide('templateDatabase', templateDb)
    project.provide('pgliteDump', '')
    return async () => {
      const again = await createDb({ databaseUrl: url, poolSize: 1 })
      await sql.raw(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`).execute(again.db)
      await again.close()
    }
  }
  const pglite = await createMemoryPglite()
  const database = await createDb({ pglite })
  await migrateToLatest(database.db)
  await seedDemo(database.db, { now: new Date('2026-11-20T09:00:00+08:00') })
  const dump = await pglite.dumpDataDir('gzip')
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yg-test-')), 'template.tar.gz')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  project.provide('pgliteDump', file)
  project.provide('templateDatabase', '')
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true })
}
