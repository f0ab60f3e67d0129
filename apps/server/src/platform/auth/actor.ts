import type { Role } from '@yangguang/core'

/** Who is acting: the signed-in user as the policies see them. */
export type Actor = {
  userId: string
  username: string
  displayName: string
  role: Role
  orgId: string | null
  orgName: string | null
  /** Region path of the jurisdiction ('530000/532300/532331/'): the unit's region, or the user's own. */
  regionPath: string | null
  regionCode: string | null
  mustChangePassword: boolean
}

/** What every use case receives about the request besides its input. */
export type RequestContext = {
  actor: Actor | null
  ip: string
  userAgent: string | null
  now: Date
}

/** A context for the command line and the seeders: a system actor with full rights. */
export function systemContext(now = new Date()): RequestContext & { actor: Actor } {
  return {
    actor: {
      userId: '',
      username: 'system',
      displayName: '系统',
      role: 'admin',
      orgId: null,
      orgName: null,
      regionPath: '',
      regionCode: null,
      mustChangePassword: false,
    },
    ip: 'cli',
    userAgent: null,
    now,
  }
}
