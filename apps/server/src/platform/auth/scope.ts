import { type Expression, type SqlBool, sql } from 'kysely'
import type { Actor } from './actor'

/**
 * Which units' records an actor may see:
 * - admin: every unit;
 * - supervisor (司法局): every unit whose region lies in their jurisdiction;
 * - unit staff (head, legal reviewer, officer): their own unit;
 * - enterprise, volunteer: no unit's internal records.
 */
export type OrgScope =
  | { kind: 'all' }
  | { kind: 'region'; path: string }
  | { kind: 'org'; orgId: string }
  | { kind: 'none' }

export function orgScopeOf(actor: Actor): OrgScope {
  if (actor.role === 'admin') return { kind: 'all' }
  if (actor.role === 'supervisor') return actor.regionPath ? { kind: 'region', path: actor.regionPath } : { kind: 'none' }
  if (actor.role === 'unit_head' || actor.role === 'legal_reviewer' || actor.role === 'officer') {
    return actor.orgId ? { kind: 'org', orgId: actor.orgId } : { kind: 'none' }
  }
  return { kind: 'none' }
}

/** Whether a unit in `regionPath` (with id `orgId`) is inside the scope — the row-level twin of {@link orgInScope}. */
export function scopeCovers(scope: OrgScope, orgId: string | null, regionPath: string | null): boolean {
  switch (scope.kind) {
    case 'all':
      return true
    case 'region':
      return regionPath !== null && regionPath.startsWith(scope.path)
    case 'org':
      return orgId !== null && orgId === scope.orgId
    case 'none':
      return false
  }
}

/**
 * A WHERE fragment: the unit id in `column` is inside the actor's scope. Every list query over
 * unit-owned rows applies it.
 *
 * @example
 * db.selectFrom('person').selectAll().where(orgInScope('person.org_id', scope))
 */
export function orgInScope(column: string, scope: OrgScope): Expression<SqlBool> {
  const ref = sql.ref(column)
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`
    case 'org':
      return sql<SqlBool>`${ref} = ${scope.orgId}`
    case 'region':
      return sql<SqlBool>`${ref} in (select o.id from org o join region r on r.code = o.region_code where r.path like ${`${scope.path}%`})`
    case 'none':
      return sql<SqlBool>`false`
  }
}

/** The same for rows keyed by region code (duty lists, entities by township). */
export function regionInScope(column: string, scope: OrgScope, ownRegionPath: string | null): Expression<SqlBool> {
  const ref = sql.ref(column)
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`
    case 'region':
      return sql<SqlBool>`${ref} in (select code from region where path like ${`${scope.path}%`})`
    case 'org':
      return ownRegionPath ? sql<SqlBool>`${ref} in (select code from region where path like ${`${ownRegionPath}%`})` : sql<SqlBool>`false`
    case 'none':
      return sql<SqlBool>`false`
  }
}
