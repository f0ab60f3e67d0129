import { calendarDaysBetween, deadlineOutcome, labels, lawfulDueOn, shanghaiDateOf } from '@yangguang/core'
import type * as repo from './dashboard.repository'

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>

/** Age buckets of open rectification tasks, in days since the task was created. */
export const ageBuckets = [
  { key: 'd0_7', label: '7天以内', max: 7 },
  { key: 'd8_15', label: '8至15天', max: 15 },
  { key: 'd16_30', label: '16至30天', max: 30 },
  { key: 'd31', label: '30天以上', max: Number.POSITIVE_INFINITY },
] as const

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)

/**
 * Open rectification tasks as buckets by age and the overdue ones (still open after their due day),
 * each with the link to its task page.
 *
 * @example
 * presentRectification(rows, '2026-11-26').overdue[0].link // '/supervision/tasks/…'
 */
export function presentRectification(rows: Rows<typeof repo.openRectificationTasks>, today: string) {
  const buckets = ageBuckets.map((b) => ({ key: b.key, label: b.label, count: 0 }))
  for (const r of rows) {
    const age = calendarDaysBetween(shanghaiDateOf(r.created_at), today)
    const i = ageBuckets.findIndex((b) => age <= b.max)
    buckets[i].count += 1
  }
  const overdue = rows
    .filter((r) => r.status === 'open' && r.due_on < today)
    .map((r) => ({
      id: r.id,
      orgName: r.org_name,
      documentNumber: r.document_number,
      problem: r.problem,
      dueOn: r.due_on,
      daysOverdue: calendarDaysBetween(r.due_on, today),
      escalation: r.escalation,
      link: `/supervision/tasks/${r.id}`,
    }))
  return {
    open: rows.length,
    awaitingAcceptance: rows.filter((r) => r.status === 'responded').length,
    buckets,
    overdue,
    link: '/supervision/tasks',
  }
}

/** Pass / excellent / fail rates (percent, one decimal) by unit and by batch, each batch linking to its page. */
export function presentReview(byUnit: Rows<typeof repo.reviewRatesByUnit>, byBatch: Rows<typeof repo.reviewRatesByBatch>) {
  return {
    byUnit: byUnit.map((u) => ({
      orgId: u.org_id,
      orgName: u.org_name,
      graded: u.graded,
      excellent: u.excellent,
      pass: u.pass,
      fail: u.fail,
      excellentRate: rate(u.excellent, u.graded),
      passRate: rate(u.excellent + u.pass, u.graded),
      failRate: rate(u.fail, u.graded),
    })),
    byBatch: byBatch.map((b) => ({
      batchId: b.batch_id,
      title: b.title,
      status: b.status,
      published: b.published_at !== null,
      files: b.files,
      graded: b.graded,
      excellent: b.excellent,
      pass: b.pass,
      fail: b.fail,
      excellentRate: rate(b.excellent, b.graded),
      passRate: rate(b.excellent + b.pass, b.graded),
      failRate: rate(b.fail, b.graded),
      link: `/review/batches/${b.batch_id}`,
    })),
  }
}

/** Complaints: open, overdue (no answer after the due day) and the year's count by category. */
export function presentComplaints(data: Rows<typeof repo.complaints>, today: string) {
  const overdue = data.open.filter((c) => c.answer_due_on !== null && c.answer_due_on < today)
  return {
    open: data.open.length,
    overdue: overdue.map((c) => ({ id: c.id, complaintNo: c.complaint_no, orgName: c.org_name, category: c.category, categoryLabel: labels.complaintCategory[c.category], status: c.status, answerDueOn: c.answer_due_on as string })),
    byCategory: data.byCategory.map((c) => ({ category: c.category, label: labels.complaintCategory[c.category], count: c.count })),
    link: '/social/complaints',
  }
}

type OverCap = { enterpriseId: string; enterpriseName: string; count: number; orgName?: string }

/** The warnings panel: over-inspection, outside the benchmark, deadlines at risk, publication overdue. */
export function presentWarnings(input: {
  overUnitCap: OverCap[]
  overAllCap: OverCap[]
  caps: { capPerUnit: number; capAllUnits: number }
  outside: Rows<typeof repo.outsideBenchmarkCases>
  deadlines: Rows<typeof repo.deadlinesAtRisk>
  extensions: Awaited<ReturnType<typeof repo.deadlineExtensionRows>>
  publications: Rows<typeof repo.publicationsOverdue>
  today: string
  horizon: string
}) {
  const caseLink = (id: string) => `/cases/${id}`
  return {
    overInspection: {
      caps: input.caps,
      overUnitCap: input.overUnitCap.map((r) => ({ enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, orgName: r.orgName ?? null, count: r.count })),
      overAllCap: input.overAllCap.map((r) => ({ enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, count: r.count })),
      link: '/inspections/oversight',
    },
    outsideBenchmark: input.outside.map((c) => ({ caseId: c.id, caseNo: c.case_no, title: c.title, partyName: c.party_name, orgName: c.org_name, decidedOn: c.decided_on as string, fineFen: Number(c.fine_fen), link: caseLink(c.id) })),
    deadlinesAtRisk: {
      horizon: input.horizon,
      items: input.deadlines.flatMap((d) => {
        // Judged on the lawful due date: the original statutory one and only the extensions granted while it ran.
        const chain = input.extensions.filter((e) => e.case_id === d.case_id && e.kind === d.kind && e.original_due_on === d.original_due_on && e.due_on <= d.due_on)
        const lawful = lawfulDueOn(d.kind, d.original_due_on, chain.map((e) => ({ ground: e.extension_ground ?? 'legacy', grantedOn: e.extended_on ?? e.due_on, fromDueOn: e.extended_from_due_on ?? e.due_on, toDueOn: e.due_on })))
        const { outcome, daysLate } = deadlineOutcome({ dueOn: lawful, metOn: d.met_on, today: input.today })
        const missed = d.status === 'missed' || outcome === 'missed' || outcome === 'met_late'
        if (!missed && (d.status !== 'open' || lawful > input.horizon)) return []
        return [
          {
            id: d.id,
            caseId: d.case_id,
            caseNo: d.case_no,
            title: d.title,
            orgName: d.org_name,
            kind: d.kind,
            kindLabel: labels.caseDeadlineKind[d.kind],
            dueOn: lawful,
            originalDueOn: d.original_due_on,
            metOn: d.met_on,
            missed,
            daysLate,
            link: caseLink(d.case_id),
          },
        ]
      }),
    },
    publicationOverdue: input.publications.map((p) => ({ caseId: p.case_id, caseNo: p.case_no, title: p.title, orgName: p.org_name, decidedOn: p.decided_on, dueOn: p.due_on, daysOverdue: calendarDaysBetween(p.due_on, input.today), link: caseLink(p.case_id) })),
  }
}
