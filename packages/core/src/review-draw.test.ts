import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from './invalid-argument-error'
import { canonicalPool, drawSample, parseCanonicalPool, poolDigest, reviewDrawAlgorithm, verifyDraw, type PoolFile } from './review-draw'

/** Deterministic seeds: SHA-256 of a counter, so the statistical tests give the same answer on every run. */
function seedOf(counter: number): string {
  return bytesToHex(sha256(utf8ToBytes(`review-draw-test-seed-${counter}`)))
}

function unitFiles(unitId: string, count: number, kind: PoolFile['kind'] = 'penalty'): PoolFile[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${unitId}-案-${String(i + 1).padStart(3, '0')}`,
    unitId,
    kind,
    closedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
  }))
}

/** A pool shaped like a bimonthly batch: three units of different sizes, one with licensing files. */
const pool: PoolFile[] = [...unitFiles('LF-ZJJ', 12), ...unitFiles('LF-ZRJ', 5), ...unitFiles('JS-ZF', 3), ...unitFiles('LF-ZWJ', 4, 'license')]

/** Reverses and interleaves: a different input order with the same files. */
function shuffled(files: PoolFile[]): PoolFile[] {
  const reversed = [...files].reverse()
  return [...reversed.filter((_, i) => i % 2 === 0), ...reversed.filter((_, i) => i % 2 === 1)]
}

describe('canonicalPool and poolDigest', () => {
  it('writes one sorted line per file under the versioned header, whatever the input order', () => {
    const text = canonicalPool([
      { id: 'case-2', unitId: 'LF-ZJJ', kind: 'penalty', closedOn: '2026-03-02' },
      { id: 'case-1', unitId: 'LF-ZJJ', kind: 'license', closedOn: '2026-02-11' },
    ])
    expect(text).toBe('yangguang-review-pool/v1\ncase-1\tLF-ZJJ\tlicense\t2026-02-11\ncase-2\tLF-ZJJ\tpenalty\t2026-03-02\n')
    expect(canonicalPool(shuffled(pool))).toBe(canonicalPool(pool))
  })

  it('is the SHA-256 of the canonical text, so anyone can recompute it with any tool', () => {
    const text = canonicalPool(pool)
    expect(poolDigest(pool)).toBe(bytesToHex(sha256(new TextEncoder().encode(text))))
    expect(poolDigest(text)).toBe(poolDigest(pool))
    expect(poolDigest(pool)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes when any file is changed, added or removed', () => {
    const digest = poolDigest(pool)
    const first = pool[0] as PoolFile
    const variants: PoolFile[][] = [
      [{ ...first, id: `${first.id}x` }, ...pool.slice(1)],
      [{ ...first, unitId: 'LF-ZRJ' }, ...pool.slice(1)],
      [{ ...first, kind: 'license' }, ...pool.slice(1)],
      [{ ...first, closedOn: '2026-12-31' }, ...pool.slice(1)],
      pool.slice(1),
      [...pool, { id: 'late-addition', unitId: 'LF-ZJJ', kind: 'penalty', closedOn: '2026-06-30' }],
    ]
    const digests = new Set(variants.map(poolDigest))
    expect(digests.size).toBe(variants.length)
    expect(digests.has(digest)).toBe(false)
  })

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF21 (Ａ) sorts before U+1F600 (😀) in UTF-8, after it in UTF-16 (surrogate 0xD83D < 0xFF21).
    const text = canonicalPool([
      { id: '😀', unitId: 'u', kind: 'penalty', closedOn: '2026-01-01' },
      { id: 'Ａ', unitId: 'u', kind: 'penalty', closedOn: '2026-01-01' },
    ])
    expect(text.split('\n')[1]?.startsWith('Ａ')).toBe(true)
  })

  it('refuses a pool that cannot be written unambiguously', () => {
    const base = { id: 'a', unitId: 'u', kind: 'penalty', closedOn: '2026-01-01' } as const
    const bad: Array<[unknown, string]> = [
      [[base, base], 'duplicate_file_id'],
      [[{ ...base, id: 'a\tb' }], 'invalid_pool_file'],
      [[{ ...base, unitId: '' }], 'invalid_pool_file'],
      [[{ ...base, kind: 'inspection' }], 'invalid_pool_file'],
      [[{ ...base, closedOn: '2026-02-30' }], 'invalid_pool_file'],
    ]
    for (const [files, code] of bad) {
      expect(() => canonicalPool(files as PoolFile[])).toThrow(expect.objectContaining({ code }))
    }
  })

  it('parses a published pool text back, and refuses a text that is not canonical', () => {
    const text = canonicalPool(pool)
    expect(canonicalPool(parseCanonicalPool(text))).toBe(text)
    expect(parseCanonicalPool('yangguang-review-pool/v1\n')).toEqual([])
    const lines = text.split('\n')
    const unsorted = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n')
    expect(() => parseCanonicalPool(unsorted)).toThrow(InvalidArgumentError)
    expect(() => parseCanonicalPool(text.slice(0, -1))).toThrow(InvalidArgumentError)
    expect(() => parseCanonicalPool(text.replace('yangguang-review-pool/v1', 'pool'))).toThrow(InvalidArgumentError)
  })
})

describe('drawSample', () => {
  const seed = seedOf(1)

  it('ranks each unit by SHA-256(seed ‖ 0x00 ‖ id) and selects the first k', () => {
    const result = drawSample(pool, seed, { perUnit: 2 })
    expect(result.algorithm).toBe(reviewDrawAlgorithm.id)
    expect(result.poolDigest).toBe(poolDigest(pool))
    for (const unit of result.units) {
      const expectedOrder = pool
        .filter((file) => file.unitId === unit.unitId)
        .map((file) => ({ id: file.id, hash: bytesToHex(sha256(new Uint8Array([...hexBytes(seed), 0, ...new TextEncoder().encode(file.id)]))) }))
        .sort((a, b) => (a.hash < b.hash ? -1 : 1))
      expect(unit.ranking.map((file) => [file.id, file.hash, file.rank])).toEqual(expectedOrder.map((file, i) => [file.id, file.hash, i + 1]))
      expect(unit.ranking.filter((file) => file.selected).map((file) => file.rank)).toEqual([1, 2].slice(0, unit.drawn))
    }
    expect(result.selected).toHaveLength(2 + 2 + 2 + 2)
    expect(drawSample(pool, seed.toUpperCase(), { perUnit: 2 })).toEqual(result)
  })

  it('gives the same files for the same seed regardless of input order', () => {
    const a = drawSample(pool, seed, { perUnit: { 'LF-ZJJ': 4, 'LF-ZRJ': 2, 'JS-ZF': 1, 'LF-ZWJ': 1 } })
    const b = drawSample(shuffled(pool), seed.toUpperCase(), { perUnit: { 'LF-ZWJ': 1, 'JS-ZF': 1, 'LF-ZRJ': 2, 'LF-ZJJ': 4 } })
    expect(b).toEqual(a)
    expect(a.selected.map((file) => file.unitId)).toEqual(['JS-ZF', 'LF-ZJJ', 'LF-ZJJ', 'LF-ZJJ', 'LF-ZJJ', 'LF-ZRJ', 'LF-ZRJ', 'LF-ZWJ'])
  })

  it('gives different files for different seeds', () => {
    const unit = unitFiles('LF-ZJJ', 20)
    const selections = Array.from({ length: 500 }, (_, i) =>
      drawSample(unit, seedOf(1000 + i), { perUnit: 3 })
        .selected.map((file) => file.id)
        .sort()
        .join(','),
    )
    // Consecutive seeds agree only when two random 3-of-20 sets coincide: chance 1/1140 per pair.
    const samePairs = selections.slice(1).filter((selection, i) => selection === selections[i]).length
    expect(samePairs).toBeLessThanOrEqual(3)
    // 500 draws from 1,140 possible sets: about 405 distinct are expected if the draw is random.
    expect(new Set(selections).size).toBeGreaterThan(350)
  })

  it('picks every file of a 20-file unit about k/20 of the time over 2,000 seeds (chi-square)', () => {
    const unit = unitFiles('LF-ZJJ', 20)
    const k = 3
    const draws = 2000
    const picks = new Map(unit.map((file) => [file.id, 0]))
    const firstPlace = new Map(unit.map((file) => [file.id, 0]))
    for (let i = 0; i < draws; i++) {
      const result = drawSample(unit, seedOf(i), { perUnit: k })
      for (const file of result.selected) picks.set(file.id, (picks.get(file.id) ?? 0) + 1)
      const first = result.selected[0] as { id: string }
      firstPlace.set(first.id, (firstPlace.get(first.id) ?? 0) + 1)
    }
    const expected = (draws * k) / unit.length // 300
    const chiSquare = [...picks.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0)
    // 19 degrees of freedom: P(χ² > 43.82) = 0.001. (Picks within one draw are negatively correlated, which only
    // makes the statistic smaller.)
    expect(chiSquare).toBeLessThan(43.82)
    for (const observed of picks.values()) expect(Math.abs(observed - expected)).toBeLessThan(5 * Math.sqrt(expected * (1 - k / unit.length)))
    // The first rank alone is uniform too: 100 expected per file.
    const firstChi = [...firstPlace.values()].reduce((sum, observed) => sum + (observed - 100) ** 2 / 100, 0)
    expect(firstChi).toBeLessThan(43.82)
  })

  it('handles k = 0, k ≥ unit size, units missing from the record and an empty pool', () => {
    const none = drawSample(pool, seed, { perUnit: 0 })
    expect(none.selected).toEqual([])
    expect(none.units.every((unit) => unit.ranking.length === unit.poolSize && unit.drawn === 0)).toBe(true)

    const all = drawSample(pool, seed, { perUnit: 50 })
    expect(all.selected).toHaveLength(pool.length)
    expect(all.units.find((unit) => unit.unitId === 'JS-ZF')).toMatchObject({ poolSize: 3, requested: 50, drawn: 3 })

    const some = drawSample(pool, seed, { perUnit: { 'LF-ZJJ': 2, 'NOT-IN-POOL': 5 } })
    expect(some.selected.map((file) => file.unitId)).toEqual(['LF-ZJJ', 'LF-ZJJ'])
    expect(some.units.map((unit) => unit.unitId)).not.toContain('NOT-IN-POOL')

    const empty = drawSample([], seed, { perUnit: 3 })
    expect(empty).toMatchObject({ selected: [], units: [], poolDigest: poolDigest([]) })
  })

  it('refuses a short or malformed seed and a negative or fractional sample size', () => {
    expect(() => drawSample(pool, 'abcd', { perUnit: 1 })).toThrow(expect.objectContaining({ code: 'invalid_seed' }))
    expect(() => drawSample(pool, `${seed}z`, { perUnit: 1 })).toThrow(expect.objectContaining({ code: 'invalid_seed' }))
    expect(() => drawSample(pool, seed, { perUnit: -1 })).toThrow(expect.objectContaining({ code: 'invalid_sample_size' }))
    expect(() => drawSample(pool, seed, { perUnit: { 'LF-ZJJ': 1.5 } })).toThrow(expect.objectContaining({ code: 'invalid_sample_size' }))
  })
})

describe('verifyDraw', () => {
  const seed = seedOf(7)
  const options = { perUnit: 2 }
  const published = drawSample(pool, seed, options)

  it('accepts the published result, with or without ranks and hashes', () => {
    expect(verifyDraw(pool, seed, options, published).valid).toBe(true)
    expect(verifyDraw(shuffled(pool), seed, options, { selected: published.selected.map((file) => ({ id: file.id })) }).valid).toBe(true)
  })

  it('names the first difference when a file was swapped for a friendlier one', () => {
    const unpicked = published.units[0]?.ranking.find((file) => !file.selected) as { id: string }
    const swapped = published.selected.map((file, i) => (i === 0 ? { id: unpicked.id } : file))
    const check = verifyDraw(pool, seed, options, { poolDigest: published.poolDigest, selected: swapped })
    expect(check.valid).toBe(false)
    if (check.valid) return
    expect(check.difference).toMatchObject({ field: 'selected', fileId: published.selected[0]?.id, claimed: null })
    expect(check.difference.messageZh).toContain('应被抽中')
  })

  it('detects an extra file, a wrong rank, a wrong hash and a different pool', () => {
    const extra = verifyDraw(pool, seed, options, { selected: [...published.selected, { id: 'LF-ZJJ-案-999' }] })
    expect(extra.valid ? null : extra.difference).toMatchObject({ field: 'selected', fileId: 'LF-ZJJ-案-999', expected: null })

    const [first, ...rest] = published.selected
    if (!first) throw new Error('the draw selected nothing')
    const wrongRank = verifyDraw(pool, seed, options, { selected: [{ ...first, rank: 5 }, ...rest] })
    expect(wrongRank.valid ? null : wrongRank.difference).toMatchObject({ field: 'rank', expected: '1', claimed: '5' })

    const wrongHash = verifyDraw(pool, seed, options, { selected: [{ ...first, hash: '00'.repeat(32) }, ...rest] })
    expect(wrongHash.valid ? null : wrongHash.difference.field).toBe('hash')

    const otherPool = verifyDraw(pool.slice(1), seed, options, published)
    expect(otherPool.valid ? null : otherPool.difference.field).toBe('poolDigest')
  })

  it('rejects the published result under another seed', () => {
    expect(verifyDraw(pool, seedOf(8), options, published).valid).toBe(false)
  })
})

function hexBytes(hex: string): number[] {
  return hex.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? []
}
