import fs from 'node:fs'
import path from 'node:path'
import {
  cosignatureV1KeyType,
  ed25519KeyType,
  generateNoteKey,
  isValidKeyName,
  type LogProfile,
  type NoteVerifier,
  type ParsedSignerKey,
  parseSignerKey,
  parseVerifierKey,
} from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import type { Config } from '../../config'
import { checkpointLogPath } from './checkpoint-log'
import { cosignedNoteOf, openWitness, readWitnessState, type Witness, type WitnessResponse } from './witness/witness'

/** A witness as the log sees it: its key and how to reach it. */
export type WitnessEndpoint = {
  name: string
  /** cosignature/v1 verifier key. */
  verifierKey: string
  verifier: NoteVerifier
  /** URL prefix of its add-checkpoint API; null for the demo's in-process witness. */
  url: string | null
  /** Sends an add-checkpoint request body; resolves with the witness's answer. */
  submit(body: string): Promise<WitnessResponse>
  /**
   * The latest checkpoint it cosigned for `origin` (log-signed note plus its cosignature line), or
   * undefined if it has none; throws when it cannot be asked. Verify compares it with the database.
   */
  latestCheckpoint(origin: string): Promise<string | undefined>
}

/**
 * Everything the ledger needs besides the database: the log's identity and signing key, its
 * witnesses and the cosignature quorum that makes a checkpoint published.
 */
export type LedgerRuntime = {
  origin: string
  profile: LogProfile
  signer: ParsedSignerKey
  /** The log's C2SP verifier key, published at /api/ledger/log. */
  verifierKey: string
  witnesses: WitnessEndpoint[]
  /** Cosignatures a checkpoint needs to be published (k of n). */
  quorum: number
  /**
   * The append-only file every signed checkpoint is also written to (`DATA_DIR/keys/checkpoints.log`);
   * none for ephemeral runtimes unless given.
   */
  checkpointLog?: string
  /** Closes what the runtime opened (the demo's in-process witness). */
  close(): Promise<void>
}

const WITNESS_TIMEOUT_MS = 5000

/**
 * Builds the ledger runtime from the configuration: the signing key from `LEDGER_SIGNER_KEY`, or
 * `DATA_DIR/keys/log.key` (created on first start, mode 0600); witnesses from `LEDGER_WITNESSES`; with
 * `demoWitness` and no witnesses configured, one in-process witness with its own key and storage in
 * `DATA_DIR/witness`, standing for a second agency.
 *
 * @example
 * const ledger = await createLedgerRuntime(loadConfig(), { demoWitness: true })
 */
export async function createLedgerRuntime(config: Config, options: { demoWitness?: boolean } = {}): Promise<LedgerRuntime> {
  const signer = loadLogSigner(config)
  const witnesses = parseWitnessList(config.ledger.witnesses)
  const closers: Array<() => Promise<void>> = []
  if (witnesses.length === 0 && options.demoWitness) {
    const witness = await openWitness({ dataDir: path.join(config.dataDir, 'witness'), name: DEMO_WITNESS_NAME, logKeys: [signer.verifierKey] })
    witnesses.push(inProcessWitness(witness))
    closers.push(() => witness.close())
  }
  const quorum = config.ledger.witnessQuorum ?? witnesses.length
  if (quorum > witnesses.length) throw new Error(`配置错误：LEDGER_WITNESS_QUORUM=${quorum}，但只配置了 ${witnesses.length} 个见证方`)
  return {
    origin: signer.name,
    profile: nodeSha256Ed25519Profile,
    signer,
    verifierKey: signer.verifierKey,
    witnesses,
    quorum,
    checkpointLog: checkpointLogPath(config.dataDir),
    async close() {
      for (const close of closers) await close()
    },
  }
}

/**
 * A runtime with a fresh key that lives only in memory — for tests and tools that must not touch
 * `DATA_DIR`. Pass witnesses to test publication.
 */
export function createEphemeralLedgerRuntime(options: { origin?: string; witnesses?: WitnessEndpoint[]; quorum?: number; checkpointLog?: string } = {}): LedgerRuntime {
  const signer = parseSignerKey(generateNoteKey(options.origin ?? 'test.yangguang.example/ledger').signerKey, [ed25519KeyType])
  const witnesses = options.witnesses ?? []
  return {
    origin: signer.name,
    profile: nodeSha256Ed25519Profile,
    signer,
    verifierKey: signer.verifierKey,
    witnesses,
    quorum: options.quorum ?? witnesses.length,
    ...(options.checkpointLog ? { checkpointLog: options.checkpointLog } : {}),
    close: async () => {},
  }
}

/** The demo's in-process witness name: it stands for the justice bureau's own witness server. */
export const DEMO_WITNESS_NAME = 'witness.sfj.lufeng.example'

/** An endpoint that calls a witness in this process through the same protocol text as over HTTP. */
export function inProcessWitness(witness: Witness): WitnessEndpoint {
  return {
    name: witness.name,
    verifierKey: witness.verifierKey,
    verifier: parseVerifierKey(witness.verifierKey, [cosignatureV1KeyType]),
    url: null,
    submit: (body) => witness.addCheckpoint(body),
    latestCheckpoint: async (origin) => witness.latestCheckpoint(origin),
  }
}

