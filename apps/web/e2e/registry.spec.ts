import { expect, test } from '@playwright/test'
import { chooseOption, signIn } from './helpers'

// A valid GB 11643 number (check digit computed by @yangguang/core's generator), for a fictional person.
const ID_NUMBER = '532302199005171235'
const NAME = '试用执法员'
const UNIT = '禄丰市发展和改革局'

test('a supervisor registers an officer with a certificate, publishes the unit, and the public verifies the certificate by its QR link', async ({ page, request }) => {
  await signIn(page, 'sfj2')

  // 登记执法人员 in a unit whose entity sfj has audited but nobody has published yet.
  await page.getByRole('menuitem', { name: /执法人员与执法证/ }).click()
  await page.getByRole('button', { name: '登记执法人员' }).click()
  const form = page.getByRole('dialog', { name: '登记执法人员' })
  await chooseOption(page, form, '所属单位', UNIT)
  await form.getByLabel('姓名').fill(NAME)
  await form.getByLabel('身份证号码').fill(ID_NUMBER)
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form).toBeHidden()

  // 核发执法证, in the officer's drawer (it opens on the new record).
  const drawer = page.getByRole('dialog').filter({ hasText: `${NAME} · ${UNIT}` })
  await drawer.getByRole('button', { name: '核发执法证' }).click()
  const issue = page.getByRole('dialog', { name: '核发执法证' })
  await issue.getByLabel('执法领域').click()
  await page.locator('.ant-select-item-option').first().click()
  await issue.getByRole('button', { name: /核发|保存|提交/ }).click()
  await expect(issue).toBeHidden()
  const qr = page.getByRole('img', { name: /执法证 \d{14} 查验二维码/ })
  await expect(qr).toBeVisible()
  const certNo = (await qr.getAttribute('alt'))!.match(/\d{14}/)![0]

  // Not yet public: the unit's entity is only audited.
  const before = await request.get(`/api/public/officers?q=${encodeURIComponent(NAME)}`)
  expect(JSON.stringify(await before.json())).not.toContain(certNo)

  // 确认 and 公示 the entity (sfj audited it; sfj2 is the second pair of eyes).
  await page.keyboard.press('Escape')
  await page.getByRole('menuitem', { name: /执法主体/ }).click()
  await page.getByPlaceholder('主体或单位名称').fill(UNIT)
  await page.getByPlaceholder('主体或单位名称').press('Enter')
  await page.getByRole('cell', { name: UNIT }).first().click()
  await page.getByRole('button', { name: '确认', exact: true }).click()
  await page.getByRole('button', { name: '公示', exact: true }).click()
  await expect(page.getByText('已公示').first()).toBeVisible()

  // The public portal lists the officer and the QR link verifies the certificate.
  await page.goto(`/portal/officers`)
  await page.getByPlaceholder(/姓名|证号/).first().fill(NAME)
  await page.getByPlaceholder(/姓名|证号/).first().press('Enter')
  await expect(page.getByText(certNo)).toBeVisible()

  const svg = await request.get(`/api/public/certificates/${certNo}/qr.svg`)
  expect(svg.headers()['content-type']).toContain('image/svg+xml')
  await page.goto(`/portal/certificates/${certNo}`)
  await expect(page.getByText(NAME)).toBeVisible()
  await expect(page.getByText('有效').first()).toBeVisible()
  await expect(page.getByText(ID_NUMBER)).toHaveCount(0)
})
