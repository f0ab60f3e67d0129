import { Worker } from 'node:worker_threads'
import type { Table, TableFormat } from './read-table'

/** Why a file could not be read; the caller words it for its own users. */
export class TableReadError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'too_complex' | 'busy',
    message: string,
  ) {
    super(message)
    this.name = 'TableReadError'
  }
}

/** Parsing workers at once; a third import waits for none of them and is told to retry. */
const MAX_PARALLEL_READS = 2
/** Heap of one parsing worker: a spreadsheet's shared strings beyond this are not a register of enterprises. */
const WORKER_HEAP_MB = 256

let running = 0

/** Files being read in workers right now (a test waits on it to know a parse is under way). */
export function activeTableReads(): number {
  return running
}

/**
 * Reads a CSV or XLSX file in a worker thread (see read-table.ts), so a big or hostile file costs
 * that thread its time and memory while the server keeps answering. The file is copied to the
 * worker; the worker posts back the table or why it failed, and is ended either way.
 *
 * @example
 * const table = await readTableInWorker(body, 'xlsx', MAX_IMPORT_ROWS)
 * if (table.tooManyRows) throw new AppError('VALIDATION_FAILED', '一次最多导入 2 万行')
 */
export async function readTableInWorker(content: Buffer, format: TableFormat, maxRows: number): Promise<Table> {
  if (running >= MAX_PARALLEL_READS) throw new TableReadError('busy', 'too many imports being read')
  running += 1
  const worker = new Worker(new URL('./read-table.worker.mjs', import.meta.url), {
    workerData: { content: new Uint8Array(content), format, maxRows },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  })
  try {
    return await new Promise<Table>((resolve, reject) => {
      worker.once('message', (message: { ok: true; table: Table } | { ok: false; message: string }) => {
        if (message.ok) resolve(message.table)
        else reject(new TableReadError('unreadable', message.message))
      })
      worker.once('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new TableReadError('too_complex', 'the file needs more memory than a worker has'))
        else reject(error)
      })
      worker.once('exit', (code) => reject(new TableReadError('unreadable', `worker exited with ${code}`)))
    })
  } finally {
    running -= 1
    await worker.terminate()
  }
}
