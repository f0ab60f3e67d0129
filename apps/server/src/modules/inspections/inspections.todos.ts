import { registerTodoProvider } from '../todos/todo-registry'

/**
 * Inspections' waiting work: for a unit head, ad-hoc inspections, plans and overrides to decide;
 * for an officer, today's scheduled visits; for supervisors, overrides granted in the last 30 days.
 */
registerTodoProvider(async (db, actor, now) => {
  if (actor.role === 'unit_head' && actor.orgId) {
    const [adHoc, planRows, overrideRows] = await Promise.all([
      db.selectFrom('inspection as i').innerJoin('enterprise as e', 'e.id', 'i.enterprise_id').select(['i.id', 'e.name']).where('i.org_id', '=', actor.orgId).where('i.status', '=', 'pending_approval').execute(),
      db.selectFrom('inspection_plan').select(['id', 'title', 'status']).where('org_id', '=', actor.orgId).where('status', 'in', ['submitted', 'approved']).execute(),
      db.selectFrom('inspection_override as v').innerJoin('enterprise as e', 'e.id', 'v.enterprise_id').select(['v.id', 'e.name']).where('v.org_id', '=', actor.orgId).where('v.status', '=', 'pending').execute(),
    ])
    return [
      ...adHoc.map((i) => ({ kind: 'inspection.approve', section: 'inspections', title: `临时性检查待审批：${i.name}`, link: `/inspections/tasks?id=${i.id}` })),
      ...planRows.map((p) => ({ kind: `inspection_plan.${p.status === 'submitted' ? 'approve' : 'publish'}`, section: 'inspections', title: `检查计划《${p.title}》${p.status === 'submitted' ? '待审批' : '已批准，待公布'}`, link: '/inspections/plans' })),
      ...overrideRows.map((o) => ({ kind: 'inspection_override.decide', section: 'inspections', title: `例外放行申请待审批：${o.name}`, link: '/inspections/tasks', urgent: true })),
    ]
  }
  if (actor.role === 'supervisor') {
    const since = new Date(now.getTime() - 30 * 86_400_000)
    const rows = await db.selectFrom('inspection_override as v').innerJoin('enterprise as e', 'e.id', 'v.enterprise_id').innerJoin('org as o', 'o.id', 'v.org_id').select(['v.id', 'e.name', 'o.name as org_name']).where('v.status', 'in', ['approved', 'used']).where('v.decided_at', '>=', since).execute()
    return rows.map((r) => ({ kind: 'inspection_override.review', section: 'inspections', title: `${r.org_name}对 ${r.name} 例外放行，请关注`, link: '/inspections/oversight' }))
  }
  return []
})
