import {
  addCalendarDays,
  calculateDiscretion,
  chineseDate,
  chinaWorkCalendar,
  generateIdNumber,
  shanghaiDateOf,
  type CaseAction,
  type DiscretionTier,
  type IsoDate,
  type PenaltyKind,
  type StatutoryPenaltyRange,
} from '@yangguang/core'
import type { Kysely, Transaction } from 'kysely'
import type { Actor } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import { statutoryRangeOf } from '../catalogue/catalogue.repository'
import type { LegalBasis } from '../../platform/db/schema'
import { registerDemoSeeder, type DemoContext } from '../demo/seed-demo'
import { listHeldPowerItems } from '../inspections/inspections.repository'
import { validCertificatesOn } from '../registry/certificate-validity'
import { givenSyllables, surnames } from '../registry/registry-demo-data'
import { basisLine } from './case-document-builders'
import { attachDemoEvidenceFiles } from './case-evidence-files.demo'
import { executionOf } from './case-execution.service'
import { publishDecision, withdrawPublication } from './case-publication.service'
import { loadCaseState } from './case-state'
import { parseActionBody, performCaseActionIn, type Ctx } from './case-transitions.service'
import { inquiryQuestions, organs, preservationDemo, reasons, statements, violationProfiles, hearingPlace, type ViolationProfile } from './cases-demo-data'
import { lawfulDemoPenalty } from './cases-demo-lawful'
import * as repo from './cases.repository'
import { listPreservations } from './evidence-preservation.repository'
import { createCaseBody, simpleCaseBody } from './cases.schema'
import { decideSimpleCaseIn, registerCaseIn } from './cases.service'

/**
 * 2025 volumes. The source article's year had about 150 general-procedure files, 64 of them sampled for
 * review, and many on-the-spot decisions. Every case here runs through the engine — about 0.35 s of CPU
 * per general case on PGlite, most of it the engine's own queries, the rest its ~9 PDFs — so the demo
 * keeps enough closed 2025 files for the review demo to sample the article's 64 from a larger pool
 * (about 67 general + 24 simple; `npm start` restores a snapshot, so this costs the first build only).
 * Raising these scales the rest (the special paths come in proportion, at least one of each).
 */
export const DEMO_GENERAL_2025 = 72
export const DEMO_SIMPLE_2025 = 24

// The departments that enforce most, and five townships (their governments decide in their own name).
const UNIT_CODES = ['LF-ZJJ', 'LF-ZRZY', 'LF-LCJ', 'LF-ZHZF', 'JS-ZF', 'BC-ZF', 'HJ-ZF', 'QF-ZF', 'RX-ZF']
const UNIT_WEIGHTS: Record<string, number> = { 'LF-ZJJ': 5, 'LF-ZRZY': 3, 'LF-LCJ': 3, 'LF-ZHZF': 3 }

type Person = { id: string; name: string; actor: Actor }
type Item = { id: string; code: string; name: string; domain: string; profile: ViolationProfile; range: StatutoryPenaltyRange | null }
type Unit = {
  id: string
  code: string
  name: string
  shortName: string
  regionPath: string
  township: string | null
  townName: string
  head: Actor
  legal: Actor
  persons: Person[]
  items: Item[]
  weight: number
}
type Enterprise = { id: string; name: string; credit_code: string; township_code: string | null }
type Party = { kind: 'organization' | 'person'; name: string; idNumber?: string; creditCode?: string; address?: string; phone?: string; legalRep?: string }

/**
 * The 行政处罚 part of the 禄丰市 demo. Every case is driven through the case engine — registration,
 * the simple procedure and `performCaseActionIn` for each act — with the act's historical moment as
 * the context's clock and the actor of the right role (the case's officers for investigative acts,
 * the unit head for approvals and decisions, the unit's legal reviewer for 法制审核), so every guard
 * applies and every document is issued (and put on the ledger) by the engine.
 *
 * Shape (the source article's year is 2025):
 * - 2025: {@link DEMO_GENERAL_2025} general-procedure cases across 住建局, 自然资源局, 林草局,
 *   综合执法局 and the townships, nearly all closed or archived: organisations and natural persons,
 *   a few with hearings, 法制审核 where art. 58 asks for it, collective discussion of major cases,
 *   不予处罚 under art. 33 (首违不罚), transfers to the police, late payment with 加处罚款, one case
 *   paid in instalments, one 行政复议; some started from inspections whose result was 移送立案;
 *   {@link DEMO_SIMPLE_2025} simple-procedure (当场处罚) decisions. Penalty decisions are published.
 * - This year: cases in every status of the procedure, with deadlines near and past, and one
 *   published decision revoked and withdrawn.
 *
 * The units' officers, heads and legal reviewers who have no account yet get one (password as the
 * other demo accounts), linked to their officer record: the engine acts only for signed-in users.
 * Choices come from a seeded PRNG, so the demo is the same on every load (the engine's own
 * verification ids and salts are random by design).
 *
 * @example
 * registerDemoSeeder(seedCasesDemo) // after the inspections part, before the ledger part
 */
