import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test'

// 公示 and the party's own lookup, in Chromium. A case of a natural person is driven through the case
// API to a decision (the party waives statement and defence in writing, as in cases.spec.ts, since
// the e2e server runs on the real clock), the unit head publishes it; then the public finds the
// decision on the portal with the person masked, the party looks the case up with the code printed
// on the decision, and checks the downloaded PDF on the verification page (a changed PDF fails).

const PASSWORD = 'Lufeng@2026'
const PARTY = { kind: 'person', name: '赵建国', idNumber: '532302199005171235', address: '云南省楚雄彝族自治州禄丰市金山镇北门街12号', phone: '13988776655' }

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

async function signedIn(baseURL: string, username: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL })
  const res = await context.post('/api/auth/login', { data: { username, password: PASSWORD } })
  expect(res.status(), `login ${username}`).toBe(200)
  return context
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<T> {
  const status = res.status()
  if (status < 200 || status >= 300) throw new Error(`${what}: ${status} ${await res.text()}`)
  return (await res.json()) as T
}

async function act(client: APIRequestContext, caseId: string, action: string, body: Record<string, unknown> = {}) {
  return ok(await client.post(`/api/cases/${caseId}/actions/${action}`, { data: body }), action)
}

test('the public sees a published decision with the person masked; the party looks up the case and verifies its decision PDF', async ({ page, baseURL }) => {
  test.setTimeout(180_000)
  const officer = await signedIn(baseURL!, 'zjj_officer')
  const head = await signedIn(baseURL!, 'zjj_head')
  const admin = await signedIn(baseURL!, 'admin')

  // The case, through the API.
  const items = (await ok<{ items: Array<{ id: string; name: string }> }>(await officer.get('/api/inspection-plans/held-items?kind=penalty'), 'held items')).items
  const item = items.find((i) => i.name.includes('不具备安全条件的场所')) ?? items[0]
  const me = (await ok<{ user: { orgId: string } }>(await officer.get('/api/auth/me'), 'me')).user
  const persons = (await ok<{ items: Array<{ id: string; name: string }> }>(await officer.get(`/api/persons?orgId=${me.orgId}&status=active&pageSize=200`), 'persons')).items
  const officerIds = ['张伟', '刘洋'].map((name) => persons.find((p) => p.name === name)!.id)
  const on = today()
  const title = `赵建国在出租屋内违规存放液化石油气钢瓶案（E2E ${Date.now().toString(36)}）`
  const created = await ok<{ case: { id: string } }>(
    await officer.post('/api/cases', {
      data: {
        source: 'discovery',
        powerItemId: item.id,
        title,
        party: PARTY,
        actDate: on,
        actPlace: '禄丰市金山镇北门街12号',
        facts: '赵建国（联系电话13988776655）在金山镇北门街12号出租屋厨房内存放液化石油气钢瓶3只，未设置通风设施。',
        officerIds,
      },
    }),
    'register',
  )
  const caseId = created.case.id
  await act(officer, caseId, 'submit_filing')
  await act(head, caseId, 'approve_filing', { note: '同意立案调查。' })
  await act(officer, caseId, 'record_evidence', {
    evidence: { kind: 'party_statement', title: '对赵建国的询问笔录', collectedOn: on, officerIds, inquiry: { person: '赵建国', qa: [{ q: '钢瓶是谁存放的？', a: '是我放的，马上搬走。' }] } },
  })
  const proposal = { outcome: 'penalty', kinds: ['fine'], fineFen: 80_000, reason: '存放位于居民区，经责令限期改正逾期未改正，依法对个人处一千元以下罚款；当事人此前已因同类行为被责令改正，不适用首违不罚。', acts: [{ description: '在不具备安全条件的场所储存燃气', fineFen: 80_000 }] }
  await act(officer, caseId, 'finish_investigation', { proposal })
  await act(officer, caseId, 'notify', { notice: { servedOn: on } })
  await act(officer, caseId, 'record_waiver', { note: '当事人书面明确放弃陈述、申辩权利。' })
  await act(officer, caseId, 'conclude_statements')
  const decided = (await act(head, caseId, 'decide', { decision: proposal })) as { issuedDocuments: Array<{ documentId: string; kind: string; number: string }> }
  const decision = decided.issuedDocuments.find((d) => d.kind === 'penalty_decision')!
  const published = await ok<{ status: string }>(await head.post(`/api/cases/${caseId}/publication`), 'publish')
  expect(published.status).toBe('published')

  // 行政处罚决定公示: found by its number; the person appears as 赵某, never in full.
  await page.goto('/portal/decisions')
  await expect(page.getByRole('heading', { name: '行政处罚决定公示' })).toBeVisible()
  await page.getByLabel('检索处罚决定').fill(decision.number)
  await page.getByLabel('检索处罚决定').press('Enter')
  const listed = page.getByTestId('decision-item').filter({ hasText: decision.number })
  await expect(listed).toContainText('赵某')
  await expect(listed).toContainText('罚款人民币捌佰元整')
  await listed.getByRole('link', { name: '赵某' }).click()
  const detail = page.getByTestId('decision-detail')
  await expect(detail).toContainText(decision.number)
  await expect(detail).toContainText('自然人')
  await expect(detail).toContainText('云南省楚雄彝族自治州禄丰市')
  await expect(detail).toContainText('0.08') // 罚款金额（万元）
  const shown = await page.locator('body').innerText()
  for (const secret of ['赵建国', PARTY.idNumber, PARTY.phone, '北门街12号']) expect(shown).not.toContain(secret)

  // The decision PDF as the party received it: the case number and the query code are printed on it.
  const pdf = await officer.get(`/api/cases/${caseId}/documents/${decision.documentId}/pdf`)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const bytes = await pdf.body()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-e2e-'))
  const file = path.join(dir, 'decision.pdf')
  fs.writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  const caseNo = /案件编号[:：]?(\S+?号)/.exec(text)?.[1]
  const code = /查询码[:：]?([0-9A-Z]{8})/.exec(text)?.[1]
  expect(caseNo, 'case number printed').toBeTruthy()
  expect(code, 'query code printed').toBeTruthy()

  // 案件查询: a wrong code is refused plainly, the right one shows the case and its documents.
  await page.goto('/portal/lookup')
  await page.getByLabel('案件编号').fill(caseNo!)
  await page.getByLabel('查询码').fill('AAAAAAAA')
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByTestId('lookup-error')).toContainText('案件编号或查询码不正确')
  await page.getByLabel('查询码').fill(code!.toLowerCase())
  await page.getByRole('button', { name: '查询' }).click()
  const result = page.getByTestId('lookup-result')
  await expect(result).toContainText(title)
  await expect(result).toContainText('已决定待送达')
  await expect(result).toContainText('决定书送达期限')
  const decisionRow = result.getByRole('listitem').filter({ hasText: '行政处罚决定书' })
  const [download] = await Promise.all([page.waitForEvent('download'), decisionRow.getByRole('button', { name: '下载' }).click()])
  const downloaded = fs.readFileSync((await download.path())!)
  expect(downloaded.equals(bytes)).toBe(true)

  // 存证核验 of the document: the QR code's address (`/verify?d=<verify id>.<salt>`). The salt is the
  // document holder's; the test takes it from the admin's receipts of the record.
  const { items: receipts } = await ok<{ items: Array<{ salt: string }> }>(
    await admin.get(`/api/ledger/record-receipts?recordType=case_document&recordId=${decision.documentId}`),
    'receipts',
  )
  const documents = await ok<{ items: Array<{ id: string; verifyId: string }> }>(await officer.get(`/api/cases/${caseId}/documents`), 'documents')
  const verifyId = documents.items.find((d) => d.id === decision.documentId)!.verifyId
  const salt = Buffer.from(receipts[0].salt, 'hex').toString('base64url')
  await page.goto(`/verify?d=${verifyId}.${salt}`)
  const facts = page.getByTestId('document-facts')
  await expect(facts).toContainText('行政处罚决定书')
  await expect(facts).toContainText(decision.number)
  await expect(facts).toContainText('禄丰市住房和城乡建设局')
  await expect(facts).not.toContainText('赵建国')
  await page.locator('input[type=file]').first().setInputFiles(file)
  await expect(page.getByTestId('document-file-check')).toContainText('文件与登记的文书一致')

  const changed = path.join(dir, 'changed.pdf')
  fs.writeFileSync(changed, Buffer.concat([bytes, Buffer.from('\n% changed\n')]))
  await page.locator('input[type=file]').first().setInputFiles(changed)
  await expect(page.getByTestId('document-file-check')).toContainText('文件与登记的文书不一致')
  fs.rmSync(dir, { recursive: true, force: true })

  for (const c of [officer, head, admin]) await c.dispose()
})
