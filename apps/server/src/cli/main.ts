import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { roles, type Role } from '@yangguang/core'
import { loadConfig } from '../config'
import { findDemoSnapshot, prepareDemoDataDir } from '../modules/demo/demo-snapshot'
import { seedDemo, type DemoAccount } from '../modules/demo/seed-demo'
import { ledgerCommand, witnessCommand } from '../modules/ledger/ledger.cli'
import { createUser, listUsers } from '../modules/users/users.service'
import { findOrgByCode } from '../modules/users/users.repository'
import { systemContext } from '../platform/auth/actor'
import type { Database } from '../platform/db/create-db'
import { currentMigration, migrateToLatest } from '../platform/db/migrate'
import { AppError } from '../platform/errors'
import { openDatabase, startServer } from '../server'

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<void> }

const commands: Record<string, Command> = {
  migrate: {
    summary: '把数据库迁移到最新版本 (migrate the database)',
    usage: 'yangguang migrate',
    run: async (args) => {
      parse(args, {})
      await withDatabase(async (database) => {
        const version = await migrateToLatest(database.db)
        console.log(`数据库 (${database.engine}) 已迁移到 ${version}`)
      })
    },
  },
  seed: {
    summary: '载入演示数据 (load the 禄丰市 demo data set)',
    usage: [
      'yangguang seed demo             载入演示数据',
      'yangguang seed demo-snapshot    预先生成演示数据快照（npm install 时自动运行），使 npm start 首次启动无需逐案生成',
    ].join('\n'),
    run: async (args) => {
      const { positionals } = parse(args, {}, true)
      if (positionals[0] === 'demo-snapshot') {
        await buildDemoSnapshot()
        return
      }
      if (positionals[0] !== 'demo') throw usageError('seed', '目前只支持 `seed demo` 和 `seed demo-snapshot`')
      await withDatabase(async (database) => {
        await migrateToLatest(database.db)
        const result = await seedDemo(database.db, { now: new Date() })
        if (!result.seeded) console.log('数据库中已有数据，未重复载入演示数据。')
        else printAccounts(result.accounts)
      })
    },
  },
  user: {
    summary: '账号管理 (create, list)',
    usage: [
      'yangguang user create --username U --password P --role R [--name 姓名] [--org 单位编码] [--region 区域代码]',
      'yangguang user list',
      `  R: ${roles.join(' | ')}`,
    ].join('\n'),
    run: async (args) => {
      const [sub, ...rest] = args
      if (sub === 'create') {
        const { values } = parse(rest, {
          username: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          org: { type: 'string' },
          region: { type: 'string' },
        })
        if (!values.username || !values.password || !values.role) throw usageError('user', '需要 --username、--password 和 --role')
        if (!roles.includes(values.role as Role)) throw usageError('user', `未知角色 ${values.role}`)
        await withDatabase(async (database) => {
          await migrateToLatest(database.db)
          let orgId: string | null = null
          if (values.org) {
            const org = await findOrgByCode(database.db, values.org)
            if (!org) throw new AppError('VALIDATION_FAILED', `单位编码 ${values.org} 不存在`)
            orgId = org.id
          }
          const id = await createUser(database.db, systemContext(), {
            username: values.username!.toLowerCase(),
            displayName: values.name ?? values.username!,
            role: values.role as Role,
            orgId,
            regionCode: values.region ?? null,
            password: values.password!,
          })
          console.log(`已创建账号 ${values.username}（${id}）`)
        })
        return
      }
      if (sub === 'list') {
        parse(rest, {})
        await withDatabase(async (database) => {
          const { items } = await listUsers(database.db, systemContext(), { limit: 1000, offset: 0 })
          for (const u of items) {
            console.log([u.username.padEnd(20), u.role.padEnd(15), u.status.padEnd(9), u.display_name, u.org_name ?? ''].join(' '))
          }
          console.log(`共 ${items.length} 个账号`)
        })
        return
      }
      throw usageError('user', sub ? `未知子命令 ${sub}` : '缺少子命令')
    },
  },
  serve: {
    summary: '启动平台 (start the server)',
    usage: 'yangguang serve [--demo]    --demo: 数据库为空时载入演示数据并打印演示账号',
    run: async (args) => {
      const { values } = parse(args, { demo: { type: 'boolean' } })
      const config = loadConfig()
      const started = Date.now()
      // On PGlite an empty data directory gets the demo from the snapshot (or seeds and saves one); on PostgreSQL
      // the demo is seeded into an empty database.
      const prepared = values.demo && !config.databaseUrl ? await prepareDemoDataDir(config) : null
      if (prepared?.restoredFrom) console.log(`已从演示数据快照载入（生成于 ${prepared.restoredFrom.builtAt.slice(0, 10)}）`)
      if (prepared) printAccounts(prepared.accounts)
      const { app, database } = await startServer(
        config,
        async (database) => {
          if (!values.demo || !config.databaseUrl) return
          const result = await seedDemo(database.db, { now: new Date() })
          if (result.seeded) printAccounts(result.accounts)
        },
        { demoWitness: values.demo },
      )
      const where = config.databaseUrl ? 'PostgreSQL' : `PGlite（${config.dataDir}）`
      app.log.info(`阳光执法已启动：${config.publicUrl}  数据库：${where}  迁移：${await currentMigration(database.db)}  用时 ${Date.now() - started} ms`)
      console.log(`\n  阳光执法 已启动  管理端 ${config.publicUrl}/   公示门户 ${config.publicUrl}/portal   存证核验 ${config.publicUrl}/verify\n`)
    },
  },
  ledger: ledgerCommand,
  witness: witnessCommand,
}

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (error) {
    throw usageError('', (error as Error).message)
  }
}

