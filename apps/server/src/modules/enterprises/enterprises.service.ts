import type { Kysely } from 'kysely'
import { labels } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { checkPasswordRules, hashPassword } from '../../platform/auth/password'
import { recordAudit } from '../../platform/audit/audit'
import { enqueueLeaves } from '../../platform/ledger/enqueue-leaves'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, notFound } from '../../platform/errors'
import { readTableInWorker, TableReadError } from '../../platform/import/read-table-in-worker'
import { MAX_IMPORT_ROWS, validateRows } from './enterprise-import'
import { hashToken, newActivationCode, newQrToken, scanQrSvg, scanUrl } from './enterprise-tokens'
import { canEnterprise, type EnterpriseAction } from './enterprises.policy'
import * as repo from './enterprises.repository'
import type { EnterpriseInput } from './enterprises.schema'

type Ctx = RequestContext & { actor: Actor }

/** How long an activation code stays usable. */
export const ACTIVATION_DAYS = 7

function allow(ctx: Ctx, action: EnterpriseAction) {
  if (!canEnterprise(ctx.actor, action)) throw forbidden()
}

export async function listEnterprises(db: Kysely<DB>, ctx: Ctx, filter: repo.EnterpriseFilter) {
  allow(ctx, 'read')
  return repo.listEnterprises(db, filter)
}

export async function getEnterprise(db: Kysely<DB>, ctx: Ctx, id: string) {
  allow(ctx, 'read')
  const row = await repo.findEnterprise(db, id)
  if (!row) throw notFound('市场主体', { id })
  return row
}

async function checkTownship(db: Kysely<DB>, code: string | null | undefined) {
  if (!code) return
  const townships = await repo.listTownships(db)
  if (!townships.some((t) => t.code === code)) throw new AppError('VALIDATION_FAILED', '所选乡镇不存在', { field: 'townshipCode' })
}

export async function createEnterprise(db: Kysely<DB>, ctx: Ctx, input: EnterpriseInput): Promise<string> {
  allow(ctx, 'create')
  await checkTownship(db, input.townshipCode)
  return inTransaction(db, async (trx) => {
    if (await repo.findEnterpriseByCode(trx, input.creditCode)) {
      throw new AppError('DUPLICATE', `统一社会信用代码 ${input.creditCode} 已登记`, { field: 'creditCode' })
    }
    const id = await repo.insertEnterprise(trx, {
      credit_code: input.creditCode,
      name: input.name,
      kind: input.kind,
      address: input.address,
      township_code: input.townshipCode ?? null,
      industry: input.industry,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      created_by: ctx.actor.userId || null,
    })
    await recordAudit(trx, ctx, {
      action: 'enterprise.create',
      entityType: 'enterprise',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `登记市场主体 ${input.name}（${input.creditCode}）`,
      after: input,
    })
    return id
  })
}

export async function updateEnterprise(db: Kysely<DB>, ctx: Ctx, id: string, input: Partial<Omit<EnterpriseInput, 'creditCode'>>) {
  allow(ctx, 'update')
  const before = await getEnterprise(db, ctx, id)
  await checkTownship(db, input.townshipCode)
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.townshipCode !== undefined ? { township_code: input.townshipCode ?? null } : {}),
    ...(input.industry !== undefined ? { industry: input.industry } : {}),
    ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}),
    ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
  }
  await inTransaction(db, async (trx) => {
    await repo.updateEnterprise(trx, id, { ...patch, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `修改市场主体 ${before.name}`,
      before: { name: before.name, kind: before.kind, address: before.address, townshipCode: before.township_code, industry: before.industry },
      after: input,
    })
  })
}

/**
 * Issues (or re-issues) the enterprise's QR token. The token is returned once, for the poster;
 * the previous token stops working at once.
 */
