import { describe, expect, it } from 'vitest'
import { evidenceFilesOpen } from './case-evidence-files'
import { caseStatuses } from './penalty-procedure'

describe('evidence files', () => {
  it('art. 40: files are attached while the facts are established, up to the decision', () => {
    for (const status of ['investigating', 'under_review', 'notified', 'hearing', 'legal_review', 'pending_decision'] as const) expect(evidenceFilesOpen(status)).toBe(true)
  })

  it('the decision freezes the evidence, as does every end of the case and a suspension', () => {
    const open = caseStatuses.filter(evidenceFilesOpen)
    const closed = caseStatuses.filter((s) => !evidenceFilesOpen(s))
    expect(closed).toEqual(['registered', 'filing_approval', 'decided', 'executing', 'enforcement', 'closed', 'archived', 'not_filed', 'terminated', 'transferred', 'suspended', 'revoked'])
    expect(open).toHaveLength(6)
  })
})
