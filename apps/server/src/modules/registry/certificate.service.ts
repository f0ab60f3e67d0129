import type { Kysely, Transaction } from 'kysely'
import { addCalendarDays, labels, shanghaiDateOf } from '@yangguang/core'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import { recordAudit } from '../../platform/audit/audit'
import type { DB, RowUpdate } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { AppError, forbidden, invalidState, notFound } from '../../platform/errors'
import { certificateRoleAllows, certificateStateAllows, mayReadCertificate, type CertificateAction } from './certificate.policy'
import * as repo from './certificate.repository'
import type { ChangeCertificateInput, IssueCertificateInput, RenewCertificateInput } from './certificate.schema'
import type { CertificateState } from './certificate-validity'
import { findRegionName } from './entity.repository'
import { loadFor as loadPersonFor } from './person.service'

type Ctx = RequestContext & { actor: Actor }
type Executor = Kysely<DB> | Transaction<DB>

export async function listCertificates(db: Kysely<DB>, ctx: Ctx, f: Omit<repo.CertificateFilter, 'regionPath' | 'today' | 'expiringUntil'> & { regionCode?: string }) {
  const regionPath = f.regionCode ? (await findRegionName(db, f.regionCode))?.path : undefined
  if (f.regionCode && !regionPath) return { items: [], total: 0 }
  const today = shanghaiDateOf(ctx.now)
  return repo.listCertificates(db, { ...f, regionPath, today, expiringUntil: addCalendarDays(today, 30) }, orgScopeOf(ctx.actor))
}

export async function getCertificate(db: Executor, ctx: Ctx, id: string) {
  const row = await repo.findCertificate(db, id)
  if (!row || !mayReadCertificate(ctx.actor, row)) throw notFound('执法证', { id })
  return row
}

/**
 * 发证: a supervisor of the jurisdiction registers a certificate for an officer in post. Without a
 * number the next one is assigned: `<县级区域代码6位><有效期起始年份4位><顺序号4位>`, e.g.
 * 53233120250001 — the number the QR code and the public check use.
 */
