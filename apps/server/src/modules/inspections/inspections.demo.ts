import { randomUUID } from 'node:crypto'
import { addCalendarDays, formatDocNumber, generateUscc, shanghaiDateOf, weekdayOf, type IsoDate } from '@yangguang/core'
import type { Transaction } from 'kysely'
import type { DB, NewRow } from '../../platform/db/schema'
import { inspectionItems } from '../catalogue/catalogue-demo-items'
import { townshipList } from '../demo/demo-places'
import { type DemoContext, registerDemoSeeder } from '../demo/seed-demo'
import { demoQrToken, hashToken } from '../enterprises/enterprise-tokens'
import { areaCovers, capWindowOf, defaultRules } from './inspection-rules'
import { listHeldPowerItems } from './inspections.repository'

/** The enterprise the demo account `qiye` speaks for. */
export const DEMO_ENTERPRISE = { creditCode: generateUscc({ serial: 10_000_001 }), name: '禄丰金山恒通建材有限公司' }
/** Inspections recorded through 云执法 in 2025, as in the source article. */
export const DEMO_INSPECTIONS_2025 = 786
const BATCH = 500

/**
 * The 云执法 part of the 禄丰市 demo: 300 enterprises across the 14 townships with valid credit
 * codes and QR posters (demo tokens, see `demoQrToken`), annual and special plans of the units
 * that hold catalogue items, exactly 786 inspections in 2025 and more in 2026 — each by two
 * officers whose certificates were valid that day and cover the items — with results, ratings,
 * a few joint inspections, overrides, late syncs, typed-in codes and missed visits; today's tasks
 * for zjj_officer and zjj_officer2, and the enterprise account `qiye`.
 */
