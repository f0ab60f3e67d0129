import { generateIdNumber } from '@yangguang/core'
import type { TestApp } from '../../../test/harness'

/**
 * Test factories for the registry: look up demo records by their codes and make new, valid
 * records with unique numbers. Imported by tests only.
 */

export async function orgIdOf(t: TestApp, code: string): Promise<string> {
  const row = await t.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  return row.id
}

export async function entityIdOf(t: TestApp, orgCode: string): Promise<string> {
  const row = await t.db
    .selectFrom('enforcement_entity as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .select('e.id')
    .where('o.code', '=', orgCode)
    .executeTakeFirstOrThrow()
  return row.id
}

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const row = await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()
  return row.id
}

/** The person record linked to a demo account. */
export async function personOfUser(t: TestApp, username: string) {
  return t.db
    .selectFrom('person as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.name', 'p.id_number', 'p.org_id'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow()
}

let sequence = 100

/** A valid GB 11643 number nobody in the demo holds (born 2000 in 禄丰, a fresh sequence). */
export function newIdNumber(): string {
  sequence += 1
  return generateIdNumber({ regionCode: '532302', birthDate: `2000-0${1 + (sequence % 9)}-15`, sequence: sequence % 1000 })
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(idNumber: string): string {
  const last = idNumber.at(-1)
  return `${idNumber.slice(0, 17)}${last === '1' ? '2' : '1'}`
}

let certSequence = 9000

/** A certificate number in the demo's format that is not taken. */
export function newCertNo(): string {
  certSequence += 1
  return `5323311999${certSequence}`
}

export async function auditRows(t: TestApp, entityId: string) {
  return t.db.selectFrom('audit_log').select(['action', 'summary', 'actor_name', 'before', 'after']).where('entity_id', '=', entityId).orderBy('id').execute()
}
