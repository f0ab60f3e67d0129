import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../../config'
import { createDb } from '../../platform/db/create-db'
import { migrateToLatest } from '../../platform/db/migrate'
import { type DemoAccount, demoAccountList, seedDemo } from './seed-demo'

/**
 * A snapshot of a freshly seeded demo data directory (PGlite's `pg` and the `files` the seed wrote), so that
 * `npm start` on an empty DATA_DIR copies it in (a second or two) instead of running every demo act through the
 * engine (about a minute on 2 cores). `npm install` builds it (the root `postinstall`); a start that finds none
 * seeds as before and saves one. A snapshot belongs to the sources that made it: its key is a digest of the
 * server's, core's and the ledger's sources and the lock file, so any change to them makes the next start seed
 * afresh. It lives in `node_modules/.cache/yangguang/`, outside git.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../../../..')
const cacheRoot = path.join(repoRoot, 'node_modules', '.cache', 'yangguang')
const keyedSources = ['apps/server/src', 'packages/core/src', 'packages/ledger/src', 'package-lock.json']
/** What a demo data directory holds that the seed wrote (keys and the witness are made at each server's first start). */
const seededParts = ['pg', 'files']

export type SnapshotInfo = { dir: string; key: string; builtAt: string }

/** The digest of the sources the demo data depends on (test files excluded). */
export function demoSnapshotKey(root = repoRoot): string {
  const hash = createHash('sha256').update('yangguang demo snapshot v1\n')
  const visit = (rel: string) => {
    const abs = path.join(root, rel)
    if (!fs.existsSync(abs)) return
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name))
      return
    }
    if (/\.test\.tsx?$/.test(rel)) return
    hash.update(`${rel.split(path.sep).join('/')}\n`).update(fs.readFileSync(abs)).update('\n')
  }
  for (const rel of keyedSources) visit(rel)
  return hash.digest('hex').slice(0, 16)
}

/** Where snapshots live and which one is current; tests give their own. */
export type SnapshotStore = { cacheRoot: string; key: string }

function currentStore(): SnapshotStore {
  return { cacheRoot, key: demoSnapshotKey() }
}

function snapshotDir(store: SnapshotStore): string {
  return path.join(store.cacheRoot, `demo-${store.key}`)
}

/** The snapshot for the current sources, if one was built. */
export function findDemoSnapshot(store: SnapshotStore = currentStore()): SnapshotInfo | null {
  const dir = snapshotDir(store)
  const metaPath = path.join(dir, 'meta.json')
  if (!fs.existsSync(metaPath)) return null
  const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as { key: string; builtAt: string }
  return { dir, key: meta.key, builtAt: meta.builtAt }
}

/** Whether a data directory already holds a PGlite database. */
export function hasDatabase(dataDir: string): boolean {
  const pg = path.join(dataDir, 'pg')
  return fs.existsSync(pg) && fs.readdirSync(pg).length > 0
}

/**
 * Makes the demo data set in an empty PGlite data directory: copies the snapshot in if there is one for the
 * current sources, else migrates and seeds there (the database closed again afterwards) and saves the result as
 * the snapshot. Returns the demo accounts to print, or null when the directory already held a database.
 *
 * @example
 * const made = await prepareDemoDataDir(config)
 * if (made) printAccounts(made.accounts)
 */
export async function prepareDemoDataDir(
  config: Config,
  now = new Date(),
  store: SnapshotStore = currentStore(),
): Promise<{ restoredFrom: SnapshotInfo | null; savedAs: SnapshotInfo | null; accounts: DemoAccount[] } | null> {
  if (hasDatabase(config.dataDir)) return null
  const snapshot = findDemoSnapshot(store)
  if (snapshot) {
    fs.mkdirSync(config.dataDir, { recursive: true })
    for (const part of seededParts) {
      const from = path.join(snapshot.dir, part)
      if (fs.existsSync(from)) fs.cpSync(from, path.join(config.dataDir, part), { recursive: true })
    }
    return { restoredFrom: snapshot, savedAs: null, accounts: demoAccountList() }
  }
  const database = await createDb({ dataDir: path.join(config.dataDir, 'pg') })
  let accounts: DemoAccount[]
  try {
    await migrateToLatest(database.db)
    accounts = (await seedDemo(database.db, { now })).accounts
  } finally {
    await database.close()
  }
  saveSnapshot(config.dataDir, store, now)
  return { restoredFrom: null, savedAs: findDemoSnapshot(store), accounts }
}

/** Copies a just-seeded (closed) data directory into the cache under `key`; older snapshots are removed. */
function saveSnapshot(dataDir: string, store: SnapshotStore, builtAt: Date): void {
  const { cacheRoot, key } = store
  fs.mkdirSync(cacheRoot, { recursive: true })
  const target = snapshotDir(store)
  const staging = fs.mkdtempSync(path.join(cacheRoot, 'staging-'))
  try {
    for (const part of seededParts) {
      const from = path.join(dataDir, part)
      if (fs.existsSync(from)) fs.cpSync(from, path.join(staging, part), { recursive: true })
    }
    fs.writeFileSync(path.join(staging, 'meta.json'), JSON.stringify({ key, builtAt: builtAt.toISOString() }))
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(staging, target)
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    // Another process may have saved the same snapshot meanwhile; a cache that cannot be written is not an error.
    if (!findDemoSnapshot(store)) console.warn(`演示数据快照未能保存：${(error as Error).message}`)
    return
  }
  for (const name of fs.readdirSync(cacheRoot)) {
    if (name.startsWith('demo-') && name !== `demo-${key}`) fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true })
  }
}
