import type { Kysely, Transaction } from 'kysely'
import { labels, type Role } from '@yangguang/core'
import { hashPassword } from '../../platform/auth/password'
import type { DB } from '../../platform/db/schema'
import { inTransaction } from '../../platform/db/transaction'
import { demoOrgs, demoRegions } from './demo-places'

export type DemoAccount = { username: string; password: string; role: Role; roleLabel: string; orgName: string | null }

/** What each part of the demo seed gets: the transaction, ids by code, and a fixed clock. */
export type DemoContext = {
  now: Date
  orgIds: Map<string, string>
  userIds: Map<string, string>
}

/** A part of the demo data set; parts run in order inside one transaction. */
export type DemoSeeder = (trx: Transaction<DB>, ctx: DemoContext) => Promise<void>

const DEMO_PASSWORD = 'Lufeng@2026'

/** The demo accounts, one per role that matters in the closed loop. */
export const demoAccounts: Array<{ username: string; displayName: string; role: Role; org?: string; region?: string }> = [
  { username: 'admin', displayName: '平台管理员', role: 'admin' },
  { username: 'sfj', displayName: '李明华（司法局监督科）', role: 'supervisor', org: 'LF-SFJ' },
  { username: 'sfj2', displayName: '赵雪梅（司法局监督科）', role: 'supervisor', org: 'LF-SFJ' },
  { username: 'zjj_head', displayName: '王建国（住建局局长）', role: 'unit_head', org: 'LF-ZJJ' },
  { username: 'zjj_legal', displayName: '陈丽（住建局法制审核）', role: 'legal_reviewer', org: 'LF-ZJJ' },
  { username: 'zjj_officer', displayName: '张伟（住建局执法人员）', role: 'officer', org: 'LF-ZJJ' },
  { username: 'zjj_officer2', displayName: '刘洋（住建局执法人员）', role: 'officer', org: 'LF-ZJJ' },
  { username: 'js_head', displayName: '杨永福（金山镇镇长）', role: 'unit_head', org: 'JS-ZF' },
  { username: 'md_sfj', displayName: '普志强（牟定县司法局）', role: 'supervisor', org: 'MD-SFJ' },
  { username: 'volunteer', displayName: '段秀英（义务监督员）', role: 'volunteer' },
  // Bound to its demo enterprise by the inspections part of the seed (modules/inspections/inspections.demo.ts).
  { username: 'qiye', displayName: '禄丰金山恒通建材有限公司', role: 'enterprise' },
]

const seeders: DemoSeeder[] = []

/** Adds a part to the demo data set (registry, catalogue, …); called at import time. */
export function registerDemoSeeder(seeder: DemoSeeder): void {
  seeders.push(seeder)
}

/**
 * Loads the 禄丰市 demo data set into an empty database, in one transaction: on failure nothing
 * is left half-loaded. A database that already holds units is left alone.
 *
 * @example
 * const { seeded, accounts } = await seedDemo(db, { now: new Date() })
 */
export async function seedDemo(db: Kysely<DB>, options: { now: Date }): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  await import('./demo-parts')
  const existing = await db.selectFrom('org').select('id').limit(1).executeTakeFirst()
  if (existing) return { seeded: false, accounts: [] }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await inTransaction(db, async (trx) => {
    const ctx: DemoContext = { now: options.now, orgIds: new Map(), userIds: new Map() }
    for (const [index, r] of demoRegions.entries()) {
      const parentPath = r.parent ? pathOf(r.parent) : ''
      await trx.insertInto('region').values({ code: r.code, name: r.name, level: r.level, parent_code: r.parent, path: `${parentPath}${r.code}/`, sort: index }).execute()
    }
    for (const o of demoOrgs) {
      const { id } = await trx
        .insertInto('org')
        .values({
          code: o.code,
          name: o.name,
          short_name: o.shortName,
          kind: o.kind,
          region_code: o.region,
          parent_id: o.parent ? (ctx.orgIds.get(o.parent) ?? null) : null,
          onboarded_on: o.onboarded ? '2025-03-01' : null,
          address: o.address,
          postal_code: o.postalCode,
          contact_phone: o.phone,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ctx.orgIds.set(o.code, id)
    }
    for (const a of demoAccounts) {
      const { id } = await trx
        .insertInto('app_user')
        .values({
          username: a.username,
          display_name: a.displayName,
          role: a.role,
          org_id: a.org ? (ctx.orgIds.get(a.org) ?? null) : null,
          region_code: a.region ?? null,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ctx.userIds.set(a.username, id)
    }
    for (const seeder of seeders) await seeder(trx, ctx)
  })
  return { seeded: true, accounts: demoAccountList() }
}

/** The demo accounts with their password, as `serve --demo` prints them. */
export function demoAccountList(): DemoAccount[] {
  return demoAccounts.map((a) => ({
    username: a.username,
    password: DEMO_PASSWORD,
    role: a.role,
    roleLabel: labels.role[a.role],
    orgName: demoOrgs.find((o) => o.code === a.org)?.name ?? null,
  }))
}

function pathOf(code: string): string {
  const chain: string[] = []
  let current: string | null = code
  while (current) {
    chain.unshift(current)
    const region = demoRegions.find((r) => r.code === current)
    current = region?.parent ?? null
  }
  return chain.map((c) => `${c}/`).join('')
}
