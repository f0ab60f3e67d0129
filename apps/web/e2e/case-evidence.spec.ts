import { deflateSync, crc32 } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// 证据文件: the unit head attaches a photo to an evidence item of a case awaiting decision, sees it on the
// case page and opens it; a page disguised as a photo is refused; a case already decided offers no upload.

/** A small valid PNG (8×8, one colour), distinct per run so the upload is a new file. */
function png(seed: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    typed.copy(out, 4)
    out.writeUInt32BE(crc32(typed), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(8, 0)
  header.writeUInt32BE(8, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(24, seed % 256)])
  const rows = Buffer.concat(Array.from({ length: 8 }, () => row))
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

type CaseRow = { id: string; status: string }

test('the unit head attaches a photo to the evidence of a case awaiting decision and opens it; HTML is refused; a decided case is frozen', async ({ browser }) => {
  test.setTimeout(180_000)
  const head = await signIn(browser, 'zjj_head')
  const pending = (await (await head.request.get('/api/cases?status=pending_decision&pageSize=5')).json()).items as CaseRow[]
  expect(pending.length).toBeGreaterThan(0)
  await head.goto(`/cases/${pending[0]!.id}`)
  const detail = await (await head.request.get(`/api/cases/${pending[0]!.id}`)).json()
  expect(detail.mayAttachEvidenceFiles).toBe(true)
  const evidenceId = detail.evidence[0].id as string
  const cell = head.getByTestId(`evidence-files-${evidenceId}`)

  const name = `现场照片-E2E-${Date.now().toString(36)}.png`
  await cell.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: png(Date.now()) })
  await expect(head.getByText(`已附加“${name}”`)).toBeVisible()
  const thumbnail = cell.getByRole('img', { name })
  await expect(thumbnail).toBeVisible()
  const src = await thumbnail.getAttribute('src')
  const served = await head.request.get(src!)
  expect(served.status()).toBe(200)
  expect(served.headers()['content-type']).toBe('image/png')
  expect(served.headers()['x-content-type-options']).toBe('nosniff')

  // A page named like a photo: judged by its bytes and refused, with the server's reason.
  await cell.locator('input[type=file]').setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') })
  await expect(head.getByText(/证据材料只接受/)).toBeVisible()

  // After the decision the evidence is frozen: no upload button, and the server refuses.
  const archived = (await (await head.request.get('/api/cases?status=archived&pageSize=5')).json()).items as CaseRow[]
  const frozen = await (await head.request.get(`/api/cases/${archived[0]!.id}`)).json()
  expect(frozen.mayAttachEvidenceFiles).toBe(false)
  await head.goto(`/cases/${archived[0]!.id}`)
  await expect(head.getByRole('button', { name: '附加文件' })).toHaveCount(0)
})
