import { addCalendarDays, type EntityStatus, generateIdNumber, shanghaiDateOf } from '@yangguang/core'
import type { Transaction } from 'kysely'
import type { DB, NewRow, PublishedEntitySnapshot } from '../../platform/db/schema'
import { demoOrgs, demoRegions, type DemoOrg } from '../demo/demo-places'
import { registerDemoSeeder, type DemoContext } from '../demo/seed-demo'
import type { CertificateState } from './certificate-validity'
import {
  demoDelegations,
  departmentLaws,
  entrustedTeams,
  femaleSyllables,
  givenSyllables,
  linkedOfficers,
  personIdRegions,
  surnames,
  townshipLegalBasis,
  unitsWithoutEntity,
  unpublishedEntities,
} from './registry-demo-data'

/**
 * The registry part of the 禄丰市 demo, shaped like the source article:
 * - 43 执法主体, of which exactly 38 are published (19 city departments, 14 township governments,
 *   5 township teams as 受委托组织), plus drafts, one audited (by sfj, so sfj2 confirms) and one
 *   confirmed; 牟定县住建局 is a draft for md_sfj;
 * - 9 delegations (five townships entrusting their 综合行政执法队, three departments entrusting
 *   townships — one revoked, one expired, one ending within 30 days);
 * - about 150 officers in the onboarded units, each with a 执法证 numbered
 *   `<县级区域代码6位><有效期起始年份4位><顺序号4位>` (53233120250001), a few suspended, cancelled,
 *   expired or about to expire; the demo accounts zjj_head, zjj_legal, zjj_officer, zjj_officer2
 *   and js_head are linked to their officer records and hold certificates valid on the seed date.
 *
 * Certificate dates count from the seed date, so the demo looks the same whenever it is loaded.
 * Rows are inserted in a few batches: the seed runs for every test file's template.
 */
