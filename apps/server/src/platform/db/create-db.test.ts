import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from './create-db'

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/yangguang.mjs')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-lock-'))

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('the embedded database directory', () => {
  it('is refused, with a clear message, to a second process while one holds it; free again once closed', async () => {
    const held = await createDb({ dataDir: path.join(dataDir, 'pg') })
    const { DATABASE_URL: _unused, ...inherited } = process.env
    const env = { ...inherited, DATA_DIR: dataDir }
    const second = spawnSync(process.execPath, [bin, 'migrate'], { env, encoding: 'utf8', timeout: 60_000 })
    expect(second.status).toBe(1)
    expect(second.stderr).toContain('正被另一个进程')
    await held.close()
    const third = spawnSync(process.execPath, [bin, 'migrate'], { env, encoding: 'utf8', timeout: 60_000 })
    expect(third.stderr).toBe('')
    expect(third.stdout).toContain('已迁移到')
    expect(third.status).toBe(0)
  }, 120_000)
})