export async function seedInspectionsDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const random = mulberry32(20250320)
  const today = shanghaiDateOf(ctx.now)
  const thisYear = Number(today.slice(0, 4))

  // 市场主体
  const enterprises = planEnterprises(random)
  // Registered where they trade: 恒通建材 by 住建局 (whose officers print its poster), the others by
  // their township's 综合行政执法队; the 司法局 of 禄丰市 keeps them all (migration 0015).
  const teamOfTownship = new Map(townshipList.map(([abbr, , code]) => [code as string, ctx.orgIds.get(`${abbr}-ZFD`) ?? null]))
  const registrarOf = (e: (typeof enterprises)[number]) => (e.credit_code === DEMO_ENTERPRISE.creditCode ? (ctx.orgIds.get('LF-ZJJ') ?? null) : (teamOfTownship.get(e.township_code ?? '') ?? null))
  await insertBatches(trx, 'enterprise', enterprises.map((e) => ({ ...e, region_code: e.township_code, registered_by_org_id: registrarOf(e), qr_token_hash: hashToken(demoQrToken(e.credit_code)), qr_issued_at: '2025-03-01T09:00:00+08:00', qr_version: 1, created_at: '2025-03-01T09:00:00+08:00' })))
  const qiye = enterprises[0]!
  const qiyeUser = ctx.userIds.get('qiye')
  if (qiyeUser) await trx.updateTable('app_user').set({ enterprise_id: qiye.id }).where('id', '=', qiyeUser).execute()

  await trx.insertInto('inspection_rule_set').values({ region_code: '532331', updated_at: '2025-06-30T09:00:00+08:00' }).execute()
  const rules = defaultRules
  await seedInspectionItems(trx)

  // Units that can inspect: they hold items and have at least two officers.
  const persons = await trx
    .selectFrom('person as p')
    .innerJoin('certificate as c', 'c.person_id', 'p.id')
    .select(['p.id', 'p.org_id', 'p.user_id', 'c.cert_no', 'c.areas', 'c.valid_from', 'c.valid_to', 'c.status', 'c.id as certificate_id'])
    .where('p.status', '=', 'active')
    .where('c.status', '=', 'valid')
    .execute()
  const orgs = await trx.selectFrom('org').select(['id', 'code', 'region_code', 'short_name']).execute()
  type Unit = { id: string; code: string; township: string | null; items: Array<{ id: string; domain: string }>; officers: typeof persons; weight: number }
  const units: Unit[] = []
  for (const o of orgs) {
    if (!['LF-ZJJ', 'LF-LCJ', 'LF-ZRZY'].includes(o.code) && !o.code.endsWith('-ZF')) continue
    if (o.code.startsWith('MD-')) continue
    // Plans and inspections rest on 行政检查 items only (the penalty items are what a case cites).
    const held = (await listHeldPowerItems(trx, o.id)).filter((i) => i.kind === 'inspection')
    const officers = persons.filter((p) => p.org_id === o.id)
    if (held.length === 0 || new Set(officers.map((p) => p.id)).size < 2) continue
    const domain = o.code === 'LF-LCJ' ? '林草' : o.code === 'LF-ZRZY' ? '自然资源和规划' : '住房城乡建设'
    const items = held.filter((i) => i.domain === domain)
    units.push({ id: o.id, code: o.code, township: o.code.endsWith('-ZF') ? o.region_code : null, items: items.length ? items : held.slice(0, 6), officers, weight: o.code === 'LF-ZJJ' ? 6 : o.code.startsWith('LF-') ? 4 : 1 })
  }
  if (units.length === 0) return

  // Plans: an annual plan per unit and year, and a special plan of 住建局.
  const plans: NewRow<'inspection_plan'>[] = []
  const planItems: NewRow<'inspection_plan_item'>[] = []
  const planTargets: NewRow<'inspection_plan_target'>[] = []
  const planOf = new Map<string, string>()
  const head = ctx.userIds.get('zjj_head') ?? null
  const targetsOf = (u: Unit) => (u.township ? enterprises.filter((e) => e.township_code === u.township) : enterprises)
  for (const u of units) {
    for (const year of [2025, thisYear]) {
      if (planOf.has(`${u.id}:${year}`)) continue
      const id = randomUUID()
      planOf.set(`${u.id}:${year}`, id)
      plans.push({
        id,
        org_id: u.id,
        year,
        kind: 'annual',
        title: `${year}年度涉企行政检查计划`,
        description: '依据本单位权责清单，按“双随机、一公开”和分级分类原则安排；同一企业年度检查不超过 2 次。',
        months: year === 2025 ? [3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        target_mode: 'list',
        status: 'published',
        approved_by: u.code === 'LF-ZJJ' ? head : null,
        approved_at: `${year === 2025 ? 2025 : year}-02-20T10:00:00+08:00`,
        published_at: `${year === 2025 ? 2025 : year}-02-25T10:00:00+08:00`,
        created_at: `${year}-02-10T10:00:00+08:00`,
      })
      for (const item of u.items) planItems.push({ plan_id: id, power_item_id: item.id })
      for (const e of targetsOf(u)) planTargets.push({ plan_id: id, enterprise_id: e.id! })
    }
  }
  const zjj = units.find((u) => u.code === 'LF-ZJJ')
  const specialId = randomUUID()
  const draftId = randomUUID()
  if (zjj) {
    plans.push({ id: specialId, org_id: zjj.id, year: 2025, kind: 'special', title: '2025年建筑施工领域安全生产专项检查', description: '汛期前后对在建工程开展专项检查。', months: [6, 7, 8], target_mode: 'sampling', sampling_rule: JSON.stringify({ count: 30, industry: '建筑业' }), status: 'published', approved_by: head, approved_at: '2025-05-20T10:00:00+08:00', published_at: '2025-05-22T10:00:00+08:00', created_at: '2025-05-10T10:00:00+08:00' })
    plans.push({ id: draftId, org_id: zjj.id, year: thisYear, kind: 'special', title: `${thisYear}年城镇燃气安全专项检查`, description: '对燃气经营和使用单位开展专项检查。', months: [11, 12], target_mode: 'sampling', sampling_rule: JSON.stringify({ count: 20 }), status: 'submitted', created_at: `${thisYear}-10-20T10:00:00+08:00` })
    for (const item of zjj.items.slice(0, 3)) planItems.push({ plan_id: specialId, power_item_id: item.id }, { plan_id: draftId, power_item_id: item.id })
    for (const e of enterprises.filter((x) => x.industry === '建筑业').slice(0, 30)) planTargets.push({ plan_id: specialId, enterprise_id: e.id! })
  }
  await insertBatches(trx, 'inspection_plan', plans)
  await insertBatches(trx, 'inspection_plan_item', planItems)
  await insertBatches(trx, 'inspection_plan_target', planTargets)

  // Inspections
  const rows: NewRow<'inspection'>[] = []
  const officerRows: NewRow<'inspection_officer'>[] = []
  const itemRows: NewRow<'inspection_item'>[] = []
  const ratingRows: NewRow<'inspection_rating'>[] = []
  const overrideRows: NewRow<'inspection_override'>[] = []
  const jointRows: NewRow<'joint_inspection'>[] = []
  // What each enterprise has had, to keep every inspection within the caps as the start rule
  // judges them: in the window that ends on its own day (the overrides are the exceptions).
  type Visit = { date: IsoDate; unitId: string; visit: string; exempt: boolean }
  const history = new Map<string, Visit[]>()
  const lawfulAt = (visits: Visit[], p: Visit) => {
    const from = capWindowOf(p.date, rules.capPeriod).from
    const before = visits.filter((v) => v !== p && v.date >= from && v.date <= p.date && v.visit !== p.visit)
    return before.filter((v) => v.unitId === p.unitId).length < rules.capPerUnit && new Set(before.map((v) => v.visit)).size < rules.capAllUnits
  }
  /** Whether an inspection of `e` by `u` on `date` keeps itself and every later one within the caps. */
  const fits = (u: Unit, e: (typeof enterprises)[number], date: IsoDate, visit: string = randomUUID()) => {
    // 住建局's visits to 恒通建材 stay clear of today's window: zjj_officer inspects it today.
    if (e.id === qiye.id && u.code === 'LF-ZJJ' && date >= capWindowOf(today, rules.capPeriod).from) return false
    const visits = history.get(e.id!) ?? []
    const candidate: Visit = { date, unitId: u.id, visit, exempt: false }
    const withIt = [...visits, candidate]
    if (!lawfulAt(withIt, candidate)) return false
    return visits.every((x) => x.exempt || x.date < date || lawfulAt(withIt, x))
  }
  /** This unit's and all units' inspections of `e` in the window ending on `date`. */
  const inWindow = (u: Unit, e: (typeof enterprises)[number], date: IsoDate) => {
    const from = capWindowOf(date, rules.capPeriod).from
    const visits = (history.get(e.id!) ?? []).filter((v) => v.date >= from && v.date <= date)
    return { unit: visits.filter((v) => v.unitId === u.id).length, all: new Set(visits.map((v) => v.visit)).size }
  }
  const eligible = (u: Unit, date: IsoDate, domains: string[]) => {
    const seen = new Set<string>()
    return u.officers.filter((p) => {
      if (seen.has(p.id) || p.valid_from > date || p.valid_to < date || !domains.every((d) => areaCovers(p.areas, d))) return false
      seen.add(p.id)
      return true
    })
  }
  const weighted = units.flatMap((u) => Array<Unit>(u.weight).fill(u))
  const workingDay = (from: IsoDate, span: number) => {
    for (;;) {
      const d = addCalendarDays(from, Math.floor(random() * span))
      if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6) return d
    }
  }

  type Make = { u: Unit; e: (typeof enterprises)[number]; date: IsoDate; override?: boolean; jointId?: string; kind?: 'ad_hoc' | 'planned_special'; officers?: typeof persons }
  const make = (m: Make): string | null => {
    const year = Number(m.date.slice(0, 4))
    const items = m.u.items.slice(0, 1 + Math.floor(random() * Math.min(3, m.u.items.length)))
    const officers = m.officers ?? eligible(m.u, m.date, [...new Set(items.map((i) => i.domain))])
    if (officers.length < 2) return null
    const start = Math.floor(random() * (officers.length - 1))
    const pair = [officers[start]!, officers[start + 1]!]
    const id = randomUUID()
    const kind = m.kind ?? (random() < 0.08 ? 'ad_hoc' : 'planned_annual')
    const scannedAt = new Date(`${m.date}T${String(9 + Math.floor(random() * 7)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00+08:00`)
    const late = random() < 0.02
    const completedAt = new Date(scannedAt.getTime() + (40 + Math.floor(random() * 80)) * 60_000)
    const syncedAt = new Date(completedAt.getTime() + (late ? (2 + Math.floor(random() * 4)) * 86_400_000 : 60_000))
    const r = random()
    const result = r < 0.8 ? 'no_issue' : r < 0.95 ? 'correct' : 'transfer'
    const trigger = kind === 'ad_hoc' ? (['complaint', 'transfer', 'data_monitoring'] as const)[Math.floor(random() * 3)]! : null
    let overrideId: string | null = null
    if (m.override) {
      overrideId = randomUUID()
      overrideRows.push({ id: overrideId, org_id: m.u.id, enterprise_id: m.e.id!, inspection_id: id, rules: ['cap_unit'], violations: JSON.stringify([{ rule: 'cap_unit', message: `超过检查频次上限：本单位${year}年已检查该企业 2 次（上限 2 次）`, overridable: true }]), reason: '群众举报该企业在建工程存在重大安全隐患，须立即现场核查', status: 'used', requested_at: new Date(scannedAt.getTime() - 3_600_000), decided_at: new Date(scannedAt.getTime() - 1_800_000), decided_by: m.u.code === 'LF-ZJJ' ? head : null, decision_note: '同意，检查后报司法局备案', valid_on: m.date, used_at: scannedAt })
    }
    rows.push({
      id,
      org_id: m.u.id,
      enterprise_id: m.e.id!,
      kind,
      plan_id: kind === 'ad_hoc' ? null : kind === 'planned_special' ? specialId : planOf.get(`${m.u.id}:${year}`)!,
      trigger,
      trigger_note: trigger ? { complaint: '12345 热线转来群众投诉', transfer: '上级部门转办线索', data_monitoring: '监管平台数据异常预警' }[trigger] : null,
      status: 'completed',
      planned_date: m.date,
      officer_ids: pair.map((p) => p.id),
      approved_at: new Date(scannedAt.getTime() - 2 * 86_400_000),
      joint_id: m.jointId ?? null,
      joint_joined_at: m.jointId ? new Date(scannedAt.getTime() - 86_400_000) : null,
      client_key: `demo-${id}`,
      inspection_date: m.date,
      scan_method: random() < 0.03 ? 'typed' : 'qr',
      scanned_at: scannedAt,
      started_at: late ? syncedAt : new Date(scannedAt.getTime() + 5_000),
      offline_reason: late ? '山区无信号，返回后补录' : null,
      override_id: overrideId,
      findings: result === 'no_issue' ? '现场检查未发现违法违规问题，告知企业依法经营。' : result === 'correct' ? '发现部分事项不符合规定，已当场指出并责令限期改正。' : '发现涉嫌违法行为，证据已固定，移送立案查处。',
      result,
      correction_deadline: result === 'correct' ? addCalendarDays(m.date, 15) : null,
      representative_name: `${m.e.contact_name ?? '负责人'}`,
      representative_confirmed_at: completedAt,
      completed_at: completedAt,
      synced_at: syncedAt,
      late_sync: late,
      created_at: new Date(scannedAt.getTime() - 3 * 86_400_000),
      updated_at: syncedAt,
    })
    pair.forEach((p, i) => officerRows.push({ inspection_id: id, person_id: p.id, role: i === 0 ? 'lead' : 'co', certificate_id: p.certificate_id, cert_no: p.cert_no }))
    items.forEach((item, i) => itemRows.push({ inspection_id: id, power_item_id: item.id, outcome: result !== 'no_issue' && i === 0 ? 'issue' : 'ok', note: null }))
    const rated = random()
    if (rated < 0.38) {
      const s = random()
      const score = s < 0.6 ? 5 : s < 0.85 ? 4 : s < 0.93 ? 3 : s < 0.97 ? 2 : 1
      ratingRows.push({ inspection_id: id, enterprise_id: m.e.id!, score, comment: score <= 2 ? '检查人员态度生硬，反复要求提供已提交过的材料' : score === 5 ? '检查规范，亮证执法，指导到位' : null, created_at: new Date(completedAt.getTime() + 86_400_000) })
    }
    history.set(m.e.id!, [...(history.get(m.e.id!) ?? []), { date: m.date, unitId: m.u.id, visit: m.jointId ?? id, exempt: Boolean(m.override) }])
    return id
  }

  const generate = (count: number, from: IsoDate, span: number) => {
    const start = rows.length
    for (let attempt = 0; rows.length - start < count && attempt < count * 40; attempt++) {
      const u = weighted[Math.floor(random() * weighted.length)]!
      const pool = targetsOf(u)
      const e = pool[Math.floor(random() * pool.length)]!
      const date = workingDay(from, span)
      // 综合查一次: now and then a department and the township visit together.
      const township = units.find((t) => t.township === e.township_code)
      const jointId = randomUUID()
      if (!u.township && township && rows.length - start + 2 <= count && random() < 0.05 && fits(u, e, date, jointId) && fits(township, e, date, jointId)) {
        jointRows.push({ id: jointId, enterprise_id: e.id!, planned_date: date, lead_org_id: u.id, created_at: new Date(`${addCalendarDays(date, -7)}T10:00:00+08:00`) })
        if (make({ u, e, date, jointId })) make({ u: township, e, date, jointId })
        continue
      }
      if (fits(u, e, date)) make({ u, e, date })
    }
    return rows.length - start
  }

  // 2025: exactly 786, three of them over the cap with the unit head's approval.
  const made2025 = generate(DEMO_INSPECTIONS_2025 - 3, '2025-03-03', 300)
  let overrides = 0
  if (zjj) {
    for (const e of enterprises) {
      if (overrides === 3) break
      const date = workingDay('2025-12-01', 25)
      const counts = inWindow(zjj, e, date)
      if (counts.unit !== rules.capPerUnit || counts.all >= rules.capAllUnits) continue
      if (make({ u: zjj, e, date, override: true })) overrides += 1
    }
  }
  // Top up to exactly 786 if a unit lacked officers on some day.
  generate(DEMO_INSPECTIONS_2025 - made2025 - overrides, '2025-03-03', 300)
  const count2025 = rows.filter((r) => String(r.inspection_date).startsWith('2025')).length
  if (count2025 !== DEMO_INSPECTIONS_2025) throw new Error(`demo: ${count2025} inspections in 2025, expected ${DEMO_INSPECTIONS_2025}`)

  // This year, up to yesterday.
  if (thisYear > 2025) {
    const span = Math.max(1, Math.min(300, (Date.parse(today) - Date.parse(`${thisYear}-01-05`)) / 86_400_000 - 1))
    generate(Math.round(150 * (span / 300)), `${thisYear}-01-05`, span)
  }

  // The demo enterprise has a history, and 住建局 has one enterprise already at its cap this year.
  const capped = zjj ? enterprises.find((e) => e.id !== qiye.id && e.township_code === '532331100' && inWindow(zjj, e, today).unit === 0 && inWindow(zjj, e, today).all <= 1) : undefined
  if (zjj && capped) {
    for (const date of [addCalendarDays(today, -120), addCalendarDays(today, -40)]) {
      const d = weekdayOf(date) === 0 ? addCalendarDays(date, 1) : weekdayOf(date) === 6 ? addCalendarDays(date, 2) : date
      if (d < today && Number(d.slice(0, 4)) === thisYear) make({ u: zjj, e: capped, date: d })
    }
  }

  // Today's tasks for zjj_officer and zjj_officer2, and a few missed visits.
  const tasks: NewRow<'inspection'>[] = []
  const taskItems: NewRow<'inspection_item'>[] = []
  const linked = zjj ? [ctx.userIds.get('zjj_officer'), ctx.userIds.get('zjj_officer2')].map((uid) => zjj.officers.find((p) => p.user_id === uid)?.id).filter((x): x is string => Boolean(x)) : []
  if (zjj && linked.length === 2) {
    const free = enterprises.filter((e) => e.id !== capped?.id && inWindow(zjj, e, today).unit === 0 && inWindow(zjj, e, today).all < 2)
    const todayTargets = [qiye, ...free.filter((e) => e.id !== qiye.id).slice(0, 2), ...(capped ? [capped] : [])]
    const missed = free.filter((e) => e.id !== qiye.id).slice(2, 7)
    for (const [i, e] of [...todayTargets, ...missed].entries()) {
      const id = randomUUID()
      const isMissed = i >= todayTargets.length
      tasks.push({
        id,
        org_id: zjj.id,
        enterprise_id: e.id!,
        kind: 'planned_annual',
        plan_id: planOf.get(`${zjj.id}:${thisYear}`)!,
        status: 'scheduled',
        planned_date: isMissed ? addCalendarDays(today, -20 - i) : today,
        officer_ids: linked,
        approved_by: head,
        approved_at: ctx.now,
        created_at: ctx.now,
      })
      for (const item of zjj.items.slice(0, 3)) taskItems.push({ inspection_id: id, power_item_id: item.id, outcome: null, note: null })
    }
    // An ad-hoc inspection waiting for the head's approval.
    const adHoc = randomUUID()
    tasks.push({ id: adHoc, org_id: zjj.id, enterprise_id: free[8]?.id ?? qiye.id!, kind: 'ad_hoc', trigger: 'complaint', trigger_note: '群众投诉夜间违规施工', status: 'pending_approval', planned_date: addCalendarDays(today, 1), officer_ids: linked, created_at: ctx.now })
    taskItems.push({ inspection_id: adHoc, power_item_id: zjj.items[0]!.id, outcome: null, note: null })
  }

  // 文号 from the units' counters, in the order of the scans (as the start and completion take them),
  // and the 亮证 of both officers on arrival.
  const shortName = new Map(orgs.map((o) => [o.id, o.short_name]))
  const counters = new Map<string, number>()
  const take = (orgId: string, kind: string, year: number) => {
    const k = `${orgId}|${kind}|${year}`
    const seq = (counters.get(k) ?? 0) + 1
    counters.set(k, seq)
    return formatDocNumber({ prefix: shortName.get(orgId)!, kind, year, seq })
  }
  const byScan = [...rows].sort((a, b) => new Date(a.scanned_at!).getTime() - new Date(b.scanned_at!).getTime())
  for (const r of byScan) {
    const year = Number(String(r.inspection_date).slice(0, 4))
    r.notice_no = take(r.org_id, '检通字', year)
    r.record_no = take(r.org_id, '检录字', year)
  }
  for (const r of [...byScan].sort((a, b) => new Date(a.completed_at!).getTime() - new Date(b.completed_at!).getTime())) {
    if (r.result === 'correct') r.correction_no = take(r.org_id, '检改字', Number(String(r.inspection_date).slice(0, 4)))
  }
  const shownRows: NewRow<'inspection_certificate_shown'>[] = officerRows.map((o, i) => {
    const scannedAt = new Date(rows.find((r) => r.id === o.inspection_id)!.scanned_at!)
    return { inspection_id: o.inspection_id, person_id: o.person_id, certificate_id: o.certificate_id!, cert_no: o.cert_no!, shown_at: new Date(scannedAt.getTime() + (60 + (i % 2) * 20) * 1000), recorded_by: null }
  })

  await insertBatches(trx, 'joint_inspection', jointRows)
  await insertBatches(trx, 'inspection_override', overrideRows.map((o) => ({ ...o, inspection_id: null })))
  await insertBatches(trx, 'inspection', [...rows, ...tasks])
  for (const o of overrideRows) await trx.updateTable('inspection_override').set({ inspection_id: o.inspection_id }).where('id', '=', o.id!).execute()
  await insertBatches(trx, 'inspection_officer', officerRows)
  await insertBatches(trx, 'inspection_certificate_shown', shownRows)
  await insertBatches(
    trx,
    'doc_number_sequence',
    [...counters].map(([k, last]) => {
      const [orgId, kind, year] = k.split('|')
      return { org_id: orgId!, kind_code: kind!, year: Number(year), last_seq: last }
    }),
  )
  await insertBatches(trx, 'inspection_item', [...itemRows, ...taskItems])
  await insertBatches(trx, 'inspection_rating', ratingRows)
  const zjjRow = orgs.find((o) => o.code === 'LF-ZJJ')
  await insertBatches(trx, 'inspection_complaint', [
    { org_id: zjjRow?.id ?? null, anonymous: true, content: '检查人员要求企业法定代表人必须到场，影响正常经营。', created_at: '2025-09-12T00:00:00+08:00' },
    { org_id: units[1]?.id ?? null, anonymous: true, content: '一个月内被不同部门检查三次，内容重复。', created_at: '2025-11-03T00:00:00+08:00' },
    { org_id: zjjRow?.id ?? null, anonymous: false, enterprise_id: qiye.id!, content: '希望检查前能提前告知需要准备的材料。', created_at: '2025-07-21T15:30:00+08:00' },
  ])
}

