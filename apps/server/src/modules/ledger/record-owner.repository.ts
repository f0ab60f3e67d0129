import { sql } from 'kysely'
import type { Executor } from '../../platform/audit/audit'

/** A unit (with its region) or, for records kept by region, a region alone, that a ledger record belongs to. */
export type RecordOwner = { orgId: string | null; regionPath: string | null }

/**
 * Where the owning unit of each kind of record is found. Records written through the audit log and
 * not listed here fall back to the units their audit entries name.
 */
const ownerQueries: Record<string, (id: string) => ReturnType<typeof sql<RecordOwner>>> = {
  penalty_case: (id) => sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from penalty_case c join org o on o.id = c.org_id join region r on r.code = o.region_code where c.id::text = ${id}`,
  case_publication: (id) => sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from penalty_case c join org o on o.id = c.org_id join region r on r.code = o.region_code where c.id::text = ${id}`,
  case_document: (id) => sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from case_document d join org o on o.id = d.org_id join region r on r.code = o.region_code where d.id::text = ${id}`,
  supervision_document: (id) => sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from supervision_document d join org o on o.id = d.issuer_org_id join region r on r.code = o.region_code where d.id::text = ${id}`,
  supervision_escalation_report: (id) =>
    sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from supervision_escalation_report s join org o on o.id = coalesce(s.issuer_org_id, s.org_id) join region r on r.code = o.region_code where s.id::text = ${id}`,
  inspection: (id) => sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from inspection i join org o on o.id = i.org_id join region r on r.code = o.region_code where i.id::text = ${id}`,
  org: (id) => sql<RecordOwner>`select o.id as "orgId", r.path as "regionPath" from org o join region r on r.code = o.region_code where o.id::text = ${id}`,
  app_user: (id) =>
    sql<RecordOwner>`select u.org_id as "orgId", coalesce(ro.path, ru.path) as "regionPath" from app_user u left join org o on o.id = u.org_id left join region ro on ro.code = o.region_code left join region ru on ru.code = u.region_code where u.id::text = ${id} and coalesce(ro.path, ru.path) is not null`,
  enterprise: (id) => sql<RecordOwner>`select e.registered_by_org_id as "orgId", r.path as "regionPath" from enterprise e join region r on r.code = e.region_code where e.id::text = ${id}`,
}

/**
 * The owners of a ledger record, to decide who may read its receipts (and salts): the record's unit
 * for the kinds above, else the units its audit entries name. Empty when nothing names an owner —
 * then only administrators read them.
 *
 * @example
 * await findRecordOwners(db, 'penalty_case', caseId) // [{ orgId: zjjId, regionPath: '530000/532300/532331/' }]
 */
export async function findRecordOwners(db: Executor, recordType: string, recordId: string): Promise<RecordOwner[]> {
  const query = ownerQueries[recordType]
  if (query) return (await query(recordId).execute(db)).rows
  const { rows } = await sql<RecordOwner>`
    select distinct o.id as "orgId", r.path as "regionPath"
    from audit_log a join org o on o.id = a.org_id join region r on r.code = o.region_code
    where a.entity_type = ${recordType} and a.entity_id = ${recordId}`.execute(db)
  return rows
}
