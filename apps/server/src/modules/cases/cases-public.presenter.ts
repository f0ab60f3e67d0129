import { addCalendarMonths, labels } from '@yangguang/core'
import type { ReceiptRow } from '../../platform/ledger/ledger.repository'
import { basisLine, type CaseOutcome, outcomeLine } from './case-document-builders'
import type { CaseDocumentRow, CaseForDocuments } from './case-documents.repository'
import type { publicationView } from './case-publication.service'

/**
 * What leaves the API about case documents, publications and the party's lookup. The public
 * variants whitelist fields: a published decision never carries a natural person's full name, ID
 * number, phone or street address; a verified document never carries the party at all.
 */

// ── 双公示: the published decision ───────────────────────────────────────────────────────────────

/**
 * A published penalty decision in the 双公示 shape (行政处罚信息 as collected into 信用中国). Keys are
 * English; the portal prints the Chinese labels of `labels.publicDecisionField` (`@yangguang/core`).
 */
export type PublicDecision = {
  /** 行政处罚决定书文号 */
  decisionNumber: string | null
  /** 案件名称 */
  caseName: string
  /** 行政相对人名称 (natural persons masked: 张某) */
  partyName: string
  /** 行政相对人类别 */
  partyCategory: '法人及非法人组织' | '个体工商户' | '自然人'
  /** 统一社会信用代码 (organisations and individual businesses only) */
  partyCreditCode: string | null
  /** 法定代表人 (organisations only; an individual business's operator is a natural person) */
  legalRep: string | null
  /** 住所 cut to the county */
  partyRegion: string | null
  /** 违法行为类型 */
  violationType: string
  /** 违法事实 (names, ID numbers and phone numbers of natural persons removed) */
  facts: string
  /** 处罚依据 */
  basis: string
  /** 处罚类别 */
  kinds: string[]
  /** 处罚内容 */
  content: string
  /** 罚款金额（万元）, exact decimal text */
  fineWan: string
  /** 没收违法所得、没收非法财物的金额（万元） */
  confiscateWan: string
  /** 处罚决定日期 */
  decidedOn: string
  /** 公示截止期 */
  publicUntil: string
  /** 处罚机关 */
  organ: string
  /** 公示日期 */
  publishedOn: string
}

/**
 * The published record of a decision: only the whitelisted fields, natural persons masked. Computed
 * once when the decision is published and frozen in `case_publication.public_data`.
 *
 * @example
 * decisionPublicData(c, { decisionNumber: '禄住建罚决字〔2026〕第3号', publishedOn: '2026-11-23' }).partyName // '张某' for 张三丰
 */
export function decisionPublicData(c: NonNullable<CaseForDocuments>, extra: { decisionNumber: string | null; publishedOn: string }): PublicDecision {
  const decision = c.decision
  const outcome: CaseOutcome = {
    outcome: decision?.outcome ?? 'penalty',
    kinds: decision?.kinds ?? [],
    fineFen: decision?.fineFen ?? c.fine_fen,
    confiscateFen: decision?.confiscateFen ?? c.confiscate_fen,
    tier: decision?.tier ?? null,
    ground: decision?.ground ?? null,
    reason: null,
    conditions: [],
  }
  const individualBusiness = c.party_kind === 'organization' && (c.party_credit_code ?? '').startsWith('92')
  const person = c.party_kind === 'person'
  const partyName = person ? maskPersonName(c.party_name) : c.party_name
  // Whose personal details the texts must not show: the person, or an individual business's operator.
  const hidden = {
    names: [person ? c.party_name : null, individualBusiness || person ? c.party_legal_rep : null].filter((n): n is string => !!n),
    numbers: [c.party_id_number, c.party_phone].filter((n): n is string => !!n),
    // A natural person's street address (all of it, and the part below the county) is not published.
    places: person || individualBusiness ? addressTails(c.party_address) : [],
  }
  return {
    decisionNumber: extra.decisionNumber,
    caseName: scrubPersonalData(c.title, hidden),
    partyName,
    partyCategory: person ? '自然人' : individualBusiness ? '个体工商户' : '法人及非法人组织',
    partyCreditCode: person ? null : c.party_credit_code,
    legalRep: person || individualBusiness ? null : c.party_legal_rep,
    partyRegion: countyPart(c.party_address),
    violationType: c.benchmark_violation ?? c.power_item_name,
    facts: scrubPersonalData(c.facts ?? '', hidden),
    basis: basisLine(c.benchmark_penalty_basis ?? c.power_item_basis),
    kinds: outcome.kinds.map((k) => labels.penaltyKind[k]),
    content: outcomeLine(outcome),
    fineWan: fenToWan(outcome.fineFen),
    confiscateWan: fenToWan(outcome.confiscateFen),
    decidedOn: c.decided_on ?? extra.publishedOn,
    // [R] local practice: kept on the portal 5 years, 2 for a natural person.
    publicUntil: addCalendarMonths(c.decided_on ?? extra.publishedOn, person ? 24 : 60),
    organ: c.org_name,
    publishedOn: extra.publishedOn,
  }
}

/** 张三丰 → 张某: the surname stays, the given name goes (the common masking of 公示 rules). */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return '某'
  return `${chars[0]}某`
}

/**
 * The part of an address down to the county (县/市/区/旗), e.g. 云南省楚雄彝族自治州禄丰市金山镇… →
 * 云南省楚雄彝族自治州禄丰市. Null when no county-level name can be found (then nothing is shown).
 */