registerDemoSeeder(seedInspectionsDemo)

/** The 行政检查 items of the master list, held by their department and the 14 township governments. */
async function seedInspectionItems(trx: Transaction<DB>) {
  const inserted = await trx
    .insertInto('power_item')
    .values(inspectionItems.map((item) => ({ code: item.code, name: item.name, kind: 'inspection' as const, domain: item.domain, legal_basis: JSON.stringify(item.legalBasis), created_at: '2025-02-10T09:00:00+08:00', updated_at: '2025-02-10T09:00:00+08:00' })))
    .returning(['id', 'code'])
    .execute()
  const entities = await trx.selectFrom('enforcement_entity as e').innerJoin('org as o', 'o.id', 'e.org_id').select(['e.id', 'o.code']).execute()
  const townshipGovernments = new Set(townshipList.map(([code]) => `${code}-ZF`))
  const holders: NewRow<'power_item_holder'>[] = []
  for (const item of inspectionItems) {
    const id = inserted.find((r) => r.code === item.code)!.id
    for (const e of entities) if (e.code === item.department || townshipGovernments.has(e.code)) holders.push({ power_item_id: id, entity_id: e.id })
  }
  await insertBatches(trx, 'power_item_holder', holders)
}

// ——— the enterprises ————————————————————————————————————————————————————————

