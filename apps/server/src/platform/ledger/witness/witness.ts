import fs from 'node:fs'
import path from 'node:path'
import {
  cosignatureV1KeyType,
  decodeBase64,
  encodeBase64,
  equalBytes,
  createCosignatureV1Signer,
  generateNoteKey,
  isLedgerError,
  type NoteVerifier,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  tryDecodeBase64,
  verifyConsistencyProof,
  verifyNote,
} from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'

/** An HTTP answer of the witness protocol, independent of the transport. */
export type WitnessResponse = { status: number; contentType: string; body: string }

export type WitnessOptions = {
  /** Its own storage: key file and state. One process at a time. */
  dataDir: string
  /** Key name, used when the key is created (later starts read it from the key file). */
  name?: string
  /** Verifier keys of the logs it witnesses; a log is known by its key name (= its origin). */
  logKeys: readonly string[]
  /** Clock in POSIX seconds, for cosignature timestamps. */
  now?: () => number
}

/**
 * A C2SP tlog-witness (v1.0.0 add-checkpoint) with its own key and storage — another agency's
 * server that cosigns the log's checkpoints only if each is consistent with the last one it saw.
 */
export type Witness = {
  name: string
  /** cosignature/v1 verifier key, to configure on the log and on verification pages. */
  verifierKey: string
  /** Handles the body of `POST <prefix>/add-checkpoint`. Never throws on bad input. */
  addCheckpoint(body: string | Uint8Array): Promise<WitnessResponse>
  /** The latest cosigned checkpoint per origin. */
  state(): Readonly<Record<string, StoredCheckpoint>>
  /**
   * The latest checkpoint it cosigned for `origin`, as the log-signed note with its cosignature line
   * appended — what the log's `verify` compares with its database (`GET <prefix>/latest-checkpoint`).
   */
  latestCheckpoint(origin: string): string | undefined
  close(): Promise<void>
}

/** `note` and `cosignature` are kept since 0019; states written before hold only the text. */
export type StoredCheckpoint = { size: number; root: string; checkpoint: string; note?: string; cosignature?: string }
type WitnessState = { version: 1; logs: Record<string, StoredCheckpoint> }

const MAX_PROOF_LINES = 63
const MAX_BODY_BYTES = 64 * 1024

/**
 * Opens (creating on first use) a witness in `dataDir`: `witness.key` (mode 0600) and `state.json`,
 * written atomically (temporary file, fsync, rename) before any cosignature leaves the witness.
 *
 * @example
 * const witness = await openWitness({ dataDir: './data/witness', name: 'witness.sfj.example', logKeys: [logVerifierKey] })
 * const { status, body } = await witness.addCheckpoint(`old 0\n\n${signedCheckpoint}`)
 */