export async function issueQrToken(db: Kysely<DB>, ctx: Ctx, id: string, publicUrl: string) {
  allow(ctx, 'issue_qr')
  const before = await getEnterprise(db, ctx, id)
  const token = newQrToken()
  const version = await inTransaction(db, async (trx) => {
    const v = await repo.setQrToken(trx, id, hashToken(token), ctx.now)
    await recordAudit(trx, ctx, {
      action: before.qr_token_hash ? 'enterprise.qr_reissue' : 'enterprise.qr_issue',
      entityType: 'enterprise',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `${before.qr_token_hash ? '重新生成' : '生成'}市场主体 ${before.name} 的入企码（第 ${v} 版）`,
      after: { version: v },
    })
    return v
  })
  return {
    token,
    url: scanUrl(publicUrl, token),
    svg: await scanQrSvg(publicUrl, token),
    version,
    enterprise: { id, name: before.name, creditCode: before.credit_code },
  }
}

/** A one-time code with which the enterprise activates its account; shown once, stored hashed. */
export async function issueActivationCode(db: Kysely<DB>, ctx: Ctx, id: string) {
  allow(ctx, 'issue_activation')
  const e = await getEnterprise(db, ctx, id)
  const code = newActivationCode()
  const expiresAt = new Date(ctx.now.getTime() + ACTIVATION_DAYS * 86_400_000)
  await inTransaction(db, async (trx) => {
    await repo.insertActivation(trx, {
      enterprise_id: id,
      code_hash: hashToken(code),
      expires_at: expiresAt,
      issued_by: ctx.actor.userId || null,
      issued_org_id: ctx.actor.orgId,
    })
    await recordAudit(trx, ctx, {
      action: 'enterprise.activation_issue',
      entityType: 'enterprise',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `为市场主体 ${e.name} 生成企业账号激活码（${ACTIVATION_DAYS} 日内有效，一次性）`,
    })
  })
  return { code, expiresAt: expiresAt.toISOString(), enterprise: { id, name: e.name, creditCode: e.credit_code } }
}

/**
 * An enterprise activates its account with its credit code and a one-time code. The same answer
 * for an unknown enterprise, a wrong, used or expired code, so the endpoint reveals nothing.
 */