/**
 * The demo's in-process witness as seen from another process (the CLI's `verify` while the server
 * runs and holds its lock): its key and state files only. It cannot cosign; it can say what it last
 * cosigned. Undefined when `DATA_DIR/witness` has no key.
 */
export function demoWitnessFromFiles(dataDir: string): WitnessEndpoint | undefined {
  const dir = path.join(dataDir, 'witness')
  const keyFile = path.join(dir, 'witness.key')
  if (!fs.existsSync(keyFile)) return undefined
  const verifierKey = parseSignerKey(fs.readFileSync(keyFile, 'utf8').trim(), [cosignatureV1KeyType]).verifierKey
  const verifier = parseVerifierKey(verifierKey, [cosignatureV1KeyType])
  return {
    name: verifier.name,
    verifierKey,
    verifier,
    url: null,
    submit: async () => ({ status: 503, contentType: 'text/plain; charset=utf-8', body: 'read-only view of the witness\n' }),
    latestCheckpoint: async (origin) => cosignedNoteOf(readWitnessState(dir)[origin]),
  }
}

/** An endpoint for a witness reached over HTTP at `url` (its submission prefix). */
export function httpWitness(verifierKey: string, url: string): WitnessEndpoint {
  const verifier = parseVerifierKey(verifierKey, [cosignatureV1KeyType])
  const prefix = url.replace(/\/+$/, '')
  const endpoint = `${prefix}/add-checkpoint`
  return {
    name: verifier.name,
    verifierKey,
    verifier,
    url,
    async submit(body) {
      const res = await fetch(endpoint, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS),
      })
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.text() }
    },
    async latestCheckpoint(origin) {
      const res = await fetch(`${prefix}/latest-checkpoint?origin=${encodeURIComponent(origin)}`, { signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS) })
      if (res.status === 404) return undefined
      if (res.status !== 200) throw new Error(`见证方答复 HTTP ${res.status}`)
      return res.text()
    },
  }
}

/**
 * Parses `LEDGER_WITNESSES`: entries `<verifier key> <URL prefix>` separated by newlines or `;`.
 * Throws a Chinese message naming the bad entry.
 */
export function parseWitnessList(text: string): WitnessEndpoint[] {
  const entries = text
    .split(/[;\n]/)
    .map((e) => e.trim())
    .filter(Boolean)
  const witnesses = entries.map((entry) => {
    const parts = entry.split(/\s+/)
    if (parts.length !== 2) throw new Error(`配置错误：LEDGER_WITNESSES 的条目须为“<见证方公钥> <网址>”：${entry}`)
    const [key, url] = parts
    try {
      new URL(url)
    } catch {
      throw new Error(`配置错误：LEDGER_WITNESSES 中的网址无效：${url}`)
    }
    try {
      return httpWitness(key, url)
    } catch (error) {
      throw new Error(`配置错误：LEDGER_WITNESSES 中的见证方公钥无效（${(error as Error).message}）：${key}`)
    }
  })
  const keys = new Set(witnesses.map((w) => `${w.name}+${w.verifier.keyId}`))
  if (keys.size !== witnesses.length) throw new Error('配置错误：LEDGER_WITNESSES 中有重复的见证方公钥')
  return witnesses
}

/**
 * The log's signing key: `LEDGER_SIGNER_KEY`, else `DATA_DIR/keys/log.key`, created on first start
 * with the origin `LEDGER_ORIGIN` (default `<host of PUBLIC_URL>/yangguang/ledger`). The key's name
 * is the log's origin, so a later `LEDGER_ORIGIN` that differs is refused rather than silently
 * starting a second log.
 */
export function loadLogSigner(config: Config): ParsedSignerKey {
  const wanted = config.ledger.origin
  if (wanted !== undefined && !isValidKeyName(wanted)) throw new Error(`配置错误：LEDGER_ORIGIN 不能含空白或“+”：${wanted}`)
  let text = config.ledger.signerKey
  if (!text) {
    const file = path.join(config.dataDir, 'keys', 'log.key')
    if (fs.existsSync(file)) {
      text = fs.readFileSync(file, 'utf8').trim()
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
      text = generateNoteKey(wanted ?? defaultOrigin(config.publicUrl)).signerKey
      fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' })
    }
  }
  let signer: ParsedSignerKey
  try {
    signer = parseSignerKey(text, [ed25519KeyType])
  } catch (error) {
    throw new Error(`存证日志签名密钥无效：${(error as Error).message}`)
  }
  if (wanted !== undefined && wanted !== signer.name) {
    throw new Error(`配置错误：LEDGER_ORIGIN=${wanted} 与已有日志密钥的名称 ${signer.name} 不一致（更换日志须使用新的数据目录或新密钥）`)
  }
  return signer
}

function defaultOrigin(publicUrl: string): string {
  return `${new URL(publicUrl).hostname}/yangguang/ledger`
}
