import { type Browser, expect, type Locator, type Page } from '@playwright/test'

// Steps the specs share: signing in, picking from an Ant Design select, and the 案卷评查 batch that the
// review specs both start from.

/** The demo accounts' password (see docs/conventions.md). */
export const PASSWORD = 'Lufeng@2026'

/**
 * Signs a demo account in to the admin console and waits for the user menu. Given the browser, it
 * opens a context of its own (its own cookies, so several users can act side by side) and returns its page.
 */
export async function signIn(target: Browser | Page, username: string): Promise<Page> {
  const page = 'newContext' in target ? await (await target.newContext()).newPage() : target
  await page.goto('/')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
  return page
}

/**
 * Picks `option` in a searchable select: types it to filter the list and clicks the first option containing it.
 * `field` is the select's label (a string matches the whole label) or its search input. The option list
 * re-renders while it filters, so a click can land on a stale option: it picks again until the select shows
 * the value (its title; a label may add more, e.g. a document type's period). Then it closes a list left open.
 */
export async function chooseOption(page: Page, scope: Page | Locator, field: string | RegExp | Locator, option: string) {
  const input = typeof field === 'string' ? scope.getByLabel(field, { exact: true }) : field instanceof RegExp ? scope.getByLabel(field) : field
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]')
  const chosen = select.getByTitle(option)
  const openList = page.locator('.ant-select-dropdown:visible')
  await expect(async () => {
    if ((await chosen.count()) === 0) {
      await input.click()
      await input.fill(option)
      await openList.locator('.ant-select-item-option').filter({ hasText: option }).first().click()
    }
    await expect(chosen.first()).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  // A single select closes its list on the pick (the list fades out for a moment, so its visibility says nothing); a
  // multiple select keeps it open. Escape on a closed list would close a dialog instead, so it goes only to a select
  // that is still open (`ant-select-open`, set from the select's state).
  if (await select.evaluate((el) => el.classList.contains('ant-select-open'))) await input.press('Escape')
  await expect(openList).toHaveCount(0)
  await expect(chosen.first()).toBeVisible()
}

/**
 * 案卷评查, the supervisor's first half: creates a batch of 住建局's 2025 penalty files (one per unit), freezes the
 * pool, draws — the draw is refused until the ledger's checkpoint containing the freeze is signed (the server's
 * ledger loop signs within seconds), so it retries — and assigns sfj2 (赵雪梅) as primary reviewer of the one
 * file drawn. Returns the path of the batch page.
 */
export async function createDrawnReviewBatch(sfj: Page, title: string): Promise<string> {
  await sfj.goto('/review/batches')
  await sfj.getByRole('button', { name: '新建评查批次' }).click()
  const dialog = sfj.getByRole('dialog')
  await dialog.getByLabel('批次名称').fill(title)
  await chooseOption(sfj, dialog, '被评查单位', '禄丰市住房和城乡建设局')
  await dialog.getByPlaceholder('开始日期').click()
  await dialog.getByPlaceholder('开始日期').fill('2025-01-01')
  await dialog.getByPlaceholder('结束日期').fill('2025-12-31')
  await dialog.getByPlaceholder('结束日期').press('Enter')
  await dialog.getByLabel('每单位抽样数').fill('1')
  await sfj.getByRole('button', { name: '创建' }).click()
  await expect(sfj.getByText(`${title} ·`)).toBeVisible()
  const batchPath = new URL(sfj.url()).pathname

  await sfj.getByRole('button', { name: '冻结案卷池' }).click()
  await expect(sfj.getByText('案卷池已冻结', { exact: true })).toBeVisible()
  await expect(async () => {
    await sfj.getByRole('button', { name: '抽样', exact: true }).click()
    await expect(sfj.getByText('已抽样', { exact: true })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 90_000 })
  await expect(sfj.getByText(/抽中案卷（1 卷）/)).toBeVisible()

  await sfj.getByRole('button', { name: '指派' }).click()
  const assign = sfj.getByRole('dialog')
  await chooseOption(sfj, assign, assign.locator('.ant-select').nth(1).locator('input'), '赵雪梅')
  await sfj.getByRole('button', { name: '指派', exact: true }).last().click()
  await expect(sfj.getByText(/主评 赵雪梅/)).toBeVisible()
  return batchPath
}

/** The reviewer opens the score sheet of the batch `title` from 我的评查任务. */
export async function openMyScoreSheet(reviewer: Page, title: string) {
  await reviewer.goto('/review/my')
  await reviewer.getByRole('row').filter({ hasText: title }).getByRole('link').click()
  await expect(reviewer.getByText(/评分表 ·/)).toBeVisible()
}
