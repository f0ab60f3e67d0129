import { decodeReceiptCode } from '@yangguang/core'
import {
  decodeEntryBundle,
  MemoryTree,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistencyProof,
  verifyInclusionProof,
  verifyReceipt,
} from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { integrateOnce } from '../../platform/ledger/integrate-batch'
import { entriesInRange, integratedSize } from '../../platform/ledger/ledger.repository'
import { signOnce } from '../../platform/ledger/sign-checkpoint'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const hasher = nodeSha256Ed25519Profile.hasher
const hex = (h: string) => Buffer.from(h, 'hex')

async function integrateAndSign() {
  while ((await integrateOnce(t.db)).integrated > 0);
  await signOnce(t.db, t.ledger)
}

async function treeOfDatabase() {
  const size = await integratedSize(t.db)
  const tree = new MemoryTree({ hasher })
  for (const e of await entriesInRange(t.db, 0, size, true)) tree.append(e.leaf as Uint8Array)
  return tree
}

describe('the public ledger API', () => {
  it('has no published checkpoint before the first signature, then publishes the log key and checkpoint', async () => {
    const none = await t.anonymous.get('/api/ledger/checkpoint')
    expect(none.statusCode).toBe(404)
    expect(none.json().message).toBe('已发布的检查点不存在或无权查看')
    await integrateAndSign()
    const log = (await t.anonymous.get('/api/ledger/log')).json()
    expect(log).toMatchObject({ origin: t.ledger.origin, profile: 'sha256-ed25519', logKey: t.ledger.verifierKey, witnesses: [], quorum: 0 })
    expect(log.publishedSize).toBe(log.integratedSize)
    const res = await t.anonymous.get('/api/ledger/checkpoint')
    expect(res.statusCode).toBe(200)
    const { checkpoint } = openCheckpoint(res.body, { logVerifier: parseVerifierKey(log.logKey) })
    expect(checkpoint.size).toBe(log.integratedSize)
    const tree = await treeOfDatabase()
    expect(Buffer.from(checkpoint.rootHash).equals(Buffer.from(tree.root()))).toBe(true)
    expect((await t.anonymous.get(`/api/ledger/checkpoints/${checkpoint.size}`)).body).toBe(res.body)
  })

  it('follows an audited write from pending to an index, and proves its inclusion', async () => {
    const admin = await t.as('admin')
    const org = await t.db.selectFrom('org').select('id').where('code', '=', 'LF-ZJJ').executeTakeFirstOrThrow()
    const created = await admin.post('/api/users', { username: 'ledger_u1', displayName: '存证测试', role: 'officer', orgId: org.id, password: 'Start#2026x' })
    expect(created.statusCode).toBe(201)
    const userId = created.json().user.id as string

    const receipts = (await admin.get(`/api/ledger/record-receipts?recordType=app_user&recordId=${userId}`)).json().items
    expect(receipts).toHaveLength(1)
    const [receipt] = receipts
    expect(receipt).toMatchObject({ origin: t.ledger.origin, recordType: 'app_user', recordId: userId, version: 1, index: null })
    expect(receipt.salt).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.parse(receipt.leaf)).toMatchObject({ act: 'user.create', type: 'app_user', id: userId })
    expect(receipt.leaf).not.toContain('存证测试')

    const pending = await t.anonymous.get(`/api/ledger/receipts/${receipt.leafHash}`)
    expect(pending.json()).toMatchObject({ status: 'pending', index: null, leafHash: receipt.leafHash })
    const early = await t.anonymous.get(`/api/ledger/proof/inclusion?leafHash=${receipt.leafHash}`)
    expect(early.statusCode).toBe(409)
    expect(early.json().message).toBe('该记录已登记，尚未纳入日志，请稍后再试')

    await integrateAndSign()
    const base64url = hex(receipt.leafHash).toString('base64url')
    const integrated = (await t.anonymous.get(`/api/ledger/receipts/${base64url}`)).json()
    expect(integrated.status).toBe('integrated')
    expect(integrated.index).toBe((await integratedSize(t.db)) - 1)

    const checkpointText = (await t.anonymous.get('/api/ledger/checkpoint')).body
    const { checkpoint } = openCheckpoint(checkpointText, { logVerifier: parseVerifierKey(t.ledger.verifierKey) })
    const proof = (await t.anonymous.get(`/api/ledger/proof/inclusion?leafHash=${receipt.leafHash}`)).json()
    expect(proof).toMatchObject({ index: integrated.index, size: checkpoint.size, leafHash: receipt.leafHash })
    verifyInclusionProof({ index: proof.index, size: proof.size, leafHash: hex(proof.leafHash), proof: proof.proof.map(hex), root: checkpoint.rootHash })
    const byIndex = (await t.anonymous.get(`/api/ledger/proof/inclusion?index=${integrated.index}`)).json()
    expect(byIndex.proof).toEqual(proof.proof)

    const result = verifyReceipt({ checkpoint: checkpointText, logKey: t.ledger.verifierKey, leafHash: hex(receipt.leafHash), index: proof.index, proof: proof.proof.map(hex) })
    expect(result.verified).toBe(true)
    expect(result.inclusion).toBe('proven')

    // The QR code of the receipt carries index, leaf hash and salt.
    const code = (await admin.get(`/api/ledger/record-receipts?recordType=app_user&recordId=${userId}`)).json().items[0]
    expect(decodeReceiptCode(code.code)).toEqual({ index: integrated.index, leafHash: receipt.leafHash, salt: receipt.salt })
    expect(code.verifyUrl).toBe(`http://localhost:3000/verify?r=${code.code}`)
  })

  it('proves consistency between sizes', async () => {
    const size = await integratedSize(t.db)
    const tree = await treeOfDatabase()
    for (const from of [1, 255, 256, 1000, size - 1]) {
      const res = await t.anonymous.get(`/api/ledger/proof/consistency?from=${from}&to=${size}`)
      expect(res.statusCode).toBe(200)
      verifyConsistencyProof({ size1: from, size2: size, root1: tree.root(from), root2: tree.root(size), proof: res.json().proof.map(hex) })
    }
    expect((await t.anonymous.get(`/api/ledger/proof/consistency?from=0&to=${size}`)).json().proof).toEqual([])
  })

  it('serves C2SP tiles and entry bundles; full ones are immutable', async () => {
    const tree = await treeOfDatabase()
    const full = await t.anonymous.get('/api/ledger/tile/0/000')
    expect(full.statusCode).toBe(200)
    expect(full.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(full.headers['content-type']).toBe('application/octet-stream')
    expect(full.rawPayload.equals(Buffer.from(tree.tile(0, 0)))).toBe(true)
    const width = tree.size % 256
    const partial = await t.anonymous.get(`/api/ledger/tile/0/${String(Math.floor(tree.size / 256)).padStart(3, '0')}.p/${width}`)
    expect(partial.statusCode).toBe(200)
    expect(partial.headers['cache-control']).toBe('public, max-age=60')
    expect(partial.rawPayload.equals(Buffer.from(tree.tile(0, Math.floor(tree.size / 256))))).toBe(true)
    if (tree.size >= 65536) expect((await t.anonymous.get('/api/ledger/tile/1/000')).rawPayload.equals(Buffer.from(tree.tile(1, 0)))).toBe(true)
    else expect((await t.anonymous.get(`/api/ledger/tile/1/000.p/${Math.floor(tree.size / 256)}`)).rawPayload.equals(Buffer.from(tree.tile(1, 0)))).toBe(true)

    const bundle = await t.anonymous.get('/api/ledger/tile/entries/000')
    const entries = decodeEntryBundle(bundle.rawPayload, 256)
    expect(Buffer.from(hasher.hashLeaf(entries[7])).equals(Buffer.from(tree.leafHash(7)))).toBe(true)
    const entry = (await t.anonymous.get('/api/ledger/entries/7')).json()
    expect(entry).toEqual({ index: 7, leafHash: Buffer.from(tree.leafHash(7)).toString('hex'), leaf: Buffer.from(entries[7]).toString() })
  })

  it('answers malformed or out-of-range requests with 4xx and a Chinese message', async () => {
    const size = await integratedSize(t.db)
    const cases: Array<[string, number, RegExp]> = [
      ['/api/ledger/receipts/xyz', 400, /记录哈希须为 64 位十六进制或 43 位 base64url/],
      [`/api/ledger/receipts/${'0'.repeat(64)}`, 404, /该记录哈希的存证不存在/],
      ['/api/ledger/proof/inclusion', 400, /请给出 leafHash 或 index 之一/],
      [`/api/ledger/proof/inclusion?index=1&leafHash=${'0'.repeat(64)}`, 400, /请给出 leafHash 或 index 之一/],
      ['/api/ledger/proof/inclusion?index=-1', 400, /序号须为不带前导零的非负整数/],
      ['/api/ledger/proof/inclusion?index=01', 400, /序号须为不带前导零的非负整数/],
      [`/api/ledger/proof/inclusion?index=${size}`, 409, /不在大小为/],
      [`/api/ledger/proof/inclusion?index=0&size=${size + 1}`, 400, /超出日志现有条数/],
      ['/api/ledger/proof/consistency?from=9&to=3', 400, /起始大小不能大于目标大小/],
      ['/api/ledger/proof/consistency?from=abc', 400, /起始大小须为/],
      ['/api/ledger/tile/0/1', 400, /瓦片路径格式不正确/],
      ['/api/ledger/tile/0/000.p/256', 400, /瓦片路径格式不正确/],
      ['/api/ledger/tile/64/000', 400, /瓦片路径格式不正确/],
      ['/api/ledger/tile/0/x999/999', 404, /瓦片不存在/],
      [`/api/ledger/entries/${size}`, 404, /日志条目不存在/],
      ['/api/ledger/entries/1e3', 400, /序号须为/],
      ['/api/ledger/checkpoints/3', 404, /检查点不存在/],
    ]
    for (const [url, status, message] of cases) {
      const res = await t.anonymous.get(url)
      expect(res.statusCode, url).toBe(status)
      expect(res.json().message, url).toMatch(message)
    }
  })

  it('shows the receipts of a record (with salts) only to administrators and supervisors', async () => {
    expect((await t.anonymous.get('/api/ledger/record-receipts?recordType=app_user&recordId=x')).statusCode).toBe(401)
    const officer = await t.as('zjj_officer')
    const refused = await officer.get('/api/ledger/record-receipts?recordType=app_user&recordId=x')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('FORBIDDEN')
    const supervisor = await t.as('sfj')
    // A record that names no unit of the supervisor's jurisdiction is, for them, not there.
    expect((await supervisor.get('/api/ledger/record-receipts?recordType=app_user&recordId=x')).statusCode).toBe(404)
    expect((await (await t.as('admin')).get('/api/ledger/record-receipts?recordType=app_user&recordId=x')).json()).toEqual({ items: [] })
  })

  it('gives a case’s receipts (and salts) only to those who may read the case: not to another county’s supervisor', async () => {
    const lufengCase = await t.db
      .selectFrom('penalty_case as c')
      .innerJoin('org as o', 'o.id', 'c.org_id')
      .innerJoin('ledger_receipt as r', (j) => j.on('r.record_type', '=', 'penalty_case').on(sql`r.record_id`, '=', sql`c.id::text`))
      .select('c.id')
      .where('o.code', '=', 'LF-ZJJ')
      .executeTakeFirstOrThrow()
    const url = `/api/ledger/record-receipts?recordType=penalty_case&recordId=${lufengCase.id}`
    const own = await (await t.as('sfj')).get(url)
    expect(own.statusCode).toBe(200)
    expect(own.json().items.length).toBeGreaterThan(0)
    expect(own.json().items[0].salt).toMatch(/^[0-9a-f]{32}$/)
    const other = await (await t.as('md_sfj')).get(url)
    expect(other.statusCode).toBe(404)
    expect(other.body).not.toContain(own.json().items[0].salt)
    // The same for a unit's record kept through the audit log (a 禄丰 unit's user account).
    const zjjOfficer = await t.db.selectFrom('app_user').select('id').where('username', '=', 'zjj_officer').executeTakeFirstOrThrow()
    expect((await (await t.as('md_sfj')).get(`/api/ledger/record-receipts?recordType=app_user&recordId=${zjjOfficer.id}`)).statusCode).toBe(404)
    expect((await (await t.as('sfj')).get(`/api/ledger/record-receipts?recordType=app_user&recordId=${zjjOfficer.id}`)).statusCode).toBe(200)
  })

  it('sends the short verification address of QR codes to the portal page, keeping the receipt', async () => {
    const res = await t.anonymous.get('/verify?r=1.5.abc.')
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/portal/verify?r=1.5.abc.')
  })
})
