import fs from 'node:fs'
import path from 'node:path'
import { expect, type Locator, type Page, test } from '@playwright/test'
import { chooseOption, signIn } from './helpers'

// 行政处罚, general procedure, in the admin console: an officer takes a case from 线索登记 to 归档,
// the unit head files and decides it, the legal reviewer reviews it, and the decision PDF is
// downloaded.
//
// The e2e server runs on the real clock and an act cannot be dated before the case's previous act,
// so the 陈述申辩 window of a case registered today cannot have passed yet. The party therefore
// waives statement and defence in writing (art. 62's express waiver), which the procedure accepts in
// place of the window's end; the test first checks that 陈述申辩结束 is refused while the window runs.
// The window running out on its own is covered by the API tests, which move the clock.

const shots = path.resolve(import.meta.dirname, '../../../.tmp/screens')
fs.mkdirSync(shots, { recursive: true })

const TITLE = `恒通建材在不具备安全条件的场所储存燃气案（E2E ${Date.now().toString(36)}）`

async function pickDate(scope: Page | Locator, label: string | RegExp, date: string) {
  const input = scope.getByLabel(label)
  await input.click()
  await input.fill(date)
  await input.press('Enter')
}

/** Performs an act from the case's action area: opens its form, lets `fill` complete it, confirms. */
async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByTestId('case-actions').getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: action })
  await expect(dialog).toBeVisible()
  await fill?.(dialog)
  await dialog.getByRole('button', { name: `确认${action}` }).click()
  await expect(dialog).toBeHidden()
}

async function expectStatus(page: Page, status: string) {
  await expect(page.getByTestId('case-status')).toHaveText(status)
}

