import type { Role } from '@yangguang/core'
import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import { userActions } from './users.policy'
import type { UserRow } from './users.repository'

export function presentUser(actor: Actor, row: UserRow, now: Date) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    roleLabel: labels.role[row.role as Role] ?? row.role,
    orgId: row.org_id,
    orgName: row.org_name,
    regionCode: row.region_code,
    status: row.status,
    locked: Boolean(row.locked_until && row.locked_until > now),
    mustChangePassword: row.must_change_password,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    actions: userActions(actor, row),
  }
}
