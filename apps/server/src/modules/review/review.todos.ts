import { labels } from '@yangguang/core'
import { registerTodoProvider } from '../todos/todo-registry'
import { mayRespond } from './review.policy'
import * as repo from './review.repository'

/**
 * 案卷评查's waiting work (section 'review'). For whoever was assigned a file — bureau staff, 义务监督员, another
 * unit's legal reviewer — the score sheets not yet submitted. For a unit's head or legal reviewer, the unit's own
 * files in published batches that lost points and have no written response yet. The bureau has nothing waiting
 * here: a unit's response is the last step of a review (a finding is followed up with a 监督文书, whose tasks
 * appear under 执法监督).
 */
registerTodoProvider(async (db, actor) => {
  const sheets = actor.userId ? await repo.openSheetsOfReviewer(db, actor.userId) : []
  const items = sheets.map((s) => ({
    kind: 'review_sheet.submit',
    section: 'review',
    title: `案卷评查待评分：${s.batch_title} ${s.org_name} ${s.file_no}（${labels.reviewSheetRole[s.role]}）`,
    link: `/review/sheets/${s.id}`,
  }))
  if (actor.orgId && mayRespond(actor, actor.orgId)) {
    const files = await repo.filesAwaitingResponse(db, actor.orgId)
    for (const f of files) {
      const result = f.grade ? `${Number(f.score)}分，${labels.reviewGrade[f.grade]}` : `${Number(f.score)}分`
      items.push({ kind: 'review_file.respond', section: 'review', title: `评查结果待书面回应：${f.batch_title} ${f.file_no}（${result}）`, link: `/review/batches/${f.batch_id}` })
    }
  }
  return items
})
