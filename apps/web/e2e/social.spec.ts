import { expect, type Locator, type Page, test } from '@playwright/test'
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

// The bureau's records in Chromium: a 联席会议 with its attendees, a decision and a task for 金山镇; a 阳光执法
// training with its units, enterprises and head count; a volunteer appointed, given a task and then ended early
// with a reason — the task is cancelled with the term.

test('the bureau records a joint meeting with a task, records an event, and ends a volunteer’s term early', async ({ browser }) => {
  test.setTimeout(180_000)
  const suffix = Date.now().toString(36).slice(-4).toUpperCase()
  const sfj = await signIn(browser, 'sfj')
  // Dates as the app sees them: Beijing days around today.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  const pickDate = async (field: Locator, date: string) => {
    await field.click()
    await field.fill(date)
    await field.press('Enter')
    await expect(field).toHaveValue(date)
  }

  // 联席会议
  const meeting = `行政执法协调联席会议 ${suffix}`
  const task = `牵头查处北门街楼顶违建 ${suffix}`
  await sfj.goto('/social/meetings')
  await sfj.getByRole('button', { name: '登记联席会议' }).click()
  let dialog = sfj.getByRole('dialog')
  await dialog.getByLabel('会议名称').fill(meeting)
  await pickDate(dialog.getByLabel('会议日期'), day(0))
  await dialog.getByLabel('地点').fill('禄丰市司法局三楼会议室')
  await expect(dialog.getByTitle('禄丰市司法局')).toBeVisible() // the convener defaults to the bureau
  await chooseOption(sfj, dialog, '参会单位', '禄丰市住房和城乡建设局')
  await chooseOption(sfj, dialog, '参会单位', '禄丰市金山镇人民政府')
  await dialog.getByRole('button', { name: '增加参会人员' }).click()
  await dialog.getByLabel('参会人员姓名').fill('段秀英')
  await dialog.getByLabel('参会人员职务').fill('义务监督员')
  await dialog.getByLabel('会议纪要').fill('研究违法建设线索移送中的推诿问题。')
  await dialog.getByLabel('议定事项1').fill('金山镇楼顶违建由金山镇人民政府牵头查处，住建局提供技术支持')
  await dialog.getByRole('button', { name: '增加任务' }).click()
  await dialog.getByLabel('任务1内容').fill(task)
  await chooseOption(sfj, dialog, '任务1承办单位', '禄丰市金山镇人民政府')
  await pickDate(dialog.getByLabel('任务1期限'), day(20))
  await chooseOption(sfj, dialog, '任务1对应的议定事项（选填）', '1. 金山镇楼顶违建')
  await dialog.getByRole('button', { name: '登记', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  const meetingRow = sfj.getByRole('row').filter({ has: sfj.getByRole('button', { name: meeting }) })
  await expect(meetingRow).toContainText('1 项')
  await expect(meetingRow).toContainText('未完成 1')
  await expect(sfj.getByRole('row').filter({ hasText: task })).toContainText('禄丰市金山镇人民政府')
  await meetingRow.getByRole('button', { name: meeting }).click()
  const drawer = sfj.getByRole('dialog')
  await expect(drawer).toContainText('禄丰市住房和城乡建设局、禄丰市金山镇人民政府')
  await expect(drawer).toContainText('段秀英（义务监督员）')
  await expect(drawer.getByRole('row').filter({ hasText: task })).toContainText(day(20))

  // 阳光执法活动
  const event = `行政执法人员专题培训 ${suffix}`
  await sfj.goto('/social/events')
  await sfj.getByRole('button', { name: '登记活动' }).click()
  dialog = sfj.getByRole('dialog')
  await chooseOption(sfj, dialog, '活动类别', '培训')
  await pickDate(dialog.getByLabel('活动日期'), day(0))
  await dialog.getByLabel('活动名称').fill(event)
  await chooseOption(sfj, dialog, '参加单位', '禄丰市住房和城乡建设局')
  await chooseOption(sfj, dialog, '参加企业', '禄丰金山恒通建材有限公司')
  await dialog.getByLabel('参加人数').fill('36')
  await dialog.getByLabel('活动情况').fill('围绕行政检查规范开展培训，企业代表旁听并提出意见。')
  await dialog.getByRole('button', { name: '登记', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  const eventItem = sfj.locator('.ant-list-item').filter({ hasText: event })
  await expect(eventItem).toContainText('培训')
  await expect(eventItem).toContainText('禄丰市司法局 · 36 人参加')
  await expect(eventItem).toContainText('企业：禄丰金山恒通建材有限公司')

  // 义务监督员: appoint, give a task, end the term early.
  const name = `钱慧敏${suffix}`
  await sfj.goto('/social/volunteers')
  await sfj.getByRole('button', { name: '聘任', exact: true }).click()
  dialog = sfj.getByRole('dialog')
  await dialog.getByLabel('姓名').fill(name)
  await dialog.getByLabel('职业/单位').fill('社区网格员')
  await dialog.getByPlaceholder('开始日期').click()
  await dialog.getByPlaceholder('开始日期').fill(day(-30))
  await dialog.getByPlaceholder('结束日期').fill(day(700))
  await dialog.getByPlaceholder('结束日期').press('Enter')
  await dialog.getByLabel('聘任文号').fill(`禄司发〔2026〕${suffix}号`)
  await dialog.getByText('已核实：未受过处分').click()
  await dialog.getByRole('button', { name: '聘任', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  const row = sfj.getByRole('row').filter({ hasText: name })
  await expect(sfj.getByTestId(`volunteer-status-${name}`)).toHaveText('在聘')

  await row.getByRole('button', { name: '安排任务' }).click()
  dialog = sfj.getByRole('dialog')
  await dialog.getByLabel('任务').fill('观摩住建局双随机检查')
  await dialog.getByRole('button', { name: '安排', exact: true }).click()
  await expect(dialog).toHaveCount(0)

  await row.getByRole('button', { name: '解聘' }).click()
  dialog = sfj.getByRole('dialog')
  await expect(dialog.getByLabel('解聘日期')).toHaveValue(day(0))
  await expect(dialog).toContainText('未完成的 1 项任务随之取消')
  await dialog.getByLabel('解聘原因').fill('本人因工作调动申请辞去')
  await dialog.getByRole('button', { name: '解聘', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(sfj.getByTestId(`volunteer-status-${name}`)).toContainText('已解聘')
  await expect(sfj.getByTestId(`volunteer-status-${name}`)).toContainText(`${day(0)}：本人因工作调动申请辞去`)
  await expect(row.getByRole('button', { name: '解聘' })).toHaveCount(0)
  await row.getByRole('button', { name: '展开行' }).click()
  await expect(sfj.locator('.ant-table-expanded-row').getByRole('row').filter({ hasText: '观摩住建局双随机检查' })).toContainText('已取消')
})
