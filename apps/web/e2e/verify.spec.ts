import { expect, type APIRequestContext, test } from '@playwright/test'
import QRCode from 'qrcode'

/** The compact receipt of a QR code: 1.<index>.<leaf hash base64url>.<salt base64url>. */
function receiptCode(index: number, leafHash: string, salt = ''): string {
  const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64url')
  return `1.${index}.${b64(leafHash)}.${salt ? b64(salt) : ''}`
}

/** The demo starts with its seeded records pending; wait until a cosigned checkpoint covers them. */
async function publishedSize(request: APIRequestContext, atLeast: number) {
  await expect
    .poll(async () => ((await (await request.get('/api/ledger/log')).json()) as { publishedSize: number | null }).publishedSize ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(atLeast)
}

test('verifies a real receipt from the demo in the browser, and rejects a forged one', async ({ page, request }) => {
  await publishedSize(request, 5)
  const entry = (await (await request.get('/api/ledger/entries/5')).json()) as { leafHash: string }

  // The bare address printed in QR codes opens the portal page and verifies at once.
  await page.goto(`/verify?r=${receiptCode(5, entry.leafHash)}`)
  await expect(page).toHaveURL(/\/portal\/verify\?r=/)
  await expect(page.getByTestId('verify-verdict')).toContainText('核验通过')
  const checks = page.getByTestId('verify-checks')
  await expect(checks).toContainText('日志签名：签名有效')
  await expect(checks).toContainText('见证方联署：1/1 个见证方联署')
  await expect(checks).toContainText('包含证明：成立：该记录是第 5 条')
  await expect(checks).toContainText('记录内容：叶子内容与记录哈希相符')

  // One hex digit changed: the proof for position 5 no longer leads to the signed root.
  const forged = (entry.leafHash[0] === '0' ? '1' : '0') + entry.leafHash.slice(1)
  await page.goto(`/verify?r=${receiptCode(5, forged)}`)
  await expect(page.getByTestId('verify-verdict')).toContainText('核验未通过')
  await expect(page.getByTestId('verify-checks')).toContainText('包含证明：不成立')
  await expect(page.getByTestId('verify-checks')).toContainText('日志签名：签名有效')
})

test('verifies a receipt typed field by field, as printed on a document', async ({ page, request }) => {
  await publishedSize(request, 5)
  await request.post('/api/auth/login', { data: { username: 'admin', password: 'Lufeng@2026' } })
  const org = ((await (await request.get('/api/ledger/entries/0')).json()) as { leaf: string }).leaf
  const { id, type } = JSON.parse(org) as { id: string; type: string }
  const { items } = (await (await request.get(`/api/ledger/record-receipts?recordType=${type}&recordId=${id}`)).json()) as {
    items: Array<{ index: number; leafHash: string; salt: string }>
  }
  const receipt = items[0]
  await page.goto('/portal/verify')
  await page.getByRole('tab', { name: '逐项填写' }).click()
  await page.getByLabel('日志序号（可不填）').fill(String(receipt.index))
  await page.getByLabel('记录哈希（64 位十六进制）').fill(receipt.leafHash)
  await page.getByLabel('盐值（可不填；核对原件时需要）').fill(receipt.salt)
  await page.getByRole('button', { name: '核验', exact: true }).click()
  await expect(page.getByTestId('verify-verdict')).toContainText('核验通过')
  await expect(page.getByText('登记的记录（公开部分，不含个人信息）')).toBeVisible()
})

test('reads the receipt from a photo of the QR code', async ({ page, request, baseURL }) => {
  await publishedSize(request, 9)
  const entry = (await (await request.get('/api/ledger/entries/9')).json()) as { leafHash: string }
  const png = await QRCode.toBuffer(`${baseURL}/verify?r=${receiptCode(9, entry.leafHash)}`, { width: 360, margin: 4 })
  await page.goto('/portal/verify')
  await page.getByRole('tab', { name: '二维码或文件' }).click()
  await page.locator('input[type=file][accept="image/*,.txt"]').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByTestId('verify-verdict')).toContainText('核验通过')
  await expect(page.getByTestId('verify-checks')).toContainText('该记录是第 9 条')
})
