import { expect, test } from '@playwright/test'

test('the portal reads on a phone: menu in a drawer, no sideways scrolling, certificate check', async ({ page }) => {
  await page.goto('/portal')
  await expect(page.getByText('行政执法公示')).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.getByRole('button', { name: '栏目' }).click()
  await page.getByRole('menuitem', { name: '证件查验' }).click()
  await expect(page).toHaveURL(/\/portal\/certificates/)
  await page.getByRole('searchbox').fill('00000000000000')
  await page.getByRole('button', { name: '查验' }).click()
  await expect(page.getByText('未查到该证件')).toBeVisible()
  for (const path of ['/portal/entities', '/portal/catalogue', '/portal/duties']) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(wide, `${path} fits the phone`).toBeLessThanOrEqual(0)
  }
})
