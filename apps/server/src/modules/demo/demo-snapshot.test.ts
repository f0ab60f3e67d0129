import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config'
import { demoSnapshotKey, findDemoSnapshot, hasDatabase, prepareDemoDataDir } from './demo-snapshot'
import { demoAccounts } from './seed-demo'

const scratch: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-snapshot-test-'))
  scratch.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}

describe('demo data snapshot', () => {
  it('is keyed by the sources: a change to a source changes the key, a change to a test does not', () => {
    const root = tempDir()
    write(path.join(root, 'apps/server/src/a.ts'), 'export const a = 1\n')
    write(path.join(root, 'apps/server/src/a.test.ts'), 'it()\n')
    write(path.join(root, 'packages/core/src/b.ts'), 'export const b = 2\n')
    write(path.join(root, 'package-lock.json'), '{}')
    const first = demoSnapshotKey(root)
    expect(first).toMatch(/^[0-9a-f]{16}$/)
    expect(demoSnapshotKey(root)).toBe(first)
    write(path.join(root, 'apps/server/src/a.test.ts'), 'it("changed")\n')
    expect(demoSnapshotKey(root)).toBe(first)
    write(path.join(root, 'packages/core/src/b.ts'), 'export const b = 3\n')
    expect(demoSnapshotKey(root)).not.toBe(first)
  })

  it('copies the snapshot into an empty data directory, with the accounts to print, and leaves a database alone', async () => {
    const store = { cacheRoot: tempDir(), key: '0123456789abcdef' }
    const snapshot = path.join(store.cacheRoot, `demo-${store.key}`)
    write(path.join(snapshot, 'pg', 'PG_VERSION'), '17\n')
    write(path.join(snapshot, 'files', 'ab', 'abcdef'), 'pdf bytes')
    write(path.join(snapshot, 'meta.json'), JSON.stringify({ key: store.key, builtAt: '2026-11-26T03:00:00.000Z' }))
    expect(findDemoSnapshot(store)).toEqual({ dir: snapshot, key: store.key, builtAt: '2026-11-26T03:00:00.000Z' })

    const dataDir = path.join(tempDir(), 'data')
    const config = { ...loadConfig(), dataDir }
    expect(hasDatabase(dataDir)).toBe(false)
    const made = await prepareDemoDataDir(config, new Date(), store)
    expect(made?.restoredFrom?.key).toBe(store.key)
    expect(made?.savedAs).toBeNull()
    expect(made?.accounts.map((a) => a.username)).toEqual(demoAccounts.map((a) => a.username))
    expect(fs.readFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), 'utf8')).toBe('17\n')
    expect(fs.readFileSync(path.join(dataDir, 'files', 'ab', 'abcdef'), 'utf8')).toBe('pdf bytes')
    expect(fs.existsSync(path.join(dataDir, 'meta.json'))).toBe(false)
    expect(hasDatabase(dataDir)).toBe(true)

    // A directory that holds a database is never overwritten.
    write(path.join(dataDir, 'pg', 'PG_VERSION'), 'mine\n')
    expect(await prepareDemoDataDir(config, new Date(), store)).toBeNull()
    expect(fs.readFileSync(path.join(dataDir, 'pg', 'PG_VERSION'), 'utf8')).toBe('mine\n')
  })

  it('finds no snapshot for other sources', () => {
    const store = { cacheRoot: tempDir(), key: '0123456789abcdef' }
    write(path.join(store.cacheRoot, 'demo-fedcba9876543210', 'meta.json'), JSON.stringify({ key: 'fedcba9876543210', builtAt: '2026-11-26T03:00:00.000Z' }))
    expect(findDemoSnapshot(store)).toBeNull()
  })
})
