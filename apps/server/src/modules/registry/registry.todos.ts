import { addCalendarDays, calendarDaysBetween, shanghaiDateOf } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor } from '../../platform/auth/actor'
import { orgScopeOf } from '../../platform/auth/scope'
import type { DB } from '../../platform/db/schema'
import { registerTodoProvider, type TodoItem } from '../todos/todo-registry'
import { listCertificatesEnding, listLeftWithLiveCertificate } from './certificate.repository'
import { listDelegationsEnding } from './delegation.repository'
import { canEntity } from './entity.policy'
import { listEntities } from './entity.repository'

/** Menu sections the registry's to-do items count under (see admin/nav.tsx). */
export const registrySections = { entities: 'registry.entities', officers: 'registry.officers', delegations: 'registry.delegations' } as const

const REMIND_DAYS = 30

/**
 * Supervisors: entities waiting for their audit, confirmation (not by the auditor) or
 * publication; certificates of officers who left; certificates and delegations ending within
 * 30 days. Unit heads: their entity sent back to draft; their officers' certificates and their
 * delegations ending within 30 days.
 */
export async function registryTodos(db: Kysely<DB>, actor: Actor, now: Date): Promise<TodoItem[]> {
  if (actor.role !== 'supervisor' && actor.role !== 'unit_head') return []
  const today = shanghaiDateOf(now)
  const until = addCalendarDays(today, REMIND_DAYS)
  const scope = orgScopeOf(actor)
  const items: TodoItem[] = []

  const { items: entities } = await listEntities(db, { limit: 500, offset: 0 }, scope)
  for (const e of entities) {
    const link = `/registry/entities?open=${e.id}`
    if (canEntity(actor, 'audit', e)) items.push({ kind: 'entity.audit', section: registrySections.entities, title: `审核执法主体：${e.name}`, link })
    if (canEntity(actor, 'confirm', e)) items.push({ kind: 'entity.confirm', section: registrySections.entities, title: `确认执法主体：${e.name}`, link })
    if (canEntity(actor, 'publish', e)) items.push({ kind: 'entity.publish', section: registrySections.entities, title: `公示执法主体：${e.name}`, link })
    if (actor.role === 'unit_head' && e.status === 'draft' && e.status_note) {
      items.push({ kind: 'entity.revise', section: registrySections.entities, title: `执法主体被${e.status_note.startsWith('撤销') ? '撤销公示' : '退回'}，请修改：${e.name}`, link, urgent: true })
    }
  }

  for (const c of await listCertificatesEnding(db, scope, today, until)) {
    const days = calendarDaysBetween(today, c.valid_to)
    items.push({
      kind: 'certificate.expiring',
      section: registrySections.officers,
      title: `执法证即将到期：${c.person_name}（${c.org_name}）${c.cert_no}，还剩 ${days} 天`,
      link: `/registry/officers?open=${c.person_id}`,
      dueDate: c.valid_to,
      urgent: days <= 7,
    })
  }

  if (actor.role === 'supervisor') {
    for (const c of await listLeftWithLiveCertificate(db, scope, today)) {
      items.push({
        kind: 'certificate.cancel_left',
        section: registrySections.officers,
        title: `${c.person_name}（${c.org_name}）已离岗，执法证 ${c.cert_no} 待注销`,
        link: `/registry/officers?open=${c.person_id}`,
      })
    }
  }

  for (const d of await listDelegationsEnding(db, scope, today, until)) {
    items.push({
      kind: 'delegation.expiring',
      section: registrySections.delegations,
      title: `委托即将到期：${d.document_no}（${d.principal_name} → ${d.agent_name}）`,
      link: `/registry/delegations?open=${d.id}`,
      dueDate: d.valid_to,
    })
  }
  return items
}

registerTodoProvider(registryTodos)