export async function seedCasesDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const random = mulberry32(20251126)
  const today = shanghaiDateOf(ctx.now)
  const thisYear = Number(today.slice(0, 4))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

  const units = await loadUnits(trx, ctx)
  if (units.length === 0) return
  const enterprises = await trx.selectFrom('enterprise').select(['id', 'name', 'credit_code', 'township_code']).orderBy('credit_code').execute()
  const transferInspections = await trx
    .selectFrom('inspection')
    .select(['id', 'org_id', 'inspection_date', 'officer_ids'])
    .where('result', '=', 'transfer')
    .where('status', '=', 'completed')
    .orderBy('inspection_date')
    .orderBy('id')
    .execute()
  const usedInspections = new Set<string>()

  // ——— people and parties ———————————————————————————————————————————————————
  let personSeq = 0
  const naturalPerson = (unit: Unit): Party => {
    personSeq += 1
    const name = `${pick(surnames)}${pick(givenSyllables)}${random() < 0.6 ? pick(givenSyllables) : ''}`
    const birth = `19${between(60, 99)}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`
    return {
      kind: 'person',
      name,
      idNumber: generateIdNumber({ regionCode: '532331', birthDate: birth, sequence: (personSeq * 7) % 1000 }),
      address: `禄丰市${unit.townName}${pick(['中街', '东村', '西村', '新村', '集镇'])}${between(1, 120)}号`,
      phone: `139${String(87_100_000 + personSeq * 131).padStart(8, '0')}`,
    }
  }
  const enterpriseOf = (unit: Unit): Enterprise => {
    const pool = unit.township ? enterprises.filter((e) => e.township_code === unit.township) : enterprises
    return pick(pool.length ? pool : enterprises)
  }

  // What an item's provision is, for the facts (违反了…的规定) and the on-the-spot decision's basis.
  const bases = new Map<string, string>()
  let evidenceFiles = 0
  const basisOf = async (item: Item): Promise<string> => {
    const known = bases.get(item.id)
    if (known) return known
    const row = await trx.selectFrom('power_item').select('legal_basis').where('id', '=', item.id).executeTakeFirstOrThrow()
    const line = basisLine(row.legal_basis as LegalBasis[])
    bases.set(item.id, line)
    return line
  }

  // ——— clock and acts ——————————————————————————————————————————————————————————
  const workday = (date: IsoDate): boolean => {
    try {
      return chinaWorkCalendar.isWorkingDay(date)
    } catch {
      const w = new Date(`${date}T00:00:00Z`).getUTCDay()
      return w !== 0 && w !== 6
    }
  }
  const addWd = (date: IsoDate, n: number): IsoDate => {
    let d = date
    const step = n >= 0 ? 1 : -1
    for (let left = Math.abs(n); left > 0; ) {
      d = addCalendarDays(d, step)
      if (workday(d)) left -= 1
    }
    return d
  }
  const firstWd = (date: IsoDate): IsoDate => (workday(date) ? date : addWd(date, 1))
  let minute = 0
  const momentOn = (date: IsoDate): Date => {
    minute = (minute + 7) % 420
    return new Date(`${date}T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`)
  }
  const ctxOf = (actor: Actor, date: IsoDate): Ctx => ({ actor, ip: 'demo', userAgent: 'demo-seed', now: momentOn(date) })
  const act = (actor: Actor, date: IsoDate, caseId: string, action: CaseAction, body: Record<string, unknown> = {}) =>
    performCaseActionIn(trx, ctxOf(actor, date), caseId, action, parseActionBody(action, body))
  // The publication service opens its own transaction; here it runs inside the seed's.
  const inSeed = nestedIn(trx)

  const validPairOn = async (unit: Unit, dates: IsoDate[], prefer?: string[]): Promise<Person[] | null> => {
    const ids = unit.persons.map((p) => p.id)
    let ok = new Set(ids)
    for (const d of dates) {
      const valid = await validCertificatesOn(trx, ids, d)
      ok = new Set([...ok].filter((id) => valid.has(id)))
    }
    const eligible = unit.persons.filter((p) => ok.has(p.id) && p.actor.role === 'officer')
    const preferred = prefer ? eligible.filter((p) => prefer.includes(p.id)) : []
    const rest = eligible.filter((p) => !preferred.includes(p)).sort(() => random() - 0.5)
    const pair = [...preferred, ...rest].slice(0, 2)
    return pair.length === 2 ? pair : null
  }

  // ——— one general-procedure case ——————————————————————————————————————————————

  type Plan = {
    unit: Unit
    start: IsoDate
    /** Where the case stops (its status at the end of the demo). */
    stop: Stop
    path?: 'penalty' | 'no_penalty' | 'judicial' | 'terminate' | 'reject' | 'transfer_unit' | 'suspend'
    hearing?: boolean
    statement?: boolean
    major?: boolean
    late?: 'reminded' | 'late' | false
    instalments?: boolean
    reconsideration?: boolean
    outside?: boolean
    person?: boolean
    fromInspection?: boolean
    publish?: boolean
    revoke?: boolean
    /** 先行登记保存 (art. 56) during the investigation, released within the seven working days. */
    preservation?: boolean
    /** The decision served by 公告送达 (民事诉讼法 第九十五条) after a returned letter. */
    announcement?: boolean
  }
  type Stop =
    | 'register'
    | 'submit'
    | 'approve'
    | 'evidence'
    | 'finish'
    | 'notify'
    | 'hearing_scheduled'
    | 'legal_review'
    | 'pending_decision'
    | 'decide'
    | 'deliver'
    | 'overdue'
    | 'remind'
    | 'close'
    | 'archive'

  const stops: Stop[] = ['register', 'submit', 'approve', 'evidence', 'finish', 'notify', 'hearing_scheduled', 'legal_review', 'pending_decision', 'decide', 'deliver', 'overdue', 'remind', 'close', 'archive']
  const reached = (p: Plan, s: Stop) => stops.indexOf(p.stop) >= stops.indexOf(s)

  // 不予处罚 on the grounds a demo party can have (mostly 首违不罚, art. 33 ¶1), so each decision's
  // document shows its own article; arts. 30, 31 and 36 need parties and dates the demo does not make.
  const demoNoPenaltyGrounds = [
    { ground: 'art33_first_violation', reason: null },
    { ground: 'art33_minor', reason: '当事人在检查当日即已改正，未造成危害后果' },
    { ground: 'art33_first_violation', reason: null },
    { ground: 'art33_no_fault', reason: '当事人提供的进货凭证、供货方资质等证据足以证明其没有主观过错' },
    { ground: 'art33_first_violation', reason: null },
    { ground: 'facts_not_established', reason: '经调查核实，现有证据不足以证明当事人实施了该违法行为' },
  ] as const
  let noPenaltyCount = 0

  const runGeneral = async (p: Plan): Promise<string | null> => {
    const { unit } = p
    let d = firstWd(p.start)
    const next = (n: number) => (d = addWd(d, n))
    const spanEnd = addCalendarDays(d, 120)
    let inspection: (typeof transferInspections)[number] | undefined
    if (p.fromInspection) {
      inspection = transferInspections.find((i) => i.org_id === unit.id && !usedInspections.has(i.id) && i.inspection_date! < d && addCalendarDays(i.inspection_date!, 30) >= d)
    }
    const pair = await validPairOn(unit, [d, spanEnd > today ? today : spanEnd], inspection?.officer_ids)
    if (!pair) return null
    if (inspection && !inspection.officer_ids.every((id) => pair.some((x) => x.id === id))) inspection = undefined
    if (inspection) usedInspections.add(inspection.id)
    const [lead, co] = pair as [Person, Person]
    const items = unit.items.filter((i) => (p.person ? i.profile.party !== 'organization' : i.profile.party !== 'person') && !i.profile.simple)
    const bigItems = items.filter((i) => ((p.person ? i.profile.personYuan : i.profile.orgYuan)?.[1] ?? 0) >= (p.person ? 10_000 : 100_000))
    const grave =
      p.path === 'judicial'
        ? items.filter((i) => ['CF-ZR-015', 'CF-LC-005'].includes(i.code))
        : p.path === 'no_penalty'
          ? unit.items.filter((i) => firstViolationCodes.includes(i.code) && i.profile.party !== (p.person ? 'organization' : 'person'))
          : []
    const item = grave.length ? pick(grave) : (p.hearing || p.major) && bigItems.length ? pick(bigItems) : pick(items.length ? items : unit.items)
    const profile = item.profile
    const enterprise = p.person ? null : enterpriseOf(unit)
    const party = p.person ? naturalPerson(unit) : null
    // A case from an inspection is against the inspected enterprise (registration takes the party from it).
    const inspected = inspection ? await repo.findInspection(trx, inspection.id) : undefined
    const partyName = inspected?.enterprise_name ?? party?.name ?? enterprise!.name
    const violation = item.name.replace(/^对/, '').replace(/的处罚$/, '')
    const place = `禄丰市${unit.townName}${profile.place}`
    const actDate = inspection?.inspection_date ?? addCalendarDays(d, -between(3, 25))
    // 违法事实: who, when, where, what act, and the provision it violates.
    const facts = `经查，当事人${partyName}于${chineseDate(actDate)}在${place}，${profile.finding}，其行为涉嫌${violation}，违反了${await basisOf(item)}的规定。`
    const body = createCaseBody.parse({
      source: inspection ? 'inspection' : pick(['complaint', 'discovery', 'discovery', 'assigned']),
      sourceNote: inspection ? '云执法检查结果为移送立案' : null,
      inspectionId: inspection?.id ?? null,
      powerItemId: item.id,
      title: `${partyName}${violation}案`.slice(0, 200),
      party: inspection ? undefined : (party ?? undefined),
      enterpriseId: inspection ? null : (enterprise?.id ?? null),
      actDate: inspection ? undefined : actDate,
      actPlace: place,
      harmToSafety: false,
      facts,
      officerIds: [lead.id, co.id],
      major: Boolean(p.major),
    })
    const caseId = await registerCaseIn(trx, ctxOf(lead.actor, d), body)
    if (p.stop === 'register' && p.path !== 'transfer_unit') return caseId
    if (p.path === 'transfer_unit') {
      const target = units.find((u) => u.code === 'LF-ZRZY' && u.id !== unit.id) ?? units.find((u) => u.id !== unit.id)!
      next(1)
      await act(unit.head, d, caseId, 'transfer', { reason: reasons.unitTransfer, transfer: { toOrgId: target.id } })
      return caseId
    }
    await act(lead.actor, d, caseId, 'submit_filing')
    if (p.path === 'reject') {
      next(2)
      await act(unit.head, d, caseId, 'reject_filing', { reason: reasons.rejectFiling })
      return caseId
    }
    if (p.stop === 'submit') return caseId
    next(1)
    await act(unit.head, d, caseId, 'approve_filing')
    if (p.stop === 'approve') return caseId
    next(1)
    const officerIds = [lead.id, co.id]
    await act(lead.actor, d, caseId, 'record_evidence', {
      evidence: { kind: 'inspection_record', title: '现场检查笔录', collectedOn: d, officerIds, onSite: { place, findings: `${profile.finding}。执法人员出示执法证件，现场拍照取证。` } },
    })
    // The site photo, and on every other case the signed scan of the record, attached to it.
    await attachDemoEvidenceFiles(trx, lead.actor, caseId, { scan: (evidenceFiles += 1) % 2 === 1 })
    next(1)
    const respondent = party?.name ?? `${pick(surnames)}${pick(givenSyllables)}（${partyName}负责人）`
    await act(lead.actor, d, caseId, 'record_evidence', {
      evidence: {
        kind: 'party_statement',
        title: `对${respondent}的询问笔录`,
        collectedOn: d,
        officerIds,
        inquiry: { person: respondent.slice(0, 50), qa: inquiryQuestions.map((x) => ({ q: x.q, a: x.a.replace('{fact}', profile.finding) })) },
      },
    })
    if (p.path === 'judicial') {
      next(2)
      await act(unit.head, d, caseId, 'transfer', { reason: unit.code === 'LF-LCJ' ? reasons.judicialTransferForest : reasons.judicialTransfer, transfer: { judicial: true, toName: organs.police } })
      return caseId
    }
    if (p.path === 'terminate') {
      next(2)
      await act(unit.head, d, caseId, 'terminate', { reason: reasons.terminate })
      return caseId
    }
    if (p.path === 'suspend') {
      next(1)
      await act(unit.head, d, caseId, 'suspend', { reason: reasons.suspend })
      return caseId
    }
    if (p.preservation) {
      // 第五十六条: the head approves; the 通知书 and 清单 are issued; the 处理决定 follows within seven working days.
      next(1)
      await act(unit.head, d, caseId, 'preserve_evidence', { preservation: { ...preservationDemo, preservedOn: d, place: `禄丰市${unit.townName}${profile.place}` } })
      next(3)
      const [preservation] = await listPreservations(trx, caseId)
      if (preservation) {
        await act(unit.head, d, caseId, 'resolve_preservation', {
          note: reasons.preservationReleased,
          preservationResolution: { preservationId: preservation.id, items: preservation.items.map((i) => ({ itemId: i.id, outcome: 'release' })) },
        })
      }
    }
    if (p.stop === 'evidence') return caseId

    // Proposal: from the item's published 裁量基准 when there is one (an amount inside the tier's
    // lawful range, or above it with a written reason), else in the profile's range; or 不予处罚
    // on art. 33 (首违不罚).
    const noPenalty = p.path === 'no_penalty'
    const floorFen = (p.hearing ? (p.person ? 10_000 : 100_000) : p.major ? 50_000 : 0) * 100
    const benchmarked = noPenalty ? null : await chooseAmount(trx, item, p.person ? 'person' : 'organization', floorFen, random, Boolean(p.outside))
    const range = (p.person ? profile.personYuan : profile.orgYuan) ?? [1_000, 10_000]
    const wantedFine = benchmarked ? benchmarked.fineFen : Math.max(floorFen, (Math.round(between(range[0], range[1]) / 100) * 100 || range[0]) * 100)
    const wantedConfiscation = benchmarked ? benchmarked.confiscateFen : profile.confiscate ? between(20, 300) * 10_000 : 0
    const wantedKinds: PenaltyKind[] = benchmarked ? benchmarked.kinds : wantedConfiscation > 0 ? ['fine', 'confiscate_gains'] : ['fine']
    // Inside the statutory range of the item's provision, always (法定幅度); an amount the law moved
    // leaves the benchmark's tier, so that case is proposed without one.
    const lawful = lawfulDemoPenalty(item.range, p.person ? 'person' : 'organization', { kinds: wantedKinds, fineFen: wantedFine, confiscateFen: wantedConfiscation, baseFen: benchmarked?.baseFen ?? null, baseUnits: null, baseEvidence: null }, null)
    if (!noPenalty && !lawful) return caseId
    const fineFen = lawful?.fineFen ?? 0
    const confiscateFen = lawful?.confiscateFen ?? 0
    const kinds: PenaltyKind[] = lawful?.kinds ?? []
    const chosen = benchmarked && benchmarked.fineFen === fineFen && benchmarked.kinds.every((k) => kinds.includes(k)) ? benchmarked : null
    const listed = !noPenalty && (await repo.firstViolationListed(trx, item.id, unit.regionPath))
    const why = [p.outside ? reasons.outsideBenchmark : null, listed ? reasons.firstViolationNotApplied : null].filter(Boolean).join('')
    const proposal = noPenalty
      ? { outcome: 'no_penalty', ...demoNoPenaltyGrounds[noPenaltyCount++ % demoNoPenaltyGrounds.length], acts: [] }
      : {
          outcome: 'penalty',
          kinds,
          fineFen,
          confiscateFen,
          benchmarkId: chosen?.benchmarkId ?? null,
          tier: chosen?.tier ?? null,
          conditions: chosen?.conditions ?? [],
          baseFen: lawful?.baseFen ?? null,
          baseUnits: lawful?.baseUnits ?? null,
          baseEvidence: lawful?.baseEvidence ?? null,
          reason: why || null,
          acts: kinds.includes('fine') ? [{ description: violation.slice(0, 500), fineFen }] : [],
        }
    next(2)
    await act(lead.actor, d, caseId, 'finish_investigation', { proposal })
    if (p.stop === 'finish') return caseId
    if (noPenalty) {
      next(2)
      await act(unit.head, d, caseId, 'decide', { decision: proposal })
    } else {
      next(2)
      const served = d
      await act(lead.actor, d, caseId, 'notify', { notice: { servedOn: served, method: 'direct' } })
      if (p.stop === 'notify') return caseId
      let reviewed = false
      if (p.hearing) {
        next(2)
        await act(lead.actor, d, caseId, 'request_hearing', { hearing: { requestedOn: d } })
        const presiding = unit.persons.find((x) => x.id !== lead.id && x.id !== co.id)
        if (!presiding) throw new Error(`demo: ${unit.code} has no one to preside a hearing`)
        const date = addWd(d, 8)
        await act(unit.head, d, caseId, 'schedule_hearing', { hearing: { date, place: `${unit.name}${hearingPlace}`, presidingPersonId: presiding.id, noticeServedOn: d } })
        if (p.stop === 'hearing_scheduled') return caseId
        d = date
        await act(lead.actor, d, caseId, 'hold_hearing', { hearing: { heldOn: d, summary: '当事人及其委托代理人到场，对违法事实无异议，对罚款数额提出意见；调查人员出示了证据。' } })
      } else if (p.statement) {
        next(2)
        const st = pick(statements)
        await act(lead.actor, d, caseId, 'record_statement', { statement: { text: st.text, adopted: st.adopted, response: st.response } })
        // The statement period (and any hearing-request period) must run out before the case moves on.
        next(5)
      } else {
        next(1)
        await act(lead.actor, d, caseId, 'record_waiver', { statement: { text: '对拟作出的行政处罚无异议，放弃陈述、申辩和听证权利。', adopted: true } })
      }
      const row = (await repo.findCase(trx, caseId))!
      if (row.legal_review_required) {
        await act(lead.actor, d, caseId, 'submit_legal_review')
        if (p.stop === 'legal_review') return caseId
        next(2)
        await act(unit.legal, d, caseId, 'pass_legal_review', {
          review: {
            opinion: `经审核，本案主体合法，事实清楚，证据确实充分，适用依据正确，程序合法，${p.outside ? '裁量超出基准已说明理由，' : '裁量适当，'}同意处罚意见。`,
            aspects: {
              subject: { verdict: 'lawful' },
              authority: { verdict: 'lawful' },
              facts: { verdict: 'lawful' },
              evidence: { verdict: 'lawful' },
              basis: { verdict: 'lawful' },
              procedure: { verdict: 'lawful' },
              discretion: { verdict: 'lawful', note: p.outside ? '罚款超出裁量基准，已书面说明理由，理由成立' : null },
            },
            conclusion: 'agree',
          },
        })
        reviewed = true
      } else {
        await act(lead.actor, d, caseId, 'conclude_statements')
      }
      if (p.stop === 'legal_review' && !reviewed) return caseId
      if (p.stop === 'pending_decision') return caseId
      if (p.major) {
        next(1)
        await act(unit.head, d, caseId, 'record_collective_discussion', {
          discussion: { heldOn: d, attendees: [unit.head.displayName.replace(/（.*$/, ''), '分管副职', '法制机构负责人', '纪检组长'], conclusion: '本案违法事实清楚，证据确凿，同意按处罚建议作出处罚决定。' },
        })
      }
      next(1)
      const adopted = p.statement && (await repo.findCase(trx, caseId))!.proposal
      // An adopted statement may lower the fine, within the benchmark's range (never below it).
      const lowered = Math.round((fineFen * 0.9) / 10_000) * 10_000
      const decidedFine = adopted && kinds.includes('fine') && lowered > 0 && lowered >= Math.max(chosen?.minFen ?? 0, lawful?.minFen ?? 0) && random() < 0.5 ? lowered : fineFen
      await act(unit.head, d, caseId, 'decide', {
        decision: { ...proposal, fineFen: decidedFine, acts: kinds.includes('fine') ? [{ description: violation.slice(0, 500), fineFen: decidedFine }] : [] },
      })
    }
    const decidedOn = d
    if (p.stop === 'decide') return caseId
    if (p.publish && !noPenalty) await publishDecision(inSeed, ctxOf(unit.head, addWd(decidedOn, 1) > today ? today : addWd(decidedOn, 1)), caseId)
    next(1)
    if (p.announcement) {
      // 公告送达 only after the letter came back: deemed served thirty days after the announcement.
      const postedOn = d
      next(2)
      await act(lead.actor, d, caseId, 'deliver', {
        delivery: { method: 'announcement', announcement: { announcedOn: d, medium: '禄丰市人民政府门户网站及当事人住所地公告栏', attempts: [{ method: 'post', on: postedOn, result: '邮件以“查无此人”退回' }] } },
      })
    } else {
      await act(lead.actor, d, caseId, 'deliver', { delivery: { method: 'direct', deliveredOn: d, receiver: party?.name ?? respondent.replace(/（.*$/, '') } })
    }
    if (p.revoke) {
      next(20)
      await act(unit.head, d, caseId, 'revoke_decision', { reason: reasons.revoke })
      if (p.publish) await withdrawPublication(inSeed, ctxOf(unit.head, addWd(d, 1) > today ? d : addWd(d, 1)), caseId, reasons.withdraw)
      return caseId
    }
    if (p.stop === 'deliver') return caseId
    if (!noPenalty && fineFen + confiscateFen > 0) {
      const state = await loadCaseState(trx, (await repo.findCase(trx, caseId))!)
      const owed = Number(state.row.fine_fen)
      const due = state.row.payment_due_on!
      if (p.instalments) {
        const parts = [Math.round(owed / 300) * 100, Math.round(owed / 300) * 100]
        parts.push(owed - parts[0]! - parts[1]!)
        const dues = [addCalendarDays(due, 30), addCalendarDays(due, 60), addCalendarDays(due, 90)]
        next(2)
        await act(unit.head, d, caseId, 'grant_deferral', { reason: reasons.deferral, deferral: { instalments: parts.map((amountFen, i) => ({ dueOn: dues[i], amountFen })) } })
        for (const [i, amountFen] of parts.entries()) {
          d = addCalendarDays(dues[i]!, -between(1, 5))
          await act(lead.actor, d, caseId, 'record_payment', { payment: { kind: 'fine', amountFen, paidOn: d, receiptNo: `FS${d.replaceAll('-', '')}${i + 1}` } })
        }
      } else if (p.late || p.stop === 'overdue' || p.stop === 'remind') {
        if (p.stop === 'overdue') return caseId
        d = firstWd(addCalendarDays(due, between(5, 12)))
        if (p.late === 'reminded' || p.stop === 'remind') {
          await act(lead.actor, d, caseId, 'remind', { reminder: { servedOn: d } })
          if (p.stop === 'remind') return caseId
          next(between(3, 8))
        }
        await act(lead.actor, d, caseId, 'record_payment', { payment: { kind: 'fine', amountFen: owed, paidOn: d, receiptNo: `FS${d.replaceAll('-', '')}` } })
        const after = executionOf(await loadCaseState(trx, (await repo.findCase(trx, caseId))!), d)
        const fee = (after?.lateFeeFen ?? 0) - (after?.lateFeePaidFen ?? 0)
        if (fee > 0) await act(lead.actor, d, caseId, 'record_payment', { payment: { kind: 'late_fee', amountFen: fee, paidOn: d, receiptNo: `JC${d.replaceAll('-', '')}` } })
      } else {
        d = addCalendarDays(d, between(2, 12))
        if (d > due) d = due
        await act(lead.actor, d, caseId, 'record_payment', { payment: { kind: 'fine', amountFen: owed, paidOn: d, receiptNo: `FS${d.replaceAll('-', '')}` } })
      }
      if (confiscateFen > 0) await act(lead.actor, d, caseId, 'record_payment', { payment: { kind: 'confiscation', amountFen: confiscateFen, paidOn: d, receiptNo: `MS${d.replaceAll('-', '')}` } })
    }
    if (p.reconsideration) {
      // 复议 does not stay execution (art. 73): the party paid, then applied; the 复议机关 upheld the decision.
      const startedOn = addCalendarDays(d, 10)
      d = firstWd(addCalendarDays(startedOn, 55))
      await act(lead.actor, startedOn, caseId, 'record_remedy', { remedy: { kind: 'reconsideration', startedOn } })
      await act(lead.actor, d, caseId, 'record_remedy', {
        remedy: { kind: 'reconsideration', startedOn, endedOn: d, result: `${organs.reconsideration}决定维持原行政处罚决定`, outcome: 'upheld', organ: organs.reconsideration, documentNo: `禄政复决〔${d.slice(0, 4)}〕${between(3, 60)}号` },
      })
    }
    next(1)
    await act(lead.actor, d, caseId, 'close')
    if (!reached(p, 'archive')) return caseId
    next(between(2, 6))
    await act(lead.actor, d, caseId, 'archive')
    return caseId
  }

  // ——— one simple-procedure decision ———————————————————————————————————————————
  const runSimple = async (unit: Unit, date: IsoDate, options: { pay: boolean; close: boolean }): Promise<string | null> => {
    const d = firstWd(date)
    const simpleItems = unit.items.filter((i) => i.profile.simple)
    if (simpleItems.length === 0) return null
    const pair = await validPairOn(unit, [d])
    if (!pair) return null
    const [lead, co] = pair as [Person, Person]
    const item = pick(simpleItems)
    const profile = item.profile
    const asPerson = profile.party === 'person' || (profile.party === 'both' && random() < 0.6)
    const party = asPerson ? naturalPerson(unit) : null
    const enterprise = asPerson ? null : enterpriseOf(unit)
    const range = (asPerson ? profile.personYuan : profile.orgYuan) ?? [50, 200]
    const warning = random() < 0.25
    const wantedFine = warning ? 0 : Math.min(asPerson ? 200 : 3_000, Math.round(between(range[0], range[1]) / 10) * 10) * 100
    // Inside the provision's range (a mandatory 警告/罚款 is added) and under the limits of 第五十一条.
    const cap = asPerson ? 20_000 : 300_000
    const lawful = lawfulDemoPenalty(item.range, asPerson ? 'person' : 'organization', { kinds: warning ? ['warning'] : ['fine'], fineFen: wantedFine, confiscateFen: 0, baseFen: null, baseUnits: null, baseEvidence: null }, cap)
    if (!lawful || lawful.confiscateFen > 0 || lawful.kinds.some((k) => k !== 'warning' && k !== 'fine')) return null
    const fineFen = lawful.kinds.includes('fine') ? lawful.fineFen : 0
    const violation = item.name.replace(/^对/, '').replace(/的处罚$/, '')
    const input = simpleCaseBody.parse({
      powerItemId: item.id,
      title: `${party?.name ?? enterprise!.name}${violation}案`.slice(0, 200),
      party: party ?? { kind: 'organization', name: enterprise!.name, creditCode: enterprise!.credit_code },
      enterpriseId: enterprise?.id ?? null,
      actDate: d,
      actPlace: `禄丰市${unit.townName}${profile.place}`,
      facts: `当事人${party?.name ?? enterprise!.name}于${chineseDate(d)}在禄丰市${unit.townName}${profile.place}${profile.finding}，其行为属${violation}，违反了${await basisOf(item)}的规定；执法人员当场发现，事实确凿，当事人对事实无异议。`,
      officerIds: [co.id],
      kinds: lawful.kinds,
      fineFen,
      basis: await basisOf(item),
    })
    const { caseId } = await decideSimpleCaseIn(trx, ctxOf(lead.actor, d), input)
    // 第五十二条第三款: filed with the unit's 法制股 within the five working days — one in eight late —
    // in date order among the case's other acts (a 备案 may come after the case closed).
    const recordedOn = addWd(d, random() < 0.125 ? between(6, 9) : between(1, 4))
    let recorded = false
    const record = async (until: IsoDate) => {
      if (recorded || recordedOn > until || recordedOn > today) return
      recorded = true
      await act(lead.actor, recordedOn, caseId, 'record_simple_filing', { simpleFiling: { recordedWith: `${unit.name}法制股`, recordedOn } })
    }
    let at = d
    if (options.close && fineFen > 0 && options.pay) at = addCalendarDays(d, between(0, 10))
    if (!options.close || (fineFen > 0 && !options.pay) || at > today) {
      await record(today)
      return caseId
    }
    if (fineFen > 0) {
      await record(at)
      await act(lead.actor, at, caseId, 'record_payment', { payment: { kind: 'fine', amountFen: fineFen, paidOn: at, receiptNo: `DC${at.replaceAll('-', '')}` } })
    }
    at = firstWd(addCalendarDays(at, 1))
    if (at <= today) {
      await record(at)
      await act(lead.actor, at, caseId, 'close')
    }
    await record(today)
    return caseId
  }

  // ——— 2025 ————————————————————————————————————————————————————————————————
  const weighted = units.flatMap((u) => Array<Unit>(u.weight).fill(u))
  // The special cases, in proportion to the volume (at least one of each).
  const share = (per150: number) => Math.max(1, Math.round((per150 * DEMO_GENERAL_2025) / 150))
  const specials2025: Array<Partial<Plan>> = [
    ...Array.from({ length: share(10) }, () => ({ hearing: true })),
    ...Array.from({ length: share(15) }, () => ({ major: true })),
    ...Array.from({ length: share(15) }, () => ({ path: 'no_penalty' as const })),
    { path: 'judicial' },
    { path: 'judicial' },
    ...Array.from({ length: share(5) }, () => ({ late: 'late' as const })),
    { late: 'reminded' },
    { instalments: true },
    { reconsideration: true },
    { preservation: true },
    { outside: true },
    { outside: true },
    ...Array.from({ length: share(25) }, () => ({ statement: true })),
  ]
  let made = 0
  for (let i = 0; made < DEMO_GENERAL_2025 && i < DEMO_GENERAL_2025 * 3; i++) {
    // Spread the special cases over the year (7 is coprime with the volume).
    const special = specials2025[(made * 7) % DEMO_GENERAL_2025] ?? {}
    const unit = special.path === 'judicial' ? (units.find((u) => u.code === (made % 2 ? 'LF-LCJ' : 'LF-ZRZY')) ?? pick(weighted)) : pick(weighted)
    // Spread over March–October so every case ends before the year does.
    const start = addCalendarDays('2025-03-03', Math.floor((made / DEMO_GENERAL_2025) * 220) + between(0, 6))
    const person = special.path === 'judicial' ? unit.code === 'LF-LCJ' : random() < 0.35
    const plan: Plan = {
      unit,
      start,
      stop: random() < 0.12 ? 'close' : 'archive',
      publish: true,
      person,
      fromInspection: random() < 0.25,
      ...special,
    }
    if (await runGeneral(plan)) made += 1
  }
  for (let i = 0, simple = 0; simple < DEMO_SIMPLE_2025 && i < DEMO_SIMPLE_2025 * 3; i++) {
    const unit = pick(weighted)
    const date = addCalendarDays('2025-03-03', Math.floor((simple / DEMO_SIMPLE_2025) * 280) + between(0, 5))
    if (await runSimple(unit, date, { pay: true, close: true })) simple += 1
  }

  // ——— this year: every status, deadlines near and past ————————————————————————
  if (thisYear <= 2025) return
  const T = firstWd(today) > today ? addWd(today, -1) : today
  const back = (n: number) => addWd(T, -n)
  const zjj = units.find((u) => u.code === 'LF-ZJJ') ?? units[0]!
  const rota = (i: number) => (i % 3 === 0 ? zjj : units[i % units.length]!)
  const current: Array<Omit<Plan, 'unit'> & { unit?: Unit }> = [
    { stop: 'register', start: back(2) },
    { stop: 'register', start: back(3), fromInspection: true },
    { stop: 'register', start: back(17) }, // 立案期限已过
    { stop: 'submit', start: back(3) },
    { stop: 'submit', start: back(13) }, // 立案期限将届满
    { stop: 'approve', start: back(4) },
    { stop: 'approve', start: addCalendarDays(T, -85) }, // 九十日办案期限将届满
    { stop: 'evidence', start: addCalendarDays(T, -100) }, // 办案期限已过
    { stop: 'evidence', start: back(20), person: true },
    { stop: 'finish', start: back(7) },
    { stop: 'finish', start: back(9), path: 'no_penalty' },
    { stop: 'notify', start: back(8) },
    { stop: 'hearing_scheduled', start: back(10), hearing: true, unit: zjj },
    { stop: 'legal_review', start: back(9), major: true },
    { stop: 'pending_decision', start: back(11), major: true, unit: zjj },
    { stop: 'pending_decision', start: back(10) },
    { stop: 'decide', start: back(11), publish: true },
    { stop: 'decide', start: back(16), person: true, publish: true }, // 送达期限将届满
    { stop: 'deliver', start: back(13), publish: true },
    { stop: 'deliver', start: back(14), publish: true, announcement: true }, // 公告送达，视为送达之日在后
    { stop: 'evidence', start: back(12), preservation: true },
    { stop: 'overdue', start: back(40), publish: true }, // 缴款期限已过
    { stop: 'remind', start: back(45), publish: true },
    { stop: 'close', start: back(25), publish: true },
    { stop: 'archive', start: back(60), publish: true },
    { stop: 'archive', start: back(120), publish: true, statement: true },
    { stop: 'submit', start: back(6), path: 'reject' },
    { stop: 'evidence', start: back(30), path: 'terminate' },
    { stop: 'register', start: back(5), path: 'transfer_unit', unit: zjj },
    { stop: 'evidence', start: back(50), path: 'judicial' },
    { stop: 'evidence', start: back(25), path: 'suspend' },
    { stop: 'deliver', start: back(60), publish: true, revoke: true, unit: zjj },
  ]
  for (const [i, plan] of current.entries()) {
    const unit = plan.unit ?? (plan.path === 'judicial' ? (units.find((u) => u.code === 'LF-ZRZY') ?? rota(i)) : rota(i))
    const id = await runGeneral({ ...plan, unit })
    if (!id) {
      // The unit lacks two certified officers for those dates: try 住建局.
      await runGeneral({ ...plan, unit: zjj })
    }
  }
  for (let i = 0; i < 6; i++) {
    const date = back(between(1, 40))
    await runSimple(rota(i), date, { pay: i % 3 !== 0, close: i % 4 !== 0 })
  }
}

