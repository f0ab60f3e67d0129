import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the public reads a benchmark with its tiers on the portal, without logging in', async ({ page }) => {
  await page.goto('/portal/benchmarks')
  await page.getByPlaceholder('搜索违法行为、事项名称或编码').fill('施工许可证')
  await page.getByRole('button', { name: '搜索' }).click()
  const card = page.getByTestId('benchmark-card').filter({ hasText: '建设单位未取得施工许可证或者开工报告未经批准擅自施工' })
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('工程合同价款的1%至2%')
  const rows = card.locator('tr.ant-table-row')
  await expect(rows).toHaveCount(4)
  await expect(rows.filter({ hasText: '从轻处罚' })).toContainText('工程合同价款的1%至1.3%')
  await expect(rows.filter({ hasText: '从重处罚' })).toContainText('责令停止施工后仍继续施工的')

  await page.getByText('首违不罚清单').click()
  await expect(page.getByText('临街工地不设置护栏').first()).toBeVisible()
})

test('an admin enters the 2027 holiday arrangement and the calendar counts it at once', async ({ page }) => {
  await signIn(page, 'admin')
  await page.getByRole('menuitem', { name: /节假日安排/ }).click()
  await expect(page.getByRole('cell', { name: '2026年', exact: true })).toBeVisible()
  await page.getByRole('button', { name: '录入年度安排' }).click()
  const dialog = page.getByRole('dialog', { name: '录入年度放假安排' })
  await dialog.getByLabel('年份').fill('2027')
  await dialog.getByLabel('来源（通知名称和文号）').fill('国务院办公厅关于2027年部分节假日安排的通知（演示数据）')
  await dialog.getByLabel('放假日期（含假期中的周末）').fill('2027-01-01~2027-01-03\n2027-02-05~2027-02-11')
  await dialog.getByLabel('调休上班日（周六、周日）').fill('2027-01-30\n2027-02-20')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()

  const row = page.getByRole('row').filter({ hasText: '2027年' })
  await expect(row).toContainText('管理员录入')
  await expect(row).toContainText('10')
  // The month view jumps to January 2027 and shows 元旦.
  await expect(page.getByText('2027年1月', { exact: true })).toBeVisible()
  await expect(page.locator('.ant-picker-calendar .ant-tag').filter({ hasText: '法定节假日' }).first()).toBeVisible()
  const days = await page.request.get('/api/calendar/days?from=2027-01-01&to=2027-01-01')
  expect((await days.json()).days[0]).toMatchObject({ kind: 'holiday', known: true })
})
