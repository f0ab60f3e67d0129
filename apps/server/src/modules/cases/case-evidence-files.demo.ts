import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import type { Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import { loadConfig } from '../../config'
import { fileStoreOf } from '../../platform/files/file-store'
import { attachEvidenceBytesIn } from './case-evidence-files.service'
import type { Ctx } from './case-transitions.service'
import * as repo from './cases.repository'

/**
 * The files of the demo's evidence, made in code (no binary committed): a small PNG "site photo"
 * whose colours follow the case, and, for every other case, a one-page PDF "signed scan" of the
 * 现场检查笔录 naming the case. They go into the store the case documents use (`DATA_DIR/files`) and
 * are attached through the same use case as an upload, so they are typed, linked and audited alike.
 *
 * @example
 * await attachDemoEvidenceFiles(trx, lead.actor, caseId, { scan: true }) // after the 现场检查笔录 is recorded
 */
export async function attachDemoEvidenceFiles(trx: Transaction<DB>, actor: Actor, caseId: string, options: { scan: boolean }): Promise<void> {
  const evidence = (await repo.listEvidence(trx, caseId)).find((e) => e.kind === 'inspection_record')
  if (!evidence) return
  // Uploaded a few minutes after the record was made.
  const recorded = await trx.selectFrom('case_event').select('at').where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()
  const ctx: Ctx = { actor, ip: 'demo', userAgent: 'demo-seed', now: new Date(recorded.at.getTime() + 3 * 60_000) }
  const store = fileStoreOf(loadConfig())
  await attachEvidenceBytesIn(trx, ctx, store, { caseId, evidenceId: evidence.id, bytes: demoPhoto(caseId), fileName: '现场照片1.png' })
  if (options.scan) await attachEvidenceBytesIn(trx, ctx, store, { caseId, evidenceId: evidence.id, bytes: demoScan(caseId, evidence.collected_on), fileName: '现场检查笔录（签字扫描件）.pdf' })
}

/** A 24×16 RGB PNG: two bands in colours drawn from the seed (PNG spec, ISO/IEC 15948: IHDR, IDAT, IEND). */
export function demoPhoto(seed: string): Buffer {
  const digest = createHash('sha256').update(seed).digest()
  const [width, height] = [24, 16]
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) digest.copy(row, 1 + x * 3, y < height / 2 ? 0 : 3, y < height / 2 ? 3 : 6)
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

/** A one-page PDF (ISO 32000-1: catalog, pages, page, content, Helvetica) naming the case and the day. */
export function demoScan(caseId: string, onDate: string): Buffer {
  const text = `Site inspection record, signed scan. Case ${caseId}. ${onDate}.`
  const content = `BT /F1 11 Tf 48 780 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  for (const [i, o] of objects.entries()) {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  }
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}
