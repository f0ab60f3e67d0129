import type { Executor } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { canEnterprise, enterpriseFacts } from './enterprises.policy'
import { findEnterprise, findEnterpriseFactsByIds, type EnterpriseRow } from './enterprises.repository'

/**
 * Other modules (cases, inspection plans, ad-hoc inspections) name an enterprise by id. They reach it
 * under the same rules as the enterprises pages (enterprises.policy.ts): an enterprise outside the
 * caller's county is treated as absent, and its contact data only travels to its keepers.
 */

/** An enterprise the actor may read, with whether its contact data may be copied; null when absent or out of reach. */
export async function findEnterpriseInReach(db: Executor, actor: Actor, id: string): Promise<{ row: EnterpriseRow; contactVisible: boolean } | null> {
  const row = await findEnterprise(db, id)
  if (!row) return null
  const facts = enterpriseFacts(row)
  if (!canEnterprise(actor, 'read', facts)) return null
  return { row, contactVisible: canEnterprise(actor, 'read_contact', facts) }
}

/**
 * The ids among `ids` the actor may not read — missing ones included, so an answer never tells a
 * foreign enterprise from a made-up id.
 *
 * @example
 * const outside = await enterprisesOutOfReach(trx, actor, input.enterpriseIds)
 * if (outside.length > 0) throw new AppError('NOT_FOUND', '市场主体不存在', { outside })
 */
export async function enterprisesOutOfReach(db: Executor, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  const rows = await findEnterpriseFactsByIds(db, unique)
  const readable = new Set(rows.filter((r) => canEnterprise(actor, 'read', enterpriseFacts(r))).map((r) => r.id))
  return unique.filter((id) => !readable.has(id))
}
