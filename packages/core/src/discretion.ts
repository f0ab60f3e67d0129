import type { DiscretionTier, PenaltyKind } from './penalty-procedure'

/**
 * 行政裁量权基准 (国办发〔2022〕27号): a power item's violation pattern split into tiers, each
 * with its circumstances and its part of the statutory range — a fine range in fen, or a multiple
 * of illegal gains (or of another base such as 货值金额). Benchmarks live in the database and are
 * published; the calculator in this module turns a benchmark and the facts of a case into the
 * lawful range, so "类案不同罚" becomes visible.
 */

/** One provision a benchmark rests on. */
export type LegalProvision = { law: string; article: string; text?: string }

/** 法定处罚幅度: what the law allows, the outer bound of every tier. */
export type StatutoryRange = {
  kinds: PenaltyKind[]
  /** Fixed-amount range, integer fen. */
  fineMinFen?: number | null
  fineMaxFen?: number | null
  /** Multiple-based range (n × base). */
  multipleMin?: number | null
  multipleMax?: number | null
  /** What the multiple applies to, e.g. 违法所得, 货值金额, 工程合同价款. A percentage is a fractional multiple: 0.01 for 1%. */
  multipleOf?: string | null
}

/** One tier: 不予处罚 / 减轻 / 从轻 / 一般 / 从重, its circumstances and its range. */
export type BenchmarkTier = {
  tier: DiscretionTier
  /** Circumstances (情形) that place a case in this tier, one per line. */
  conditions: string[]
  kinds: PenaltyKind[]
  fineMinFen?: number | null
  fineMaxFen?: number | null
  multipleMin?: number | null
  multipleMax?: number | null
  note?: string | null
}

export type Benchmark = {
  code: string
  violation: string
  violationBasis: LegalProvision[]
  penaltyBasis: LegalProvision[]
  statutory: StatutoryRange
  tiers: BenchmarkTier[]
}
