import { caseStatuses } from '@yangguang/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { DEMO_GENERAL_2025, DEMO_SIMPLE_2025 } from './cases.demo'

// The demo is seeded into the test template with the clock at 2026-11-20 09:00 (Beijing).
const TODAY = '2026-11-20'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

const count = async (query: ReturnType<typeof sql<{ n: number }>>): Promise<number> => Number((await query.execute(t.db)).rows[0]?.n ?? 0)

describe('行政处罚 demo data', () => {
  it('has at least one case in every status of the procedure', async () => {
    const rows = await t.db.selectFrom('penalty_case').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
    const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]))
    const missing = caseStatuses.filter((s) => !byStatus.get(s))
    expect(missing).toEqual([])
  })

  it('has the 2025 volumes, nearly all closed or archived, and published decisions', async () => {
    const general = await t.db
      .selectFrom('penalty_case')
      .select(['id', 'status', 'decision', 'party_kind', 'procedure'])
      .where(sql<boolean>`extract(year from registered_at at time zone 'Asia/Shanghai') = 2025`)
      .execute()
    const g = general.filter((c) => c.procedure === 'general')
    const simple = general.filter((c) => c.procedure === 'simple')
    expect(g).toHaveLength(DEMO_GENERAL_2025)
    expect(simple).toHaveLength(DEMO_SIMPLE_2025)
    // Every 2025 case is finished: closed, archived, or transferred to the police.
    expect(g.filter((c) => !['closed', 'archived', 'transferred'].includes(c.status))).toEqual([])
    expect(g.filter((c) => c.status === 'archived').length).toBeGreaterThan(g.length / 2)
    expect(simple.every((c) => c.status === 'closed')).toBe(true)
    // Both organisations and natural persons.
    expect(g.some((c) => c.party_kind === 'person') && g.some((c) => c.party_kind === 'organization')).toBe(true)
    // 2025 penalty decisions are all published.
    const unpublished = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM penalty_case c LEFT JOIN case_publication p ON p.case_id = c.id
      WHERE c.procedure = 'general' AND c.decision->>'outcome' = 'penalty' AND c.decided_on < '2026-01-01' AND p.status IS DISTINCT FROM 'published'`)
    expect(unpublished).toBe(0)
  })

  it('shows the procedure’s special paths: hearings, 法制审核, collective discussion, 首违不罚, transfers, late fees, instalments, 复议, outside the benchmark, from inspections', async () => {
    const n = await t.db
      .selectFrom('penalty_case')
      .select([
        sql<number>`count(*) FILTER (WHERE hearing->>'heldOn' IS NOT NULL)`.as('heard'),
        sql<number>`count(*) FILTER (WHERE (legal_review->>'passed')::boolean)`.as('reviewed'),
        sql<number>`count(*) FILTER (WHERE collective_discussion IS NOT NULL)`.as('discussed'),
        sql<number>`count(*) FILTER (WHERE decision->>'ground' = 'art33_first_violation')`.as('firstViolation'),
        sql<number>`count(*) FILTER (WHERE outside_benchmark)`.as('outside'),
        sql<number>`count(*) FILTER (WHERE benchmark_id IS NOT NULL)`.as('benchmarked'),
        sql<number>`count(*) FILTER (WHERE source = 'inspection' AND inspection_id IS NOT NULL)`.as('fromInspection'),
      ])
      .executeTakeFirstOrThrow()
    expect(Number(n.heard)).toBeGreaterThanOrEqual(1)
    expect(Number(n.reviewed)).toBeGreaterThanOrEqual(3)
    expect(Number(n.discussed)).toBeGreaterThanOrEqual(1)
    expect(Number(n.firstViolation)).toBeGreaterThanOrEqual(1)
    expect(Number(n.outside)).toBeGreaterThanOrEqual(1)
    expect(Number(n.benchmarked)).toBeGreaterThanOrEqual(10)
    expect(Number(n.fromInspection)).toBeGreaterThanOrEqual(1)
    // Every major case that was decided went through collective discussion (art. 57 ¶2).
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM penalty_case WHERE major AND decided_on IS NOT NULL AND collective_discussion IS NULL`)).toBe(0)
    // Every decided case whose grounds required 法制审核 passed it (art. 58).
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM penalty_case WHERE procedure = 'general' AND decided_on IS NOT NULL AND legal_review_required AND NOT coalesce((legal_review->>'passed')::boolean, false)`)).toBe(0)
    // Transfers to the judicial organs, with their 移送函.
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM penalty_case c WHERE status = 'transferred' AND transferred_to_org_id IS NULL AND EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.kind = 'transfer_letter')`)).toBeGreaterThanOrEqual(2)
    // Late payment with 加处罚款, instalments and a 复议.
    expect(await count(sql<{ n: number }>`SELECT count(DISTINCT case_id) AS n FROM case_payment WHERE kind = 'late_fee'`)).toBeGreaterThanOrEqual(1)
    expect(await count(sql<{ n: number }>`SELECT count(DISTINCT case_id) AS n FROM case_instalment`)).toBeGreaterThanOrEqual(1)
    expect(await count(sql<{ n: number }>`SELECT count(*) AS n FROM case_remedy WHERE kind = 'reconsideration' AND ended_on IS NOT NULL`)).toBeGreaterThanOrEqual(1)
  })

  it('issued a 行政处罚决定书 for every decided penalty case, and the on-the-spot decision for every simple one', async () => {
    const general = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM penalty_case c WHERE c.procedure = 'general' AND c.decision->>'outcome' = 'penalty'
      AND NOT EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.kind = 'penalty_decision')`)
    expect(general).toBe(0)
    const simple = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM penalty_case c WHERE c.procedure = 'simple'
      AND NOT EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.kind = 'on_the_spot_decision')`)
    expect(simple).toBe(0)
    const decided = await count(sql<{ n: number }>`SELECT count(*) AS n FROM penalty_case WHERE decision->>'outcome' = 'penalty'`)
    expect(decided).toBeGreaterThan(DEMO_GENERAL_2025 / 2)
  })

  it('keeps the two-officer rule: every case being handled has two officers of its unit', async () => {
    // A case received by transfer waits in 线索登记 until its head assigns officers.
    const rows = await sql<{ id: string; status: string; source: string; n: number; foreign: number }>`
      SELECT c.id, c.status, c.source, count(o.person_id) AS n, count(*) FILTER (WHERE p.org_id <> c.org_id) AS foreign
      FROM penalty_case c LEFT JOIN case_officer o ON o.case_id = c.id LEFT JOIN person p ON p.id = o.person_id
      GROUP BY c.id`.execute(t.db)
    const broken = rows.rows.filter((r) => Number(r.foreign) > 0 || (Number(r.n) < 2 && !(r.source === 'transfer' && r.status === 'registered')))
    expect(broken).toEqual([])
    // Every piece of evidence was collected by two officers holding a certificate valid that day.
    const evidence = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM case_evidence e
      WHERE (SELECT count(DISTINCT c.person_id) FROM certificate c
             WHERE c.person_id = ANY (e.officer_ids) AND c.valid_from <= e.collected_on AND c.valid_to >= e.collected_on) < 2`)
    expect(evidence).toBe(0)
  })

  it('puts every case document on the ledger', async () => {
    const docs = await count(sql<{ n: number }>`SELECT count(*) AS n FROM case_document`)
    expect(docs).toBeGreaterThan(DEMO_GENERAL_2025 * 5)
    const unleafed = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM case_document d WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.leaf_hash = d.leaf_hash)`)
    expect(unleafed).toBe(0)
  })

  it('has deadlines near and past today, and one revoked decision whose publication was withdrawn', async () => {
    const overdue = await count(sql<{ n: number }>`SELECT count(*) AS n FROM case_deadline WHERE status = 'open' AND due_on < ${TODAY}`)
    const near = await count(sql<{ n: number }>`SELECT count(*) AS n FROM case_deadline WHERE status = 'open' AND due_on >= ${TODAY} AND due_on <= (${TODAY}::date + 7)`)
    expect(overdue).toBeGreaterThanOrEqual(2)
    expect(near).toBeGreaterThanOrEqual(2)
    const withdrawn = await count(sql<{ n: number }>`
      SELECT count(*) AS n FROM case_publication p JOIN penalty_case c ON c.id = p.case_id WHERE p.status = 'withdrawn' AND c.status = 'revoked'`)
    expect(withdrawn).toBe(1)
  })

  it('shows supervisors the flagged decisions and the public the published ones', async () => {
    const sfj = await t.as('sfj')
    const flagged = await sfj.get('/api/cases?outsideBenchmark=true')
    expect(flagged.statusCode).toBe(200)
    expect(flagged.json().total).toBeGreaterThanOrEqual(1)
    const published = await t.anonymous.get('/api/public/decisions')
    expect(published.statusCode).toBe(200)
    expect(published.json().total).toBeGreaterThanOrEqual(DEMO_GENERAL_2025 / 2)
  })
})
