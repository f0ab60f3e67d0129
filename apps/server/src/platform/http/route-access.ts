import type { Role } from '@yangguang/core'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { forbidden } from '../errors'
import { signedIn } from './request'

/**
 * Who may call a route at all: anyone (`public`), anyone signed in (`signedIn`), or the listed
 * roles. This is the coarse gate ("is this their kind of business"); which records they may touch
 * (own unit, jurisdiction, own enterprise) stays with each module's policy.
 */
export type RouteAccess = 'public' | 'signedIn' | readonly Role[]

/** 内部人员: the platform admin, 司法局 supervisors and the staff of enforcement units. */
const staff: readonly Role[] = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer']
/** 司法局 supervisors and the platform admin (reading and configuring supervision). */
const bureau: readonly Role[] = ['admin', 'supervisor']
/** Acts of the supervision organ itself: supervisors only (admins operate the platform, they do not supervise). */
const supervisorOnly: readonly Role[] = ['supervisor']
const adminOnly: readonly Role[] = ['admin']
/** Who answers for a unit (its head or legal reviewer), and reads what is sent to it. */
const unitAnswerers: readonly Role[] = ['unit_head', 'legal_reviewer']
/** 执法人员 in the field: officers and unit heads inspect and register cases. */
const inspectors: readonly Role[] = ['unit_head', 'officer']
const unitStaff: readonly Role[] = ['unit_head', 'legal_reviewer', 'officer']
const unitHead: readonly Role[] = ['unit_head']
/** Keepers of a unit's registry records: its head, a supervisor of its jurisdiction, an admin. */
const registryKeepers: readonly Role[] = ['admin', 'supervisor', 'unit_head']
/** Supervision documents and rectification: the bureau writes, units' heads and legal reviewers receive. */
const supervisionParties: readonly Role[] = ['admin', 'supervisor', 'unit_head', 'legal_reviewer']
/** 案卷评查: volunteers (义务监督员) may be drawn as reviewers. */
const reviewParticipants: readonly Role[] = [...staff, 'volunteer']
const enterpriseOnly: readonly Role[] = ['enterprise']
const volunteerOnly: readonly Role[] = ['volunteer']

/**
 * Every API route's gate, as 'METHOD /path'. A route missing here is refused to everyone (fail
 * closed) and fails the authorization matrix test, so a new endpoint cannot ship without a rule.
 */
