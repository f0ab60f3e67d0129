import { labels, shanghaiDateOf } from '@yangguang/core'
import { orgScopeOf } from '../../platform/auth/scope'
import { registerTodoProvider } from '../todos/todo-registry'
import { canActForUnit, canSupervise } from './social.policy'
import * as repo from './social.repository'

/**
 * Social supervision's waiting work (section 'social'): for the bureau, complaints to triage and to
 * hand out, overdue answers (urgent), answers to close, volunteers' opinions to answer, overdue
 * transfers; for a unit's head or legal reviewer, complaints to answer, transfers to accept and
 * meeting tasks; for a volunteer, their open tasks.
 */
registerTodoProvider(async (db, actor, now) => {
  const today = shanghaiDateOf(now)
  if (canSupervise(actor)) {
    const scope = orgScopeOf(actor)
    const [complaints, opinions, transfers] = await Promise.all([repo.listComplaintsForBureau(db, scope, {}), repo.listOpinions(db, { scope }), repo.listTransfers(db, scope)])
    return [
      ...complaints.flatMap((c) => {
        const link = `/social/complaints?id=${c.id}`
        const what = `${c.complaint_no}（${labels.complaintCategory[c.category]}，${c.org_name}）`
        if (c.status === 'received') return [{ kind: 'complaint.triage', section: 'social', title: `投诉举报待受理：${what}`, link }]
        if (c.status === 'accepted') return [{ kind: 'complaint.assign', section: 'social', title: `投诉举报待交办：${what}`, link }]
        if (c.status === 'assigned' && c.answer_due_on && c.answer_due_on < today) return [{ kind: 'complaint.overdue', section: 'social', title: `投诉举报逾期未答复：${what}，承办 ${c.handler_org_name ?? ''}`, link, dueDate: c.answer_due_on, urgent: true }]
        if (c.status === 'assigned' && c.handler_kind === 'bureau') return [{ kind: 'complaint.answer', section: 'social', title: `投诉举报待答复（本局办理）：${what}`, link, dueDate: c.answer_due_on }]
        if (c.status === 'answered') return [{ kind: 'complaint.close', section: 'social', title: `投诉举报已答复，待办结：${what}`, link }]
        return []
      }),
      ...opinions.filter((o) => !o.answer).map((o) => ({ kind: 'volunteer_opinion.answer', section: 'social', title: `义务监督员 ${o.volunteer_name} 的意见待答复`, link: '/social/volunteers', dueDate: o.answer_due_on, urgent: o.answer_due_on < today })),
      ...transfers.filter((t) => t.status === 'pending' && t.accept_due_on < today).map((t) => ({ kind: 'transfer.overdue', section: 'social', title: `移送逾期未接收：${t.from_name} → ${t.to_name}《${t.title}》`, link: '/social/transfers', dueDate: t.accept_due_on, urgent: true })),
    ]
  }
  if ((actor.role === 'unit_head' || actor.role === 'legal_reviewer') && actor.orgId) {
    const [complaints, tasks, transfers] = await Promise.all([
      repo.listComplaintsForUnit(db, actor.orgId),
      repo.listMeetingTasks(db, { orgId: actor.orgId, status: 'open' }),
      actor.role === 'unit_head' ? repo.listTransfers(db, orgScopeOf(actor)) : Promise.resolve([]),
    ])
    return [
      ...complaints.filter((c) => c.status === 'assigned' && canActForUnit(actor, c.handler_org_id)).map((c) => ({ kind: 'complaint.answer', section: 'social', title: `交办投诉待答复：${c.complaint_no}（${labels.complaintCategory[c.category]}）`, link: `/social/complaints?id=${c.id}`, dueDate: c.answer_due_on, urgent: !!c.answer_due_on && c.answer_due_on < today })),
      ...tasks.map((t) => ({ kind: 'joint_meeting_task.done', section: 'social', title: `联席会议任务：${t.title}`, link: '/social/meetings', dueDate: t.due_on, urgent: t.due_on < today })),
      ...transfers.filter((t) => t.status === 'pending' && t.to_org_id === actor.orgId).map((t) => ({ kind: 'transfer.decide', section: 'social', title: `${t.from_name}移送《${t.title}》待接收`, link: '/social/transfers', dueDate: t.accept_due_on, urgent: t.accept_due_on < today })),
    ]
  }
  if (actor.role === 'volunteer') {
    const me = await repo.findVolunteerOfUser(db, actor.userId)
    if (!me) return []
    const tasks = await repo.listAssignments(db, [me.id])
    return tasks.filter((a) => a.status === 'open').map((a) => ({ kind: 'volunteer_assignment', section: 'social', title: `${labels.volunteerTargetKind[a.target_kind]}：${a.title}`, link: '/social/my', dueDate: a.due_on }))
  }
  return []
})