registerDemoSeeder(seedCasesDemo)

/** Items on the demo's 首违不罚 list (discretion part) that the case profiles cover. */
const firstViolationCodes = ['CF-ZJ-007', 'CF-ZJ-009', 'CF-ZJ-010', 'CF-LC-017']

type Amount = { benchmarkId: string; tier: DiscretionTier; conditions: string[]; baseFen: number | null; kinds: PenaltyKind[]; fineFen: number; confiscateFen: number; minFen: number | null }

/**
 * An amount from the item's published benchmark for the party's kind: a tier whose range reaches
 * `floorFen` (hearing or legal-review cases), a fine drawn inside the range in whole hundreds of
 * yuan — or, with `outside`, a fifth above its top (the decision then carries a written reason and
 * is flagged to supervisors). Null when the item has no usable benchmark.
 */
async function chooseAmount(trx: Transaction<DB>, item: Item, partyKind: 'person' | 'organization', floorFen: number, random: () => number, outside: boolean): Promise<Amount | null> {
  const rows = await trx.selectFrom('discretion_benchmark').select(['id', 'violation']).where('power_item_id', '=', item.id).where('status', '=', 'published').orderBy('code').execute()
  const mark = partyKind === 'person' ? '（个人）' : '（单位）'
  const other = partyKind === 'person' ? '（单位）' : '（个人）'
  const row = rows.find((r) => r.violation.endsWith(mark)) ?? rows.find((r) => !r.violation.endsWith(other))
  if (!row) return null
  const benchmark = await repo.findBenchmark(trx, row.id)
  if (!benchmark) return null
  const base = benchmark.statutory.multipleOf ? (partyKind === 'person' ? 5_000 + Math.floor(random() * 45_000) : 200_000 + Math.floor(random() * 2_800_000)) * 100 : null
  const tiers = benchmark.tiers.filter((t) => t.tier !== 'exempt' && t.tier !== 'mitigated')
  for (const tier of [...tiers].sort(() => random() - 0.5)) {
    const r = calculateDiscretion(benchmark, { tier: tier.tier, conditions: tier.conditions.slice(0, 1), baseFen: base, partyKind })
    if (!r.ok || !r.kinds.includes('fine') || r.minFen === null || r.maxFen === null || r.maxFen < Math.max(floorFen, 10_000)) continue
    const lo = Math.ceil(Math.max(r.minFen, floorFen, 10_000) / 10_000) * 10_000
    const hi = Math.floor(r.maxFen / 10_000) * 10_000
    if (hi < lo) continue
    // Outside the tier but never outside the law: above the tier's top, within the statutory maximum.
    const above = Math.ceil((r.maxFen + 10_000) / 10_000) * 10_000
    if (outside && (r.statutoryMaxFen === null || above > r.statutoryMaxFen)) continue
    const fineFen = outside ? above : lo + Math.floor(random() * ((hi - lo) / 10_000 + 1)) * 10_000
    // Only fines and confiscations are executed in the demo; other kinds of the tier stay out.
    const confiscate = r.kinds.find((k) => k === 'confiscate_gains' || k === 'confiscate_property')
    const kinds: PenaltyKind[] = confiscate ? ['fine', confiscate] : ['fine']
    const confiscateFen = confiscate ? (20 + Math.floor(random() * 280)) * 10_000 : 0
    return { benchmarkId: row.id, tier: tier.tier, conditions: tier.conditions.slice(0, 1), baseFen: base, kinds, fineFen, confiscateFen, minFen: r.minFen }
  }
  return null
}

