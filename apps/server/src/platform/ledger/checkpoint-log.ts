import fs from 'node:fs'
import path from 'node:path'

/** One published checkpoint as the file keeps it: its size and the log-signed note. */
export type LoggedCheckpoint = { size: number; note: string }

/** The published-checkpoint file beside the log key: `DATA_DIR/keys/checkpoints.log`. */
export function checkpointLogPath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'checkpoints.log')
}

/**
 * Appends a signed checkpoint to the append-only file of published checkpoints (one JSON line each)
 * and waits for it to reach the disk. The file lives outside the database on purpose: whoever
 * deletes the newest leaves and the checkpoints that sign them in the database still leaves this
 * line behind, and `yangguang ledger verify` finds the log shorter than what it once signed.
 *
 * @example
 * appendCheckpointLog('/var/lib/yangguang/keys/checkpoints.log', { size: 1200, note })
 */
export function appendCheckpointLog(file: string, checkpoint: LoggedCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const fd = fs.openSync(file, 'a', 0o600)
  try {
    fs.writeSync(fd, `${JSON.stringify({ size: checkpoint.size, note: checkpoint.note })}\n`)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The last complete entry of the published-checkpoint file, undefined when the file is missing or
 * empty. Reads only the file's tail, so it stays instant however long the file grows. A torn last
 * line (a crash mid-append) is skipped in favour of the one before it.
 */
export function readLastCheckpoint(file: string): LoggedCheckpoint | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const { size } = fs.fstatSync(fd)
    // A note is well under 64 KiB (an origin, a size, a root and a few signature lines).
    const length = Math.min(size, TAIL_BYTES)
    const buffer = Buffer.alloc(length)
    fs.readSync(fd, buffer, 0, length, size - length)
    const lines = buffer.toString('utf8').split('\n')
    for (let i = lines.length - 1; i >= 0; i--) {
      const entry = parseLine(lines[i])
      if (entry) return entry
    }
    return undefined
  } finally {
    fs.closeSync(fd)
  }
}

const TAIL_BYTES = 64 * 1024

function parseLine(line: string): LoggedCheckpoint | undefined {
  if (!line.trim()) return undefined
  try {
    const value = JSON.parse(line) as Partial<LoggedCheckpoint>
    if (typeof value.size === 'number' && Number.isSafeInteger(value.size) && value.size >= 0 && typeof value.note === 'string') return { size: value.size, note: value.note }
  } catch {
    // a torn line: fall back to the previous one
  }
  return undefined
}