export async function activateEnterpriseAccount(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { creditCode: string; code: string; username: string; displayName: string; password: string },
): Promise<{ userId: string; enterpriseName: string }> {
  checkPasswordRules(input.password, input.username)
  const passwordHash = await hashPassword(input.password)
  const refused = () => new AppError('AUTH_INVALID_CREDENTIALS', '统一社会信用代码或激活码不正确，或激活码已使用、已过期')
  return inTransaction(db, async (trx) => {
    const e = await repo.findEnterpriseByCode(trx, input.creditCode)
    if (!e) throw refused()
    const activation = await repo.findLiveActivation(trx, e.id, hashToken(input.code), ctx.now)
    if (!activation) throw refused()
    const taken = await trx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst()
    if (taken) throw new AppError('DUPLICATE', '该用户名已被使用', { field: 'username' })
    const { id: userId } = await trx
      .insertInto('app_user')
      .values({ username: input.username, display_name: input.displayName, role: 'enterprise', enterprise_id: e.id, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (!(await repo.markActivationUsed(trx, activation.id, userId, ctx.now))) throw refused()
    await recordAudit(trx, { ...ctx, actor: null }, {
      action: 'enterprise.account_activate',
      entityType: 'app_user',
      entityId: userId,
      summary: `市场主体 ${e.name} 激活企业账号 ${input.username}（${labels.role.enterprise}）`,
      after: { username: input.username, enterpriseId: e.id },
    })
    return { userId, enterpriseName: e.name }
  })
}

/**
 * Imports enterprises from CSV or XLSX: every row is validated first and nothing is written
 * unless all rows pass; rows are matched by credit code, so importing the same file twice
 * changes nothing the second time.
 */
export async function importEnterprises(db: Kysely<DB>, ctx: Ctx, content: Buffer, format: 'csv' | 'xlsx', dryRun: boolean) {
  allow(ctx, 'import')
  let table: Awaited<ReturnType<typeof readTableInWorker>>
  try {
    table = await readTableInWorker(content, format, MAX_IMPORT_ROWS)
  } catch (error) {
    if (error instanceof TableReadError && error.reason === 'busy') throw new AppError('RATE_LIMITED', '正在处理其他导入文件，请稍后重试')
    if (error instanceof TableReadError && error.reason === 'too_complex') {
      throw new AppError('VALIDATION_FAILED', '文件内容过于庞大复杂，无法读取；请只保留需要导入的表格后重试', { errors: [] })
    }
    throw new AppError('VALIDATION_FAILED', format === 'csv' ? '无法读取 CSV 文件，请确认为 UTF-8 编码的逗号分隔文件' : '无法读取 Excel 文件，请另存为 .xlsx 后重试', { errors: [] })
  }
  // Reading stopped at the first row over the limit: nothing beyond it was parsed.
  if (table.tooManyRows) {
    throw new AppError('VALIDATION_FAILED', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件后分批导入`, {
      errors: [{ row: 1, column: null, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }],
      errorCount: 1,
      maxRows: MAX_IMPORT_ROWS,
    })
  }
  const { rows, errors } = validateRows(table, await repo.listTownships(db))
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', `导入文件有 ${new Set(errors.map((e) => e.row)).size} 行存在问题，未写入任何数据`, { errors: errors.slice(0, 500), errorCount: errors.length })
  }
  return inTransaction(db, async (trx) => {
    const existing = new Map((await repo.findEnterprisesByCodes(trx, rows.map((r) => r.creditCode))).map((e) => [e.credit_code, e]))
    const toInsert = rows.filter((r) => !existing.has(r.creditCode))
    let updated = 0
    let unchanged = 0
    const changed: Array<{ id: string; row: Record<string, unknown> }> = []
    for (const r of rows) {
      const e = existing.get(r.creditCode)
      if (!e) continue
      const next = { name: r.name, kind: r.kind, address: r.address, township_code: r.townshipCode, industry: r.industry, contact_name: r.contactName, contact_phone: r.contactPhone }
      const same = (Object.keys(next) as Array<keyof typeof next>).every((k) => (e[k] ?? null) === next[k])
      if (same) {
        unchanged += 1
        continue
      }
      updated += 1
      changed.push({ id: e.id, row: next })
      if (!dryRun) await repo.updateEnterprise(trx, e.id, { ...next, updated_at: ctx.now })
    }
    if (!dryRun) {
      const createdIds = await repo.insertEnterprises(
        trx,
        toInsert.map((r) => ({
          credit_code: r.creditCode,
          name: r.name,
          kind: r.kind,
          address: r.address,
          township_code: r.townshipCode,
          industry: r.industry,
          contact_name: r.contactName,
          contact_phone: r.contactPhone,
          created_by: ctx.actor.userId || null,
        })),
      )
      // A leaf per imported record, through the same path as single writes (存证).
      await enqueueLeaves(trx, ctx, [
        ...createdIds.map((id, i) => ({ action: 'enterprise.import.create', recordType: 'enterprise', recordId: id, content: toInsert[i] })),
        ...changed.map((c) => ({ action: 'enterprise.import.update', recordType: 'enterprise', recordId: c.id, content: c.row })),
      ])
      await recordAudit(trx, ctx, {
        action: 'enterprise.import',
        entityType: 'enterprise',
        entityId: 'import',
        orgId: ctx.actor.orgId,
        summary: `导入市场主体 ${rows.length} 行：新增 ${toInsert.length}，更新 ${updated}，未变 ${unchanged}`,
        after: { format, total: rows.length, created: toInsert.length, updated, unchanged },
      })
    }
    return { total: rows.length, created: toInsert.length, updated, unchanged, dryRun }
  })
}
