import { z } from 'zod'

/** `GET /api/cases/:id/proposal-review`: the proposal panel (处罚建议审查) of a case. */
export const proposalReviewView = z.object({
  /** False before 调查终结 (no proposal yet). */
  available: z.boolean(),
  /** What is shown: the decision once made, else the proposal. */
  stage: z.enum(['proposal', 'decision']).nullable(),
  penalty: z.object({ outcome: z.string(), kinds: z.array(z.string()), fineFen: z.number().int(), fineText: z.string().nullable(), confiscateFen: z.number().int() }).nullable(),
  /** 法定处罚幅度 of the cited provision, the lawful range for this case and the base it rests on. */
  statutory: z
    .object({
      provision: z.string(),
      lawful: z.string(),
      minFen: z.number().int().nullable(),
      maxFen: z.number().int().nullable(),
      base: z.string().nullable(),
      baseFen: z.number().int().nullable(),
      baseUnits: z.number().int().nullable(),
      baseEvidence: z.string().nullable(),
    })
    .nullable(),
  /** 裁量基准 tier and the calculator's check. */
  benchmark: z.object({ code: z.string().nullable(), tier: z.string().nullable(), within: z.boolean().nullable(), rangeMinFen: z.number().int().nullable(), rangeMaxFen: z.number().int().nullable(), message: z.string() }).nullable(),
  circumstances: z
    .object({
      conditions: z.array(z.string()),
      mitigation: z.object({ effect: z.string(), grounds: z.array(z.string()), evidence: z.string().nullable() }).nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** The party's earlier decided violations and the art. 33 首违 check. */
  history: z
    .object({
      firstViolation: z.boolean(),
      listed: z.boolean(),
      windowFrom: z.string(),
      previous: z.array(z.object({ caseId: z.string(), caseNo: z.string().nullable(), actDate: z.string(), samePowerItem: z.boolean() })),
    })
    .nullable(),
  /** Every departure: `refused` = outside the law (the act will be refused); `flagged` = needs a written reason. */
  departures: z.array(z.object({ level: z.enum(['refused', 'flagged']), text: z.string() })),
})
export type ProposalReviewView = z.infer<typeof proposalReviewView>
