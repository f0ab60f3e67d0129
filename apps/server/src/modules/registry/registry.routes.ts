import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { certificateRoutes } from './certificate.routes'
import { delegationRoutes } from './delegation.routes'
import { entityRoutes } from './entity.routes'
import { personRoutes } from './person.routes'
import { publicRegistryRoutes } from './public.routes'
import './registry.todos'

/** 主体与人员: entities, delegations, officers and certificates, and their public pages. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(entityRoutes)
  await app.register(delegationRoutes)
  await app.register(personRoutes)
  await app.register(certificateRoutes)
  await app.register(publicRegistryRoutes)
}
