import { expect, test } from '@playwright/test'
import { createDrawnReviewBatch, openMyScoreSheet, signIn } from './helpers'

// 案卷评查 in the browser: a supervisor creates a batch of 住建局's 2025 penalty files, freezes the pool, draws
// (the seed waits for the ledger's first checkpoint after the freeze — the server's ledger loop signs within
// seconds, so the test retries the draw until it is accepted), assigns sfj2, who scores the file item by item and
// submits; the supervisor publishes, issues a 监督意见书 from the deduction (the form pre-filled), and the portal
// shows the batch, whose draw re-runs in the browser.
// Run with E2E_PORT=3314.

const TITLE = `E2E评查 ${Date.now().toString(36)}`

test('a supervisor runs a review batch from draw to published results', async ({ browser }) => {
  test.setTimeout(180_000)
  const sfj = await signIn(browser, 'sfj')
  const batchPath = await createDrawnReviewBatch(sfj, TITLE)

  const sfj2 = await signIn(browser, 'sfj2')
  await openMyScoreSheet(sfj2, TITLE)
  await expect(sfj2.getByRole('button', { name: '提交评分表' })).toBeDisabled()
  // Every item checked without a defect, then one deduction with its reason.
  while ((await sfj2.getByText('未评', { exact: true }).count()) > 0) await sfj2.getByText('未评', { exact: true }).first().click()
  await sfj2.getByText(/文书项目填写不全/).click()
  await sfj2.getByPlaceholder('扣分理由（必填）').fill('立案审批表缺少承办人意见')
  await sfj2.getByRole('button', { name: '提交评分表' }).click()
  await expect(sfj2.getByText('已提交：99 分')).toBeVisible()

  await sfj.reload()
  await sfj.getByRole('button', { name: '公布结果' }).click()
  await expect(sfj.getByText('结果已公布', { exact: true })).toBeVisible()

  // The deduction goes on to a 监督意见书: the form opens pre-filled from the file's sheet, and the issued
  // document links back to the batch.
  await sfj.getByRole('button', { name: '制发监督文书' }).click()
  const dialog = sfj.getByRole('dialog')
  await expect(dialog.getByLabel('存在问题', { exact: true })).toHaveValue(/文书项目填写不全.*评查意见：立案审批表缺少承办人意见/)
  await expect(dialog.getByTitle('禄丰市住房和城乡建设局')).toBeVisible()
  await dialog.getByRole('button', { name: '制发并送达' }).click()
  await expect(sfj).toHaveURL(/\/supervision\/documents\/[0-9a-f-]{36}$/)
  await expect(sfj.getByText(/^禄司监意〔\d{4}〕第\d+号$/).first()).toBeVisible()
  await sfj.locator('.ant-descriptions').getByRole('link', { name: '案卷评查' }).click()
  await expect(sfj).toHaveURL(new RegExp(`${batchPath}$`))

  const portal = await browser.newPage()
  await portal.goto('/portal/review')
  await portal.getByRole('link', { name: TITLE }).click()
  await portal.getByRole('button', { name: '在浏览器中复核抽样' }).click()
  await expect(portal.getByText(/复核一致/)).toBeVisible()
})
