import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { seedDemo } from '../src/modules/demo/seed-demo'
import { createDb, createMemoryPglite } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import { adminUrl, TEMPLATE_DB } from './test-database'

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
    const admin = await createDb({ databaseUrl: url, poolSize: 1 })
    const { sql } = await import('kysely')
    await sql.raw(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`).execute(admin.db)
    await sql.raw(`CREATE DATABASE ${TEMPLATE_DB}`).execute(admin.db)
    await admin.close()
    const template = await createDb({ databaseUrl: adminUrl(url, TEMPLATE_DB), poolSize: 1 })
    await migrateToLatest(template.db)
    await seedDemo(template.db, { now: new Date('2026-11-20T09:00:00+08:00') })
    await template.close()
    project.provide('templateDatabase', TEMPLATE_DB)
    project.provide('pgliteDump', '')
    return
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
