import { LedgerError } from '../ledger.error'

/*
 * Why indices and sizes are `number`, not `bigint`.
 *
 * Every index and size in this library is a JS number restricted to safe integers (0 ≤ n ≤ 2^53 − 1) and
 * checked at each public entry point. 2^53 leaves would be 288 PB of level-0 hashes alone; at a sustained
 * million appends per second a log needs 285 years to get there, so no real log reaches the limit, while
 * logs that pass 2^32 entries (CT logs already have) are handled exactly. Numbers keep proofs fast, JSON and
 * PostgreSQL `bigint`-as-string round trips simple, and the public API free of mixed number/bigint types.
 *
 * The rule that makes this sound: no 32-bit bitwise operator (`>>`, `>>>`, `<<`, `&`, `|`, `^`, `~`) ever
 * touches an index or size — they truncate to 32 bits. Halving is `Math.floor(n / 2)`, parity is `n % 2`,
 * powers of two are `2 ** k`; all exact for safe integers. Inputs from outside (checkpoints, proofs,
 * database rows) that do not fit are rejected with a typed error, never rounded.
 */

/**
 * The largest tree size (and index + 1) the library represents: 2^53 − 1.
 *
 * @example
 * import { MAX_LOG_SIZE } from '@yangguang/ledger'
 * MAX_LOG_SIZE === Number.MAX_SAFE_INTEGER // true
 */
export const MAX_LOG_SIZE = Number.MAX_SAFE_INTEGER

/**
 * Converts an index or size from a number, a bigint or a decimal string (as PostgreSQL returns `bigint`)
 * into the library's number form, rejecting anything that is not a non-negative safe integer.
 *
 * @example
 * import { toLogIndex } from '@yangguang/ledger'
 * toLogIndex('4294967297') // 4294967297
 * try {
 *   toLogIndex(2n ** 64n - 1n)
 * } catch (error) {
 *   console.log(error) // LedgerError OUT_OF_RANGE: not rounded to a nearby index
 * }
 */
export function toLogIndex(value: number | bigint | string, what = 'index'): number {
  if (typeof value === 'string') {
    if (!/^(0|[1-9][0-9]{0,15})$/.test(value)) throw outOfRange(what, value)
    return toLogIndex(Number(value), what)
  }
  if (typeof value === 'bigint') {
    if (value < 0n || value > BigInt(MAX_LOG_SIZE)) throw outOfRange(what, value)
    return Number(value)
  }
  assertLogIndex(value, what)
  return value
}

/** Throws `OUT_OF_RANGE` unless `value` is a non-negative safe integer. */
export function assertLogIndex(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw outOfRange(what, value)
}

/** 2^k for 0 ≤ k ≤ 53 (exact as a double). */
export function pow2(k: number): number {
  return 2 ** k
}

/** Number of bits needed to write `n` (0 for 0): the k with 2^(k−1) ≤ n < 2^k. */
export function bitLength(n: number): number {
  let bits = 0
  let p = 1
  while (p <= n) {
    p *= 2
    bits++
  }
  return bits
}

/** Whether `n` is a power of two (1, 2, 4, …). */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && pow2(bitLength(n) - 1) === n
}

/** The largest power of two strictly less than `n`, for n ≥ 2 — the split point `k` of RFC 9162 §2.1.1. */
export function largestPowerOfTwoBelow(n: number): number {
  return pow2(bitLength(n - 1) - 1)
}

/** Number of trailing zero bits of n > 0. */
export function trailingZeros(n: number): number {
  let zeros = 0
  while (n % 2 === 0 && n > 0) {
    n /= 2
    zeros++
  }
  return zeros
}

function outOfRange(what: string, value: unknown): LedgerError {
  return new LedgerError('OUT_OF_RANGE', `${what} must be an integer from 0 to 2^53-1`, { [what]: String(value) })
}
