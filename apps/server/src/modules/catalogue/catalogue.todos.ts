import { labels, type AdjustmentOp } from '@yangguang/core'
import { registerTodoProvider } from '../todos/todo-registry'
import * as repo from './catalogue.repository'

/**
 * The catalogue's waiting work, for the supervisors who govern it: adjustment requests to decide,
 * drafts to take to the meeting, approved versions to publish.
 */
registerTodoProvider(async (db, actor) => {
  if (actor.role !== 'supervisor') return []
  const visible = repo.versionVisibleTo(actor)
  const [pending, open] = await Promise.all([repo.listPendingAdjustmentsFor(db, visible), repo.listVersions(db, visible, { statuses: ['draft', 'approved'] })])
  return [
    ...pending.map((a) => ({
      kind: 'catalogue.adjustment.decide',
      section: 'catalogue',
      title: `目录调整申请待处理：${labels.adjustmentOp[a.op as AdjustmentOp]} ${a.item_name}（《${a.title}》）`,
      link: `/catalogue/versions/${a.version_id}`,
    })),
    ...open.map((v) =>
      v.status === 'draft'
        ? {
            kind: 'catalogue.version.approve',
            section: 'catalogue',
            title: v.pending_count > 0 ? `《${v.title}》草稿待审议（尚有 ${v.pending_count} 项调整申请）` : `《${v.title}》草稿待提请会议审议`,
            link: `/catalogue/versions/${v.id}`,
          }
        : { kind: 'catalogue.version.publish', section: 'catalogue', title: `《${v.title}》已审议通过，待公布`, link: `/catalogue/versions/${v.id}`, urgent: true },
    ),
  ]
})
