import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function orgId(code: string) {
  const row = await t.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  return row.id
}

describe('account management', () => {
  it('an admin creates an officer, who must change the initial password', async () => {
    const admin = await t.as('admin')
    const res = await admin.post('/api/users', {
      username: 'zjj_new',
      displayName: '孙立',
      role: 'officer',
      orgId: await orgId('LF-ZJJ'),
      password: 'Start#2026x',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().user).toMatchObject({ username: 'zjj_new', role: 'officer', orgName: '禄丰市住房和城乡建设局', mustChangePassword: true })
    const officer = await t.as('zjj_new', 'Start#2026x')
    expect((await officer.get('/api/auth/me')).json().user.mustChangePassword).toBe(true)
    const changed = await officer.post('/api/auth/password', { currentPassword: 'Start#2026x', newPassword: 'Better#2026y' })
    expect(changed.statusCode).toBe(204)
    expect((await officer.get('/api/auth/me')).json().user.mustChangePassword).toBe(false)
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', 'in', ['user.create', 'user.change_password']).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['user.change_password', 'user.create'])
  })

  it('refuses weak passwords with the rules in Chinese and writes nothing', async () => {
    const admin = await t.as('admin')
    const before = await t.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const res = await admin.post('/api/users', { username: 'weak1', displayName: '弱', role: 'admin', password: 'abcdefgh' })
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('PASSWORD_RULES')
    expect(res.json().message).toContain('至少三类')
    const after = await t.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('requires a unit for unit roles and rejects a duplicate user name', async () => {
    const admin = await t.as('admin')
    const noUnit = await admin.post('/api/users', { username: 'nounit', displayName: '无单位', role: 'officer', password: 'Start#2026x' })
    expect(noUnit.statusCode).toBe(400)
    expect(noUnit.json().message).toContain('必须属于一个执法单位')
    const dup = await admin.post('/api/users', { username: 'sfj', displayName: '重复', role: 'admin', password: 'Start#2026x' })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().code).toBe('DUPLICATE')
  })

  it('disables an account (ending its sessions) and re-enables it; nothing is deleted', async () => {
    const admin = await t.as('admin')
    const victim = await t.as('zjj_officer2')
    const { id } = await t.db.selectFrom('app_user').select('id').where('username', '=', 'zjj_officer2').executeTakeFirstOrThrow()
    const noReason = await admin.post(`/api/users/${id}/disable`, {})
    expect(noReason.statusCode).toBe(400)
    const res = await admin.post(`/api/users/${id}/disable`, { reason: '调离执法岗位' })
    expect(res.json().user).toMatchObject({ status: 'disabled', actions: expect.arrayContaining(['enable']) })
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401)
    const login = await t.anonymous.post('/api/auth/login', { username: 'zjj_officer2', password: DEMO_PASSWORD })
    expect(login.json().code).toBe('USER_DISABLED')
    const again = await admin.post(`/api/users/${id}/disable`, { reason: '再次' })
    expect(again.statusCode).toBe(403)
    expect((await admin.post(`/api/users/${id}/enable`, { reason: '恢复岗位' })).json().user.status).toBe('active')
    expect((await t.anonymous.post('/api/auth/login', { username: 'zjj_officer2', password: DEMO_PASSWORD })).statusCode).toBe(200)
  })

  it('lets an admin reset a password; the user must change it at next login', async () => {
    const admin = await t.as('admin')
    const { id } = await t.db.selectFrom('app_user').select('id').where('username', '=', 'volunteer').executeTakeFirstOrThrow()
    const res = await admin.post(`/api/users/${id}/reset-password`, { newPassword: 'Reset#2026z' })
    expect(res.json().user.mustChangePassword).toBe(true)
    expect((await t.anonymous.post('/api/auth/login', { username: 'volunteer', password: DEMO_PASSWORD })).statusCode).toBe(401)
    const v = await t.as('volunteer', 'Reset#2026z')
    expect((await v.get('/api/auth/me')).json().user.mustChangePassword).toBe(true)
  })

  it('supervisors read accounts of their jurisdiction only, and change none', async () => {
    const sfj = await t.as('sfj')
    const list = await sfj.get('/api/users?pageSize=200')
    expect(list.statusCode).toBe(200)
    const names = list.json().items.map((u: { username: string }) => u.username)
    expect(names).toContain('zjj_head')
    expect(names).not.toContain('md_sfj')
    expect(list.json().items.every((u: { actions: string[] }) => u.actions.length === 0)).toBe(true)
    const create = await sfj.post('/api/users', { username: 'x_by_sfj', displayName: 'x', role: 'admin', password: 'Start#2026x' })
    expect(create.statusCode).toBe(403)
  })

  it('officers cannot list accounts', async () => {
    const officer = await t.as('zjj_officer')
    expect((await officer.get('/api/users')).statusCode).toBe(403)
  })
})

describe('audit log', () => {
  it('is readable by admins and supervisors (scoped), not by officers', async () => {
    const admin = await t.as('admin')
    const all = await admin.get('/api/audit-logs?action=user.create')
    expect(all.statusCode).toBe(200)
    expect(all.json().items[0]).toMatchObject({ action: 'user.create', actorName: '平台管理员', ip: expect.any(String) })
    const md = await t.as('md_sfj')
    const mdList = await md.get('/api/audit-logs?action=user.create')
    // The account above belongs to 禄丰市住建局, outside 牟定县's jurisdiction.
    expect(mdList.json().items).toHaveLength(0)
    const officer = await t.as('zjj_officer')
    expect((await officer.get('/api/audit-logs')).statusCode).toBe(403)
  })

  it('cannot be changed, even in the database', async () => {
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
  })
})
