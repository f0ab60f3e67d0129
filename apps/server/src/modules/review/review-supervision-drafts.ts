import { labels, type ReviewItem, type ReviewSheetItem, type ReviewStandard } from '@yangguang/core'
import type { Kysely } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import { invalidState, notFound } from '../../platform/errors'
import { managesBatch, maySupervise } from './review.policy'
import * as repo from './review.repository'
import { loadBatchFor, outcomesOf, parseStandard } from './review.service'

type Ctx = RequestContext & { actor: Actor }

/** The body of POST /api/supervision/documents, pre-filled from review results for the supervisor to edit. */
export type SupervisionDraft = {
  typeCode: 'opinion' | 'suggestion'
  subject: string
  source: { kind: 'review_finding'; ref: string; snapshot: string }
  recipientOrgIds: string[]
  findings: Array<{ problem: string; legalBasis: string; measure: string }>
}

/** How many findings a supervision document takes (createDocumentBody's limit). */
const MAX_FINDINGS = 50
/** How many common problems a 监督建议书 lists: the most frequent ones. */
const COMMON_PROBLEMS = 5

/**
 * A 监督意见书 to the file's unit from one submitted sheet's deductions (the deciding sheet unless `sheetId` names
 * another of the file's sheets): one finding per deduction — the rule's text and the reviewer's reason, the item's
 * legal basis (or the standard item when it names none) and a default measure. Managers of the batch only, after
 * publication; anyone else gets 404.
 *
 * @example
 * const draft = await fileSupervisionDraft(db, ctx, fileId) // { typeCode: 'opinion', recipientOrgIds: [zjjId], findings: [{ problem: '案卷 T-1：未对申请材料进行审查…', … }] }
 */
export async function fileSupervisionDraft(db: Kysely<DB>, ctx: Ctx, fileId: string, sheetId?: string): Promise<SupervisionDraft> {
  const file = await repo.findFile(db, fileId)
  if (!file) throw notFound('评查案卷')
  const batch = (await repo.findBatch(db, file.batch_id)) as repo.BatchRow
  if (!managesBatch(ctx.actor, batch.region_path)) throw notFound('评查案卷')
  const sheet = (await repo.sheetsOfFiles(db, [file.id])).find((s) => s.id === (sheetId ?? file.result_sheet_id))
  if (!sheet) throw notFound('评分表')
  if (sheet.status !== 'submitted') throw invalidState('评分表尚未提交，不能据此制发监督文书')
  const standardRow = (await repo.findStandard(db, sheet.standard_id)) as repo.StandardRow
  const standard = parseStandard(standardRow)
  const findings = findingsOfSheet(standard, sheet.items, file.file_no)
  if (!maySupervise(ctx.actor, batch, findings.length)) {
    throw invalidState(batch.status === 'published' ? '该评分表没有扣分项，无需制发监督文书' : '评查结果公布后才能据此制发监督文书')
  }
  const result = sheet.grade ? `${Number(sheet.score)}分，${labels.reviewGrade[sheet.grade]}${sheet.vetoed ? '（触及否决项）' : ''}` : ''
  return {
    typeCode: 'opinion',
    subject: `${batch.title}案卷评查发现的问题（${file.file_no}）`,
    source: { kind: 'review_finding', ref: file.id, snapshot: `${batch.title} · 案卷 ${file.file_no}《${file.title}》：${result}，扣分${findings.length}项` },
    recipientOrgIds: [file.org_id],
    findings: findings.slice(0, MAX_FINDINGS),
  }
}

/**
 * A 监督建议书 on a published batch's common problems: the deductions found in files of at least two units, most
 * frequent first (up to five), addressed to every unit where one of them was found. 409 when no problem is common.
 *
 * @example
 * const draft = await batchSupervisionDraft(db, ctx, batchId) // { typeCode: 'suggestion', findings: [{ problem: '未作出书面的行政许可决定（本批次2个单位3卷存在）', … }] }
 */
