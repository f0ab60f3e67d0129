import { expect, test } from '@playwright/test'
import { chooseOption, signIn } from './helpers'

// 执法监督 in Chromium: a supervisor issues a 监督意见书 to 住建局 with one finding; the unit head
// finds it among the documents received (opening it signs for it), answers the rectification task;
// the supervisor accepts the answer and the task shows closed.

const PROBLEM = `行政处罚决定书未载明履行期限（E2E ${Date.now().toString(36)}）`

test('a 监督意见书 goes from the bureau to 住建局 and its finding is rectified, verified and closed', async ({ browser }) => {
  test.setTimeout(180_000)
  const sfj = await signIn(browser, 'sfj')
  await sfj.goto('/supervision/documents')
  await sfj.getByRole('button', { name: '制发监督文书' }).click()
  const dialog = sfj.getByRole('dialog')
  await chooseOption(sfj, dialog, '文书种类', '行政执法监督意见书')
  await dialog.getByLabel('事由', { exact: true }).fill('案卷评查发现的个性问题')
  await chooseOption(sfj, dialog, '主送单位', '禄丰市住房和城乡建设局')
  await dialog.getByLabel('存在问题', { exact: true }).fill(PROBLEM)
  await dialog.getByLabel('依据', { exact: true }).fill('《中华人民共和国行政处罚法》第五十九条')
  await dialog.getByLabel('整改要求', { exact: true }).fill('补正决定书，组织执法人员学习第五十九条')
  await dialog.getByRole('button', { name: '制发并送达' }).click()
  await expect(sfj).toHaveURL(/\/supervision\/documents\/[0-9a-f-]{36}$/)
  await expect(sfj.getByText(PROBLEM).first()).toBeVisible()
  const number = (await sfj.getByText(/^禄司监意〔\d{4}〕第\d+号$/).first().textContent())!.trim()
  await expect(sfj.getByRole('link', { name: '下载 PDF' })).toBeVisible()
  await expect(sfj.getByText('未签收')).toBeVisible()

  const head = await signIn(browser, 'zjj_head')
  await head.goto('/supervision/documents')
  await expect(head.getByRole('heading', { name: '收到的监督文书' }).or(head.getByText('收到的监督文书').first())).toBeVisible()
  await head.getByRole('link', { name: number, exact: true }).click()
  await expect(head.getByText(PROBLEM).first()).toBeVisible()
  await expect(head.getByText('未签收')).toHaveCount(0)
  await head.getByRole('link', { name: new RegExp(`问题1：${PROBLEM.slice(0, 10)}`) }).click()
  await head.getByLabel('整改措施').fill('已补正决定书并于本周组织全体执法人员学习。')
  await head.getByRole('button', { name: '提交反馈' }).click()
  await expect(head.getByText('待验收')).toBeVisible()
  const taskUrl = head.url()

  await sfj.goto(new URL(taskUrl).pathname)
  await expect(sfj.getByText('已补正决定书并于本周组织全体执法人员学习。')).toBeVisible()
  await sfj.getByRole('button', { name: '验收通过' }).click()
  await expect(sfj.getByText('已销号')).toBeVisible()
  await expect(sfj.getByText('验收通过')).toBeVisible()

  await head.reload()
  await expect(head.getByText('已销号')).toBeVisible()
})