// ——— units, accounts and items ——————————————————————————————————————————————————

/**
 * The enforcing units with their head, legal reviewer and officers as actors. Officers and heads
 * without an account get one (same password hash as the other demo accounts), linked to their
 * officer record, because the engine acts only for users.
 */
async function loadUnits(trx: Transaction<DB>, ctx: DemoContext): Promise<Unit[]> {
  const template = await trx.selectFrom('app_user').select('password_hash').where('username', '=', 'zjj_officer').executeTakeFirst()
  if (!template) return []
  const orgs = await trx
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .leftJoin('enforcement_entity as e', 'e.org_id', 'o.id')
    .select(['o.id', 'o.code', 'o.name', 'o.short_name', 'o.region_code', 'r.path', 'r.name as region_name', 'e.responsible_person'])
    .where('o.code', 'in', UNIT_CODES)
    .orderBy('o.code')
    .execute()
  const units: Unit[] = []
  for (const o of orgs) {
    const held = (await listHeldPowerItems(trx, o.id)).filter((i) => i.kind === 'penalty')
    const items: Item[] = []
    for (const h of held) {
      const profile = violationProfiles.find((v) => v.code === h.code)
      const range = profile ? await statutoryRangeOf(trx, h.id) : null
      // An item whose provision sets no penalty kind (城乡规划法 第六十五条: 责令改正、拆除) yields no penalty case.
      if (profile && range && range.kinds.length > 0) items.push({ id: h.id, code: h.code, name: h.name, domain: h.domain, profile, range })
    }
    if (items.length === 0) continue
    const township = o.code.endsWith('-ZF') ? o.region_code : null
    // Townships enforce the 住建 and 林草 items most; keep their list to the everyday ones.
    const unitItems = township ? items.filter((i) => !['CF-ZJ-034', 'CF-ZR-015', 'CF-ZR-008'].includes(i.code)) : items
    const people = await trx
      .selectFrom('person as p')
      .leftJoin('app_user as u', 'u.id', 'p.user_id')
      .select(['p.id', 'p.name', 'p.user_id', 'u.username', 'u.display_name', 'u.role'])
      .where('p.org_id', '=', o.id)
      .where('p.status', '=', 'active')
      // 法制审核 is by someone outside the case's team (第五十八条): reviewers are not drawn as officers.
      .where((eb) => eb.or([eb('u.role', 'is', null), eb('u.role', '!=', 'legal_reviewer')]))
      .orderBy('p.id_number')
      .execute()
    if (people.length < 2) continue
    const slug = o.code.toLowerCase().replace(/-/g, '_')
    const base = { orgId: o.id, orgName: o.name, regionPath: o.path, regionCode: o.region_code, mustChangePassword: false }
    const userOf = async (username: string, displayName: string, role: 'unit_head' | 'legal_reviewer' | 'officer'): Promise<Actor> => {
      const existing = await trx.selectFrom('app_user').select(['id', 'username', 'display_name', 'role']).where('username', '=', username).executeTakeFirst()
      const row =
        existing ??
        (await trx
          .insertInto('app_user')
          .values({ username, display_name: displayName, role, org_id: o.id, password_hash: template.password_hash, created_at: '2025-03-01T09:00:00+08:00' })
          .returning(['id', 'username', 'display_name', 'role'])
          .executeTakeFirstOrThrow())
      ctx.userIds.set(row.username, row.id)
      return { ...base, userId: row.id, username: row.username, displayName: row.display_name, role: row.role as Actor['role'] }
    }
    const existingHead = await trx.selectFrom('app_user').select('username').where('org_id', '=', o.id).where('role', '=', 'unit_head').orderBy('username').executeTakeFirst()
    const existingLegal = await trx.selectFrom('app_user').select('username').where('org_id', '=', o.id).where('role', '=', 'legal_reviewer').orderBy('username').executeTakeFirst()
    const head = await userOf(existingHead?.username ?? `${slug}_head`, `${o.responsible_person ?? '负责人'}（${o.short_name}负责人）`, 'unit_head')
    const legal = await userOf(existingLegal?.username ?? `${slug}_legal`, `法制审核员（${o.short_name}）`, 'legal_reviewer')
    await ensureReviewerPerson(trx, legal, units.length)
    const persons: Person[] = []
    for (const [i, p] of people.entries()) {
      if (p.user_id && p.username) {
        persons.push({ id: p.id, name: p.name, actor: { ...base, userId: p.user_id, username: p.username, displayName: p.display_name!, role: p.role as Actor['role'] } })
        continue
      }
      const actor = await userOf(`${slug}_officer${i + 1}`, `${p.name}（${o.short_name}执法人员）`, 'officer')
      await trx.updateTable('person').set({ user_id: actor.userId }).where('id', '=', p.id).execute()
      persons.push({ id: p.id, name: p.name, actor })
    }
    const weight = UNIT_WEIGHTS[o.code] ?? 1
    units.push({ id: o.id, code: o.code, name: o.name, shortName: o.short_name, regionPath: o.path, township, townName: township ? o.region_name : '金山镇', head, legal, persons, items: unitItems, weight })
  }
  return units
}

