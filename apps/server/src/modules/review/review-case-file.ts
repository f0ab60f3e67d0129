import { labels } from '@yangguang/core'
import type { Executor } from '../../platform/audit/audit'
import { listEvidenceFiles } from '../cases/case-evidence-files.repository'
import { presentEvidenceFile } from '../cases/cases.presenter'
import { listEvidence } from '../cases/cases.repository'

/**
 * The evidence of the case a review file was made of (案卷中的证据材料), with the files attached to
 * each item, for the reviewer scoring the sheet: the reviewer may be from another unit or a
 * volunteer who cannot open the case itself, and the files' download route lets the reviewers
 * assigned to the file read them (case-evidence-files.service.ts). Empty for a licensing file.
 *
 * @example
 * const evidence = await reviewCaseEvidence(db, file.case_id) // [{ title: '现场检查笔录', files: [{ fileName: '现场照片1.jpg', url }] }]
 */
export async function reviewCaseEvidence(db: Executor, caseId: string | null) {
  if (!caseId) return []
  const [items, files] = await Promise.all([listEvidence(db, caseId), listEvidenceFiles(db, caseId)])
  return items.map((e) => ({
    id: e.id,
    kind: e.kind,
    kindLabel: labels.evidenceKind[e.kind],
    title: e.title,
    collectedOn: e.collected_on,
    files: files.filter((f) => f.evidence_id === e.id).map(presentEvidenceFile),
  }))
}