class UsageError extends Error {}

function usageError(command: string, message: string) {
  return new UsageError(`${message}\n\n用法:\n${command ? commands[command]?.usage : overview()}`)
}

function overview() {
  return Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
    .join('\n')
}

async function withDatabase(fn: (database: Database) => Promise<void>) {
  const database = await openDatabase(loadConfig())
  try {
    await fn(database)
  } finally {
    await database.close()
  }
}

/**
 * `seed demo-snapshot`: seeds the demo into a scratch directory once, so the snapshot exists before the first
 * `npm start`. Nothing to do when the current sources already have one.
 */
async function buildDemoSnapshot() {
  const existing = findDemoSnapshot()
  if (existing) {
    console.log(`演示数据快照已是最新（${existing.key}）。`)
    return
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yangguang-demo-'))
  // The seed's documents go to DATA_DIR/files through the configured file store.
  process.env.DATA_DIR = scratch
  const started = Date.now()
  let made: Awaited<ReturnType<typeof prepareDemoDataDir>>
  try {
    made = await prepareDemoDataDir(loadConfig())
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
  if (!made?.savedAs) throw new Error('演示数据快照未能保存')
  console.log(`已生成演示数据快照 ${made.savedAs.key}（用时 ${Math.round((Date.now() - started) / 1000)} s）`)
}

function printAccounts(accounts: DemoAccount[]) {
  console.log('\n已载入禄丰市演示数据。演示账号（首次登录无需改密）：')
  for (const a of accounts) console.log(`  ${a.username.padEnd(16)} ${a.password.padEnd(14)} ${a.roleLabel}${a.orgName ? ` · ${a.orgName}` : ''}`)
  console.log('')
}

async function main(argv: string[]) {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(`阳光执法 命令行\n\n用法: yangguang <命令> [选项]\n\n${overview()}\n\n每个命令都可加 --help 查看用法。`)
    return
  }
  const command = commands[name]
  if (!command) throw new UsageError(`未知命令 ${name}\n\n${overview()}`)
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.summary}\n\n用法:\n${command.usage}`)
    return
  }
  await command.run(rest)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(error.message)
  else if (error instanceof AppError) console.error(`错误 [${error.code}]：${error.message}`)
  else console.error(error instanceof Error ? error.message : error)
  process.exit(error instanceof UsageError ? 2 : 1)
})
