import type { Kysely, Transaction } from 'kysely'
import { addCalendarDays, shanghaiDateOf, validateIdNumber } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { findRegionName } from './entity.repository'
import { isSupervisorOver, mayKeepPersonsOf, mayReadPerson, personRoleAllows, personStateAllows, type PersonAction } from './person.policy'
import * as repo from './person.repository'
import type { CreatePersonInput, UpdatePersonInput } from './person.schema'

type Ctx = RequestContext & { actor: Actor }
type Executor = Kysely<DB> | Transaction<DB>

/** Roles whose account may be linked to an officer record. */
const linkableRoles = ['unit_head', 'legal_reviewer', 'officer']

export async function listPersons(db: Kysely<DB>, ctx: Ctx, f: Omit<repo.PersonFilter, 'regionPath' | 'today' | 'expiringUntil'> & { regionCode?: string }) {
  const regionPath = f.regionCode ? (await findRegionName(db, f.regionCode))?.path : undefined
  if (f.regionCode && !regionPath) return { items: [], total: 0 }
  const today = shanghaiDateOf(ctx.now)
  return repo.listPersons(db, { ...f, regionPath, today, expiringUntil: addCalendarDays(today, 30) }, orgScopeOf(ctx.actor))
}

export async function getPerson(db: Executor, ctx: Ctx, id: string) {
  const row = await repo.findPerson(db, id)
  if (!row || !mayReadPerson(ctx.actor, row)) throw notFound('执法人员', { id })
  return row
}

/** Registers an officer of a unit. The ID number must pass GB 11643; sex is read from it. */
export async function createPerson(db: Kysely<DB>, ctx: Ctx, input: CreatePersonInput): Promise<string> {
  const id = checkIdNumber(input.idNumber, ctx)
  const legal = checkLegalQualification(input, { legal_qualification_no: null, legal_qualification_on: null, legal_review_since: null }, ctx)
  return inTransaction(db, async (trx) => {
    const org = await repo.findUnitForPerson(trx, input.orgId)
    if (!org || !mayReadPerson(ctx.actor, { org_id: org.id, org_region_path: org.region_path })) {
      if (org && ctx.actor.role === 'unit_head') throw forbidden('只能登记本单位的执法人员')
      throw new AppError('VALIDATION_FAILED', '所选单位不存在或不在管辖范围内', { field: 'orgId' })
    }
    if (!mayKeepPersonsOf(ctx.actor, org)) throw forbidden('无权登记该单位的执法人员')
    await checkUniqueIdNumber(trx, id.normalized, null)
    if (input.userId) await checkUserLink(trx, input.userId, org.id, null)
    const personId = await repo.insertPerson(trx, {
      org_id: org.id,
      name: input.name,
      id_number: id.normalized,
      sex: id.sex,
      phone: input.phone ?? null,
      position: input.position ?? null,
      user_id: input.userId ?? null,
      ...legal,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: personId,
      orgId: org.id,
      // The audit log is read by supervisors: it keeps the masked number only.
      summary: `登记执法人员 ${input.name}（${org.name}）`,
      after: { name: input.name, orgId: org.id, position: input.position ?? null, userId: input.userId ?? null },
    })
    return personId
  })
}

export async function updatePerson(db: Kysely<DB>, ctx: Ctx, id: string, input: UpdatePersonInput) {
  const idCheck = input.idNumber ? checkIdNumber(input.idNumber, ctx) : null
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, 'update')
    let orgId = before.org_id
    let orgName = before.org_name
    if (input.orgId && input.orgId !== before.org_id) {
      if (!personRoleAllows(ctx.actor, 'transfer', before)) throw forbidden('人员调动须由监督人员或管理员办理')
      const org = await repo.findUnitForPerson(trx, input.orgId)
      if (!org) throw new AppError('VALIDATION_FAILED', '调入单位不存在', { field: 'orgId' })
      if (ctx.actor.role !== 'admin' && !isSupervisorOver(ctx.actor, org.region_path)) throw forbidden('只能调动到本辖区的单位')
      orgId = org.id
      orgName = org.name
    }
    if (idCheck && idCheck.normalized !== before.id_number) await checkUniqueIdNumber(trx, idCheck.normalized, id)
    const userId = input.userId === undefined ? before.user_id : input.userId
    if (userId && (userId !== before.user_id || orgId !== before.org_id)) await checkUserLink(trx, userId, orgId, id)
    const patch = {
      org_id: orgId,
      name: input.name ?? before.name,
      id_number: idCheck?.normalized ?? before.id_number,
      sex: idCheck?.sex ?? before.sex,
      phone: input.phone === undefined ? before.phone : input.phone,
      position: input.position === undefined ? before.position : input.position,
      user_id: userId,
      ...checkLegalQualification(input, before, ctx),
    }
    await repo.updatePerson(trx, id, { ...patch, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: orgId !== before.org_id ? 'person.transfer' : 'person.update',
      entityType: 'person',
      entityId: id,
      orgId,
      summary: orgId !== before.org_id ? `调动执法人员 ${before.name}：${before.org_name} → ${orgName}` : `修改执法人员 ${before.name}`,
      before: { name: before.name, orgId: before.org_id, position: before.position, userId: before.user_id, legalQualificationNo: before.legal_qualification_no, legalQualificationOn: before.legal_qualification_on, legalReviewSince: before.legal_review_since },
      after: {
        name: patch.name,
        orgId,
        position: patch.position,
        userId,
        idNumberChanged: patch.id_number !== before.id_number,
        legalQualificationNo: patch.legal_qualification_no,
        legalQualificationOn: patch.legal_qualification_on,
        legalReviewSince: patch.legal_review_since,
      },
    })
  })
}