export const routeAccess: Record<string, RouteAccess> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signedIn',
  'POST /api/auth/password': 'signedIn',

  'GET /api/users': bureau,
  'POST /api/users': adminOnly,
  'PATCH /api/users/:id': adminOnly,
  'POST /api/users/:id/disable': adminOnly,
  'POST /api/users/:id/enable': adminOnly,
  'POST /api/users/:id/reset-password': adminOnly,
  'GET /api/audit-logs': bureau,
  'GET /api/todos': 'signedIn',
  'GET /api/dashboard/supervision': bureau,

  'GET /api/regions': 'public',
  'POST /api/regions': adminOnly,
  'GET /api/orgs': staff,
  'GET /api/orgs/summary': 'signedIn',
  'GET /api/orgs/options': staff,
  'GET /api/orgs/:id': staff,
  'POST /api/orgs': bureau,
  'PATCH /api/orgs/:id': bureau,
  'PATCH /api/orgs/:id/contact': registryKeepers,
  'POST /api/orgs/:id/onboard': bureau,
  'POST /api/orgs/:id/offboard': bureau,

  'GET /api/entities': staff,
  'GET /api/entities/summary': 'signedIn',
  'GET /api/entities/:id': staff,
  'POST /api/entities': registryKeepers,
  'PATCH /api/entities/:id': registryKeepers,
  'POST /api/entities/:id/audit': supervisorOnly,
  'POST /api/entities/:id/confirm': supervisorOnly,
  'POST /api/entities/:id/publish': supervisorOnly,
  'POST /api/entities/:id/return': supervisorOnly,
  'POST /api/entities/:id/withdraw': supervisorOnly,
  'GET /api/delegations': staff,
  'GET /api/delegations/:id': staff,
  'POST /api/delegations': registryKeepers,
  'POST /api/delegations/:id/revoke': registryKeepers,
  'GET /api/persons': staff,
  'GET /api/persons/:id': staff,
  'POST /api/persons': registryKeepers,
  'PATCH /api/persons/:id': registryKeepers,
  'POST /api/persons/:id/leave': registryKeepers,
  'POST /api/persons/:id/rejoin': registryKeepers,
  'GET /api/certificates': staff,
  'GET /api/certificates/:id': staff,
  'POST /api/persons/:id/certificates': supervisorOnly,
  'POST /api/certificates/:id/change': supervisorOnly,
  'POST /api/certificates/:id/suspend': supervisorOnly,
  'POST /api/certificates/:id/restore': supervisorOnly,
  'POST /api/certificates/:id/cancel': supervisorOnly,
  'POST /api/certificates/:id/renew': supervisorOnly,
  'GET /api/public/entities': 'public',
  'GET /api/public/officers': 'public',
  'GET /api/public/certificates/:certNo': 'public',
  'GET /api/public/certificates/:certNo/qr.svg': 'public',
  'GET /api/public/registry/summary': 'public',

  'GET /api/catalogue/power-items': staff,
  'GET /api/catalogue/power-items/options': staff,
  'GET /api/catalogue/power-items/:id': staff,
  'POST /api/catalogue/power-items': bureau,
  'PATCH /api/catalogue/power-items/:id': bureau,
  'POST /api/catalogue/power-items/:id/repeal': bureau,
  'POST /api/catalogue/power-items/:id/restore': bureau,
  'GET /api/catalogue/versions': staff,
  'POST /api/catalogue/versions': bureau,
  'GET /api/catalogue/versions/:id': staff,
  'GET /api/catalogue/versions/:id/items': staff,
  'GET /api/catalogue/versions/:id/adjustments': staff,
  'POST /api/catalogue/versions/:id/adjustments': registryKeepers,
  'POST /api/catalogue/adjustments/:id/accept': bureau,
  'POST /api/catalogue/adjustments/:id/reject': bureau,
  'POST /api/catalogue/versions/:id/approve': bureau,
  'POST /api/catalogue/versions/:id/publish': bureau,
  'GET /api/catalogue/diff': staff,
  'GET /api/public/catalogue': 'public',
  'GET /api/public/catalogue/versions': 'public',
  'GET /api/public/catalogue/diff': 'public',
  'GET /api/duties/summary': staff,
  'GET /api/duties/items': staff,
  'GET /api/duties/adjustments': staff,
  // 动态调整: the township's own head, or a supervisor (or admin) governing it.
  'POST /api/duties/adjustments': registryKeepers,
  'POST /api/duties/adjustments/:id/approve': bureau,
  'POST /api/duties/adjustments/:id/reject': bureau,
  'GET /api/public/duties/townships': 'public',
  'GET /api/public/duties': 'public',

  'GET /api/discretion/benchmarks': staff,
  'GET /api/discretion/benchmarks/:id': staff,
  'POST /api/discretion/benchmarks': ['admin', 'supervisor', 'unit_head', 'legal_reviewer'],
  'PATCH /api/discretion/benchmarks/:id': ['admin', 'supervisor', 'unit_head', 'legal_reviewer'],
  'DELETE /api/discretion/benchmarks/:id': ['admin', 'supervisor', 'unit_head', 'legal_reviewer'],
  'POST /api/discretion/benchmarks/:id/publish': registryKeepers,
  'POST /api/discretion/benchmarks/:id/revise': ['admin', 'supervisor', 'unit_head', 'legal_reviewer'],
  'POST /api/discretion/benchmarks/:id/withdraw': registryKeepers,
  'POST /api/discretion/calculate': staff,
  'GET /api/discretion/no-penalty-items': staff,
  'GET /api/discretion/no-penalty-items/:id': staff,
  'POST /api/discretion/no-penalty-items': bureau,
  'PATCH /api/discretion/no-penalty-items/:id': bureau,
  'DELETE /api/discretion/no-penalty-items/:id': bureau,
  'POST /api/discretion/no-penalty-items/:id/publish': bureau,
  'POST /api/discretion/no-penalty-items/:id/withdraw': bureau,
  'GET /api/public/benchmarks': 'public',
  'GET /api/public/no-penalty-items': 'public',

  'GET /api/enterprises': staff,
  'GET /api/enterprises/:id': staff,
  'POST /api/enterprises': staff,
  'PATCH /api/enterprises/:id': staff,
  'POST /api/enterprises/import': staff,
  'POST /api/enterprises/:id/qr-token': ['admin', 'supervisor', 'unit_head', 'officer'],
  'POST /api/enterprises/:id/activation-codes': registryKeepers,
  'POST /api/enterprise-accounts/activate': 'public',

  'GET /api/inspection-plans': staff,
  // 受理中的事项 and 评价汇总 are the units' and the bureau's working views; the platform admin has neither.
  'GET /api/inspection-plans/held-items': ['supervisor', 'unit_head', 'legal_reviewer', 'officer'],
  'GET /api/inspection-plans/:id': staff,
  'POST /api/inspection-plans': inspectors,
  'POST /api/inspection-plans/:id/submit': inspectors,
  'POST /api/inspection-plans/:id/approve': unitHead,
  'POST /api/inspection-plans/:id/reject': unitHead,
  'POST /api/inspection-plans/:id/publish': unitHead,
  'POST /api/inspection-plans/:id/tasks': inspectors,
  'GET /api/public/inspection-plans': 'public',
  'GET /api/inspections': staff,
  'GET /api/inspections/joint-proposals': staff,
  'GET /api/inspections/:id': staff,
  'GET /api/inspections/:id/documents': staff,
  'POST /api/inspections/ad-hoc': inspectors,
  'POST /api/inspections/:id/approve': unitHead,
  'POST /api/inspections/:id/reject': unitHead,
  'POST /api/inspections/:id/cancel': unitHead,
  'POST /api/inspections/start': inspectors,
  'POST /api/inspections/complete': inspectors,
  'PUT /api/inspection-files/:sha256': inspectors,
  'GET /api/inspection-files/:sha256': [...staff, 'enterprise'],
  'GET /api/inspection-overrides': staff,
  'POST /api/inspection-overrides': inspectors,
  'POST /api/inspection-overrides/:id/approve': unitHead,
  'POST /api/inspection-overrides/:id/reject': unitHead,
  'POST /api/joint-inspections': inspectors,
  'GET /api/inspection-rules': staff,
  'POST /api/inspection-rules/:regionCode': bureau,
  'GET /api/m/today': inspectors,
  'GET /api/m/scan/:token': inspectors,
  'GET /api/my-enterprise/inspections': enterpriseOnly,
  'POST /api/my-enterprise/inspections/:id/rating': enterpriseOnly,
  'POST /api/my-enterprise/complaints': enterpriseOnly,
  'GET /api/inspection-ratings': bureau,
  'GET /api/inspection-ratings/summary': ['supervisor', 'unit_head', 'legal_reviewer', 'officer'],
  'GET /api/inspection-complaints': bureau,
  'GET /api/inspection-oversight': bureau,

  'GET /api/cases': staff,
  'POST /api/cases': inspectors,
  'POST /api/cases/simple': inspectors,
  'GET /api/cases/:id': staff,
  'GET /api/cases/:id/proposal-review': staff,
  'POST /api/cases/:id/actions/:action': unitStaff,
  'GET /api/penalty-rules/:regionCode': bureau,
  'PUT /api/penalty-rules/:regionCode': bureau,
  // Evidence files: attached by the case's officers or unit head (cases module checks which); seen by
  // those who see the case and by the 案卷评查 reviewers (volunteers among them) assigned to its file.
  'PUT /api/cases/:id/evidence/:evidenceId/files/:sha256': inspectors,
  'GET /api/cases/:id/evidence-files/:fileId': reviewParticipants,
  'GET /api/cases/:id/documents': staff,
  'GET /api/cases/:id/documents/:docId/pdf': staff,
  'GET /api/cases/:id/publication': staff,
  'POST /api/cases/:id/publication': unitHead,
  'POST /api/cases/:id/publication/withdraw': unitHead,
  'GET /api/public/documents/:verifyId': 'public',
  'GET /api/public/decisions': 'public',
  'GET /api/public/decisions/:id': 'public',
  'GET /api/public/decision-withdrawals': 'public',
  'POST /api/public/case-lookup': 'public',
  'POST /api/public/case-lookup/documents/:docId': 'public',

  'GET /api/ledger/log': 'public',
  'GET /api/ledger/checkpoint': 'public',
  'GET /api/ledger/checkpoints/:size': 'public',
  'GET /api/ledger/tile/*': 'public',
  'GET /api/ledger/entries/:index': 'public',
  'GET /api/ledger/receipts/:leafHash': 'public',
  'GET /api/ledger/proof/inclusion': 'public',
  'GET /api/ledger/proof/consistency': 'public',
  'GET /api/ledger/record-receipts': bureau,

  'GET /api/calendar/years': staff,
  'GET /api/calendar/years/:year': staff,
  'PUT /api/calendar/years/:year': adminOnly,
  'GET /api/calendar/days': staff,

  'GET /api/review/standards': reviewParticipants,
  'POST /api/review/standards': bureau,
  'GET /api/review/external-files': bureau,
  'POST /api/review/external-files': bureau,
  'GET /api/review/batches': reviewParticipants,
  'POST /api/review/batches': bureau,
  'GET /api/review/batches/:id': reviewParticipants,
  'POST /api/review/batches/:id/freeze': bureau,
  'POST /api/review/batches/:id/draw': bureau,
  'POST /api/review/batches/:id/publish': bureau,
  'GET /api/review/batches/:id/reviewers': bureau,
  'POST /api/review/assignments': bureau,
  'GET /api/review/my-sheets': reviewParticipants,
  'GET /api/review/sheets/:id': reviewParticipants,
  'PATCH /api/review/sheets/:id': reviewParticipants,
  'POST /api/review/sheets/:id/submit': reviewParticipants,
  'POST /api/review/files/:id/response': unitAnswerers,
  'GET /api/review/files/:id/supervision-draft': bureau,
  'GET /api/review/batches/:id/supervision-draft': bureau,
  'GET /api/review/my-results': reviewParticipants,
  'GET /api/review/results': staff,
  'GET /api/public/review/batches': 'public',
  'GET /api/public/review/batches/:id': 'public',

  'GET /api/supervision/document-types': supervisionParties,
  // Kept per jurisdiction: a supervisor writes their own county's rows only (the service refuses the
  // platform's defaults and other counties' rows); administrators keep every row.
  'POST /api/supervision/document-types': bureau,
  'PATCH /api/supervision/document-types/:code': bureau,
  'GET /api/supervision/documents': supervisionParties,
  'POST /api/supervision/documents': bureau,
  'GET /api/supervision/documents/:id': supervisionParties,
  'POST /api/supervision/documents/:id/issue': bureau,
  'GET /api/supervision/documents/:id/pdf': supervisionParties,
  'GET /api/supervision/tasks': supervisionParties,
  'GET /api/supervision/tasks/:id': supervisionParties,
  'GET /api/supervision/tasks/:id/report/pdf': supervisionParties,
  'POST /api/supervision/tasks/:id/respond': unitAnswerers,
  'POST /api/supervision/tasks/:id/accept': bureau,
  'POST /api/supervision/tasks/:id/return': bureau,
  'GET /api/supervision/tasks/:id/evidence/:sha256': supervisionParties,
  'GET /api/supervision/legal-notices': supervisionParties,
  'POST /api/supervision/legal-notices': bureau,
  'GET /api/supervision/legal-notices/:id': supervisionParties,

  'GET /api/public/complaints/options': 'public',
  'POST /api/public/complaints': 'public',
  'POST /api/public/complaints/lookup': 'public',
  'POST /api/public/complaints/feedback': 'public',
  'GET /api/complaints': staff,
  'GET /api/complaints/inspection-complaints': bureau,
  'POST /api/complaints/from-inspection/:id': supervisorOnly,
  'GET /api/complaints/:id': staff,
  'POST /api/complaints/:id/triage': supervisorOnly,
  'POST /api/complaints/:id/assign': supervisorOnly,
  'POST /api/complaints/:id/answer': ['supervisor', 'unit_head', 'legal_reviewer'],
  'POST /api/complaints/:id/close': supervisorOnly,
  'GET /api/volunteers': bureau,
  'POST /api/volunteers': supervisorOnly,
  'GET /api/volunteers/me': volunteerOnly,
  'POST /api/volunteers/:id/end': supervisorOnly,
  'POST /api/volunteers/:id/account': supervisorOnly,
  'POST /api/volunteers/:id/assignments': supervisorOnly,
  'POST /api/volunteer-assignments/:id/done': volunteerOnly,
  'GET /api/volunteer-opinions': ['admin', 'supervisor', 'volunteer'],
  'POST /api/volunteer-opinions': volunteerOnly,
  'POST /api/volunteer-opinions/:id/answer': supervisorOnly,
  'GET /api/volunteer-opinions/:id/attachments/:sha256': ['admin', 'supervisor', 'volunteer'],
  'GET /api/joint-meetings': staff,
  'POST /api/joint-meetings': supervisorOnly,
  'GET /api/joint-meetings/:id': staff,
  'POST /api/joint-meetings/:id/tasks': supervisorOnly,
  'GET /api/joint-meeting-tasks': staff,
  'POST /api/joint-meeting-tasks/:id/done': ['supervisor', 'unit_head', 'legal_reviewer'],
  'GET /api/transfers': staff,
  'POST /api/transfers': ['supervisor', 'unit_head', 'officer'],
  'POST /api/transfers/:id/accept': unitHead,
  'POST /api/transfers/:id/refuse': unitHead,
  'GET /api/social-events': [...staff, 'volunteer'],
  'POST /api/social-events': supervisorOnly,
  'GET /api/social/settings': supervisorOnly,
  'POST /api/social/settings': supervisorOnly,
}

