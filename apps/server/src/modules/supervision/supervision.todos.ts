import { shanghaiDateOf } from '@yangguang/core'
import { orgScopeOf } from '../../platform/auth/scope'
import { registerTodoProvider } from '../todos/todo-registry'
import * as repo from './supervision.repository'

/**
 * 执法监督's waiting work. For a unit head or legal reviewer: documents received and not yet read,
 * open rectification tasks (urgent once overdue), 普法提示单 not yet read. For supervisors: answers
 * to verify and drafts to issue (including the letters the escalation job drafted).
 */
registerTodoProvider(async (db, actor, now) => {
  if ((actor.role === 'unit_head' || actor.role === 'legal_reviewer') && actor.orgId) {
    const today = shanghaiDateOf(now)
    const { unread, tasks, notices } = await repo.unitTodoRows(db, actor.orgId)
    return [
      ...unread.map((d) => ({ kind: 'supervision_document.read', section: 'supervision', title: `收到监督文书待签收：${d.title}（${d.number}）`, link: `/supervision/documents/${d.id}`, urgent: true })),
      ...tasks.map((t) => ({
        kind: 'rectification_task.respond',
        section: 'supervision',
        title: `${t.due_on < today ? '整改已逾期' : '整改待反馈'}：${t.problem.slice(0, 40)}`,
        link: `/supervision/tasks/${t.id}`,
        dueDate: t.due_on,
        urgent: t.due_on < today || t.escalation !== 'none',
      })),
      ...notices.map((n) => ({ kind: 'legal_notice.read', section: 'supervision', title: `普法提示单待阅读：${n.title}`, link: `/supervision/legal-notices/${n.id}` })),
    ]
  }
  if (actor.role === 'supervisor') {
    const { responded, drafts } = await repo.supervisorTodoRows(db, orgScopeOf(actor))
    return [
      ...responded.map((t) => ({ kind: 'rectification_task.verify', section: 'supervision', title: `整改反馈待验收：${t.org_name} ${t.problem.slice(0, 30)}`, link: `/supervision/tasks/${t.id}` })),
      ...drafts.map((d) => ({ kind: 'supervision_document.issue', section: 'supervision', title: `${d.auto_drafted ? '逾期自动起草的' : ''}监督文书待制发：${d.subject}`, link: `/supervision/documents/${d.id}`, urgent: d.auto_drafted })),
    ]
  }
  return []
})
