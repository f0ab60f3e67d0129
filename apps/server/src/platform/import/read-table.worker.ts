import { parentPort, workerData } from 'node:worker_threads'
import { readTable, type TableFormat } from './read-table'

/**
 * The worker thread's body: parse one file and post the table back. It only parses — no database,
 * no configuration — so nothing of the server's state (PGlite above all) is touched from here.
 */
const { content, format, maxRows } = workerData as { content: Uint8Array; format: TableFormat; maxRows: number }

readTable(Buffer.from(content.buffer, content.byteOffset, content.byteLength), format, maxRows).then(
  (table) => parentPort?.postMessage({ ok: true, table }),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
)
