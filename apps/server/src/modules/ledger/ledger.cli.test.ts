import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../config'
import { systemContext } from '../../platform/auth/actor'
import { createDb } from '../../platform/db/create-db'
import { migrateToLatest } from '../../platform/db/migrate'
import { inTransaction } from '../../platform/db/transaction'
import { enqueueLeaves } from '../../platform/ledger/enqueue-leaves'
import { integrateOnce } from '../../platform/ledger/integrate-batch'
import { createLedgerRuntime } from '../../platform/ledger/ledger-runtime'
import { signOnce } from '../../platform/ledger/sign-checkpoint'
import { ledgerCommand } from './ledger.cli'

const root = path.resolve(import.meta.dirname, '../../../../..')
const fixtures = path.join(root, 'packages/ledger/test/fixtures/rfc6962')
const vectors = JSON.parse(fs.readFileSync(path.join(fixtures, 'roots.json'), 'utf8')) as { leafInputsHex: string[]; rootsBySizeHex: string[] }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-ledger-cli-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function leavesFile(count: number): string {
  const file = path.join(tmp, `leaves-${count}.txt`)
  fs.writeFileSync(file, vectors.leafInputsHex.slice(0, count).map((l) => `${l}\n`).join(''))
  return file
}

function yangguang(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['apps/server/bin/yangguang.mjs', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', ...env } })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

/** Runs the command in this process and returns what it printed. */
async function run(args: string[]): Promise<string[]> {
  const lines: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
  try {
    await ledgerCommand.run(args)
  } finally {
    log.mockRestore()
  }
  return lines
}

describe('yangguang ledger root / inclusion', () => {
  it('prints the RFC 6962 root of the published 8-leaf vectors, as a separate process', () => {
    const res = yangguang(['ledger', 'root', '--leaves', leavesFile(8)])
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toBe(`${vectors.rootsBySizeHex[8]}\n`)
  })

  it('prints the root of every prefix 0..8 (the first leaf is empty: an empty line)', async () => {
    for (let n = 0; n <= 8; n++) expect(await run(['root', '--leaves', leavesFile(n)]), `size ${n}`).toEqual([vectors.rootsBySizeHex[n]])
  })

  it('prints the published happy-path inclusion proofs, one hex hash a line', async () => {
    const dir = path.join(fixtures, 'inclusion')
    for (const group of fs.readdirSync(dir)) {
      const file = path.join(dir, group, 'happy-path.json')
      if (!fs.existsSync(file)) continue
      const vector = JSON.parse(fs.readFileSync(file, 'utf8')) as { leafIdx: number; treeSize: number; proof: string[] | null }
      const lines = await run(['inclusion', '--leaves', leavesFile(vector.treeSize), '--index', String(vector.leafIdx)])
      expect(lines, file).toEqual((vector.proof ?? []).map((h) => Buffer.from(h, 'base64').toString('hex')))
    }
    const res = yangguang(['ledger', 'inclusion', '--leaves', leavesFile(8), '--index', '5'])
    expect(res.code).toBe(0)
    expect(res.stdout.trim().split('\n')).toHaveLength(3)
  })

  it('refuses bad input with a Chinese message and a non-zero exit code', { timeout: 120_000 }, async () => {
    const bad = path.join(tmp, 'bad.txt')
    fs.writeFileSync(bad, '00\nzz\n')
    expect(yangguang(['ledger', 'root', '--leaves', bad])).toMatchObject({ code: 1, stderr: expect.stringContaining('第 2 行不是十六进制') })
    await expect(run(['inclusion', '--leaves', leavesFile(3), '--index', '3'])).rejects.toThrow('序号 3 超出范围：文件中共有 3 个叶子')
    await expect(run(['inclusion', '--leaves', leavesFile(3), '--index=-1'])).rejects.toThrow('--index 须为非负整数')
    await expect(run(['root'])).rejects.toThrow('需要 --leaves FILE')
    await expect(run(['root', '--leaves', path.join(tmp, 'missing.txt')])).rejects.toThrow('无法读取文件')
    const help = yangguang(['ledger', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('yangguang ledger verify')
  })
})

describe('yangguang ledger verify', () => {
  it('exits 0 on an intact log and 1, naming the first divergence, after a row was edited', async () => {
    const dataDir = path.join(tmp, 'data')
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    const database = await createDb({ dataDir: path.join(dataDir, 'pg') })
    try {
      await migrateToLatest(database.db)
      await inTransaction(database.db, (trx) =>
        enqueueLeaves(trx, systemContext(), Array.from({ length: 600 }, (_, i) => ({ action: 'case.import', recordType: 'case', recordId: `c${i}`, content: { i } }))),
      )
      while ((await integrateOnce(database.db, { maxLeaves: 250 })).integrated > 0);
      await signOnce(database.db, await createLedgerRuntime(config))
    } finally {
      await database.close()
    }
    const ok = yangguang(['ledger', 'verify'], { DATA_DIR: dataDir })
    expect(ok.stderr).toBe('')
    expect(ok.stdout).toContain('存证日志核验通过：600 条记录，3 个批次，2 个完整瓦片，1 个检查点')
    expect(ok.code).toBe(0)

    const again = await createDb({ dataDir: path.join(dataDir, 'pg') })
    try {
      await sql`ALTER TABLE ledger_leaf DISABLE TRIGGER ledger_leaf_append_only`.execute(again.db)
      await sql`UPDATE ledger_leaf SET leaf = convert_to(replace(convert_from(leaf, 'UTF8'), '"c42"', '"c43"'), 'UTF8') WHERE leaf_hash = (SELECT leaf_hash FROM ledger_receipt WHERE record_id = 'c42')`.execute(again.db)
    } finally {
      await again.close()
    }
    const bad = yangguang(['ledger', 'verify'], { DATA_DIR: dataDir })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/存证日志核验未通过：序号 \d+ 的条目内容与其哈希不符（被修改）/)
  }, 180_000)
})