export async function openWitness(options: WitnessOptions): Promise<Witness> {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const release = lockDirectory(options.dataDir)
  try {
    const signerKey = loadOrCreateKey(path.join(options.dataDir, 'witness.key'), options.name ?? 'witness.yangguang.example')
    const signer = parseSignerKey(signerKey, [cosignatureV1KeyType])
    // The key string is PRIVATE+KEY+<name>+<id>+base64(type ‖ key); names have no '+', base64 may.
    const privateKey = decodeBase64(signerKey.split('+').slice(4).join('+')).subarray(1)
    const cosigner = createCosignatureV1Signer(signer.name, privateKey, { now: options.now })
    const logs = new Map<string, NoteVerifier>()
    for (const key of options.logKeys) {
      const verifier = parseVerifierKey(key, [nodeSha256Ed25519Profile.logKeyType])
      logs.set(verifier.name, verifier)
    }
    const statePath = path.join(options.dataDir, 'state.json')
    let state = readState(statePath)
    let queue: Promise<unknown> = Promise.resolve()

    const handle = async (input: string | Uint8Array): Promise<WitnessResponse> => {
      const request = parseRequest(input)
      if ('error' in request) return text(400, request.error)
      let checkpoint: ReturnType<typeof parseCheckpoint>
      try {
        checkpoint = parseCheckpoint(parseNote(request.note).text)
      } catch (error) {
        return text(400, `malformed checkpoint: ${messageOf(error)}`)
      }
      const verifier = logs.get(checkpoint.origin)
      if (!verifier) return text(404, `unknown log origin ${checkpoint.origin}`)
      try {
        verifyNote(request.note, [verifier])
      } catch (error) {
        return text(403, `no valid signature from the log key: ${messageOf(error)}`)
      }
      if (request.old > checkpoint.size) return text(400, 'old size is larger than the checkpoint size')
      // Check and store under one lock: the spec's rollback race needs the two to be atomic.
      const run = queue.then(async (): Promise<WitnessResponse> => {
        const stored = state.logs[checkpoint.origin]
        const storedSize = stored?.size ?? 0
        if (request.old !== storedSize) return { status: 409, contentType: 'text/x.tlog.size', body: `${storedSize}\n` }
        const failure = checkConsistency(request.old, request.proof, checkpoint.size, checkpoint.rootHash, stored)
        if (failure) return text(422, failure)
        const note = parseNote(request.note)
        // Signing the bare text yields exactly one signature block: our cosignature line.
        const signed = await signNote(note.text, [cosigner])
        const line = signed.slice(signed.lastIndexOf('\n\n') + 2, -1)
        const next: WitnessState = {
          version: 1,
          logs: {
            ...state.logs,
            [checkpoint.origin]: { size: checkpoint.size, root: encodeBase64(checkpoint.rootHash), checkpoint: note.text, note: request.note, cosignature: line },
          },
        }
        writeStateAtomically(statePath, next)
        state = next
        return { status: 200, contentType: 'text/plain; charset=utf-8', body: `${line}\n` }
      })
      queue = run.catch(() => undefined)
      return run
    }

    return {
      name: signer.name,
      verifierKey: signer.verifierKey,
      async addCheckpoint(body) {
        try {
          return await handle(body)
        } catch (error) {
          return text(500, `witness error: ${messageOf(error)}`)
        }
      },
      state: () => state.logs,
      latestCheckpoint: (origin) => cosignedNoteOf(state.logs[origin]),
      async close() {
        await queue
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/** The stored log-signed note with the witness's cosignature line appended. */
export function cosignedNoteOf(stored: StoredCheckpoint | undefined): string | undefined {
  if (!stored?.note || !stored.cosignature) return undefined
  return `${stored.note}${stored.cosignature}\n`
}

/**
 * A witness's state file read without opening the witness (no lock, no key): how `yangguang ledger
 * verify`, a separate process, learns what the server's in-process demo witness last cosigned.
 */
export function readWitnessState(dataDir: string): Readonly<Record<string, StoredCheckpoint>> {
  return readState(path.join(dataDir, 'state.json')).logs
}

function checkConsistency(old: number, proof: Uint8Array[], size: number, root: Uint8Array, stored: StoredCheckpoint | undefined): string | undefined {
  const hasher = nodeSha256Ed25519Profile.hasher
  if (size === 0 && !equalBytes(root, hasher.emptyRoot())) return 'a checkpoint of size 0 must have the empty root'
  if (old === 0) return proof.length === 0 ? undefined : 'the consistency proof must be empty when the old size is 0'
  const oldRoot = decodeBase64(stored?.root ?? '')
  if (old === size) {
    if (proof.length !== 0) return 'the consistency proof must be empty for equal sizes'
    return equalBytes(oldRoot, root) ? undefined : 'same size, different root: the log forked'
  }
  try {
    verifyConsistencyProof({ size1: old, size2: size, root1: oldRoot, root2: root, proof }, hasher)
    return undefined
  } catch (error) {
    return `consistency proof does not verify: ${messageOf(error)}`
  }
}

type ParsedRequest = { old: number; proof: Uint8Array[]; note: string } | { error: string }

/** `old <size>\n`, up to 63 base64 proof lines, an empty line, then the signed checkpoint. */
function parseRequest(input: string | Uint8Array): ParsedRequest {
  if (typeof input !== 'string' && input.length > MAX_BODY_BYTES) return { error: 'request body too large' }
  let body: string
  try {
    body = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch {
    return { error: 'request body is not UTF-8' }
  }
  if (body.length > MAX_BODY_BYTES) return { error: 'request body too large' }
  const split = body.indexOf('\n\n')
  if (split < 0) return { error: 'missing the empty line before the checkpoint' }
  const [oldLine, ...proofLines] = body.slice(0, split).split('\n')
  const old = /^old (0|[1-9][0-9]{0,15})$/.exec(oldLine)
  if (!old || !Number.isSafeInteger(Number(old[1]))) return { error: 'first line must be "old <size>"' }
  if (proofLines.length > MAX_PROOF_LINES) return { error: `at most ${MAX_PROOF_LINES} consistency proof lines` }
  const proof: Uint8Array[] = []
  for (const line of proofLines) {
    const hash = tryDecodeBase64(line)
    if (!hash || hash.length !== 32) return { error: 'a consistency proof line is not base64 of a 32-byte hash' }
    proof.push(hash)
  }
  return { old: Number(old[1]), proof, note: body.slice(split + 2) }
}

function loadOrCreateKey(file: string, name: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const { signerKey } = generateNoteKey(name, cosignatureV1KeyType)
  fs.writeFileSync(file, `${signerKey}\n`, { mode: 0o600, flag: 'wx' })
  return signerKey
}

function readState(file: string): WitnessState {
  if (!fs.existsSync(file)) return { version: 1, logs: {} }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as WitnessState
  if (parsed.version !== 1 || typeof parsed.logs !== 'object') throw new Error(`见证方状态文件 ${file} 格式不正确`)
  return parsed
}

function writeStateAtomically(file: string, state: WitnessState): void {
  const temporary = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(temporary, 'w', 0o600)
  try {
    fs.writeSync(fd, JSON.stringify(state, null, 2))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(temporary, file)
  const dir = fs.openSync(path.dirname(file), 'r')
  try {
    fs.fsyncSync(dir)
  } finally {
    fs.closeSync(dir)
  }
}

/** One process per witness directory: a pid lock file, taken over when its process is gone. */
function lockDirectory(dir: string): () => void {
  const lock = path.join(dir, 'witness.lock')
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number(fs.readFileSync(lock, 'utf8').trim())
    if (holder && holder !== process.pid && alive(holder)) throw new Error(`见证方数据目录 ${dir} 正被进程 ${holder} 使用`)
    fs.writeFileSync(lock, String(process.pid))
  }
  let released = false
  return () => {
    if (released) return
    released = true
    try {
      if (fs.readFileSync(lock, 'utf8').trim() === String(process.pid)) fs.rmSync(lock)
    } catch {
      // already gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function text(status: number, message: string): WitnessResponse {
  return { status, contentType: 'text/plain; charset=utf-8', body: `${message}\n` }
}

function messageOf(error: unknown): string {
  if (isLedgerError(error)) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}

