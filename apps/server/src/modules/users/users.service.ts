import type { Kysely } from 'kysely'
import type { Role } from '@yangguang/core'
import { labels } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { checkPasswordRules, hashPassword } from '../../platform/auth/password'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, notFound } from '../../platform/errors'
import { deleteUserSessions } from '../auth/auth.repository'
import { canUser, type UserAction } from './users.policy'
import * as repo from './users.repository'

type Ctx = RequestContext & { actor: Actor }
const unitRoles: Role[] = ['unit_head', 'legal_reviewer', 'officer']

export type CreateUserOptions = {
  username: string
  displayName: string
  role: Role
  orgId?: string | null
  regionCode?: string | null
  password: string
}

export async function listUsers(db: Kysely<DB>, ctx: Ctx, filter: repo.UserFilter) {
  if (!canUser(ctx.actor, 'read')) throw forbidden()
  return repo.listUsers(db, filter, ctx.actor.role === 'admin' ? null : (ctx.actor.regionPath ?? ''))
}

export async function createUser(db: Kysely<DB>, ctx: Ctx, input: CreateUserOptions): Promise<string> {
  if (!canUser(ctx.actor, 'create')) throw forbidden()
  checkPasswordRules(input.password, input.username)
  await checkPlacement(db, input.role, input.orgId ?? null, input.regionCode ?? null)
  const passwordHash = await hashPassword(input.password)
  return inTransaction(db, async (trx) => {
    const id = await repo.insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      org_id: input.orgId ?? null,
      region_code: input.regionCode ?? null,
      password_hash: passwordHash,
      // An account created by someone else starts with a password its owner must replace.
      must_change_password: ctx.actor.userId !== '',
    })
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'app_user',
      entityId: id,
      orgId: input.orgId ?? null,
      summary: `创建账号 ${input.username}（${input.displayName}，${labels.role[input.role]}）`,
      after: { username: input.username, displayName: input.displayName, role: input.role, orgId: input.orgId ?? null },
    })
    return id
  })
}

export async function updateUser(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  input: { displayName?: string; role?: Role; orgId?: string | null; regionCode?: string | null },
) {
  const before = await loadFor(db, ctx, id, 'update')
  const role = input.role ?? (before.role as Role)
  const orgId = input.orgId === undefined ? before.org_id : input.orgId
  const regionCode = input.regionCode === undefined ? before.region_code : input.regionCode
  await checkPlacement(db, role, orgId, regionCode)
  await inTransaction(db, async (trx) => {
    await repo.updateUser(trx, id, {
      display_name: input.displayName ?? before.display_name,
      role,
      org_id: orgId,
      region_code: regionCode,
      updated_at: ctx.now,
    })
    // A change of role or unit changes what the person may do: end their sessions.
    if (role !== before.role || orgId !== before.org_id) await deleteUserSessions(trx, id)
    await recordAudit(trx, ctx, {
      action: 'user.update',
      entityType: 'app_user',
      entityId: id,
      orgId,
      summary: `修改账号 ${before.username}`,
      before: { displayName: before.display_name, role: before.role, orgId: before.org_id, regionCode: before.region_code },
      after: { displayName: input.displayName ?? before.display_name, role, orgId, regionCode },
    })
  })
}

/** Accounts are never deleted: disabling keeps every record they signed attributable. */
export async function setUserStatus(db: Kysely<DB>, ctx: Ctx, id: string, status: 'active' | 'disabled', reason: string) {
  const before = await loadFor(db, ctx, id, status === 'disabled' ? 'disable' : 'enable')
  await inTransaction(db, async (trx) => {
    await repo.updateUser(trx, id, { status, updated_at: ctx.now, ...(status === 'active' ? { failed_logins: 0, locked_until: null } : {}) })
    if (status === 'disabled') await deleteUserSessions(trx, id)
    await recordAudit(trx, ctx, {
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      entityType: 'app_user',
      entityId: id,
      orgId: before.org_id,
      summary: `${status === 'disabled' ? '停用' : '启用'}账号 ${before.username}：${reason}`,
      before: { status: before.status },
      after: { status, reason },
    })
  })
}

/** Admin-initiated reset: a temporary password that the user must change at next login. */
export async function resetPassword(db: Kysely<DB>, ctx: Ctx, id: string, newPassword: string) {
  const before = await loadFor(db, ctx, id, 'reset_password')
  checkPasswordRules(newPassword, before.username)
  const passwordHash = await hashPassword(newPassword)
  await inTransaction(db, async (trx) => {
    await repo.updateUser(trx, id, {
      password_hash: passwordHash,
      must_change_password: true,
      password_changed_at: ctx.now,
      failed_logins: 0,
      locked_until: null,
      updated_at: ctx.now,
    })
    await deleteUserSessions(trx, id)
    await recordAudit(trx, ctx, {
      action: 'user.reset_password',
      entityType: 'app_user',
      entityId: id,
      orgId: before.org_id,
      summary: `重置账号 ${before.username} 的密码`,
    })
  })
}

async function loadFor(db: Kysely<DB>, ctx: Ctx, id: string, action: UserAction) {
  const row = await repo.findUser(db, id)
  if (!row) throw notFound('账号', { id })
  if (!canUser(ctx.actor, action, row)) {
    if (!canUser(ctx.actor, 'read', row)) throw notFound('账号', { id })
    throw forbidden(`当前状态下不能执行此操作`, { action, status: row.status })
  }
  return row
}

async function checkPlacement(db: Kysely<DB>, role: Role, orgId: string | null, regionCode: string | null) {
  if (unitRoles.includes(role) && !orgId) throw new AppError('VALIDATION_FAILED', `${labels.role[role]}必须属于一个执法单位`, { field: 'orgId' })
  if (role === 'supervisor' && !orgId && !regionCode) {
    throw new AppError('VALIDATION_FAILED', '监督人员须指定所属司法局或管辖区域', { field: 'orgId' })
  }
  if (orgId && !(await repo.orgExists(db, orgId))) throw new AppError('VALIDATION_FAILED', '所选单位不存在', { field: 'orgId' })
  if (regionCode && !(await repo.regionExists(db, regionCode))) throw new AppError('VALIDATION_FAILED', '所选区域不存在', { field: 'regionCode' })
}