test('an officer takes a case from 线索登记 to 归档; the head files and decides it, the legal reviewer passes it; the decision PDF downloads', async ({ browser }) => {
  test.setTimeout(480_000)
  const officer = await signIn(browser, 'zjj_officer')

  // 线索登记
  await officer.getByRole('menuitem', { name: '案件办理' }).click()
  await officer.getByRole('button', { name: '线索登记' }).click()
  await chooseOption(officer, officer, '违法行为对应的处罚事项（本单位权责清单）', '不具备安全条件的场所')
  await officer.getByLabel('案由').fill(TITLE)
  await chooseOption(officer, officer, '从市场主体名录选择（可选）', '恒通建材')
  await expect(officer.getByLabel('统一社会信用代码')).not.toHaveValue('')
  await officer.getByLabel('法定代表人（负责人）').fill('李建国')
  await pickDate(officer, '违法行为发生日', '2026-11-02')
  await officer.getByLabel('违法地点').fill('禄丰市金山镇工业园区恒通建材生产车间')
  await officer.getByLabel('违法事实（初步）').fill('当事人在生产车间内存放液化石油气钢瓶8只，该场所未设置通风和燃气泄漏报警装置，不具备安全条件；经责令改正，逾期未改正。')
  await chooseOption(officer, officer, /^承办人/, '张伟')
  await chooseOption(officer, officer, /^承办人/, '刘洋')
  await officer.getByRole('button', { name: '登记线索' }).click()
  await expect(officer).toHaveURL(/\/cases\/[0-9a-f-]{36}$/)
  const caseUrl = new URL(officer.url()).pathname
  await expectStatus(officer, '线索登记')
  await expect(officer.getByText(TITLE)).toBeVisible()

  await act(officer, '提交立案审批')
  await expectStatus(officer, '立案审批')

  // 立案 by the unit head: the case gets its number.
  const head = await signIn(browser, 'zjj_head')
  await head.goto(caseUrl)
  await act(head, '批准立案', (d) => d.getByLabel('审批意见').fill('同意立案调查。'))
  await expectStatus(head, '调查取证')
  await expect(head.getByTestId('case-no')).not.toHaveText('（未立案）')
  const caseNo = (await head.getByTestId('case-no').textContent())!.trim()

  // 调查取证: a 询问笔录 by the two officers, then 调查终结 with the proposed fine.
  await officer.reload()
  await expectStatus(officer, '调查取证')
  await act(officer, '登记证据', async (d) => {
    await d.getByLabel('证据名称').fill('对当事人法定代表人的询问笔录')
    await d.getByLabel('问1').fill('车间内存放的液化石油气钢瓶有多少只？责令改正后为何没有搬离？')
    await d.getByLabel('答1').fill('8只，用于食堂和烘干。一直没找到合适的存放地点，所以没有搬离。')
  })
  await expect(officer.getByRole('cell', { name: '对当事人法定代表人的询问笔录' })).toBeVisible()

  // The proposal against the unit's 裁量基准: the server's calculator gives the lawful range live.
  await act(officer, '调查终结', async (d) => {
    // 法定处罚幅度 of the item, from the catalogue: the outer bound no reason overrides.
    await expect(d.getByTestId('statutory-range')).toContainText('《城镇燃气管理条例》第四十九条第一款')
    await chooseOption(officer, d, '适用的裁量基准', 'CF-ZJ-028-01')
    await d.getByRole('checkbox', { name: /3瓶以上不足10瓶/ }).check()
    await expect(d.getByTestId('lawful-range')).toContainText('一般处罚：罚款 30,000.00 元 至 70,000.00 元')
    await d.getByLabel('罚款金额（元）').fill('80000')
    await expect(d.getByTestId('lawful-range')).toContainText('拟处罚款超出裁量基准幅度')
    await expect(d.getByLabel('超出裁量基准的理由（必填）')).toBeVisible()
    await d.getByLabel('罚款金额（元）').fill('60000')
    await expect(d.getByTestId('lawful-range')).not.toContainText('超出')
    await d.getByLabel('裁量理由').fill('存放气瓶8只，位于生产车间，逾期未改正，按一般处罚阶次给予罚款。')
  })
  await expectStatus(officer, '案件审查')

  // 事先告知, served today; 陈述申辩结束 is refused while the window runs.
  await act(officer, '事先告知')
  await expectStatus(officer, '事先告知')
  await expect(officer.getByTestId('case-actions').getByRole('button', { name: '陈述申辩结束', exact: true })).toBeDisabled()
  await officer.getByText('暂不能办理的原因').click()
  await expect(officer.getByText(/陈述申辩期限至 \d{4}-\d{2}-\d{2}/).first()).toBeVisible()
  await officer.screenshot({ path: path.join(shots, 'admin-case-notified.png'), fullPage: true })

  await act(officer, '记录放弃陈述申辩', (d) => d.getByLabel('说明').fill('当事人书面明确放弃陈述、申辩权利。'))
  // A fine of 60,000 元 reaches the unit's 重大执法决定 amount: 法制审核 (art. 58) before the decision.
  await act(officer, '提交法制审核')
  await expectStatus(officer, '法制审核')

  const legal = await signIn(browser, 'zjj_legal')
  await legal.goto(caseUrl)
  // The proposal panel: the lawful range of this case, the benchmark check, the history; no departure.
  await expect(legal.getByTestId('proposal-review')).toContainText('罚款对单位100,000.00元以下')
  await expect(legal.getByTestId('proposal-review')).toContainText('罚款在裁量基准')
  await act(legal, '法制审核通过', (d) => d.getByLabel('法制审核意见').fill('主体合法，事实清楚，证据确凿，程序合法，适用依据正确，裁量适当，同意。'))
  await expectStatus(legal, '待决定')

  // 决定, prefilled from the notified proposal.
  await head.reload()
  await act(head, '作出决定', async (d) => {
    await expect(d.getByLabel('罚款金额（元）')).toHaveValue('60000.00')
    await expect(d.getByTestId('lawful-range')).toContainText('30,000.00 元 至 70,000.00 元')
  })
  await expectStatus(head, '已决定待送达')

  // 送达, 缴款, 结案.
  await officer.reload()
  await act(officer, '送达')
  await expectStatus(officer, '执行中')
  await act(officer, '登记缴款', async (d) => {
    await expect(d.getByLabel('金额（元）')).toHaveValue('60000.00')
    await d.getByLabel('缴款书或票据号码').fill('5323012026000123')
  })
  await expect(officer.getByRole('row').filter({ hasText: '5323012026000123' })).toContainText('60,000.00 元')
  await expect(officer.getByTestId('late-fee')).toHaveText('0.00 元')
  await act(officer, '结案')
  await expectStatus(officer, '已结案')

  // The decision PDF.
  const row = officer.getByRole('row').filter({ hasText: '行政处罚决定书' })
  await expect(row).toBeVisible()
  const [download] = await Promise.all([officer.waitForEvent('download'), row.getByRole('link', { name: '下载 PDF' }).click()])
  const file = await download.path()
  const bytes = fs.readFileSync(file)
  expect(bytes.length).toBeGreaterThan(1000)
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

  await act(officer, '归档')
  await expectStatus(officer, '已归档')
  await expect(officer.getByText('归档').first()).toBeVisible()
  await officer.screenshot({ path: path.join(shots, 'admin-case-archived.png'), fullPage: true })

  // The list finds it by number, archived.
  await officer.getByRole('menuitem', { name: '案件办理' }).click()
  await officer.getByPlaceholder('案件编号、案由或当事人').fill(caseNo)
  await officer.getByPlaceholder('案件编号、案由或当事人').press('Enter')
  const listed = officer.getByRole('row').filter({ hasText: caseNo })
  await expect(listed).toContainText('已归档')
  await officer.screenshot({ path: path.join(shots, 'admin-cases.png') })

  // The justice bureau reads the case (its unit shown in the list) and can act on none of it.
  const supervisor = await signIn(browser, 'sfj')
  await supervisor.getByRole('menuitem', { name: '案件办理' }).click()
  await supervisor.getByPlaceholder('案件编号、案由或当事人').fill(caseNo)
  await supervisor.getByPlaceholder('案件编号、案由或当事人').press('Enter')
  await expect(supervisor.getByRole('row').filter({ hasText: caseNo })).toContainText('禄丰市住房和城乡建设局')
  await supervisor.getByRole('link', { name: caseNo }).click()
  await expectStatus(supervisor, '已归档')
  await expect(supervisor.getByTestId('case-actions').getByRole('button')).toHaveCount(0)
})