export async function batchSupervisionDraft(db: Kysely<DB>, ctx: Ctx, batchId: string): Promise<SupervisionDraft> {
  const { batch, manager } = await loadBatchFor(db, ctx, batchId)
  if (!manager) throw notFound('评查批次')
  if (batch.status !== 'published') throw invalidState('评查结果公布后才能据此制发监督文书')
  const files = await repo.listFiles(db, batch.id)
  const outcomes = outcomesOf(files, await repo.sheetsOfFiles(db, files.map((f) => f.id)))
  const found = new Map<string, { itemCode: string; units: Set<string>; files: number }>()
  for (const o of outcomes) {
    for (const d of new Map(o.deductions.map((x) => [x.deductionCode, x])).values()) {
      const entry = found.get(d.deductionCode) ?? { itemCode: d.itemCode, units: new Set<string>(), files: 0 }
      entry.units.add(o.unitId)
      entry.files++
      found.set(d.deductionCode, entry)
    }
  }
  const common = [...found.entries()]
    .filter(([, e]) => e.units.size >= 2)
    .sort(([a, x], [b, y]) => y.files - x.files || y.units.size - x.units.size || a.localeCompare(b))
    .slice(0, COMMON_PROBLEMS)
  if (common.length === 0) throw invalidState('本批次没有在两个以上单位出现的扣分项，请按案卷制发监督意见书')
  const rules = await rulesOfBatch(db, files)
  const findings = common.map(([code, e]) => {
    const rule = rules.get(code)
    const text = rule?.deduction ?? code
    return {
      problem: `${text}（本批次${e.units.size}个单位${e.files}卷存在此问题）`,
      legalBasis: rule ? basisOf(rule.standard, rule.item) : '评查标准',
      measure: rule ? `对照“${rule.item.text}”的要求开展自查，完善相关制度，组织执法人员学习，防止同类问题再次发生。` : '开展自查，完善相关制度，防止同类问题再次发生。',
    }
  })
  const units = new Set(common.flatMap(([, e]) => [...e.units]))
  const recipientOrgIds = [...new Set(files.map((f) => f.org_id))].filter((id) => units.has(id))
  return {
    typeCode: 'suggestion',
    subject: `${batch.title}案卷评查发现的共性问题`,
    source: {
      kind: 'review_finding',
      ref: batch.id,
      snapshot: `${batch.title}：已评${outcomes.length}卷；常见扣分：${common.map(([code, e]) => `${rules.get(code)?.deduction ?? code}（${e.files}卷）`).join('；')}`,
    },
    recipientOrgIds,
    findings,
  }
}

function findingsOfSheet(standard: ReviewStandard, items: readonly ReviewSheetItem[], fileNo: string): SupervisionDraft['findings'] {
  const entries = new Map(items.map((i) => [i.itemCode, i]))
  return standard.sections.flatMap((section) =>
    section.items.flatMap((item) => {
      const rules = new Map(item.deductions.map((d) => [d.code, d]))
      return (entries.get(item.code)?.deductions ?? []).map((d) => {
        const count = d.count && d.count > 1 ? `（${d.count}处）` : ''
        const pages = d.evidencePages?.length ? `（见案卷第${d.evidencePages.join('、')}页）` : ''
        return {
          problem: `案卷 ${fileNo}：${rules.get(d.code)?.text ?? d.code}${count}。评查意见：${d.reason}${pages}`,
          legalBasis: basisOf(standard, item),
          measure: item.veto
            ? `依法纠正该案卷中的违法行为，对照“${item.text}”的要求全面自查同类案卷。`
            : `对照“${item.text}”的要求补正本案卷能够补正的内容，组织执法人员学习相关规定，防止同类问题再次发生。`,
        }
      })
    }),
  )
}

/**
 * The printed legal basis of an item: its articles grouped by law (行政许可法第三十四条, 行政许可法第三十六条 →
 * 《行政许可法》第三十四条、第三十六条), or the standard item itself when it names no article.
 */
function basisOf(standard: ReviewStandard, item: ReviewItem): string {
  if (!item.basis?.length) return `${standard.title}（第${standard.version}版）${item.code}“${item.text}”`
  const byLaw = new Map<string, string[]>()
  for (const b of item.basis) {
    const m = /^(.+?法)(第.+)$/.exec(b)
    const [law, article] = m ? [m[1]!, m[2]!] : [b, '']
    byLaw.set(law, [...(byLaw.get(law) ?? []), article].filter(Boolean))
  }
  return [...byLaw.entries()].map(([law, articles]) => (articles.length ? `《${law}》${articles.join('、')}` : law)).join('；')
}

/** Deduction code → its rule, item and standard, over the standards the batch's files were scored against. */
async function rulesOfBatch(db: Kysely<DB>, files: readonly repo.FileRow[]) {
  const rules = new Map<string, { standard: ReviewStandard; item: ReviewItem; deduction: string }>()
  for (const id of new Set(files.map((f) => f.standard_id))) {
    const row = await repo.findStandard(db, id)
    if (!row) continue
    const standard = parseStandard(row)
    for (const section of standard.sections) for (const item of section.items) for (const d of item.deductions) rules.set(d.code, { standard, item, deduction: d.text })
  }
  return rules
}
