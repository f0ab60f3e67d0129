import {
  canonicalPool,
  defaultReviewStandards,
  nearestCounts,
  poolDigest,
  scoreSheet,
  type PoolFile,
  type ReviewFileKind,
  type ReviewGrade,
  type ReviewSheetItem,
  type ReviewStandard,
} from '@yangguang/core'
import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import { recordAudit } from '../../platform/audit/audit'
import { systemContext } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'
import { registerDemoSeeder, type DemoContext } from '../demo/seed-demo'
import * as repo from './review.repository'
import { ensureDefaultStandards } from './review.service'

/**
 * 案卷评查 demo, shaped like the source article's 2025 (paragraph 9: 6 rounds, 64 penalty + 4 licensing files,
 * 94.5% passed, 20.4% excellent, 5.5% failed) and one 2026 batch frozen for a live draw.
 *
 * Honest limits, also in the README:
 * - **2025 batches are recorded as imported history** (`origin = 'imported'`): the demo is seeded in one transaction
 *   before the ledger has signed any checkpoint and without the log's signing key, so no seed "from the first
 *   checkpoint after the freeze" can exist for them. Their pools are frozen and their digests go on the ledger with
 *   every other demo record, but the sampled files are the record — the article's 64 penalty files, spread over the
 *   six rounds and the units by a fixed hash order (see {@link sampleRound}), plus the 4 licensing files — no seed is
 *   stored and the portal says the draw cannot be re-run. The live 2026 batch is drawn the real way.
 * - The 2025 grades come from scored sheets: the grade mix is nearestCounts(68, article rates) = 14 优秀 / 50 合格 /
 *   4 不合格 (94.1% / 20.6% / 5.9%), and each file's sheet carries deductions (or a veto) that produce a score in that
 *   grade; the rates are then computed from the sheets like any batch's.
 */

/** The article's 2025: penalty files sampled over the six rounds (licensing files are all four reviewed). */
const DEMO_PENALTY_SAMPLED_2025 = 64

type Deduct = Record<string, Array<{ code: string; count?: number }>>

/** Defects a reviewer typically finds, by grade; the score of each is 100 minus the points (veto → 0). */
const defects: Record<ReviewFileKind, Record<ReviewGrade, Deduct[]>> = {
  penalty: {
    excellent: [
      { 'P-F02': [{ code: 'P-F02-a', count: 2 }], 'P-C09': [{ code: 'P-C09-a' }] },
      { 'P-F07': [{ code: 'P-F07-a' }], 'P-C05': [{ code: 'P-C05-a' }] },
      { 'P-C06': [{ code: 'P-C06-b' }] },
      {},
    ],
    pass: [
      { 'P-C03': [{ code: 'P-C03-c', count: 2 }], 'P-C06': [{ code: 'P-C06-b' }], 'P-C09': [{ code: 'P-C09-a', count: 2 }], 'P-F02': [{ code: 'P-F02-a', count: 2 }] },
      { 'P-C04': [{ code: 'P-C04-a' }], 'P-C07': [{ code: 'P-C07-a', count: 2 }], 'P-C11': [{ code: 'P-C11-b' }], 'P-F05': [{ code: 'P-F05-b' }], 'P-C12': [{ code: 'P-C12-d' }] },
      { 'P-C03': [{ code: 'P-C03-a' }], 'P-C06': [{ code: 'P-C06-a' }], 'P-C09': [{ code: 'P-C09-a', count: 3 }], 'P-F03': [{ code: 'P-F03-a', count: 2 }] },
      { 'P-C05': [{ code: 'P-C05-a', count: 2 }], 'P-C09': [{ code: 'P-C09-a' }], 'P-F02': [{ code: 'P-F02-a', count: 3 }], 'P-C02': [{ code: 'P-C02-c', count: 2 }] },
    ],
    fail: [{ 'P-V05': [{ code: 'P-V05-a' }], 'P-C09': [{ code: 'P-C09-a' }] }, { 'P-V02': [{ code: 'P-V02-a' }] }],
  },
  license: {
    excellent: [{ 'L-F02': [{ code: 'L-F02-a', count: 2 }] }],
    pass: [{ 'L-C03': [{ code: 'L-C03-d', count: 2 }], 'L-C05': [{ code: 'L-C05-b' }], 'L-C02': [{ code: 'L-C02-a' }] }],
    fail: [{ 'L-V03': [{ code: 'L-V03-c' }] }],
  },
}