export async function seedRegistryDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const today = shanghaiDateOf(ctx.now)
  const orgId = (code: string) => {
    const id = ctx.orgIds.get(code)
    if (!id) throw new Error(`demo org ${code} missing`)
    return id
  }
  const userId = (username: string) => ctx.userIds.get(username) ?? null
  const random = mulberry32(20251231)

  // 执法主体
  const entityRows: NewRow<'enforcement_entity'>[] = []
  for (const [index, org] of demoOrgs.entries()) {
    const plan = entityPlan(org)
    if (!plan) continue
    const unpublished = unpublishedEntities[org.code]
    const status = statusOf(org.code)
    const regionName = demoRegions.find((r) => r.code === org.region)?.name ?? ''
    const day = String(1 + (index % 27)).padStart(2, '0')
    const fields = {
      name: org.name,
      entity_type: plan.type,
      region_code: org.region,
      legal_basis: plan.legalBasis,
      responsible_person: `${pick(random, surnames)}${pick(random, givenSyllables)}${pick(random, givenSyllables)}`,
      // The 执法主体 is the unit itself (or its team): the same address and telephone as its documents print.
      address: org.address,
      phone: org.phone,
    }
    const snapshot: PublishedEntitySnapshot = {
      name: fields.name,
      entityType: fields.entity_type,
      regionCode: fields.region_code,
      regionName,
      orgName: org.name,
      legalBasis: fields.legal_basis,
      responsiblePerson: fields.responsible_person,
      address: fields.address,
      phone: fields.phone,
      version: 1,
    }
    const audited = status !== 'draft'
    const confirmed = status === 'confirmed' || status === 'published'
    entityRows.push({
      org_id: orgId(org.code),
      ...fields,
      status,
      audited_by: audited ? userId(org.code.startsWith('MD-') ? 'md_sfj' : 'sfj') : null,
      audited_at: audited ? `2025-03-${day}T10:00:00+08:00` : null,
      confirmed_by: confirmed ? userId('sfj2') : null,
      confirmed_at: confirmed ? `2025-04-${day}T10:00:00+08:00` : null,
      published_at: status === 'published' ? `2025-04-${day}T15:00:00+08:00` : null,
      published_snapshot: status === 'published' ? JSON.stringify(snapshot) : null,
      published_version: status === 'published' ? 1 : null,
      status_note: unpublished?.note ?? null,
      created_at: '2025-02-20T09:00:00+08:00',
      updated_at: '2025-04-30T09:00:00+08:00',
    })
  }
  const entities = await trx.insertInto('enforcement_entity').values(entityRows).returning(['id', 'org_id']).execute()
  const entityOfOrg = new Map(entities.map((e) => [e.org_id, e.id]))

  // 委托
  await trx
    .insertInto('delegation')
    .values(
      demoDelegations.map((d) => {
        const principal = entityOfOrg.get(orgId(d.principal))
        if (!principal) throw new Error(`demo delegation principal ${d.principal} has no entity`)
        return {
          principal_entity_id: principal,
          agent_org_id: orgId(d.agent),
          document_no: d.documentNo,
          document_title: d.documentTitle,
          scope: d.scope,
          valid_from: d.validFrom,
          valid_to: d.validTo === 'soon' ? addCalendarDays(today, 25) : d.validTo,
          status: d.revoked ? ('revoked' as const) : ('active' as const),
          revoked_reason: d.revoked?.reason ?? null,
          revoked_at: d.revoked?.at ?? null,
          revoked_by: d.revoked ? userId('sfj') : null,
          created_by: userId('sfj'),
          created_at: `${d.validFrom}T09:00:00+08:00`,
          updated_at: d.revoked?.at ?? `${d.validFrom}T09:00:00+08:00`,
        }
      }),
    )
    .execute()

  // 执法人员
  const people = planPeople(random, today)
  const personRows = people.map((p) => ({
    org_id: orgId(p.org),
    name: p.name,
    id_number: p.idNumber,
    sex: Number(p.idNumber[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
    phone: p.phone,
    position: p.position,
    user_id: p.username ? userId(p.username) : null,
    status: p.left ? ('left' as const) : ('active' as const),
    created_at: `${p.certificates[0]?.issuedFrom ?? '2024-01-01'}T09:00:00+08:00`,
  }))
  const persons = await trx.insertInto('person').values(personRows).returning(['id', 'id_number']).execute()
  const personIdOf = new Map(persons.map((p) => [p.id_number, p.id]))

  // 执法证 and their histories
  const sequences = new Map<string, number>()
  const certRows: NewRow<'certificate'>[] = []
  const histories = new Map<string, Array<{ action: 'issue' | 'suspend' | 'cancel' | 'renew'; reason: string; on: string; before: CertificateState | null; after: CertificateState }>>()
  // Numbers follow the issue dates, as a register would have handed them out.
  const plannedCertificates = people.flatMap((p) => p.certificates.map((c) => ({ p, c }))).sort((a, b) => a.c.issuedFrom.localeCompare(b.c.issuedFrom))
  for (const { p, c } of plannedCertificates) {
    const prefix = `${demoOrgs.find((o) => o.code === p.org)?.region.slice(0, 6) ?? '532331'}${c.issuedFrom.slice(0, 4)}`
    const sequence = (sequences.get(prefix) ?? 0) + 1
    sequences.set(prefix, sequence)
    const certNo = `${prefix}${String(sequence).padStart(4, '0')}`
    const asIssued: CertificateState = { certNo, areas: c.areas, issuer: '云南省人民政府', validFrom: c.issuedFrom, validTo: c.issuedTo, status: 'valid' }
    const history: NonNullable<ReturnType<typeof histories.get>> = [{ action: 'issue', reason: '经行政执法人员资格考试合格，核发执法证', on: c.issuedFrom, before: null, after: asIssued }]
    let state = asIssued
    for (const e of c.events) {
      const next: CertificateState =
        e.action === 'renew' ? { ...state, validTo: c.validTo } : { ...state, status: e.action === 'suspend' ? 'suspended' : 'cancelled' }
      history.push({ action: e.action, reason: e.reason, on: e.on, before: state, after: next })
      state = next
    }
    const personId = personIdOf.get(p.idNumber)
    if (!personId) throw new Error('demo person missing')
    certRows.push({
      person_id: personId,
      cert_no: certNo,
      areas: state.areas,
      issuer: state.issuer,
      valid_from: state.validFrom,
      valid_to: state.validTo,
      status: state.status,
      created_at: `${c.issuedFrom}T09:00:00+08:00`,
      updated_at: `${history.at(-1)?.on ?? c.issuedFrom}T09:00:00+08:00`,
    })
    histories.set(certNo, history)
  }
  const certificates = await trx.insertInto('certificate').values(certRows).returning(['id', 'cert_no']).execute()
  const supervisor = userId('sfj')
  await trx
    .insertInto('certificate_event')
    .values(
      certificates.flatMap((c) =>
        (histories.get(c.cert_no) ?? []).map((h) => ({
          certificate_id: c.id,
          action: h.action,
          reason: h.reason,
          before: h.before ? JSON.stringify(h.before) : null,
          after: JSON.stringify(h.after),
          actor_id: supervisor,
          at: `${h.on}T09:30:00+08:00`,
        })),
      ),
    )
    .execute()
}

registerDemoSeeder(seedRegistryDemo)

type PlannedCertificate = {
  areas: string[]
  issuedFrom: string
  issuedTo: string
  /** The dates after the events (a renewal moves the end date). */
  validTo: string
  events: Array<{ action: 'suspend' | 'cancel' | 'renew'; reason: string; on: string }>
}

type PlannedPerson = {
  org: string
  name: string
  idNumber: string
  phone: string
  position: string
  username?: string
  left?: boolean
  certificates: PlannedCertificate[]
}

function entityPlan(org: DemoOrg): { type: 'administrative_organ' | 'entrusted_org' | 'township_government'; legalBasis: string } | null {
  if (unitsWithoutEntity.has(org.code)) return null
  const town = demoRegions.find((r) => r.code === org.region)?.name ?? ''
  if (org.kind === 'township') {
    return { type: 'township_government', legalBasis: townshipLegalBasis }
  }
  if (org.kind === 'team') {
    const code = org.code.replace(/-ZFD$/, '')
    if (!entrustedTeams.includes(code)) return null
    return {
      type: 'entrusted_org',
      legalBasis: `《中华人民共和国行政处罚法》第二十条、第二十一条；禄丰市${town}人民政府行政执法委托决定（以委托方名义实施，详见委托公示）`,
    }
  }
  const law = departmentLaws[org.code]
  if (!law) return null
  return {
    type: 'administrative_organ',
    legalBasis: `${law.law}；《中华人民共和国行政处罚法》第十七条；${org.name}职能配置、内设机构和人员编制规定`,
  }
}

/** About 150 officers: 2–6 per onboarded unit, with the special cases the demo should show. */
function planPeople(random: () => number, today: string): PlannedPerson[] {
  const people: PlannedPerson[] = []
  const usedIds = new Set<string>()
  const usedNames = new Set<string>(linkedOfficers.map((o) => o.name))
  // The sequence's parity is the sex (odd = male); it follows the name so the records read true.
  const newIdNumber = (name: string) => {
    const female = [...name.slice(1)].some((c) => femaleSyllables.has(c))
    for (;;) {
      const year = 1968 + Math.floor(random() * 31)
      const birth = addCalendarDays(`${year}-01-01`, Math.floor(random() * 365))
      const sequence = Math.floor(random() * 500) * 2 + (female ? 0 : 1)
      const id = generateIdNumber({ regionCode: pick(random, personIdRegions), birthDate: birth, sequence })
      if (!usedIds.has(id)) {
        usedIds.add(id)
        return id
      }
    }
  }
  const newName = () => {
    for (;;) {
      const name = `${pick(random, surnames)}${pick(random, givenSyllables)}${random() < 0.7 ? pick(random, givenSyllables) : ''}`
      if (!usedNames.has(name)) {
        usedNames.add(name)
        return name
      }
    }
  }
  const phone = () => `1${pick(random, ['38', '39', '58', '87', '51'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
  // A normal certificate: issued some time in the last four years, for five years.
  const normal = (areas: string[]): PlannedCertificate => {
    const issuedFrom = addCalendarDays(today, -(60 + Math.floor(random() * 1400)))
    const issuedTo = addCalendarDays(issuedFrom, 5 * 365)
    return { areas, issuedFrom, issuedTo, validTo: issuedTo, events: [] }
  }

  for (const o of linkedOfficers) {
    const area = o.org === 'JS-ZF' ? ['乡镇综合执法'] : ['住房城乡建设']
    const issuedFrom = addCalendarDays(today, -300)
    people.push({ org: o.org, name: o.name, idNumber: newIdNumber(o.name), phone: phone(), position: o.position, username: o.username, certificates: [{ areas: area, issuedFrom, issuedTo: addCalendarDays(issuedFrom, 5 * 365), validTo: addCalendarDays(issuedFrom, 5 * 365), events: [] }] })
  }

  for (const org of demoOrgs) {
    if (!org.onboarded) continue
    const law = departmentLaws[org.code]
    const count = org.kind === 'department' || org.kind === 'justice_bureau' ? (law?.people ?? 0) : 3
    const existing = people.filter((p) => p.org === org.code).length
    const areas = law ? [law.area] : org.kind === 'team' ? ['乡镇综合执法', '城市管理'] : ['乡镇综合执法']
    for (let i = existing; i < count; i++) {
      const position = i === 0 ? (org.kind === 'team' ? '队长' : org.kind === 'township' ? '副镇长' : '副局长') : pick(random, ['执法人员', '执法人员', '综合执法队员', '科员', '科长'])
      const name = newName()
      people.push({ org: org.code, name, idNumber: newIdNumber(name), phone: phone(), position, certificates: [normal(random() < 0.15 ? [...areas, '综合行政执法'] : areas)] })
    }
  }

  // The special cases, placed on fixed positions of the (deterministic) list, never on the linked accounts.
  const others = people.slice(linkedOfficers.length)
  const at = (org: string, nth: number) => {
    const found = others.filter((p) => p.org === org)[nth]
    if (!found) throw new Error(`demo: no officer #${nth} in ${org}`)
    return found
  }
  const endingIn = (p: PlannedPerson, days: number) => {
    const c = p.certificates[0]
    c.issuedTo = addCalendarDays(today, days)
    c.issuedFrom = addCalendarDays(c.issuedTo, -5 * 365)
    c.validTo = c.issuedTo
  }
  // About to expire (reminders for zjj_head, js_head and the supervisors).
  endingIn(at('LF-ZJJ', 0), 12)
  endingIn(at('JS-ZF', 0), 5)
  endingIn(at('LF-SCJG', 1), 20)
  endingIn(at('GT-ZFD', 2), 28)
  // Expired by date; still stored as 'valid'.
  endingIn(at('LF-LCJ', 2), -3)
  endingIn(at('BC-ZF', 1), -40)
  endingIn(at('LF-JTYS', 3), -120)
  endingIn(at('QF-ZFD', 1), -400)
  // Suspended.
  const suspend = (p: PlannedPerson, reason: string, daysAgo: number) => p.certificates[0].events.push({ action: 'suspend', reason, on: addCalendarDays(today, -daysAgo) })
  suspend(at('LF-ZRZY', 2), '涉嫌违规执法被投诉，暂扣执法证接受调查', 10)
  suspend(at('KLS-ZF', 1), '未按规定参加年度法律知识培训和考核', 45)
  suspend(at('JS-ZFD', 2), '执法过程中未按规定亮证，暂扣待整改', 3)
  // Left the unit; certificate cancelled (and one still waiting for cancellation).
  const leave = (p: PlannedPerson, reason: string, daysAgo: number | null) => {
    p.left = true
    if (daysAgo !== null) p.certificates[0].events.push({ action: 'cancel', reason, on: addCalendarDays(today, -daysAgo) })
  }
  leave(at('LF-SCJG', 3), '调离执法岗位，注销执法证', 200)
  leave(at('HP-ZFD', 0), '退休，注销执法证', 90)
  leave(at('LF-WLJ', 2), '', null)
  // Lost certificate: the old one cancelled, a new number issued.
  const reissued = at('LF-STHJ', 1)
  reissued.certificates[0].events.push({ action: 'cancel', reason: '证件遗失，登报声明作废', on: addCalendarDays(today, -150) })
  reissued.certificates.push({ areas: reissued.certificates[0].areas, issuedFrom: addCalendarDays(today, -149), issuedTo: addCalendarDays(today, 5 * 365 - 149), validTo: addCalendarDays(today, 5 * 365 - 149), events: [] })
  // Renewed after its annual review: the end date moved.
  const renewed = at('LF-YJGL', 0).certificates[0]
  renewed.issuedTo = addCalendarDays(today, -20)
  renewed.issuedFrom = addCalendarDays(renewed.issuedTo, -5 * 365)
  renewed.validTo = addCalendarDays(today, 3 * 365)
  renewed.events.push({ action: 'renew', reason: '年度审验合格，延续有效期', on: addCalendarDays(today, -30) })
  return people
}

function statusOf(orgCode: string): EntityStatus {
  return unpublishedEntities[orgCode]?.status ?? 'published'
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

/** A small seeded generator, so the demo is the same at every load. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