export async function issueCertificate(db: Kysely<DB>, ctx: Ctx, personId: string, input: IssueCertificateInput): Promise<string> {
  const today = shanghaiDateOf(ctx.now)
  return inTransaction(db, async (trx) => {
    const person = await loadPersonFor(trx, ctx, personId, 'issue_certificate')
    const live = await repo.findLiveCertificateOf(trx, personId, today)
    if (live) {
      throw new AppError('CONFLICT', `${person.name} 已持有执法证 ${live.cert_no}（${labels.certificateStatus[live.status]}），请先注销原证或办理换证`, { certificateId: live.id })
    }
    const certNo = input.certNo ?? (await nextCertNo(trx, person.org_id, input.validFrom))
    if (await repo.findCertificateByNo(trx, certNo)) throw new AppError('DUPLICATE', `执法证号 ${certNo} 已存在`, { field: 'certNo' })
    const state: CertificateState = { certNo, areas: input.areas, issuer: input.issuer, validFrom: input.validFrom, validTo: input.validTo, status: 'valid' }
    const id = await repo.insertCertificate(trx, {
      person_id: personId,
      cert_no: certNo,
      areas: state.areas,
      issuer: state.issuer,
      valid_from: state.validFrom,
      valid_to: state.validTo,
      status: 'valid',
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    const reason = input.reason ?? '发证'
    await repo.insertCertificateEvent(trx, { certificate_id: id, action: 'issue', reason, before: null, after: JSON.stringify(state), actor_id: ctx.actor.userId || null, at: ctx.now })
    await recordAudit(trx, ctx, {
      action: 'certificate.issue',
      entityType: 'certificate',
      entityId: id,
      orgId: person.org_id,
      summary: `为 ${person.name}（${person.org_name}）核发执法证 ${certNo}，有效期 ${state.validFrom} 至 ${state.validTo}`,
      after: { ...state, reason },
    })
    return id
  })
}

/** 变更: new enforcement areas or issuer. */
export async function changeCertificate(db: Kysely<DB>, ctx: Ctx, id: string, input: ChangeCertificateInput) {
  await act(db, ctx, id, 'change', input.reason, (s) => ({ ...s, areas: input.areas ?? s.areas, issuer: input.issuer ?? s.issuer }))
}

/** 暂扣: the certificate stops counting until restored. */
export async function suspendCertificate(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await act(db, ctx, id, 'suspend', reason, (s) => ({ ...s, status: 'suspended' }))
}

/** 恢复: a suspended certificate counts again (if still within its term). */
export async function restoreCertificate(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await act(db, ctx, id, 'restore', reason, (s) => ({ ...s, status: 'valid' }))
}

/** 注销: final. A new certificate has to be issued afterwards. */
export async function cancelCertificate(db: Kysely<DB>, ctx: Ctx, id: string, reason: string) {
  await act(db, ctx, id, 'cancel', reason, (s) => ({ ...s, status: 'cancelled' }))
}

/** 换证 / 延续: a new term for the same number after review. */
export async function renewCertificate(db: Kysely<DB>, ctx: Ctx, id: string, input: RenewCertificateInput) {
  await act(db, ctx, id, 'renew', input.reason, (s) => {
    const validFrom = input.validFrom ?? s.validFrom
    if (input.validTo <= s.validTo) throw new AppError('VALIDATION_FAILED', `新的有效期截止日应晚于原截止日 ${s.validTo}`, { field: 'validTo' })
    if (input.validTo < validFrom) throw new AppError('VALIDATION_FAILED', '有效期的结束日期不能早于开始日期', { field: 'validTo' })
    return { ...s, validFrom, validTo: input.validTo }
  })
}

const verbs: Record<CertificateAction, string> = { change: '变更', suspend: '暂扣', restore: '恢复', cancel: '注销', renew: '换证' }

/** One certificate action: lock, check, update, write the certificate_event and the audit row, together. */
async function act(db: Kysely<DB>, ctx: Ctx, id: string, action: CertificateAction, reason: string, next: (state: CertificateState) => CertificateState) {
  const today = shanghaiDateOf(ctx.now)
  await inTransaction(db, async (trx) => {
    await repo.lockCertificate(trx, id)
    const row = await getCertificate(trx, ctx, id)
    if (!certificateRoleAllows(ctx.actor, action, row)) throw forbidden('执法证由辖区司法局监督人员管理', { action })
    if (!certificateStateAllows(action, row, today)) {
      const effective = row.status === 'valid' && row.valid_to < today ? 'expired' : row.status
      throw invalidState(`执法证 ${row.cert_no} 当前为「${labels.certificateStatus[effective]}」，不能${verbs[action]}`, { action, status: row.status })
    }
    const before = stateOf(row)
    const after = next(before)
    const patch: RowUpdate<'certificate'> = { areas: after.areas, issuer: after.issuer, valid_from: after.validFrom, valid_to: after.validTo, status: after.status, updated_at: ctx.now }
    await repo.updateCertificate(trx, id, patch)
    await repo.insertCertificateEvent(trx, {
      certificate_id: id,
      action,
      reason,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      actor_id: ctx.actor.userId || null,
      at: ctx.now,
    })
    await recordAudit(trx, ctx, {
      action: `certificate.${action}`,
      entityType: 'certificate',
      entityId: id,
      orgId: row.org_id,
      summary: `${verbs[action]}执法证 ${row.cert_no}（${row.person_name}）：${reason}`,
      before,
      after: { ...after, reason },
    })
  })
}

function stateOf(row: repo.CertificateRow): CertificateState {
  return { certNo: row.cert_no, areas: row.areas, issuer: row.issuer, validFrom: row.valid_from, validTo: row.valid_to, status: row.status }
}

async function nextCertNo(trx: Transaction<DB>, orgId: string, validFrom: string): Promise<string> {
  const regionCode = await repo.orgRegionCode(trx, orgId)
  const prefix = `${regionCode.slice(0, 6)}${validFrom.slice(0, 4)}`
  const max = await repo.maxCertNoWithPrefix(trx, prefix)
  const sequence = max ? Number(max.slice(prefix.length)) + 1 : 1
  if (sequence > 9999) throw new AppError('CONFLICT', `${prefix} 年度顺序号已用完，请手工填写执法证号`)
  return `${prefix}${String(sequence).padStart(4, '0')}`
}
