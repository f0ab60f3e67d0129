import { z } from 'zod'

const rate = z.number().nullable().describe('百分比，一位小数；无已评案卷时为 null')
const counted = z.object({ count: z.number().int(), link: z.string() })

export const dashboardQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) })

/** GET /api/dashboard/supervision — the panels of the 监督驾驶舱. */
export const supervisionDashboardView = z.object({
  year: z.number().int(),
  today: z.string(),
  rectification: z.object({
    open: z.number().int(),
    awaitingAcceptance: z.number().int(),
    buckets: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })),
    overdue: z.array(
      z.object({ id: z.string(), orgName: z.string(), documentNumber: z.string().nullable(), problem: z.string(), dueOn: z.string(), daysOverdue: z.number().int(), escalation: z.string(), link: z.string() }),
    ),
    link: z.string(),
  }),
  review: z.object({
    byUnit: z.array(z.object({ orgId: z.string(), orgName: z.string(), graded: z.number().int(), excellent: z.number().int(), pass: z.number().int(), fail: z.number().int(), excellentRate: rate, passRate: rate, failRate: rate })),
    byBatch: z.array(
      z.object({
        batchId: z.string(),
        title: z.string(),
        status: z.string(),
        published: z.boolean(),
        files: z.number().int(),
        graded: z.number().int(),
        excellent: z.number().int(),
        pass: z.number().int(),
        fail: z.number().int(),
        excellentRate: rate,
        passRate: rate,
        failRate: rate,
        link: z.string(),
      }),
    ),
  }),
  complaints: z.object({
    open: z.number().int(),
    overdue: z.array(z.object({ id: z.string(), complaintNo: z.string(), orgName: z.string(), category: z.string(), categoryLabel: z.string(), status: z.string(), answerDueOn: z.string() })),
    byCategory: z.array(z.object({ category: z.string(), label: z.string(), count: z.number().int() })),
    link: z.string(),
  }),
  warnings: z.object({
    overInspection: z.object({
      caps: z.object({ capPerUnit: z.number(), capAllUnits: z.number() }),
      overUnitCap: z.array(z.object({ enterpriseId: z.string(), enterpriseName: z.string(), orgName: z.string().nullable(), count: z.number().int() })),
      overAllCap: z.array(z.object({ enterpriseId: z.string(), enterpriseName: z.string(), count: z.number().int() })),
      link: z.string(),
    }),
    outsideBenchmark: z.array(z.object({ caseId: z.string(), caseNo: z.string().nullable(), title: z.string(), partyName: z.string(), orgName: z.string(), decidedOn: z.string(), fineFen: z.number().int(), link: z.string() })),
    deadlinesAtRisk: z.object({
      horizon: z.string(),
      /**
       * `dueOn` is the lawful due date (the original statutory one, `originalDueOn`, plus the extensions granted
       * while it ran); `missed` also flags an act done after it (`metOn`), which stays flagged.
       */
      items: z.array(
        z.object({
          id: z.string(),
          caseId: z.string(),
          caseNo: z.string().nullable(),
          title: z.string(),
          orgName: z.string(),
          kind: z.string(),
          kindLabel: z.string(),
          dueOn: z.string(),
          originalDueOn: z.string(),
          metOn: z.string().nullable(),
          missed: z.boolean(),
          daysLate: z.number().int(),
          link: z.string(),
        }),
      ),
    }),
    publicationOverdue: z.array(z.object({ caseId: z.string(), caseNo: z.string().nullable(), title: z.string(), orgName: z.string(), decidedOn: z.string(), dueOn: z.string(), daysOverdue: z.number().int(), link: z.string() })),
  }),
  ledger: z.object({
    status: z.enum(['ok', 'degraded']),
    alarms: z
      .array(z.object({ witness: z.string(), status: z.enum(['refused', 'unreachable']), reason: z.string(), since: z.string().describe('ISO 时刻：状态自何时起') }))
      .describe('存证日志的见证方拒绝联署（告警）或无法联系'),
  }),
  counts: z.object({
    casesDecided: counted,
    inspections: counted,
    caseDocumentsIssued: counted,
    supervisionDocuments: z.array(z.object({ typeCode: z.string(), name: z.string(), count: z.number().int(), link: z.string() })),
  }),
})