export function countyPart(address: string | null): string | null {
  if (!address) return null
  const cut = address.search(/镇|乡|街道|村|社区|路|街|巷|号|组|栋|室/)
  const head = cut === -1 ? address : address.slice(0, cut)
  const match = /^.*[县区市旗]/.exec(head)
  return match ? match[0] : null
}

/** A full address and its part below the county, longest first: the forms a text may quote it in. */
function addressTails(address: string | null): string[] {
  if (!address) return []
  const county = countyPart(address)
  const below = county ? address.slice(county.length) : ''
  return [address, below].filter((a) => a.length >= 4)
}

/** Removes a natural person's names, ID numbers, phone numbers and street address from a free text. */
export function scrubPersonalData(text: string, hidden: { names: string[]; numbers: string[]; places?: string[] }): string {
  let out = text
  for (const place of hidden.places ?? []) out = out.split(place).join('＊＊＊')
  for (const number of hidden.numbers) out = out.split(number).join('＊＊＊')
  for (const name of hidden.names) out = out.split(name).join(maskPersonName(name))
  // Whatever else looks like an ID number (GB 11643, 18 or 15 digits) or a mobile number.
  return out.replace(/(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)\d{15}(?!\d)/g, '＊＊＊').replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '＊＊＊')
}

/** Fen as 万元 in exact decimal text: 5,000,000 fen → '5', 350,000 → '0.35'. */
export function fenToWan(fen: number): string {
  const whole = Math.floor(fen / 1_000_000)
  const rest = String(fen % 1_000_000).padStart(6, '0').replace(/0+$/, '')
  return rest ? `${whole}.${rest}` : String(whole)
}

// ── Documents ────────────────────────────────────────────────────────────────────────────────────

/** A case's document for the unit and its supervisors. */
export function presentCaseDocument(row: CaseDocumentRow, caseId: string) {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: labels.caseDocumentKind[row.kind],
    title: row.title,
    number: row.number,
    issuedOn: row.issued_on,
    issuedAt: row.issued_at.toISOString(),
    issuedByName: row.issued_by_name ?? null,
    forParty: row.for_party,
    byteSize: row.byte_size,
    sha256: row.sha256,
    verifyId: row.verify_id,
    pdfUrl: `/api/cases/${caseId}/documents/${row.id}/pdf`,
    actions: ['download'],
  }
}

/** A document as the party sees it in the lookup. */
export function presentPartyDocument(row: CaseDocumentRow) {
  return { id: row.id, kind: row.kind, title: row.title, number: row.number, issuedOn: row.issued_on }
}

/** The public facts of a document found by its verification id, with the ledger's view of its leaf. */
export function presentPublicDocument(found: {
  doc: { kind: keyof typeof labels.caseDocumentKind | 'supervision_document'; title: string; number: string | null; issued_on: string; organ: string; leaf_hash: Buffer }
  receipt: ReceiptRow | null
  publishedSize: number | null
}) {
  const { doc, receipt, publishedSize } = found
  const index = receipt?.index ?? null
  return {
    kind: doc.kind,
    kindLabel: doc.kind === 'supervision_document' ? '执法监督文书' : labels.caseDocumentKind[doc.kind],
    title: doc.title,
    number: doc.number,
    organ: doc.organ,
    issuedOn: doc.issued_on,
    leafHash: doc.leaf_hash.toString('hex'),
    leaf: receipt ? receipt.leaf.toString('utf8') : null,
    ledger: {
      status: index === null ? ('pending' as const) : ('integrated' as const),
      index,
      publishedSize,
      inPublishedCheckpoint: index !== null && publishedSize !== null && index < publishedSize,
    },
  }
}

// ── The party's lookup ───────────────────────────────────────────────────────────────────────────

export function presentLookup(found: {
  case: { case_no: string | null; title: string; status: keyof typeof labels.caseStatus; org_name: string; org_phone: string | null; decided_on: string | null; payment_due_on: string | null; fine_fen: number }
  today: string
  deadlines: Array<{ kind: keyof typeof labels.caseDeadlineKind; due_on: string; basis: string; provisional: boolean; daysLeft: number }>
  documents: CaseDocumentRow[]
}) {
  const c = found.case
  return {
    caseNo: c.case_no ?? '',
    title: c.title,
    status: c.status,
    statusLabel: labels.caseStatus[c.status],
    organ: c.org_name,
    organPhone: c.org_phone,
    decidedOn: c.decided_on,
    fineFen: c.fine_fen,
    today: found.today,
    deadlines: found.deadlines.map((d) => ({ kind: d.kind, label: labels.caseDeadlineKind[d.kind], dueOn: d.due_on, basis: d.basis, provisional: d.provisional, daysLeft: d.daysLeft })),
    documents: found.documents.map(presentPartyDocument),
  }
}

// ── Publication (for the unit) ───────────────────────────────────────────────────────────────────

export function presentPublication(view: Awaited<ReturnType<typeof publicationView>>) {
  if (!view) return { status: 'none' as const, actions: [] as string[] }
  const { row } = view
  return {
    status: row.status,
    decidedOn: row.decided_on,
    dueOn: row.due_on,
    dueProvisional: row.due_provisional,
    daysLeft: view.daysLeft,
    publishedAt: row.published_at?.toISOString() ?? null,
    publicData: (row.public_data ?? null) as PublicDecision | null,
    withdrawDueOn: view.withdrawDueOn,
    withdrawReason: view.withdrawReason,
    withdrawDaysLeft: view.withdrawDaysLeft,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawalNote: row.withdrawal_note,
    actions: view.actions,
  }
}
