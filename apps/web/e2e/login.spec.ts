import { expect, test } from '@playwright/test'

test('a supervisor logs in, sees the menu of their role and the audit log, and logs out', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('用户名').fill('sfj')
  await page.getByLabel('密码').fill('Lufeng@2026')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('user-menu')).toContainText('监督人员')
  await page.getByRole('menuitem', { name: '审计日志' }).click()
  await expect(page.getByText('审计日志').first()).toBeVisible()
  await page.getByTestId('user-menu').hover()
  await page.getByText('退出登录').click()
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
})

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel('用户名').fill('sfj')
  await page.getByLabel('密码').fill('wrong-Password1')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByText('用户名或密码错误')).toBeVisible()
})
