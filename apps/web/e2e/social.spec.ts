import { expect, type Page, test } from '@playwright/test'
import { chooseOption, signIn } from './helpers'

// 投诉举报 end to end in Chromium: the public files an anonymous complaint on the portal and keeps
// the lookup code; the justice bureau accepts it and hands it to 住建局 on its triage board; 住建局's
// head answers without seeing who complained; the public reads the answer with the code.

test('an anonymous complaint from the portal is accepted, handed to the unit, answered, and read back by its code', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const marker = `E2E-${Date.now().toString(36)}`

  // The public, no login.
  await page.goto('/portal/complaints')
  await page.getByLabel('投诉类别').click()
  await page.getByTitle('乱检查').click()
  await chooseOption(page, page, '被投诉单位', '禄丰市住房和城乡建设局')
  await page.getByLabel('事实和理由').fill(`同一周内住建局三次到店检查同一事项，均未出示检查通知。${marker}`)
  await page.getByTestId('anonymous').click()
  await expect(page.getByLabel('姓名或企业名称')).toHaveCount(0)
  await page.getByRole('button', { name: '提交' }).click()
  const code = (await page.getByTestId('lookup-code').innerText()).trim()
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)

  // The bureau: triage board → accept → hand to 住建局.
  const bureau = await signIn(browser, 'sfj')
  await bureau.goto('/social/complaints')
  // Newest first: the complaint just filed heads the board; its drawer shows the marker.
  const detailFor = async (p: Page) => {
    await p.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button').first().click()
    const drawer = p.getByRole('dialog')
    await expect(drawer.getByText(marker)).toBeVisible()
    return drawer
  }
  let drawer = await detailFor(bureau)
  await expect(drawer.getByText('匿名', { exact: true })).toBeVisible()
  await drawer.getByRole('button', { name: '确定' }).click() // 受理 is preselected
  await expect(drawer.getByTestId('complaint-status')).toHaveText('已受理')
  await drawer.getByRole('button', { name: '交办' }).click()
  await expect(drawer.getByTestId('complaint-status')).toHaveText('办理中')

  // The unit: sees the complaint without any identity, answers it.
  const unit = await signIn(browser, 'zjj_head')
  await unit.goto('/social/complaints')
  await expect(unit.getByRole('columnheader', { name: '投诉人' })).toHaveCount(0)
  drawer = await detailFor(unit)
  await expect(drawer.getByText('投诉人', { exact: true })).toHaveCount(0)
  await drawer.getByLabel('答复内容（投诉人凭查询码可见）').fill('经核查，三次检查分别为计划检查、投诉核查和复查；今后同一事项合并检查并提前出示检查通知。')
  await drawer.getByRole('button', { name: '提交答复' }).click()
  await expect(drawer.getByTestId('complaint-status')).toHaveText('已答复')

  // The public reads the answer with the code.
  await page.goto('/portal/complaints/lookup')
  await page.getByLabel('查询码').fill(code.toLowerCase())
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByTestId('complaint-result')).toContainText('已答复')
  await expect(page.getByTestId('complaint-answer')).toContainText('合并检查')
  // A wrong code is refused.
  await page.getByLabel('查询码').fill('AAAA-BBBB-CCCC')
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByTestId('complaint-lookup-error')).toContainText('查询码不正确')
})