function sheetItems(standard: ReviewStandard, deduct: Deduct, page: number): ReviewSheetItem[] {
  const texts = new Map(standard.sections.flatMap((s) => s.items.flatMap((i) => i.deductions.map((d) => [d.code, d.text] as const))))
  return standard.sections.flatMap((s) =>
    s.items.map((i) => ({
      itemCode: i.code,
      deductions: (deduct[i.code] ?? []).map((d, k) => ({ code: d.code, count: d.count, reason: `经查：${texts.get(d.code) ?? d.code}`, evidencePages: [page + k * 3] })),
    })),
  )
}

/** Licensing files from 政务服务 (one per unit and period, numbered like 禄丰市's acceptance numbers). */
const licenseFiles: Array<{ org: string; no: string; title: string; closedOn: string }> = [
  { org: 'LF-ZJJ', no: '禄政务受〔2025〕0315号', title: '建筑工程施工许可证核发（禄丰市第三中学教学楼）', closedOn: '2025-03-21' },
  { org: 'LF-SCJG', no: '禄政务受〔2025〕0588号', title: '食品经营许可（禄丰金山恒通超市）', closedOn: '2025-05-16' },
  { org: 'LF-JTYS', no: '禄政务受〔2025〕0902号', title: '道路货物运输经营许可（禄丰顺达物流有限公司）', closedOn: '2025-08-08' },
  { org: 'LF-WLJ', no: '禄政务受〔2025〕1204号', title: '娱乐场所经营许可（禄丰星光KTV）', closedOn: '2025-10-24' },
]

/**
 * The files of a round as the review record lists them: `count` of the period's closed penalty files, taken one unit at a
 * time (each unit's files in the order of SHA-256 of their id, the units in turn) so the sample spreads over the units
 * like a per-unit draw; in closing order. Fewer if the period has fewer.
 */
