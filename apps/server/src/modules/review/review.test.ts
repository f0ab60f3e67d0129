import { licenseFileStandard, parseCanonicalPool, poolDigest, verifyDraw, type ReviewSheetItem } from '@yangguang/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Client, type TestApp } from '../../../test/harness'
import { integrateOnce } from '../../platform/ledger/integrate-batch'
import { signOnce } from '../../platform/ledger/sign-checkpoint'
import { autoChecks, deriveSeed } from './review.service'

let t: TestApp
let sfj: Client
let sfj2: Client
let zjjHead: Client
let zjjLegal: Client
let jsHead: Client
let mdSfj: Client
const org: Record<string, string> = {}
const user: Record<string, string> = {}

type Todo = { kind: string; title: string; link: string; urgent: boolean }

/** The signed-in user's 待办 of one kind. */
async function todos(c: Client, kind: string): Promise<Todo[]> {
  const res = await c.get('/api/todos')
  expect(res.statusCode).toBe(200)
  return (res.json().items as Todo[]).filter((i) => i.kind === kind)
}

async function integrateAndSign() {
  while ((await integrateOnce(t.db)).integrated > 0);
  await signOnce(t.db, t.ledger)
}

/** Every item of the licensing standard scored; `deduct` adds deductions by item code. */
function sheet(deduct: Record<string, ReviewSheetItem['deductions']> = {}): ReviewSheetItem[] {
  return licenseFileStandard.sections.flatMap((s) => s.items.map((i) => ({ itemCode: i.code, deductions: deduct[i.code] ?? [] })))
}

beforeAll(async () => {
  t = await createTestApp()
  ;[sfj, sfj2, zjjHead, zjjLegal, jsHead, mdSfj] = await Promise.all(['sfj', 'sfj2', 'zjj_head', 'zjj_legal', 'js_head', 'md_sfj'].map((u) => t.as(u)))
  for (const o of await t.db.selectFrom('org').select(['id', 'code']).where('code', 'in', ['LF-ZJJ', 'JS-ZF']).execute()) org[o.code] = o.id
  for (const u of await t.db.selectFrom('app_user').select(['id', 'username']).execute()) user[u.username] = u.id
  // Licensing files from 政务服务, closed in a period no demo data uses.
  for (const [code, n] of [['LF-ZJJ', 4], ['JS-ZF', 3]] as const) {
    for (let i = 1; i <= n; i++) {
      const res = await sfj.post('/api/review/external-files', { orgId: org[code], fileNo: `T-${code}-${i}`, title: `测试许可案卷 ${i}`, closedOn: `2031-0${i}-15` })
      expect(res.statusCode, res.body).toBe(201)
    }
  }
})
afterAll(() => t.close())