const industries = ['建筑业', '建筑业', '批发和零售业', '住宿和餐饮业', '制造业', '制造业', '采矿业', '农、林、牧、渔业', '交通运输业', '房地产业']
const words = ['恒通', '兴达', '永盛', '金龙', '彩云', '恐龙谷', '滇中', '鑫源', '祥和', '宏远', '佳禾', '瑞丰', '盛世', '润泽', '华兴', '德丰', '安顺', '广源', '黑井古盐', '紫溪']
const suffix: Record<string, string[]> = {
  建筑业: ['建筑工程有限公司', '建设工程有限公司', '装饰工程有限公司'],
  批发和零售业: ['商贸有限公司', '百货店', '建材经营部'],
  住宿和餐饮业: ['餐饮店', '酒店有限公司', '农家乐'],
  制造业: ['建材有限公司', '食品有限公司', '木业加工厂'],
  采矿业: ['矿业有限公司', '采石场'],
  '农、林、牧、渔业': ['农业专业合作社', '林业开发有限公司', '种植场'],
  交通运输业: ['物流有限公司', '运输有限公司'],
  房地产业: ['房地产开发有限公司', '物业服务有限公司'],
}
const contacts = '李王张刘杨陈赵黄周吴普段字者鲁苏施'.split('')

function planEnterprises(random: () => number) {
  const list: Array<NewRow<'enterprise'> & { id: string }> = []
  const used = new Set<string>([DEMO_ENTERPRISE.name])
  list.push({ id: randomUUID(), credit_code: DEMO_ENTERPRISE.creditCode, name: DEMO_ENTERPRISE.name, kind: 'enterprise', address: '禄丰市金山镇龙城路 88 号', township_code: '532331100', industry: '制造业', contact_name: '李红梅', contact_phone: '13887001234' })
  for (let i = 1; list.length < 300; i++) {
    const [, town, code] = townshipList[i % townshipList.length]!
    const industry = industries[Math.floor(random() * industries.length)]!
    const ending = suffix[industry]![Math.floor(random() * suffix[industry]!.length)]!
    const individual = /店|经营部|农家乐|种植场|加工厂|采石场/.test(ending)
    const partnership = !individual && ending.includes('合作社') ? false : !individual && random() < 0.03
    const name = `禄丰${town.replace(/[镇乡]$/, '')}${words[Math.floor(random() * words.length)]}${ending}`
    if (used.has(name)) continue
    used.add(name)
    list.push({
      id: randomUUID(),
      credit_code: generateUscc({ serial: 10_000_001 + i, categoryCode: individual ? '2' : ending.includes('合作社') ? '3' : '1' }),
      name,
      kind: individual ? 'individual' : partnership ? 'partnership' : 'enterprise',
      address: `禄丰市${town}${['中街', '东街', '新村', '工业园区', '集镇'][i % 5]} ${1 + (i % 120)} 号`,
      township_code: code,
      industry,
      contact_name: `${contacts[i % contacts.length]}${['先生', '女士'][i % 2]}`,
      contact_phone: `138${String(87000000 + i * 37).padStart(8, '0')}`,
    })
  }
  return list
}

async function insertBatches<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: NewRow<T>[]) {
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute()
}

/** A small seeded PRNG, so the demo is the same on every start. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
