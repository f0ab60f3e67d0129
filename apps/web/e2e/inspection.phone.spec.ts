import fs from 'node:fs'
import path from 'node:path'
import { expect, type Page, request as playwrightRequest, test } from '@playwright/test'

// 云执法 on a phone (Pixel 7 viewport): scan-to-enter, an inspection with a co-inspector and a
// photo recorded offline and synced once, the enterprise's view and rating, and a refusal.
const PASSWORD = 'Lufeng@2026'
const shots = path.resolve(import.meta.dirname, '../../../.tmp/screens')
fs.mkdirSync(shots, { recursive: true })
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) })

// A 2×2 PNG: the "photo" the officer takes.
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAAWAAIB0d0zrwAAAABJRU5ErkJggg==', 'base64')

async function login(page: Page, username: string) {
  await page.goto('/m/')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
}

/**
 * Re-issues the enterprise's poster and returns the path of its scan link (what the camera reads).
 * Posters are the county bureau's to re-issue (or the registering unit's), not the inspecting
 * officer's, so the bureau's account prints it.
 */
async function posterLink(page: Page, enterpriseId: string) {
  const bureau = await playwrightRequest.newContext({ baseURL: new URL(page.url()).origin })
  try {
    expect((await bureau.post('/api/auth/login', { data: { username: 'sfj', password: PASSWORD } })).status()).toBe(200)
    const res = await bureau.post(`/api/enterprises/${enterpriseId}/qr-token`, { data: {} })
    expect(res.ok()).toBe(true)
    return new URL((await res.json()).url).pathname
  } finally {
    await bureau.dispose()
  }
}

test('an officer scans in, inspects offline with a co-inspector and a photo, syncs once; the enterprise rates it; an over-cap start is refused', async ({ page, context }) => {
  await login(page, 'zjj_officer')
  await expect(page.getByTestId('today-tasks')).toContainText('禄丰金山恒通建材有限公司')
  await expect(page.getByText('执法证号')).toBeVisible()
  // Installable: a manifest and a service worker that controls /m/.
  await expect.poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration('/m/')))).toBe(true)
  expect((await page.request.get('/m/manifest.webmanifest')).ok()).toBe(true)
  await shot(page, '1-officer-home')

  const found = await (await page.request.get(`/api/enterprises?q=${encodeURIComponent('恒通建材')}`)).json()
  const qiye = found.items.find((e: { name: string }) => e.name === '禄丰金山恒通建材有限公司')
  await page.goto(await posterLink(page, qiye.id))
  await expect(page.getByRole('heading', { name: '禄丰金山恒通建材有限公司' })).toBeVisible()
  await expect(page.getByLabel('同行执法人员')).toHaveValue(/.+/)
  await expect(page.getByLabel('同行执法人员').locator('option:checked')).toContainText('刘洋')
  // 亮证 is recorded per officer: starting waits until both have shown their certificates.
  await expect(page.getByRole('button', { name: '开始检查' })).toBeDisabled()
  await page.getByRole('button', { name: /记录 张伟 已出示执法证/ }).click()
  await expect(page.getByRole('button', { name: '开始检查' })).toBeDisabled()
  await page.getByRole('button', { name: /记录 刘洋 已出示执法证/ }).click()
  await expect(page.getByTestId('certificates-shown')).toContainText('刘洋 已出示执法证')
  await shot(page, '2-start')
  await page.getByRole('button', { name: '开始检查' }).click()

  await expect(page.getByRole('heading', { name: '检查清单' })).toBeVisible()
  await expect(page.getByTestId('shown-record')).toHaveCount(2)
  for (const group of await page.locator('fieldset.item').all()) await group.getByText('符合', { exact: true }).click()
  await page.getByTestId('photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo })
  await expect(page.locator('figcaption')).toContainText('SHA-256')

  // The network drops in the middle of the inspection.
  await context.setOffline(true)
  await page.getByLabel('检查情况').fill('现场检查未发现违法违规问题，告知企业依法经营。')
  await page.locator('.segmented label', { hasText: '未发现问题' }).click()
  await page.getByLabel('企业现场负责人姓名').fill('李红梅')
  await page.getByRole('button', { name: '本人已核对，确认记录属实' }).click()
  await shot(page, '3-record')
  await page.getByRole('button', { name: '提交检查记录' }).click()
  await expect(page.getByText('网络不可用')).toBeVisible()
  await expect(page.getByTestId('sync-bar')).toContainText('待同步')
  await expect(page.getByTestId('local-record').first()).toContainText('待同步')
  await shot(page, '4-offline-queued')

  await context.setOffline(false)
  await expect(page.getByTestId('local-record').first()).toContainText('已同步', { timeout: 20_000 })
  await expect(page.getByTestId('sync-bar')).toHaveCount(0)
  const today = (await (await page.request.get('/api/m/today')).json()).today as string
  const done = await (await page.request.get(`/api/inspections?enterpriseId=${qiye.id}&status=completed&from=${today}&to=${today}`)).json()
  expect(done.total).toBe(1)
  expect(done.items[0]).toMatchObject({ result: 'no_issue', representativeName: '李红梅', lateSync: false })
  expect(done.items[0].photos).toHaveLength(1)
  expect(done.items[0].officers.map((o: { name: string }) => o.name).sort()).toEqual(['刘洋', '张伟'].sort())
  // The 亮证 travelled with the record: who showed which certificate, stored on the server.
  expect(done.items[0].certificatesShown.map((c: { name: string }) => c.name).sort()).toEqual(['刘洋', '张伟'].sort())
  expect(done.items[0].numbers.notice).toMatch(/^禄住建检通字〔\d{4}〕第\d+号$/)

  // Over the frequency cap: refused, with the reason.
  const tasks = (await (await page.request.get('/api/m/today')).json()).tasks as Array<{ enterprise: { id: string; name: string }; status: string }>
  let capped: { id: string; name: string } | null = null
  for (const t of tasks.filter((x) => x.status === 'scheduled')) {
    const year = today.slice(0, 4)
    const history = await (await page.request.get(`/api/inspections?enterpriseId=${t.enterprise.id}&status=completed&year=${year}`)).json()
    if (history.items.filter((i: { orgName: string }) => i.orgName === '禄丰市住房和城乡建设局').length >= 2) capped = t.enterprise
  }
  expect(capped).not.toBeNull()
  await page.goto(await posterLink(page, capped!.id))
  await page.getByRole('button', { name: /记录 张伟 已出示执法证/ }).click()
  await page.getByRole('button', { name: /记录 刘洋 已出示执法证/ }).click()
  await page.getByRole('button', { name: '开始检查' }).click()
  await expect(page.getByTestId('refusal')).toContainText('超过检查频次上限')
  await expect(page.getByRole('button', { name: '申请例外放行' })).toBeVisible()
  await shot(page, '5-refused')

  // The enterprise sees the inspection and rates it.
  await page.getByRole('button', { name: '退出' }).click()
  await login(page, 'qiye')
  const card = page.getByTestId('enterprise-inspection').filter({ hasText: today }).first()
  await expect(card).toContainText('禄丰市住房和城乡建设局')
  await expect(card).toContainText('检查当日有效')
  await expect(card).toContainText('未发现问题')
  await card.getByRole('button', { name: '5 分' }).click()
  await card.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByTestId('enterprise-inspection').filter({ hasText: today }).first()).toContainText('已评价')
  await shot(page, '6-enterprise')
})
