import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'

export function presentMe(actor: Actor) {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      roleLabel: labels.role[actor.role],
      orgId: actor.orgId,
      orgName: actor.orgName,
      regionCode: actor.regionCode,
      mustChangePassword: actor.mustChangePassword,
    },
  }
}
