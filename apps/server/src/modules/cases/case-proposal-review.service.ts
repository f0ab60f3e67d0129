import { firstViolationCheck, formatYuan, labels, lawfulRange, statutoryRangeViolations, type CaseStatus, type PenaltyKind } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import { notFound } from '../../platform/errors'
import { describeStatutoryRange } from '../catalogue/catalogue.presenter'
import { statutoryRangeOf } from '../catalogue/catalogue.repository'
import { benchmarkCheck } from './case-guards'
import { loadCaseState } from './case-state'
import { canSeeCase } from './cases.policy'
import * as repo from './cases.repository'
import type { ProposalReviewView } from './case-proposal-review.schema'

type Ctx = RequestContext & { actor: Actor }

/** From 调查终结 on the case has a proposal to review; before it, the panel is empty. */
const beforeProposal: readonly CaseStatus[] = ['registered', 'filing_approval', 'investigating', 'not_filed']

/**
 * 处罚建议审查 (`GET /api/cases/:id/proposal-review`): what the head, the legal reviewer and supervisors
 * check before anyone signs — the penalty (the decision once made, else the proposal), the statutory
 * range of the cited provision with its base, the benchmark tier and the calculator's check, the
 * circumstances (从轻/减轻/从重 with evidence), the party's earlier violations (art. 33 首违), and every
 * departure: `refused` (outside the law: the act will be refused) or `flagged` (a departure inside the
 * law that needs a written reason).
 *
 * @example
 * const review = await proposalReview(db, ctx, caseId)
 * review.departures // [{ level: 'refused', text: '罚款600,000.00元超出法定幅度（…）' }]
 */
export async function proposalReview(db: Kysely<DB>, ctx: Ctx, caseId: string): Promise<ProposalReviewView> {
  const row = await repo.findCase(db, caseId)
  if (!row || !canSeeCase(ctx.actor, row)) throw notFound('案件', { id: caseId })
  const p = row.proposal
  if (!p || beforeProposal.includes(row.status)) return { available: false, stage: null, penalty: null, statutory: null, benchmark: null, circumstances: null, history: null, departures: [] }
  const d = row.decision
  const stage = d ? 'decision' : 'proposal'
  const outcome = d ?? p
  const kinds: PenaltyKind[] = outcome.outcome === 'penalty' ? outcome.kinds : []
  const fineFen = kinds.includes('fine') ? outcome.fineFen : 0
  const departures: ProposalReviewView['departures'] = []

  const range = await statutoryRangeOf(db, row.power_item_id)
  const input = { partyKind: row.party_kind, baseFen: p.baseFen, baseUnits: p.baseUnits ?? null, baseEvidence: p.baseEvidence ?? null, mitigation: p.mitigation ?? null }
  let statutory: ProposalReviewView['statutory'] = null
  if (range) {
    const lawful = lawfulRange(range, input)
    statutory = {
      provision: describeStatutoryRange(range),
      lawful: lawful.ok ? lawful.text : lawful.message,
      minFen: lawful.ok ? (lawful.fine?.minFen ?? null) : null,
      maxFen: lawful.ok ? (lawful.fine?.maxFen ?? null) : null,
      base: lawful.ok ? (lawful.fine?.base ?? null) : null,
      baseFen: p.baseFen,
      baseUnits: p.baseUnits ?? null,
      baseEvidence: p.baseEvidence ?? null,
    }
    if (outcome.outcome === 'penalty') {
      for (const text of statutoryRangeViolations(range, input, { kinds, fineFen })) departures.push({ level: 'refused', text })
    }
  } else if (outcome.outcome === 'penalty') {
    departures.push({ level: 'refused', text: '本权力事项尚未录入法定处罚幅度，不能据以给予行政处罚' })
  }

  const state = await loadCaseState(db, row)
  const check = outcome.outcome === 'penalty' ? await benchmarkCheck(db, state, { ...p, kinds, fineFen, benchmarkId: outcome.benchmarkId, tier: outcome.tier }) : null
  const benchmark = check ? { code: check.code, tier: outcome.tier ? labels.discretionTier[outcome.tier] : null, within: check.within, rangeMinFen: check.rangeMinFen, rangeMaxFen: check.rangeMaxFen, message: check.message } : null
  if (check && check.within === false) {
    departures.push({ level: 'flagged', text: `${check.message}${outcome.reason ? `；书面理由：${outcome.reason}` : '，尚无书面理由'}` })
  }

  const mitigation = p.mitigation ?? null
  const circumstances = {
    conditions: p.conditions,
    mitigation: mitigation ? { effect: labels.mitigationEffect[mitigation.effect], grounds: mitigation.grounds.map((g) => labels.mitigationGround[g]), evidence: mitigation.evidence ?? null } : null,
    reason: outcome.reason ?? null,
  }
  if (mitigation?.effect === 'mitigated') departures.push({ level: 'flagged', text: `减轻处罚（${mitigation.grounds.map((g) => labels.mitigationGround[g]).join('；')}）：低于法定最低罚款，依本地规定须经集体讨论` })

  const earlier = await repo.partyHistory(db, { creditCode: row.party_credit_code, idNumber: row.party_id_number }, row.id)
  const first = firstViolationCheck(
    earlier.map((h) => ({ caseId: h.id, caseNo: h.case_no, powerItemId: h.power_item_id, actDate: h.act_date, established: h.decision?.outcome === 'penalty' })),
    { powerItemId: row.power_item_id, onDate: row.act_date },
  )
  const listed = await repo.firstViolationListed(db, row.power_item_id, row.org_region_path)
  const history = {
    firstViolation: first.first,
    listed,
    windowFrom: first.windowFrom,
    previous: earlier
      .filter((h) => h.decision?.outcome === 'penalty')
      .map((h) => ({ caseId: h.id, caseNo: h.case_no, actDate: h.act_date, samePowerItem: h.power_item_id === row.power_item_id })),
  }
  if (listed && first.first && outcome.outcome === 'penalty') {
    departures.push({ level: 'flagged', text: `当事人系初次违法，且该事项列入首违不罚清单（第三十三条第一款）${outcome.reason ? `；不适用的理由：${outcome.reason}` : '，尚无不适用的理由'}` })
  }

  return {
    available: true,
    stage,
    penalty: {
      outcome: labels.decisionOutcome[outcome.outcome],
      kinds: kinds.map((k) => labels.penaltyKind[k]),
      fineFen,
      fineText: kinds.includes('fine') ? `${formatYuan(fineFen)}元` : null,
      confiscateFen: outcome.confiscateFen,
    },
    statutory,
    benchmark,
    circumstances,
    history,
    departures,
  }
}