/**
 * 第五十八条第二款: the unit's legal reviewer is on the unit's person list with a 法律职业资格 — or, for
 * every fourth unit, without one but reviewing since before 2021-07-15 (not first-time). A reviewer
 * already on the list (住建局's 陈丽, from the registry demo) keeps their record.
 */
async function ensureReviewerPerson(trx: Transaction<DB>, legal: Actor, index: number): Promise<void> {
  const existing = await trx.selectFrom('person').select(['id', 'legal_qualification_no', 'legal_review_since']).where('user_id', '=', legal.userId).executeTakeFirst()
  const grandfathered = index % 4 === 3
  const qualification = grandfathered
    ? { legal_qualification_no: null, legal_qualification_on: null, legal_review_since: '2018-03-01' }
    : { legal_qualification_no: `A2019532331${String(1001 + index * 37).padStart(4, '0')}`, legal_qualification_on: '2019-12-20', legal_review_since: '2020-04-01' }
  if (existing) {
    if (!existing.legal_qualification_no && !existing.legal_review_since) await trx.updateTable('person').set(qualification).where('id', '=', existing.id).execute()
    return
  }
  const name = `${surnames[(index * 7) % surnames.length]}${givenSyllables[(index * 11) % givenSyllables.length]}${givenSyllables[(index * 5 + 3) % givenSyllables.length]}`
  for (let sequence = 901 + index * 2; ; sequence += 2) {
    const idNumber = generateIdNumber({ regionCode: '532331', birthDate: `198${index % 10}-0${(index % 9) + 1}-1${index % 10}`, sequence: sequence % 1000 })
    if (await trx.selectFrom('person').select('id').where('id_number', '=', idNumber).executeTakeFirst()) continue
    await trx
      .insertInto('person')
      .values({ org_id: legal.orgId!, name, id_number: idNumber, sex: 'male', phone: null, position: '法制审核员', user_id: legal.userId, ...qualification, created_at: '2025-03-01T09:00:00+08:00' })
      .execute()
    return
  }
}

/**
 * The seed's transaction seen as a database whose `transaction()` runs in that same transaction,
 * for services that open their own (publication): Kysely does not nest transactions.
 */
function nestedIn(trx: Transaction<DB>): Kysely<DB> {
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(fn: (t: Transaction<DB>) => Promise<T>) => fn(target) })
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  }) as unknown as Kysely<DB>
}

/** A small seeded PRNG, so the demo is the same on every load. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

