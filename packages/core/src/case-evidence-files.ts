import type { CaseStatus } from './penalty-procedure'

/**
 * The statuses in which files (photos, scans, audio, video) may be attached to a case's evidence
 * items: from 立案 through the investigation, the notice, statements and hearing, 法制审核 and up to
 * the decision. 第四十条 asks that the facts be established before a penalty is given; what the
 * decision rests on is the evidence in the file when it was made, so from 决定 on (and in a case
 * not filed, ended, transferred, suspended or revoked) the evidence is frozen.
 */
export const evidenceFilesOpenStatuses: readonly CaseStatus[] = ['investigating', 'under_review', 'notified', 'hearing', 'legal_review', 'pending_decision']

/**
 * Whether files may still be attached to the evidence of a case in this status.
 *
 * @example
 * evidenceFilesOpen('hearing') // true
 * evidenceFilesOpen('decided') // false: frozen by the decision
 */
export function evidenceFilesOpen(status: CaseStatus): boolean {
  return evidenceFilesOpenStatuses.includes(status)
}
