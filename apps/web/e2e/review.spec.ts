import { type Browser, expect, type Page, test } from '@playwright/test'

// 案卷评查 in the browser: a supervisor creates a batch of 住建局's 2025 penalty files, freezes the pool, draws
// (the seed waits for the ledger's first checkpoint after the freeze — the server's ledger loop signs within
// seconds, so the test retries the draw until it is accepted), assigns sfj2, who scores the file item by item and
// submits; the supervisor publishes and the portal shows the batch, whose draw re-runs in the browser.
// Run with E2E_PORT=3314.

const TITLE = `E2E评查 ${Date.now().toString(36)}`

async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill('Lufeng@2026')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
  return page
}

test('a supervisor runs a review batch from draw to published results', async ({ browser }) => {
  test.setTimeout(180_000)
  const sfj = await signIn(browser, 'sfj')
  await sfj.goto('/review/batches')
  await sfj.getByRole('button', { name: '新建评查批次' }).click()
  const dialog = sfj.getByRole('dialog')
  await dialog.getByLabel('批次名称').fill(TITLE)
  const units = dialog.getByLabel('被评查单位')
  // The option list re-renders while it filters; pick again until the chosen unit shows as a tag.
  const chosen = dialog.locator('.ant-select-selection-item').filter({ hasText: '住房和城乡建设局' })
  await expect(async () => {
    if ((await chosen.count()) === 0) {
      await units.click()
      await units.fill('住房和城乡建设局')
      await sfj.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '住房和城乡建设局' }).first().click()
    }
    await expect(chosen).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await units.press('Escape')
  await expect(sfj.locator('.ant-select-dropdown:visible')).toHaveCount(0)
  await expect(chosen).toBeVisible()
  await dialog.getByPlaceholder('开始日期').click()
  await dialog.getByPlaceholder('开始日期').fill('2025-01-01')
  await dialog.getByPlaceholder('结束日期').fill('2025-12-31')
  await dialog.getByPlaceholder('结束日期').press('Enter')
  await dialog.getByLabel('每单位抽样数').fill('1')
  await sfj.getByRole('button', { name: '创建' }).click()
  await expect(sfj.getByText(`${TITLE} ·`)).toBeVisible()

  await sfj.getByRole('button', { name: '冻结案卷池' }).click()
  await expect(sfj.getByText('案卷池已冻结', { exact: true })).toBeVisible()
  // The draw is refused until a checkpoint containing the freeze is signed.
  await expect(async () => {
    await sfj.getByRole('button', { name: '抽样', exact: true }).click()
    await expect(sfj.getByText('已抽样', { exact: true })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await expect(sfj.getByText(/抽中案卷（1 卷）/)).toBeVisible()

  await sfj.getByRole('button', { name: '指派' }).click()
  const assign = sfj.getByRole('dialog')
  await assign.locator('.ant-select').nth(1).click()
  await sfj.keyboard.type('赵雪梅')
  await sfj.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '赵雪梅' }).first().click()
  await sfj.getByRole('button', { name: '指派', exact: true }).last().click()
  await expect(sfj.getByText(/主评 赵雪梅/)).toBeVisible()

  const sfj2 = await signIn(browser, 'sfj2')
  await sfj2.goto('/review/my')
  await sfj2.getByRole('row').filter({ hasText: TITLE }).getByRole('link').click()
  await expect(sfj2.getByText(/评分表 ·/)).toBeVisible()
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

  const portal = await browser.newPage()
  await portal.goto('/portal/review')
  await portal.getByRole('link', { name: TITLE }).click()
  await portal.getByRole('button', { name: '在浏览器中复核抽样' }).click()
  await expect(portal.getByText(/复核一致/)).toBeVisible()
})