function sampleRound<F extends { id: string; orgId: string; closedOn: string }>(files: readonly F[], count: number): F[] {
  const hashOf = (id: string) => createHash('sha256').update(id).digest('hex')
  const byUnit = new Map<string, F[]>()
  for (const f of [...files].sort((a, b) => (hashOf(a.id) < hashOf(b.id) ? -1 : 1))) byUnit.set(f.orgId, [...(byUnit.get(f.orgId) ?? []), f])
  const queues = [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, list]) => list)
  const out: F[] = []
  for (let round = 0; out.length < count && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (out.length < count && q[round]) out.push(q[round] as F)
  }
  return out.sort((a, b) => (a.closedOn < b.closedOn ? -1 : a.closedOn > b.closedOn ? 1 : a.id < b.id ? -1 : 1))
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** Seeds the review demo (see the module doc); registered as a part of the demo data set below. */
export async function seedReviewDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const system = systemContext(ctx.now)
  await ensureDefaultStandards(trx, system)
  const standards = await repo.listStandards(trx)
  const standardOf = (kind: ReviewFileKind) => standards.find((s) => s.code === defaultReviewStandards[kind].code) as repo.StandardRow
  const sfjOrg = await trx.selectFrom('org').select(['id', 'region_code']).where('code', '=', 'LF-SFJ').executeTakeFirstOrThrow()
  const units = await trx
    .selectFrom('org as o')
    .innerJoin('region as r', 'r.code', 'o.region_code')
    .select(['o.id', 'o.code'])
    .where('r.path', 'like', '530000/532300/532331/%')
    .where('o.code', '<>', 'LF-SFJ')
    .execute()
  const orgIds = units.map((u) => u.id)
  const reviewers = ['sfj', 'sfj2'].map((u) => ctx.userIds.get(u) as string)

  for (const f of licenseFiles) {
    const orgId = ctx.orgIds.get(f.org)
    if (orgId) await repo.insertExternalFile(trx, { org_id: orgId, file_no: f.no, title: f.title, closed_on: f.closedOn, created_by: reviewers[0] ?? null })
  }

  // ——— 2025: six bimonthly batches, recorded as imported history ———
  type Planned = { batchId: string; file: Awaited<ReturnType<typeof repo.poolCandidates>>[number] }
  const planned: Planned[] = []
  // The bureau reviews every two months; the demo's closed 2025 files are split into six consecutive periods of
  // about equal size (the cases demo starts in March, so calendar bimonths would leave the first round empty).
  const year = await repo.poolCandidates(trx, { org_ids: orgIds, file_kinds: ['penalty', 'license'], closed_from: '2025-01-01', closed_to: '2025-12-31' })
  const sorted = year.map((c) => c.closedOn).sort()
  const ranges: Array<[string, string]> = []
  let from = '2025-01-01'
  for (let n = 1; n <= 6; n++) {
    const last = sorted[Math.floor((sorted.length * n) / 6) - 1]
    const to = n === 6 ? '2025-12-31' : last && last >= from ? last : from
    ranges.push([from, to])
    from = nextDay(to)
  }
  const penaltyPerRound = ranges.map((_, n) => Math.floor((DEMO_PENALTY_SAMPLED_2025 * (n + 1)) / 6) - Math.floor((DEMO_PENALTY_SAMPLED_2025 * n) / 6))
  for (const [n, [closedFrom, closedTo]] of ranges.entries()) {
    const scope = { org_ids: orgIds, file_kinds: ['penalty', 'license'] as ReviewFileKind[], closed_from: closedFrom, closed_to: closedTo }
    const candidates = await repo.poolCandidates(trx, scope)
    const pool: PoolFile[] = candidates.map((c) => ({ id: c.id, unitId: c.orgCode, kind: c.kind, closedOn: c.closedOn }))
    const sampled = [...sampleRound(candidates.filter((c) => c.kind === 'penalty'), penaltyPerRound[n] as number), ...candidates.filter((c) => c.kind === 'license')]
    const perUnit = new Map<string, number>()
    for (const file of sampled) perUnit.set(file.orgId, (perUnit.get(file.orgId) ?? 0) + 1)
    const batchId = await repo.insertBatch(trx, {
      region_code: sfjOrg.region_code,
      title: `2025年第${n + 1}期`,
      kind: 'regular',
      ...scope,
      per_unit: Math.max(1, ...perUnit.values()),
      penalty_standard_id: standardOf('penalty').id,
      license_standard_id: standardOf('license').id,
      status: 'published',
      origin: 'imported',
      origin_note: '演示数据：平台上线前后按历史评查记录录入的批次，抽中案卷为评查记录所列案卷（全年行政处罚案卷64卷、行政许可案卷4卷），未经平台抽样，不能按种子复核。',
      pool_text: pool.length > 0 ? canonicalPool(pool) : null,
      pool_digest: pool.length > 0 ? poolDigest(pool) : null,
      pool_size: pool.length,
      frozen_at: `${closedTo}T17:00:00+08:00`,
      published_at: `${closedTo}T17:00:00+08:00`,
      created_by: reviewers[0] ?? null,
    })
    for (const file of sampled) planned.push({ batchId, file })
  }
  if (planned.filter((p) => p.file.kind === 'penalty').length !== DEMO_PENALTY_SAMPLED_2025) {
    throw new Error(`review demo: only ${planned.filter((p) => p.file.kind === 'penalty').length} closed 2025 penalty files could be sampled, ${DEMO_PENALTY_SAMPLED_2025} wanted (raise the cases demo's 2025 volume)`)
  }

  // Grades nearest the article's rates for the files that exist, spread over the year with a fixed stride.
  const target = nearestCounts(planned.length, { pass: 0.945, excellent: 0.204, fail: 0.055 })
  const grades: ReviewGrade[] = [...Array(target.counts.fail).fill('fail'), ...Array(target.counts.excellent).fill('excellent'), ...Array(target.counts.pass).fill('pass')]
  const stride = [7, 11, 13, 17].find((s) => gcd(s, planned.length) === 1) ?? 1
  const rank = new Map<string, number>()
  for (const [i, { batchId, file }] of planned.entries()) {
    const grade = grades[(i * stride) % planned.length] as ReviewGrade
    const standardRow = standardOf(file.kind)
    const standard = defaultReviewStandards[file.kind]
    const options = defects[file.kind][grade]
    const items = sheetItems(standard, options[i % options.length] as Deduct, 3 + (i % 20))
    const score = scoreSheet(standard, { items })
    if (!score.complete || score.grade !== grade) throw new Error(`review demo: sheet for ${grade} scored ${score.score} (${score.grade})`)
    const r = (rank.get(`${batchId}/${file.orgId}`) ?? 0) + 1
    rank.set(`${batchId}/${file.orgId}`, r)
    const { id: fileId } = await trx
      .insertInto('review_file')
      .values({ batch_id: batchId, pool_id: file.id, case_id: file.caseId, external_file_id: file.externalId, org_id: file.orgId, kind: file.kind, file_no: file.fileNo, title: file.title, closed_on: file.closedOn, rank: r, draw_hash: '', standard_id: standardRow.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    const sheetId = await repo.insertSheet(trx, {
      file_id: fileId,
      reviewer_id: reviewers[i % 2] as string,
      role: 'primary',
      standard_id: standardRow.id,
      items: JSON.stringify(items),
      status: 'submitted',
      score: score.score,
      grade: score.grade,
      vetoed: score.vetoed,
      deductions: JSON.stringify(score.deductions),
      assigned_by: reviewers[0] ?? null,
      submitted_at: ctx.now,
    })
    await repo.updateFile(trx, fileId, { score: score.score, grade: score.grade, vetoed: score.vetoed, result_sheet_id: sheetId })
  }

  // ——— 2026年第5期: frozen for real, drawn live once the ledger signs a checkpoint containing the freeze ———
  const liveScope = { org_ids: orgIds, file_kinds: ['penalty'] as ReviewFileKind[], closed_from: '2026-01-01', closed_to: '2026-10-31' }
  const live = await repo.poolCandidates(trx, liveScope)
  const liveId = await repo.insertBatch(trx, {
    region_code: sfjOrg.region_code,
    title: '2026年第5期',
    kind: 'regular',
    ...liveScope,
    per_unit: 2,
    penalty_standard_id: standardOf('penalty').id,
    created_by: reviewers[0] ?? null,
  })
  if (live.length > 0) {
    const pool: PoolFile[] = live.map((c) => ({ id: c.id, unitId: c.orgCode, kind: c.kind, closedOn: c.closedOn }))
    const digest = poolDigest(pool)
    const receipt = await recordAudit(trx, system, {
      action: 'review_batch.freeze',
      entityType: 'review_batch',
      entityId: liveId,
      summary: `冻结评查批次 2026年第5期 的案卷池（${pool.length} 卷）`,
      before: { status: 'draft' },
      after: { status: 'frozen', poolDigest: digest, poolSize: pool.length },
    })
    await repo.updateBatch(trx, liveId, { status: 'frozen', pool_text: canonicalPool(pool), pool_digest: digest, pool_size: pool.length, frozen_at: ctx.now, freeze_leaf_hash: Buffer.from(receipt.leafHash, 'hex') })
  }
}

registerDemoSeeder(seedReviewDemo)

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}
