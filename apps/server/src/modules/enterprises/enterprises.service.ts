import type { Kysely } from 'kysely'
import { labels } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { checkPasswordRules, hashPassword } from '../../platform/auth/password'
import { recordAudit } from '../../platform/audit/audit'
import { enqueueLeaves } from '../../platform/ledger/enqueue-leaves'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, notFound } from '../../platform/errors'
import type { Notifier } from '../../platform/notify/notifier'
import { renderActivationLetter } from './activation-letter'
import { readTableInWorker, TableReadError } from '../../platform/import/read-table-in-worker'
import { MAX_IMPORT_ROWS, validateRows } from './enterprise-import'
import { hashToken, newActivationCode, newQrToken, scanQrSvg, scanUrl } from './enterprise-tokens'
import { canEnterprise, type EnterpriseAction, enterpriseArea, enterpriseFacts } from './enterprises.policy'
import * as repo from './enterprises.repository'
import type { EnterpriseInput } from './enterprises.schema'

type Ctx = RequestContext & { actor: Actor }

/** How long an activation code stays usable. */
export const ACTIVATION_DAYS = 7

function allow(ctx: Ctx, action: EnterpriseAction) {
  if (!canEnterprise(ctx.actor, action)) throw forbidden()
}

export async function listEnterprises(db: Kysely<DB>, ctx: Ctx, filter: Omit<repo.EnterpriseFilter, 'area'>) {
  allow(ctx, 'read')
  return repo.listEnterprises(db, { ...filter, area: enterpriseArea(ctx.actor) })
}

/**
 * One enterprise, for an action: the role is checked first, then an enterprise outside the caller's
 * area is 404 (as if it did not exist), and one inside it that the caller does not keep is 403.
 */
export async function getEnterprise(db: Kysely<DB>, ctx: Ctx, id: string, action: EnterpriseAction = 'read') {
  allow(ctx, action)
  const row = await repo.findEnterprise(db, id)
  if (!row || !canEnterprise(ctx.actor, 'read', enterpriseFacts(row))) throw notFound('市场主体', { id })
  if (!canEnterprise(ctx.actor, action, enterpriseFacts(row))) throw forbidden('该市场主体由其他单位登记，只有登记单位和当地司法局可以办理')
  return row
}

/** A township given for an enterprise must lie in the caller's area: no one registers into another county. */
async function checkTownship(db: Kysely<DB>, ctx: Ctx, code: string | null | undefined) {
  if (!code) return
  const townships = await repo.listTownships(db, enterpriseArea(ctx.actor))
  if (!townships.some((t) => t.code === code)) throw new AppError('VALIDATION_FAILED', '所选乡镇不存在或不在本辖区', { field: 'townshipCode' })
}