/**
 * Installs the gate: on every API request, right after the session is resolved and before the
 * body is parsed or validated, a route's {@link routeAccess} rule refuses the wrong caller with 401
 * or 403. So a volunteer posting an empty form to a supervisor's route learns "no right", never
 * "your input is wrong" or "the case is in the wrong state" (permission before input and state).
 */
export function installRouteAccessGate(app: FastifyInstance): void {
  let documented: Set<string> | null = null
  app.addHook('onRequest', async (req) => {
    const rule = accessOf(req)
    if (rule === undefined) {
      // Fail closed: a documented API route that nobody gave a rule is refused to everyone until
      // it gets one (the authorization matrix test names it); unmatched URLs go on to their 404.
      documented ??= new Set(app.apiRoutes)
      if (documented.has(routeKey(req))) throw forbidden('该接口尚未配置访问规则', { rule: 'missing' })
      return
    }
    if (rule === 'public') return
    const { actor } = signedIn(req)
    if (rule === 'signedIn' || rule.includes(actor.role)) return
    throw forbidden('当前角色无权使用此功能', { rule: 'role' })
  })
}

/** The rule of the matched route; undefined for unmatched URLs (404) and routes without one. */
function accessOf(req: FastifyRequest): RouteAccess | undefined {
  if (!req.routeOptions.url?.startsWith('/api/')) return undefined
  return routeAccess[routeKey(req)]
}

/** 'METHOD /path' of the matched route, as `app.apiRoutes` lists it. */
function routeKey(req: FastifyRequest): string {
  const method = req.method === 'HEAD' ? 'GET' : req.method
  return `${method} ${req.routeOptions.url}`
}
