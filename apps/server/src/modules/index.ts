import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { auditRoutes } from './audit/audit.routes'
import { authRoutes } from './auth/auth.routes'
import { healthRoutes } from './health/health.routes'
import { todoRoutes } from './todos/todos.routes'
import { userRoutes } from './users/users.routes'

/** Every module's routes, mounted under /api. */
export const modules: FastifyPluginAsyncZod[] = [healthRoutes, authRoutes, userRoutes, auditRoutes, todoRoutes]