export async function createEnterprise(db: Kysely<DB>, ctx: Ctx, input: EnterpriseInput): Promise<string> {
  allow(ctx, 'create')
  await checkTownship(db, ctx, input.townshipCode)
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
      ...registeredBy(ctx, input.townshipCode ?? null),
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

/**
 * Who registers a new enterprise and where: the caller's unit, in the given township or else the
 * caller's own region (the unit's, or a supervisor's jurisdiction).
 */
function registeredBy(ctx: Ctx, townshipCode: string | null) {
  return { registered_by_org_id: ctx.actor.orgId, region_code: townshipCode ?? ctx.actor.regionCode }
}

export async function updateEnterprise(db: Kysely<DB>, ctx: Ctx, id: string, input: Partial<Omit<EnterpriseInput, 'creditCode'>>) {
  const before = await getEnterprise(db, ctx, id, 'update')
  await checkTownship(db, ctx, input.townshipCode)
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    // Moving to another township moves the enterprise's region with it (inside the caller's area).
    ...(input.townshipCode ? { township_code: input.townshipCode, region_code: input.townshipCode } : input.townshipCode !== undefined ? { township_code: null } : {}),
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
  const before = await getEnterprise(db, ctx, id, 'issue_qr')
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

export type ActivationDelivery = { notifier?: Notifier; publicUrl: string }

export type IssuedActivation = {
  expiresAt: string
  enterprise: { id: string; name: string; creditCode: string }
} & (
  | { delivery: 'notified'; channelLabel: string; maskedRecipient: string }
  /** The 激活码密封函 to print, seal and post to the enterprise's registered contact. */
  | { delivery: 'sealed_letter'; letter: { title: string; number: null; bytes: Uint8Array } }
)

/**
 * A one-time code with which the enterprise activates its account, issued by the unit that registered
 * it or the county bureau. The code goes to the enterprise's registered contact, never to the issuer's
 * screen: through the configured sender (SMS, e-mail) when there is one, otherwise printed on a sealed
 * letter (激活码密封函) that the issuer downloads and posts. Stored hashed; audited with the route taken.
 */
export async function issueActivationCode(db: Kysely<DB>, ctx: Ctx, id: string, delivery: ActivationDelivery): Promise<IssuedActivation> {
  const e = await getEnterprise(db, ctx, id, 'issue_activation')
  const code = newActivationCode()
  const expiresAt = new Date(ctx.now.getTime() + ACTIVATION_DAYS * 86_400_000)
  const activateUrl = `${delivery.publicUrl}/m/activate`
  const enterprise = { id, name: e.name, creditCode: e.credit_code }
  // Sent or rendered inside the transaction: a code that could not reach the enterprise is not stored.
  return inTransaction(db, async (trx) => {
    await repo.insertActivation(trx, {
      enterprise_id: id,
      code_hash: hashToken(code),
      expires_at: expiresAt,
      issued_by: ctx.actor.userId || null,
      issued_org_id: ctx.actor.orgId,
    })
    const sent = delivery.notifier
      ? await delivery.notifier.sendActivationCode({ enterpriseName: e.name, creditCode: e.credit_code, contactName: e.contact_name, contactPhone: e.contact_phone, code, expiresAt, activateUrl })
      : null
    const route = sent && delivery.notifier ? `已通过${delivery.notifier.channelLabel}发送至企业登记联系人 ${sent.maskedRecipient}` : '已生成密封函，寄送企业登记联系人'
    await recordAudit(trx, ctx, {
      action: 'enterprise.activation_issue',
      entityType: 'enterprise',
      entityId: id,
      orgId: ctx.actor.orgId,
      summary: `为市场主体 ${e.name} 生成企业账号激活码（${ACTIVATION_DAYS} 日内有效，一次性）：${route}`,
      after: { delivery: sent ? 'notified' : 'sealed_letter', expiresAt: expiresAt.toISOString() },
    })
    if (sent && delivery.notifier) return { delivery: 'notified', channelLabel: delivery.notifier.channelLabel, maskedRecipient: sent.maskedRecipient, expiresAt: expiresAt.toISOString(), enterprise }
    const bytes = await renderActivationLetter({
      organ: ctx.actor.orgName ?? '阳光执法平台',
      enterpriseName: e.name,
      creditCode: e.credit_code,
      address: e.address,
      contactName: e.contact_name,
      contactPhone: e.contact_phone,
      code,
      expiresAt,
      issuedAt: ctx.now,
      activateUrl,
    })
    return { delivery: 'sealed_letter', letter: { title: `企业账号激活码密封函（${e.name}）`, number: null, bytes }, expiresAt: expiresAt.toISOString(), enterprise }
  })
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
  if (table.nulAtRow !== null) {
    const message = '含有不允许的空字符（\\u0000）'
    throw new AppError('VALIDATION_FAILED', `导入文件第 ${table.nulAtRow} 行${message}，未写入任何数据`, { errors: [{ row: table.nulAtRow, column: null, message }], errorCount: 1 })
  }
  // Reading stopped at the first row over the limit: nothing beyond it was parsed.
  if (table.tooManyRows) {
    throw new AppError('VALIDATION_FAILED', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件后分批导入`, {
      errors: [{ row: 1, column: null, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }],
      errorCount: 1,
      maxRows: MAX_IMPORT_ROWS,
    })
  }
  const { rows, errors } = validateRows(table, await repo.listTownships(db, enterpriseArea(ctx.actor)))
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', `导入文件有 ${new Set(errors.map((e) => e.row)).size} 行存在问题，未写入任何数据`, { errors: errors.slice(0, 500), errorCount: errors.length })
  }
  return inTransaction(db, async (trx) => {
    const existing = new Map((await repo.findEnterprisesByCodes(trx, rows.map((r) => r.creditCode))).map((e) => [e.credit_code, e]))
    // An import never touches what another unit or county registered — not even to report it
    // "unchanged", which would let a caller test guesses of its contact data.
    const foreign = rows.filter((r) => {
      const e = existing.get(r.creditCode)
      return e !== undefined && !canEnterprise(ctx.actor, 'update', enterpriseFacts(e))
    })
    if (foreign.length > 0) {
      const message = '该市场主体由其他单位或地区登记，只有登记单位和当地司法局可以修改'
      throw new AppError('VALIDATION_FAILED', `导入文件有 ${foreign.length} 行存在问题，未写入任何数据`, {
        errors: foreign.slice(0, 500).map((r) => ({ row: r.row, column: '统一社会信用代码', message })),
        errorCount: foreign.length,
      })
    }
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
      if (!dryRun) await repo.updateEnterprise(trx, e.id, { ...next, ...(r.townshipCode ? { region_code: r.townshipCode } : {}), updated_at: ctx.now })
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
          ...registeredBy(ctx, r.townshipCode),
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
