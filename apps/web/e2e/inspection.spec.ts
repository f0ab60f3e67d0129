import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// 云执法 in the admin console and the portal (desktop).
const shots = path.resolve(import.meta.dirname, '../../../.tmp/screens')
fs.mkdirSync(shots, { recursive: true })

test('the justice bureau sees a year of inspections with its warnings, and sets the rules', async ({ page }) => {
  await signIn(page, 'sfj')
  await page.getByRole('menuitem', { name: '检查监督' }).click()
  await expect(page.getByText('检查总数')).toBeVisible()
  await expect(page.locator('.ant-statistic').first()).toContainText('786')
  await expect(page.getByRole('tab', { name: /超过频次上限/ })).toBeVisible()
  await page.getByRole('tab', { name: /例外放行/ }).click()
  await expect(page.getByText('群众举报该企业在建工程存在重大安全隐患').first()).toBeVisible()
  await page.screenshot({ path: path.join(shots, 'admin-oversight.png') })
  await page.getByRole('menuitem', { name: '检查规则' }).click()
  await expect(page.getByLabel('同一单位对同一企业的检查上限（次/周期）')).toHaveValue('2')
})

test('a unit head prints a QR poster, approves and publishes a plan, and approves an ad-hoc inspection', async ({ page }) => {
  await signIn(page, 'zjj_head')
  await page.getByRole('menuitem', { name: '市场主体' }).click()
  await page.getByPlaceholder('名称、信用代码或地址').fill('恒通建材')
  await page.getByPlaceholder('名称、信用代码或地址').press('Enter')
  await page.getByRole('button', { name: '重新生成入企码' }).first().click()
  await page.getByRole('button', { name: /确\s*定|OK/ }).click()
  await expect(page.getByText('扫码入企').first()).toBeVisible()
  await expect(page.locator('.ant-modal svg').first()).toBeVisible()
  await page.screenshot({ path: path.join(shots, 'admin-poster.png') })
  await page.keyboard.press('Escape')

  await page.getByRole('menuitem', { name: /检查计划/ }).click()
  const draft = page.getByRole('row', { name: /城镇燃气安全专项检查/ })
  await draft.getByRole('button', { name: '批准' }).click()
  await expect(draft.getByRole('button', { name: '公布' })).toBeVisible()
  await draft.getByRole('button', { name: '公布' }).click()
  await expect(draft).toContainText('已公布')
  await page.screenshot({ path: path.join(shots, 'admin-plans.png') })

  await page.getByRole('menuitem', { name: '检查任务与记录' }).click()
  const pending = page.getByRole('row', { name: /待审批/ }).first()
  await pending.getByRole('button', { name: '批准', exact: true }).click()
  await page.getByRole('button', { name: /确\s*定|OK/ }).click()
  await expect(page.getByText('已处理')).toBeVisible()
})

test('the portal publishes the inspection plans', async ({ page }) => {
  await page.goto('/portal/inspection-plans')
  await expect(page.getByText('年度涉企行政检查计划').first()).toBeVisible()
  await expect(page.getByText('禄丰市住房和城乡建设局').first()).toBeVisible()
})
