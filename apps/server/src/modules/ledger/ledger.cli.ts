import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { decodeHex, encodeHex, isLedgerError, MemoryTree, parseSignerKey } from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import { type Config, loadConfig } from '../../config'
import { AppError } from '../../platform/errors'
import { checkpointLogPath } from '../../platform/ledger/checkpoint-log'
import { demoWitnessFromFiles, parseWitnessList, type WitnessEndpoint } from '../../platform/ledger/ledger-runtime'
import { verifyLedger } from '../../platform/ledger/verify-ledger'
import { serveWitness } from '../../platform/ledger/witness/witness-server'
import { openDatabase } from '../../server'

/** A command of the `yangguang` CLI (same shape as those in cli/main.ts). */
export type CliCommand = { summary: string; usage: string; run: (args: string[]) => Promise<void> }

const ledgerUsage = [
  'yangguang ledger verify                              重新读取全部条目，重算整棵树，核对每个检查点的签名与联署、每条审计日志与其存证叶子，',
  '                                                     并与已发布检查点记录文件（DATA_DIR/keys/checkpoints.log）及各见证方最新联署的检查点比对（发现截断）',
  'yangguang ledger root --leaves FILE                  打印 FILE 中叶子（每行一个十六进制叶子）的 RFC 9162 树根（十六进制）',
  'yangguang ledger inclusion --leaves FILE --index I   打印第 I 个叶子（从 0 起）的包含证明，每行一个十六进制哈希',
].join('\n')

/** `yangguang ledger …`: audit the whole log, and the RFC 9162 reference tools. */
export const ledgerCommand: CliCommand = {
  summary: '存证日志：全量核验、树根、包含证明 (verify, root, inclusion)',
  usage: ledgerUsage,
  async run(args) {
    const [sub, ...rest] = args
    if (sub === 'root') {
      const { values } = parse(rest, { leaves: { type: 'string' } }, ledgerUsage)
      if (!values.leaves) throw usage('需要 --leaves FILE', ledgerUsage)
      const tree = treeOf(readLeaves(values.leaves))
      console.log(encodeHex(tree.root()))
      return
    }
    if (sub === 'inclusion') {
      const { values } = parse(rest, { leaves: { type: 'string' }, index: { type: 'string' } }, ledgerUsage)
      if (!values.leaves || values.index === undefined) throw usage('需要 --leaves FILE 和 --index I', ledgerUsage)
      if (!/^(0|[1-9][0-9]*)$/.test(values.index)) throw usage(`--index 须为非负整数：${values.index}`, ledgerUsage)
      const tree = treeOf(readLeaves(values.leaves))
      const index = Number(values.index)
      if (index >= tree.size) throw new AppError('VALIDATION_FAILED', `序号 ${index} 超出范围：文件中共有 ${tree.size} 个叶子`)
      for (const hash of tree.inclusionProof(index)) console.log(encodeHex(hash))
      return
    }
    if (sub === 'verify') {
      parse(rest, {}, ledgerUsage)
      const config = loadConfig()
      const database = await openDatabase(config)
      try {
        const started = Date.now()
        const report = await verifyLedger(database.db, {
          verifierKey: configuredVerifierKey(config),
          witnessKeys: configuredWitnessKeys(config),
          checkpointLog: checkpointLogPath(config.dataDir),
          witnesses: witnessesToAsk(config),
          onProgress: (n) => {
            if (process.stderr.isTTY) process.stderr.write(`\r已核验 ${n} 条…`)
          },
        })
        if (process.stderr.isTTY) process.stderr.write('\r')
        const c = report.counts
        const summary = `${c.entries} 条记录，${c.batches} 个批次，${c.tiles} 个完整瓦片，${c.checkpoints} 个检查点，${c.cosignatures} 个见证方联署，${c.receipts} 份回执，${c.auditRows} 条审计日志，${c.pending} 条待纳入，${c.anchors} 个库外检查点`
        for (const note of report.notes) console.log(`说明：${note}`)
        if (report.ok) {
          console.log(`存证日志核验通过：${summary}（用时 ${Date.now() - started} ms）`)
        } else {
          console.error(`存证日志核验未通过：${report.divergence?.message}`)
          console.error(`  位置：${JSON.stringify(report.divergence?.details)}`)
          console.error(`  已核验：${summary}`)
          process.exitCode = 1
        }
      } finally {
        await database.close()
      }
      return
    }
    throw usage(sub ? `未知子命令 ${sub}` : '缺少子命令', ledgerUsage)
  },
}

