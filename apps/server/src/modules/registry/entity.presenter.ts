import { labels } from '@yangguang/core'
import type { Actor } from '../../platform/auth/actor'
import type { PublishedEntitySnapshot } from '../../platform/db/schema'
import { entityActions } from './entity.policy'
import type { EntityRow } from './entity.repository'

export function presentEntity(actor: Actor, row: EntityRow) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    orgCode: row.org_code,
    name: row.name,
    entityType: row.entity_type,
    entityTypeLabel: labels.entityType[row.entity_type],
    regionCode: row.region_code,
    regionName: row.region_name,
    legalBasis: row.legal_basis,
    responsiblePerson: row.responsible_person,
    address: row.address,
    phone: row.phone,
    status: row.status,
    statusLabel: labels.entityStatus[row.status],
    version: row.version,
    publishedVersion: row.published_snapshot ? row.published_version : null,
    auditedByName: row.audited_by_name,
    auditedAt: row.audited_at?.toISOString() ?? null,
    confirmedByName: row.confirmed_by_name,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
    statusNote: row.status_note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    actions: entityActions(actor, row),
  }
}

/** The snapshot the portal shows, taken at publication: only fields the law has published. */
export function entitySnapshot(row: EntityRow): PublishedEntitySnapshot {
  return {
    name: row.name,
    entityType: row.entity_type,
    regionCode: row.region_code,
    regionName: row.region_name,
    orgName: row.org_name,
    legalBasis: row.legal_basis,
    responsiblePerson: row.responsible_person,
    address: row.address,
    phone: row.phone,
    version: row.version,
  }
}