describe('案卷评查', () => {
  let batchId = ''
  let files: Array<{ id: string; orgId: string; fileNo: string; poolId: string; rank: number; drawHash: string }> = []

  it('stores the default standards and lets only supervisors create a batch', async () => {
    const standards = (await sfj.get('/api/review/standards')).json()
    expect(standards.items.map((s: { code: string }) => s.code).sort()).toEqual(['LF-LICENSE-FILE', 'LF-PENALTY-FILE'])
    const body = { title: '2031年第1期', kind: 'regular', orgIds: [org['LF-ZJJ'], org['JS-ZF']], fileKinds: ['license'], closedFrom: '2031-01-01', closedTo: '2031-06-30', perUnit: 2 }
    expect((await zjjHead.post('/api/review/batches', body)).statusCode).toBe(403)
    const res = await sfj.post('/api/review/batches', body)
    expect(res.statusCode, res.body).toBe(201)
    batchId = res.json().batch.id
    expect(res.json().batch.actions).toEqual(['freeze'])
    expect((await mdSfj.get(`/api/review/batches/${batchId}`)).statusCode).toBe(404)
    expect((await zjjHead.get(`/api/review/batches/${batchId}`)).statusCode).toBe(404)
  })

  it('freezes the pool, and refuses to draw before a checkpoint commits to the freeze', async () => {
    const res = await sfj.post(`/api/review/batches/${batchId}/freeze`)
    expect(res.statusCode, res.body).toBe(200)
    const { batch, poolText } = res.json()
    expect(batch.status).toBe('frozen')
    expect(batch.poolSize).toBe(7)
    expect(poolDigest(poolText)).toBe(batch.poolDigest)
    const early = await sfj.post(`/api/review/batches/${batchId}/draw`, {})
    expect(early.statusCode).toBe(409)
    expect(early.json().message).toContain('尚未签署新的存证检查点')
  })

  it('draws with the seed of the first checkpoint after the freeze, reproducibly', async () => {
    await integrateAndSign()
    const res = await sfj.post(`/api/review/batches/${batchId}/draw`, {})
    expect(res.statusCode, res.body).toBe(200)
    const { batch, poolText } = res.json()
    files = res.json().files
    expect(files).toHaveLength(4)
    const checkpoint = await t.db.selectFrom('ledger_checkpoint').select(['size', 'root']).where('size', '=', batch.seedCheckpointSize).executeTakeFirstOrThrow()
    expect(batch.seed).toBe(deriveSeed(checkpoint.root, batchId, ''))
    const pool = parseCanonicalPool(poolText)
    const check = verifyDraw(pool, batch.seed, { perUnit: 2 }, { poolDigest: batch.poolDigest, selected: files.map((f) => ({ id: f.poolId, rank: f.rank, hash: f.drawHash })) })
    expect(check.valid).toBe(true)
    // A different seed gives a different ranking.
    const other = verifyDraw(pool, deriveSeed(checkpoint.root, batchId, 'other'), { perUnit: 2 }, { selected: files.map((f) => ({ id: f.poolId, rank: f.rank, hash: f.drawHash })) })
    expect(other.valid).toBe(false)
    expect((await sfj.post(`/api/review/batches/${batchId}/draw`, {})).statusCode).toBe(409)
  })

  it('refuses a reviewer from the file’s own unit and assigns others', async () => {
    const zjjFiles = files.filter((f) => f.orgId === org['LF-ZJJ'])
    const jsFiles = files.filter((f) => f.orgId === org['JS-ZF'])
    const conflict = await sfj.post('/api/review/assignments', { fileId: zjjFiles[0]?.id, reviewerId: user.zjj_legal, role: 'primary' })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json().message).toContain('回避')
    expect((await zjjHead.post('/api/review/assignments', { fileId: jsFiles[0]?.id, reviewerId: user.sfj2 })).statusCode).toBe(403)
    const candidates = (await sfj.get(`/api/review/batches/${batchId}/reviewers`)).json().items as Array<{ role: string }>
    expect(candidates[0]?.role).toBe('supervisor')
    expect(candidates.some((c) => c.role === 'legal_reviewer')).toBe(true)
    // Choosing reviewers is the bureau's: a unit head is refused by role.
    expect((await zjjHead.get(`/api/review/batches/${batchId}/reviewers`)).statusCode).toBe(403)
    for (const f of zjjFiles) expect((await sfj.post('/api/review/assignments', { fileId: f.id, reviewerId: user.sfj2, role: 'primary' })).statusCode).toBe(201)
    for (const f of jsFiles) expect((await sfj.post('/api/review/assignments', { fileId: f.id, reviewerId: user.zjj_legal, role: 'primary' })).statusCode).toBe(201)
  })

  it('puts each reviewer’s assigned sheets on their own 待办 until submitted', async () => {
    const links = async (c: Client) => (await c.get('/api/review/my-sheets')).json().items.filter((s: { batchId: string }) => s.batchId === batchId).map((s: { id: string }) => `/review/sheets/${s.id}`)
    const [ofSfj2, ofZjjLegal] = [await links(sfj2), await links(zjjLegal)]
    expect(ofSfj2).toHaveLength(2)
    expect(ofZjjLegal).toHaveLength(2)
    const sfj2Todos = (await todos(sfj2, 'review_sheet.submit')).map((i) => i.link)
    expect(sfj2Todos).toEqual(expect.arrayContaining(ofSfj2))
    expect(sfj2Todos.some((l) => ofZjjLegal.includes(l))).toBe(false)
    const legalTodos = await todos(zjjLegal, 'review_sheet.submit')
    expect(legalTodos.map((i) => i.link)).toEqual(expect.arrayContaining(ofZjjLegal))
    expect(legalTodos.find((i) => i.link === ofZjjLegal[0])?.title).toContain('2031年第1期')
    for (const c of [sfj, zjjHead, jsHead]) expect((await todos(c, 'review_sheet.submit')).some((i) => [...ofSfj2, ...ofZjjLegal].includes(i.link))).toBe(false)
  })

  it('refuses an incomplete sheet, fails a vetoed file and scores by deductions', async () => {
    const mine = (await sfj2.get('/api/review/my-sheets')).json().items.filter((s: { batchId: string }) => s.batchId === batchId)
    expect(mine).toHaveLength(2)
    const [first, second] = mine as Array<{ id: string }>
    expect((await jsHead.get(`/api/review/sheets/${first?.id}`)).statusCode).toBe(404)
    expect((await sfj2.patch(`/api/review/sheets/${first?.id}`, { items: sheet().slice(0, 3) })).statusCode).toBe(200)
    const incomplete = await sfj2.post(`/api/review/sheets/${first?.id}/submit`)
    expect(incomplete.statusCode).toBe(422)
    expect(incomplete.json().details.missingItems.length).toBeGreaterThan(0)
    // A deduction without a reason blocks submission too.
    await sfj2.patch(`/api/review/sheets/${first?.id}`, { items: sheet({ 'L-C03': [{ code: 'L-C03-a', reason: '' }] }) })
    expect((await sfj2.post(`/api/review/sheets/${first?.id}/submit`)).statusCode).toBe(422)
    await sfj2.patch(`/api/review/sheets/${first?.id}`, { items: sheet({ 'L-C03': [{ code: 'L-C03-a', reason: '未见审查意见', evidencePages: [5] }] }) })
    const ok = await sfj2.post(`/api/review/sheets/${first?.id}/submit`)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().score).toMatchObject({ score: 94, grade: 'excellent' })
    expect((await sfj2.patch(`/api/review/sheets/${first?.id}`, { items: sheet() })).statusCode).toBe(409)
    // Veto: the file fails whatever its points.
    await sfj2.patch(`/api/review/sheets/${second?.id}`, { items: sheet({ 'L-V02': [{ code: 'L-V02-b', reason: '申请人不具备法定条件', evidencePages: [2] }] }) })
    const vetoed = await sfj2.post(`/api/review/sheets/${second?.id}/submit`)
    expect(vetoed.json().score).toMatchObject({ score: 0, grade: 'fail', vetoed: true, pointsBeforeVeto: 100 })
  })

  it('publishes only when every file has a result; rates come from the sheets', async () => {
    expect((await sfj.post(`/api/review/batches/${batchId}/publish`)).statusCode).toBe(409)
    const mine = (await zjjLegal.get('/api/review/my-sheets')).json().items.filter((s: { batchId: string }) => s.batchId === batchId)
    const deductions: Array<Record<string, ReviewSheetItem['deductions']>> = [
      { 'L-C03': [{ code: 'L-C03-a', reason: '缺少审查意见' }], 'L-C04': [{ code: 'L-C04-a', reason: '无书面决定' }], 'L-C05': [{ code: 'L-C05-a', reason: '超期' }] },
      {},
    ]
    for (const [i, s] of (mine as Array<{ id: string }>).entries()) {
      await zjjLegal.patch(`/api/review/sheets/${s.id}`, { items: sheet(deductions[i]) })
      expect((await zjjLegal.post(`/api/review/sheets/${s.id}/submit`)).statusCode).toBe(200)
    }
    // No 监督文书 from results the unit has not been told of.
    expect((await sfj.get(`/api/review/files/${files[0]?.id}/supervision-draft`)).statusCode).toBe(409)
    expect((await sfj.get(`/api/review/batches/${batchId}/supervision-draft`)).statusCode).toBe(409)
    const res = await sfj.post(`/api/review/batches/${batchId}/publish`)
    expect(res.statusCode, res.body).toBe(200)
    const { results } = res.json()
    // 94 (excellent), 0 vetoed (fail), 80 (pass), 100 (excellent).
    expect(results.overall.counts).toEqual({ excellent: 2, pass: 1, fail: 1 })
    expect(results.overall.passRate).toBe(0.75)
    expect(results.overall.excellentRate).toBe(0.5)
    expect(results.byUnit).toHaveLength(2)
    // Every sheet of the batch is submitted: none is left on a reviewer's 待办.
    const sheetLinks = res.json().files.flatMap((f: { sheets: Array<{ id: string }> }) => f.sheets.map((s) => `/review/sheets/${s.id}`))
    for (const c of [sfj2, zjjLegal]) expect((await todos(c, 'review_sheet.submit')).some((i) => sheetLinks.includes(i.link))).toBe(false)
  })

  it('shows a unit only its own files and lets it respond to them', async () => {
    const zjj = (await zjjHead.get(`/api/review/batches/${batchId}`)).json()
    expect(zjj.files.every((f: { orgId: string }) => f.orgId === org['LF-ZJJ'])).toBe(true)
    expect(zjj.files).toHaveLength(2)
    expect(zjj.files[0].sheets).toEqual([])
    expect(zjj.results.byUnit.map((u: { unitId: string }) => u.unitId)).toEqual([org['LF-ZJJ']])
    const js = (await jsHead.get('/api/review/my-results')).json()
    expect(js.items.flatMap((b: { files: Array<{ orgId: string }> }) => b.files).every((f: { orgId: string }) => f.orgId === org['JS-ZF'])).toBe(true)
    const jsFile = files.find((f) => f.orgId === org['JS-ZF'])
    const zjjFile = files.find((f) => f.orgId === org['LF-ZJJ'])
    expect((await zjjHead.post(`/api/review/files/${jsFile?.id}/response`, { response: '我们不同意' })).statusCode).toBe(404)
    expect((await zjjHead.post(`/api/review/files/${zjjFile?.id}/response`, { response: '已组织整改，补正审查意见。' })).statusCode).toBe(200)
    expect((await mdSfj.get('/api/review/my-results')).json().items).toEqual([])
    expect((await mdSfj.get(`/api/review/batches/${batchId}`)).statusCode).toBe(404)
  })

  it('puts the unit’s own published files that lost points on its 待办 until it responds', async () => {
    const link = `/review/batches/${batchId}`
    const detail = (await sfj.get(link.replace('/review', '/api/review'))).json() as { files: Array<{ id: string; orgId: string; fileNo: string; score: number; vetoed: boolean; response: string | null }> }
    const waiting = (orgId: string) => detail.files.filter((f) => f.orgId === orgId && f.response === null && (f.score < 100 || f.vetoed)).map((f) => f.fileNo)
    // 禄丰市住建局: 94 responded above, the vetoed file not yet; 金山镇: 80 waits, 100 needs no response.
    expect(waiting(org['LF-ZJJ'])).toHaveLength(1)
    expect(waiting(org['JS-ZF'])).toHaveLength(1)
    const fileNosIn = (items: Todo[]) => items.filter((i) => i.link === link).map((i) => detail.files.find((f) => i.title.includes(f.fileNo))?.fileNo)
    expect(fileNosIn(await todos(zjjHead, 'review_file.respond'))).toEqual(waiting(org['LF-ZJJ']))
    expect(fileNosIn(await todos(zjjLegal, 'review_file.respond'))).toEqual(waiting(org['LF-ZJJ']))
    expect(fileNosIn(await todos(jsHead, 'review_file.respond'))).toEqual(waiting(org['JS-ZF']))
    for (const c of [sfj, sfj2, mdSfj]) expect((await todos(c, 'review_file.respond')).filter((i) => i.link === link)).toEqual([])
    const vetoed = detail.files.find((f) => f.fileNo === waiting(org['LF-ZJJ'])[0])
    expect((await zjjLegal.post(`/api/review/files/${vetoed?.id}/response`, { response: '已撤销该许可并组织学习。' })).statusCode).toBe(200)
    expect((await todos(zjjHead, 'review_file.respond')).filter((i) => i.link === link)).toEqual([])
  })

  it('pre-fills a 监督意见书 from a file’s deductions for the bureau only, and the document links back to the batch', async () => {
    const detail = (await sfj.get(`/api/review/batches/${batchId}`)).json() as { batch: { actions: string[] }; files: Array<{ id: string; orgId: string; fileNo: string; score: number; sheets: Array<{ id: string }>; actions: string[] }> }
    expect(detail.batch.actions).toEqual(['supervise'])
    const file = detail.files.find((f) => f.score === 94)!
    expect(detail.files.filter((f) => f.actions.includes('supervise')).map((f) => f.score).sort()).toEqual([0, 80, 94])
    const res = await sfj.get(`/api/review/files/${file.id}/supervision-draft`)
    expect(res.statusCode, res.body).toBe(200)
    const draft = res.json()
    expect(draft).toMatchObject({ typeCode: 'opinion', recipientOrgIds: [org['LF-ZJJ']], source: { kind: 'review_finding', ref: file.id } })
    expect(draft.source.snapshot).toContain('2031年第1期')
    expect(draft.source.snapshot).toContain(file.fileNo)
    expect(draft.findings).toHaveLength(1)
    expect(draft.findings[0].problem).toBe(`案卷 ${file.fileNo}：未对申请材料进行审查，或缺少审查意见。评查意见：未见审查意见（见案卷第5页）`)
    expect(draft.findings[0].legalBasis).toBe('《行政许可法》第三十四条、第三十六条、第五十五条第二款')
    expect(draft.findings[0].measure).toContain('依法审查，核查规范')
    // The sheet page offers the same, from that sheet.
    const sheetId = file.sheets[0]!.id
    expect((await sfj.get(`/api/review/sheets/${sheetId}`)).json().actions).toEqual(['supervise'])
    expect((await sfj.get(`/api/review/files/${file.id}/supervision-draft?sheetId=${sheetId}`)).json()).toEqual(draft)
    // The unit is refused by role; another county's bureau does not see the file.
    for (const c of [zjjHead, zjjLegal]) expect((await c.get(`/api/review/files/${file.id}/supervision-draft`)).statusCode).toBe(403)
    expect((await mdSfj.get(`/api/review/files/${file.id}/supervision-draft`)).statusCode).toBe(404)
    expect((await zjjHead.get(`/api/review/batches/${batchId}`)).json().files.some((f: { actions: string[] }) => f.actions.includes('supervise'))).toBe(false)
    // The form posts the draft as it stands; the document remembers where it came from.
    const issued = await sfj.post('/api/supervision/documents', { ...draft, issueNow: true })
    expect(issued.statusCode, issued.body).toBe(201)
    expect(issued.json().document).toMatchObject({ sourceKind: 'review_finding', sourceRef: file.id, sourceLink: `/review/batches/${batchId}`, status: 'issued' })
    const own = (await zjjHead.get(`/api/supervision/documents/${issued.json().document.id}`)).json()
    expect(own.document).toMatchObject({ sourceRef: null, sourceLink: null, sourceSnapshot: '' })
  })

  it('pre-fills a 监督建议书 with the problems found at two or more units, to those units', async () => {
    const res = await sfj.get(`/api/review/batches/${batchId}/supervision-draft`)
    expect(res.statusCode, res.body).toBe(200)
    const draft = res.json()
    expect(draft).toMatchObject({ typeCode: 'suggestion', source: { kind: 'review_finding', ref: batchId } })
    expect([...draft.recipientOrgIds].sort()).toEqual([org['LF-ZJJ'], org['JS-ZF']].sort())
    // Only 未对申请材料进行审查 was found at both units; 无书面决定 and 超期 only at 金山镇.
    expect(draft.findings).toEqual([
      { problem: '未对申请材料进行审查，或缺少审查意见（本批次2个单位2卷存在此问题）', legalBasis: '《行政许可法》第三十四条、第三十六条、第五十五条第二款', measure: expect.stringContaining('开展自查') },
    ])
    expect((await zjjHead.get(`/api/review/batches/${batchId}/supervision-draft`)).statusCode).toBe(403)
    expect((await mdSfj.get(`/api/review/batches/${batchId}/supervision-draft`)).statusCode).toBe(404)
  })

  it('publishes pool, seed and algorithm on the portal so anyone can re-run the draw, without reviewer names', async () => {
    const list = (await t.anonymous.get('/api/public/review/batches')).json()
    expect(list.items.some((b: { id: string }) => b.id === batchId)).toBe(true)
    const res = await t.anonymous.get(`/api/public/review/batches/${batchId}`)
    expect(res.statusCode).toBe(200)
    const pub = res.json()
    const check = verifyDraw(parseCanonicalPool(pub.poolText), pub.seed, { perUnit: pub.perUnit }, { poolDigest: pub.poolDigest, selected: pub.drawnFiles.map((f: { poolId: string; rank: number; hash: string }) => ({ id: f.poolId, rank: f.rank, hash: f.hash })) })
    expect(check.valid).toBe(true)
    expect(pub.algorithm.descriptionZh).toContain('冻结案卷池')
    expect(res.body).not.toContain('赵雪梅')
    expect(res.body).not.toContain('陈丽')
    expect(res.body).not.toContain('已组织整改')
  })

  it('suggests deductions from a case’s data: officers, decision deadline, notice, benchmark, delivery', async () => {
    const c = await t.db.selectFrom('penalty_case').select(['id', 'decided_on']).where('status', 'in', ['closed', 'archived']).where('procedure', '<>', 'simple').where('decided_on', 'is not', null).limit(1).executeTakeFirst()
    if (!c) return expect.fail('the demo has no closed general-procedure case')
    const officers = await t.db.selectFrom('case_officer').select('person_id').where('case_id', '=', c.id).execute()
    await t.db.deleteFrom('case_officer').where('case_id', '=', c.id).where('person_id', 'in', officers.slice(1).map((o) => o.person_id)).execute()
    await t.db.updateTable('penalty_case').set({ outside_benchmark: true, notice_served_on: null, waived_at: null }).where('id', '=', c.id).execute()
    await t.db.updateTable('case_deadline').set({ status: 'missed' }).where('case_id', '=', c.id).where('kind', 'in', ['decision', 'delivery']).execute()
    const decision = await t.db.selectFrom('penalty_case').select('decision').where('id', '=', c.id).executeTakeFirstOrThrow()
    await t.db.updateTable('penalty_case').set({ decision: JSON.stringify({ ...decision.decision, reason: null, outcome: 'penalty' }) }).where('id', '=', c.id).execute()
    const codes = (await autoChecks(t.db, c.id)).map((s) => s.code)
    expect(codes).toEqual(expect.arrayContaining(['fewer_than_two_officers', 'outside_benchmark', 'no_notice_before_decision']))
    const kinds = (await t.db.selectFrom('case_deadline').select('kind').where('case_id', '=', c.id).execute()).map((d) => d.kind)
    if (kinds.includes('decision')) expect(codes).toContain('decision_deadline_missed')
    if (kinds.includes('delivery')) expect(codes).toContain('delivery_deadline_missed')
    for (const s of await autoChecks(t.db, c.id)) expect(s.deductionCode.startsWith(s.itemCode)).toBe(true)
  })
})

