import { addCalendarDays, labels, shanghaiDateOf } from '@yangguang/core'
import { orgScopeOf } from '../../platform/auth/scope'
import { registerTodoProvider, type TodoItem } from '../todos/todo-registry'
import * as repo from './cases.repository'

/**
 * Cases waiting for the signed-in user (section 'cases'):
 * - unit head: filings to approve, decisions to take, hearings to arrange, and every deadline of the
 *   unit's cases the reminder job flagged (due within `remind_days_before` working days) or missed;
 * - legal reviewer: cases awaiting 法制审核;
 * - officer: the flagged and missed deadlines of the cases they work on;
 * - supervisor: decisions outside their benchmark in the last 30 days.
 */
registerTodoProvider(async (db, actor, now) => {
  const items: TodoItem[] = []
  const link = (id: string) => `/cases/${id}`
  const name = (c: { case_no: string | null; title: string }) => c.case_no ?? c.title
  if (actor.role === 'supervisor') {
    const since = addCalendarDays(shanghaiDateOf(now), -30)
    for (const c of await repo.outsideBenchmarkCases(db, orgScopeOf(actor), since)) {
      items.push({ kind: 'case.outside_benchmark', section: 'cases', title: `${c.org_name} ${name(c)} 处罚超出裁量基准，请关注`, link: link(c.id) })
    }
    return items
  }
  if (!actor.orgId || !['unit_head', 'legal_reviewer', 'officer'].includes(actor.role)) return items
  if (actor.role === 'unit_head') {
    for (const c of await repo.casesInStatus(db, actor.orgId, ['filing_approval', 'pending_decision', 'hearing'])) {
      const what = c.status === 'filing_approval' ? '待批准立案' : c.status === 'pending_decision' ? '待作出处罚决定' : '当事人申请听证，待安排或举行'
      items.push({ kind: `case.${c.status}`, section: 'cases', title: `${name(c)}（${c.party_name}）${what}`, link: link(c.id) })
    }
  }
  if (actor.role === 'legal_reviewer') {
    for (const c of await repo.casesInStatus(db, actor.orgId, ['legal_review'])) {
      items.push({ kind: 'case.legal_review', section: 'cases', title: `${name(c)}（${c.party_name}）待法制审核`, link: link(c.id) })
    }
    return items
  }
  const person = actor.role === 'officer' ? await repo.findPersonOfUser(db, actor.userId) : null
  if (actor.role === 'officer' && !person) return items
  for (const d of await repo.remindedDeadlines(db, actor.orgId, person?.id ?? null)) {
    const missed = d.status === 'missed' || d.due_on < shanghaiDateOf(now)
    items.push({
      kind: missed ? 'case.deadline_missed' : 'case.deadline_near',
      section: 'cases',
      title: `${name(d)}：${labels.caseDeadlineKind[d.kind]}${missed ? '已逾期' : '即将届满'}（${d.due_on}）`,
      link: link(d.case_id),
      dueDate: d.due_on,
      urgent: missed,
    })
  }
  return items
})