test('简易程序: an officer decides a small fine on the spot, over the limit first, and downloads the numbered decision', async ({ browser }) => {
  test.setTimeout(180_000)
  const officer = await signIn(browser, 'zjj_officer')
  await officer.getByRole('menuitem', { name: '案件办理' }).click()
  await officer.getByRole('button', { name: '简易程序（当场处罚）' }).click()
  await chooseOption(officer, officer, '处罚事项', '不具备安全条件的场所')
  await officer.getByLabel('案由').fill('王某在出租屋内违规存放液化石油气钢瓶案')
  await officer.getByLabel('姓名').fill('王某某')
  // A valid GB 11643 number for a fictional person (as in registry.spec.ts).
  await officer.getByLabel('公民身份号码').fill('532302199005171235')
  await officer.getByLabel('违法地点').fill('禄丰市金山镇北门街12号')
  await officer.getByLabel('违法事实').fill('当事人在出租屋厨房内存放液化石油气钢瓶2只，未设置通风设施。')
  await officer.getByLabel('处罚依据（适用的法律条款）').fill('《城镇燃气管理条例》第四十九条')
  await chooseOption(officer, officer, /^执法人员/, '张伟')
  await chooseOption(officer, officer, /^执法人员/, '刘洋')

  // 第五十一条: a person may be fined at most 200 元 on the spot.
  await officer.getByLabel('罚款金额（元）').fill('500')
  await officer.getByRole('button', { name: '作出当场处罚决定' }).click()
  await expect(officer.getByRole('alert').filter({ hasText: '简易程序' })).toBeVisible()

  await officer.getByLabel('罚款金额（元）').fill('200')
  await officer.getByRole('button', { name: '作出当场处罚决定' }).click()
  await expect(officer.getByText('当场行政处罚决定已作出')).toBeVisible()
  await expect(officer.getByTestId('decision-number')).toContainText(/〔2026〕/)
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: '下载决定书（PDF）' }).click()])
  const bytes = fs.readFileSync(await download.path())
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(bytes.length).toBeGreaterThan(1000)
})
