import { labels } from '@yangguang/core'
import { type SqlBool, sql } from 'kysely'
import { registerTodoProvider } from '../todos/todo-registry'
import * as repo from './duties.repository'

/** Pending duty-list adjustments wait for a supervisor who governs the township. */
registerTodoProvider(async (db, actor) => {
  if (actor.role !== 'supervisor' || !actor.regionPath) return []
  const pending = await repo.listPendingDutyAdjustments(db, sql<SqlBool>`r.path like ${`${actor.regionPath}%`}`)
  return pending.map((a) => ({
    kind: 'duty.adjustment.decide',
    section: 'duties',
    title: `${a.township_name}履职事项调整待审批：${labels.dutyAdjustmentOp[a.op]} ${a.item_name ?? (a.proposal as { name?: string } | null)?.name ?? ''}`,
    link: `/catalogue/duties?township=${a.township_code}&tab=adjustments`,
  }))
})