const witnessUsage = [
  'yangguang witness serve [--port 7380] [--host 127.0.0.1] [--data DIR] [--name 名称] --log-key 日志公钥 [--log-key …]',
  '  运行一个见证方（C2SP tlog-witness）：独立的密钥与存储（DIR，默认 DATA_DIR/witness-server），',
  '  为给定公钥的日志联署检查点，拒绝回滚与分叉。启动时打印其公钥，供日志配置 LEDGER_WITNESSES。',
].join('\n')

/** `yangguang witness serve`: a witness process with its own key and storage. */
export const witnessCommand: CliCommand = {
  summary: '运行见证方服务 (witness serve)',
  usage: witnessUsage,
  async run(args) {
    const [sub, ...rest] = args
    if (sub !== 'serve') throw usage(sub ? `未知子命令 ${sub}` : '缺少子命令', witnessUsage)
    const { values } = parse(
      rest,
      {
        port: { type: 'string', default: '7380' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        name: { type: 'string' },
        'log-key': { type: 'string', multiple: true },
      },
      witnessUsage,
    )
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`端口无效：${values.port}`, witnessUsage)
    const logKeys = values['log-key'] ?? []
    if (logKeys.length === 0) throw usage('至少需要一个 --log-key（所见证日志的公钥）', witnessUsage)
    const dataDir = path.resolve(values.data ?? path.join(loadConfig().dataDir, 'witness-server'))
    let server
    try {
      server = await serveWitness({ dataDir, name: values.name ?? `${os.hostname()}/witness`, logKeys }, { port, host: values.host })
    } catch (error) {
      if (isLedgerError(error)) throw new AppError('VALIDATION_FAILED', `日志公钥无效：${error.message}`)
      throw error
    }
    console.log(`见证方 ${server.witness.name} 已启动：${server.url}/add-checkpoint  数据目录 ${dataDir}`)
    console.log(`witness-key: ${server.witness.verifierKey}`)
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
    })
    await server.close()
  },
}

/** One hex-encoded leaf per line; a final newline ends the last line (an empty line is an empty leaf). */
function readLeaves(file: string): Uint8Array[] {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `无法读取文件 ${file}：${(error as Error).message}`)
  }
  if (text === '') return []
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map((line, i) => {
    try {
      return decodeHex(line.trim())
    } catch {
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 行不是十六进制：${line.slice(0, 40)}`)
    }
  })
}

function treeOf(leaves: readonly Uint8Array[]): MemoryTree {
  const tree = new MemoryTree({ hasher: nodeSha256Ed25519Profile.hasher })
  for (const leaf of leaves) tree.append(leaf)
  return tree
}

/** The log key of this configuration, without creating one. */
function configuredVerifierKey(config: Config): string | undefined {
  const file = path.join(config.dataDir, 'keys', 'log.key')
  const text = config.ledger.signerKey ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined)
  return text ? parseSignerKey(text).verifierKey : undefined
}

/**
 * The witnesses to ask what they last cosigned: those of LEDGER_WITNESSES over HTTP, else the
 * demo's in-process witness through its state file (the server holds the witness itself).
 */
function witnessesToAsk(config: Config): WitnessEndpoint[] {
  const witnesses = parseWitnessList(config.ledger.witnesses)
  if (witnesses.length > 0) return witnesses
  const demo = demoWitnessFromFiles(config.dataDir)
  return demo ? [demo] : []
}

function configuredWitnessKeys(config: Config): string[] | undefined {
  const witnesses = parseWitnessList(config.ledger.witnesses).map((w) => w.verifierKey)
  const demo = path.join(config.dataDir, 'witness', 'witness.key')
  if (fs.existsSync(demo)) witnesses.push(parseSignerKey(fs.readFileSync(demo, 'utf8').trim()).verifierKey)
  return witnesses
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options']

function parse<const O extends Options>(args: string[], options: O, usageText: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false })
  } catch (error) {
    throw usage((error as Error).message, usageText)
  }
}

function usage(message: string, usageText: string): AppError {
  return new AppError('BAD_REQUEST', `${message}\n\n用法:\n${usageText}`)
}