/** 离岗: the officer left the unit (the 司法局 then cancels their certificate; a to-do reminds them). */
export async function markPersonLeft(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await setStatus(db, ctx, id, 'leave', reason)
}

export async function markPersonRejoined(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await setStatus(db, ctx, id, 'rejoin', reason)
}

async function setStatus(db: Kysely<DB>, ctx: Ctx, id: string, action: 'leave' | 'rejoin', reason: string) {
  await inTransaction(db, async (trx) => {
    const before = await loadFor(trx, ctx, id, action)
    const status = action === 'leave' ? 'left' : 'active'
    await repo.updatePerson(trx, id, { status, updated_at: ctx.now })
    await recordAudit(trx, ctx, {
      action: `person.${action}`,
      entityType: 'person',
      entityId: id,
      orgId: before.org_id,
      summary: `${action === 'leave' ? '执法人员离岗' : '执法人员返岗'}：${before.name}（${before.org_name}）：${reason}`,
      before: { status: before.status },
      after: { status, reason },
    })
  })
}

export async function loadFor(trx: Transaction<DB>, ctx: Ctx, id: string, action: PersonAction) {
  await repo.lockPerson(trx, id)
  const row = await getPerson(trx, ctx, id)
  if (!personRoleAllows(ctx.actor, action, row)) throw forbidden(action === 'issue_certificate' ? '执法证由辖区司法局监督人员核发' : '无权管理该执法人员', { action })
  if (!personStateAllows(action, row)) throw invalidState(row.status === 'left' ? `${row.name} 已离岗，不能执行此操作` : `${row.name} 在岗，不能执行此操作`, { action, status: row.status })
  return row
}

/**
 * 法律职业资格 as it will stand after the change (a field left out keeps its value): the number and the
 * day come together, and neither day lies in the future.
 */
function checkLegalQualification(
  input: Pick<UpdatePersonInput, 'legalQualificationNo' | 'legalQualificationOn' | 'legalReviewSince'>,
  before: { legal_qualification_no: string | null; legal_qualification_on: string | null; legal_review_since: string | null },
  ctx: Ctx,
) {
  const next = {
    legal_qualification_no: input.legalQualificationNo === undefined ? before.legal_qualification_no : input.legalQualificationNo,
    legal_qualification_on: input.legalQualificationOn === undefined ? before.legal_qualification_on : input.legalQualificationOn,
    legal_review_since: input.legalReviewSince === undefined ? before.legal_review_since : input.legalReviewSince,
  }
  const today = shanghaiDateOf(ctx.now)
  if ((next.legal_qualification_no === null) !== (next.legal_qualification_on === null)) {
    throw new AppError('VALIDATION_FAILED', '法律职业资格须同时填写证书编号和取得日期', { field: next.legal_qualification_no === null ? 'legalQualificationNo' : 'legalQualificationOn' })
  }
  if (next.legal_qualification_on && next.legal_qualification_on > today) throw new AppError('VALIDATION_FAILED', '取得法律职业资格日期不能晚于今天', { field: 'legalQualificationOn' })
  if (next.legal_review_since && next.legal_review_since > today) throw new AppError('VALIDATION_FAILED', '从事法制审核工作起始日期不能晚于今天', { field: 'legalReviewSince' })
  return next
}

function checkIdNumber(input: string, ctx: Ctx) {
  const result = validateIdNumber(input, { today: shanghaiDateOf(ctx.now) })
  if (!result.ok) throw new AppError('VALIDATION_FAILED', result.message, { field: 'idNumber', reason: result.reason })
  return result
}

async function checkUniqueIdNumber(trx: Transaction<DB>, idNumber: string, selfId: string | null) {
  const existing = await repo.findPersonIdByIdNumber(trx, idNumber)
  if (existing && existing !== selfId) throw new AppError('DUPLICATE', '该身份证号码已登记为执法人员，请勿重复登记', { field: 'idNumber' })
}

async function checkUserLink(trx: Transaction<DB>, userId: string, orgId: string, selfId: string | null) {
  const user = await repo.findUserForLink(trx, userId)
  if (!user) throw new AppError('VALIDATION_FAILED', '要关联的账号不存在', { field: 'userId' })
  if (!linkableRoles.includes(user.role) || user.org_id !== orgId) throw new AppError('VALIDATION_FAILED', '只能关联本单位执法工作人员的账号', { field: 'userId' })
  const linked = await repo.findPersonByUser(trx, userId)
  if (linked && linked.id !== selfId) throw new AppError('DUPLICATE', `账号 ${user.username} 已关联执法人员 ${linked.name}`, { field: 'userId' })
}
