import { expect, type Page, test } from '@playwright/test'
import { chooseOption, createDrawnReviewBatch, openMyScoreSheet, signIn } from './helpers'

// The 执法监督 loop in Chromium, every step through the pages:
// 1. a supervisor (sfj) creates a review batch of 住建局's 2025 penalty files (one per unit), freezes the pool,
//    draws (retried until the ledger's checkpoint after the freeze is signed), assigns sfj2, who scores and
//    submits; the supervisor publishes the results — and the 监督驾驶舱 (2025) lists the batch with its rates;
// 2. the supervisor issues a 监督意见书 to 住建局 with one finding;
// 3. the unit head (zjj_head) answers the rectification task;
// 4. the 监督驾驶舱 counts the task open (awaiting acceptance); the supervisor accepts it from the task page the
//    dashboard does not list (it is not overdue) — opened from 整改跟踪 — and the dashboard's open count drops by one.
// Run with E2E_PORT=3317.

const stamp = Date.now().toString(36)
const TITLE = `E2E闭环评查 ${stamp}`
const PROBLEM = `行政处罚决定书未载明履行期限（闭环 ${stamp}）`

/** The number a dashboard figure shows (its link is labelled "<title> <value>"). */
async function figure(page: Page, title: string): Promise<number> {
  const link = page.getByRole('link', { name: new RegExp(`^${title} \\d+$`) })
  await expect(link).toBeVisible()
  return Number((await link.getAttribute('aria-label'))!.split(' ').pop())
}

test('review batch to published results, 监督意见书 to 住建局, answer, acceptance — and the 监督驾驶舱 follows', async ({ browser }) => {
  test.setTimeout(420_000)
  const sfj = await signIn(browser, 'sfj')

  // ——— 1. review batch: draw → published ———
  const batchPath = await createDrawnReviewBatch(sfj, TITLE)

  const sfj2 = await signIn(browser, 'sfj2')
  await openMyScoreSheet(sfj2, TITLE)
  while ((await sfj2.getByText('未评', { exact: true }).count()) > 0) await sfj2.getByText('未评', { exact: true }).first().click()
  await sfj2.getByRole('button', { name: '提交评分表' }).click()
  await expect(sfj2.getByText(/已提交：\d+ 分/)).toBeVisible()

  await sfj.reload()
  await sfj.getByRole('button', { name: '公布结果' }).click()
  await expect(sfj.getByText('结果已公布', { exact: true })).toBeVisible()

  // The dashboard for 2025 lists the batch, published, with its one file graded and the link to the batch.
  await sfj.goto('/supervision/dashboard')
  await expect(sfj.getByText('监督驾驶舱').first()).toBeVisible()
  await sfj.getByLabel('年度').click()
  await sfj.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '2025年' }).click()
  await sfj.getByRole('tab', { name: '案卷评查' }).click()
  const batchRow = sfj.getByRole('row').filter({ hasText: TITLE })
  await expect(batchRow).toContainText('1/1')
  await expect(batchRow).toContainText('已公布')
  await expect(batchRow.getByRole('link', { name: TITLE })).toHaveAttribute('href', batchPath)

  // ——— 2. 监督意见书 to 住建局 ———
  await sfj.goto('/supervision/documents')
  await sfj.getByRole('button', { name: '制发监督文书' }).click()
  const doc = sfj.getByRole('dialog')
  await chooseOption(sfj, doc, '文书种类', '行政执法监督意见书')
  await doc.getByLabel('事由', { exact: true }).fill(`${TITLE} 发现的问题`)
  await chooseOption(sfj, doc, '主送单位', '禄丰市住房和城乡建设局')
  await doc.getByLabel('存在问题', { exact: true }).fill(PROBLEM)
  await doc.getByLabel('依据', { exact: true }).fill('《中华人民共和国行政处罚法》第五十九条')
  await doc.getByLabel('整改要求', { exact: true }).fill('补正决定书，组织执法人员学习第五十九条')
  await doc.getByRole('button', { name: '制发并送达' }).click()
  await expect(sfj).toHaveURL(/\/supervision\/documents\/[0-9a-f-]{36}$/)
  // The number is read off this document's page once it shows this document (the list it came from shows others').
  await expect(sfj.getByText(PROBLEM).first()).toBeVisible()
  const number = (await sfj.getByText(/^禄司监意〔\d{4}〕第\d+号$/).first().textContent())!.trim()

  // ——— 3. the unit head answers ———
  const head = await signIn(browser, 'zjj_head')
  await head.goto('/supervision/documents')
  await head.getByRole('link', { name: number, exact: true }).click()
  await expect(head.getByText(PROBLEM).first()).toBeVisible()
  await head.getByRole('link', { name: new RegExp(`问题1：${PROBLEM.slice(0, 10)}`) }).click()
  await head.getByLabel('整改措施').fill('已补正决定书并组织全体执法人员学习。')
  await head.getByRole('button', { name: '提交反馈' }).click()
  await expect(head.getByText('待验收')).toBeVisible()
  const taskPath = new URL(head.url()).pathname
  // A unit head has no dashboard: no menu entry, and the API refuses.
  await expect(head.getByRole('menuitem', { name: '监督驾驶舱' })).toHaveCount(0)
  expect((await head.request.get('/api/dashboard/supervision?year=2026')).status()).toBe(403)

  // ——— 4. the dashboard counts the task until the supervisor accepts ———
  await sfj.goto('/supervision/dashboard')
  await sfj.getByRole('menuitem', { name: '监督驾驶舱' }).waitFor()
  const openBefore = await figure(sfj, '未销号整改任务')
  const awaitingBefore = await figure(sfj, '待验收')
  expect(openBefore).toBeGreaterThanOrEqual(1)
  expect(awaitingBefore).toBeGreaterThanOrEqual(1)

  await sfj.goto(taskPath)
  await expect(sfj.getByText('已补正决定书并组织全体执法人员学习。')).toBeVisible()
  await sfj.getByRole('button', { name: '验收通过' }).click()
  await expect(sfj.getByText('已销号')).toBeVisible()

  await sfj.goto('/supervision/dashboard')
  await expect.poll(() => figure(sfj, '未销号整改任务')).toBe(openBefore - 1)
  expect(await figure(sfj, '待验收')).toBe(awaitingBefore - 1)
  // The figure drills down to the rectification board.
  await sfj.getByRole('link', { name: new RegExp('^未销号整改任务 \\d+$') }).click()
  await expect(sfj).toHaveURL(/\/supervision\/tasks$/)
})