describe('评查标准 belong to a jurisdiction', () => {
  it('a county bureau’s standard applies in its county only, and it may not add versions to another county’s or the platform’s code', async () => {
    const before = await t.db.selectFrom('review_standard').select('id').execute()
    // 牟定 may not publish a new version of the platform's standard, which 禄丰's batches would then pick up.
    const squat = await mdSfj.post('/api/review/standards', { standard: { ...licenseFileStandard, version: 9 }, publish: true })
    expect(squat.statusCode).toBe(403)
    expect(await t.db.selectFrom('review_standard').select('id').execute()).toHaveLength(before.length)

    const own = await mdSfj.post('/api/review/standards', { standard: { ...licenseFileStandard, code: 'MD-LICENSE-FILE', version: 3, title: '牟定县行政许可案卷评查标准' }, publish: true })
    expect(own.statusCode, own.body).toBe(201)
    const mdStandardId = own.json().id as string
    const codes = async (c: Client) => ((await c.get('/api/review/standards')).json().items as Array<{ code: string }>).map((s) => s.code)
    expect(await codes(mdSfj)).toContain('MD-LICENSE-FILE')
    expect(await codes(sfj)).not.toContain('MD-LICENSE-FILE')
    // Nor may 禄丰 add to 牟定's code.
    expect((await sfj.post('/api/review/standards', { standard: { ...licenseFileStandard, code: 'MD-LICENSE-FILE', version: 4 }, publish: true })).statusCode).toBe(403)

    // 禄丰's batches keep the platform's standard, and cannot name 牟定's.
    const body = { title: '2032年第1期', kind: 'regular', orgIds: [org['LF-ZJJ']], fileKinds: ['license'], closedFrom: '2032-01-01', closedTo: '2032-06-30', perUnit: 2 }
    expect((await sfj.post('/api/review/batches', { ...body, licenseStandardId: mdStandardId })).statusCode).toBe(400)
    const created = await sfj.post('/api/review/batches', body)
    expect(created.statusCode, created.body).toBe(201)
    const batch = await t.db.selectFrom('review_batch').select('license_standard_id').where('id', '=', created.json().batch.id).executeTakeFirstOrThrow()
    const used = await t.db.selectFrom('review_standard').select(['code', 'region_code']).where('id', '=', batch.license_standard_id!).executeTakeFirstOrThrow()
    expect(used).toEqual({ code: 'LF-LICENSE-FILE', region_code: null })
  })
})
