import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { inspectionActions, planActions } from './inspections.policy'
import type { InspectionRow, OverrideRow } from './inspections.repository'
import type { selectPlans } from './plans.service'

type Officer = { personId: string; name: string; role: 'lead' | 'co'; certNo: string | null }
type Item = { powerItemId: string; code: string; name: string; domain: string; outcome: 'ok' | 'issue' | 'not_applicable' | null; note: string | null }
type Shown = { personId: string; name: string; certNo: string; shownAt: string }
type Photo = { sha256: string; capturedAt: string; byteSize: number; mediaType: string }

export function presentInspection(actor: Actor, row: InspectionRow, personId: string | null) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name, creditCode: row.enterprise_credit_code, address: row.enterprise_address },
    kind: row.kind,
    kindLabel: labels.inspectionKind[row.kind],
    planId: row.plan_id,
    planTitle: row.plan_title,
    trigger: row.trigger,
    triggerNote: row.trigger_note,
    status: row.status,
    statusLabel: labels.inspectionStatus[row.status],
    plannedDate: row.planned_date,
    assigned: row.assigned as Array<{ id: string; name: string }>,
    inspectionDate: row.inspection_date,
    scanMethod: row.scan_method,
    scannedAt: row.scanned_at?.toISOString() ?? null,
    startedAt: row.started_at?.toISOString() ?? null,
    offlineReason: row.offline_reason,
    officers: row.officers as Officer[],
    certificatesShown: (row.certificates_shown as Shown[]).map((c) => ({ ...c, shownAt: new Date(c.shownAt).toISOString() })),
    numbers: { notice: row.notice_no, record: row.record_no, correction: row.correction_no },
    items: row.items as Item[],
    photos: (row.photos as Photo[]).map((p) => ({ ...p, capturedAt: new Date(p.capturedAt).toISOString() })),
    findings: row.findings,
    result: row.result,
    resultLabel: row.result ? labels.inspectionResult[row.result] : null,
    correctionDeadline: row.correction_deadline,
    representativeName: row.representative_name,
    representativeConfirmedAt: row.representative_confirmed_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    syncedAt: row.synced_at?.toISOString() ?? null,
    lateSync: row.late_sync,
    overrideId: row.override_id,
    jointId: row.joint_id,
    clientKey: row.client_key,
    actions: inspectionActions(actor, row, personId),
  }
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof selectPlans>['executeTakeFirstOrThrow']>>

export function presentPlan(actor: Actor | null, row: PlanRow) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    year: row.year,
    kind: row.kind,
    kindLabel: labels.inspectionPlanKind[row.kind],
    title: row.title,
    description: row.description,
    months: row.months,
    targetMode: row.target_mode,
    samplingRule: row.sampling_rule,
    status: row.status,
    statusLabel: labels.inspectionPlanStatus[row.status],
    statusNote: row.status_note,
    targetCount: Number(row.target_count ?? 0),
    doneCount: Number(row.done_count ?? 0),
    publishedAt: row.published_at?.toISOString() ?? null,
    actions: actor ? planActions(actor, row) : [],
  }
}

export function presentOverride(actor: Actor, row: OverrideRow) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    inspectionId: row.inspection_id,
    rules: row.rules,
    violations: row.violations,
    reason: row.reason,
    status: row.status,
    statusLabel: labels.overrideStatus[row.status],
    validOn: row.valid_on,
    requestedBy: row.requested_by_name,
    requestedAt: row.requested_at.toISOString(),
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    actions: row.status === 'pending' && actor.role === 'unit_head' && actor.orgId === row.org_id ? ['approve', 'reject'] : [],
  }
}
