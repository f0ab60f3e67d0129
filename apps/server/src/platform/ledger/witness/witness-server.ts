import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { openWitness, type Witness, type WitnessOptions } from './witness'

export type WitnessServer = { witness: Witness; url: string; close(): Promise<void> }

/**
 * Serves a witness over HTTP: `POST /add-checkpoint` (C2SP tlog-witness v1.0.0), `GET /` (its
 * name, verifier key and the logs it knows, for operators) and `GET /latest-checkpoint?origin=…`
 * (the latest checkpoint it cosigned for that log, with its cosignature; 404 if none). A separate
 * process with its own key and storage — what another agency runs (`yangguang witness serve`).
 *
 * @example
 * const server = await serveWitness({ dataDir: '/var/lib/witness', logKeys: [logKey] }, { port: 7380 })
 */
export async function serveWitness(options: WitnessOptions, listen: { port: number; host?: string }): Promise<WitnessServer> {
  const witness = await openWitness(options)
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]
    if (req.method === 'GET' && (url === '/' || url === '')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ name: witness.name, verifierKey: witness.verifierKey, logs: Object.keys(witness.state()) }))
      return
    }
    if (req.method === 'GET' && url === '/latest-checkpoint') {
      // Not part of tlog-witness v1.0.0: lets the log's verify compare its database with what this
      // witness last cosigned, so a log cut back together with its checkpoints is still caught.
      const origin = new URL(req.url ?? '/', 'http://witness').searchParams.get('origin') ?? ''
      const note = witness.latestCheckpoint(origin)
      if (!note) return reply(res, 404, `no cosigned checkpoint for ${origin}\n`)
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end(note)
      return
    }
    if (url !== '/add-checkpoint') return reply(res, 404, 'not found\n')
    if (req.method !== 'POST') return reply(res, 405, 'use POST\n')
    const chunks: Buffer[] = []
    let length = 0
    req.on('data', (chunk: Buffer) => {
      length += chunk.length
      if (length > 64 * 1024) {
        reply(res, 413, 'request body too large\n')
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (res.headersSent) return
      witness.addCheckpoint(Buffer.concat(chunks)).then(
        (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.contentType })
          res.end(answer.body)
        },
        () => reply(res, 500, 'witness error\n'),
      )
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(listen.port, listen.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    witness,
    url: `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await witness.close()
    },
  }
}

function reply(res: http.ServerResponse, status: number, body: string) {
  if (res.headersSent) return
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(body)
}
