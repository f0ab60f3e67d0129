import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { auditRoutes } from './audit/audit.routes'
import { authRoutes } from './auth/auth.routes'
import { cataloguePublicRoutes } from './catalogue/catalogue-public.routes'
import { catalogueRoutes } from './catalogue/catalogue.routes'
import { dutyPublicRoutes } from './duties/duties-public.routes'
import { dutyRoutes } from './duties/duties.routes'
import { enterpriseRoutes } from './enterprises/enterprises.routes'
import { inspectionRoutes } from './inspections/inspections.routes'
import { healthRoutes } from './health/health.routes'
import { ledgerRoutes } from './ledger/ledger.routes'
import { orgRoutes } from './orgs/orgs.routes'
import { regionRoutes } from './regions/regions.routes'
import { registryRoutes } from './registry/registry.routes'
import { todoRoutes } from './todos/todos.routes'
import { userRoutes } from './users/users.routes'
import { caseRoutes } from './cases/cases.routes'
import { calendarRoutes } from '../platform/calendar/calendar.routes'
import { caseDocumentRoutes } from './cases/case-documents.routes'
import { caseEvidenceFileRoutes } from './cases/case-evidence-files.routes'
import { casesPublicRoutes } from './cases/cases-public.routes'
import { discretionPublicRoutes } from './discretion/discretion-public.routes'
import { discretionRoutes } from './discretion/discretion.routes'
import { supervisionRoutes } from './supervision/supervision.routes'
import { reviewPublicRoutes, reviewRoutes } from './review/review.routes'
import { socialRoutes } from './social/social.routes'
import { dashboardRoutes } from './dashboard/dashboard.routes'

/** Every module's routes, mounted under /api. */
export const modules: FastifyPluginAsyncZod[] = [
  healthRoutes,
  authRoutes,
  userRoutes,
  auditRoutes,
  todoRoutes,
  regionRoutes,
  orgRoutes,
  registryRoutes,
  catalogueRoutes,
  cataloguePublicRoutes,
  dutyRoutes,
  dutyPublicRoutes,
  enterpriseRoutes,
  inspectionRoutes,
  caseRoutes,
  ledgerRoutes,
  calendarRoutes,
  caseDocumentRoutes,
  caseEvidenceFileRoutes,
  casesPublicRoutes,
  discretionRoutes,
  discretionPublicRoutes,
  reviewRoutes,
  reviewPublicRoutes,
  supervisionRoutes,
  socialRoutes,
  dashboardRoutes,
]
