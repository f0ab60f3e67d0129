/**
 * Ledger benchmarks: `npm run bench:ledger` at the repository root.
 *
 * Each section is an exported function returning rows, so that later sections (PostgreSQL integration,
 * HTTP tile serving) can be added to {@link ledgerSections} or run on their own with {@link runBenchmarks}.
 * Sizes can be lowered for a quick run: `LEDGER_BENCH_SIZES=100000,1000000 npm run bench:ledger`.
 */
import { pathToFileURL } from 'node:url'
import {
  MemoryTree,
  sha256,
  sha256Ed25519Profile,
  verifyConsistencyProof,
  verifyInclusionProof,
  type HashFunction,
  type MerkleHasher,
} from '../src/index'
import { nodeSha256, nodeSha256Ed25519Profile } from '../src/node'

/**
 * One measured figure.
 *
 * @example
 * const row: BenchResult = { section: 'append', metric: 'leaves/s', value: 500_000, unit: '/s' }
 */
export interface BenchResult {
  readonly section: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  /** Target from the issue, when there is one, and whether the figure meets it. */
  readonly target?: { readonly text: string; readonly met: boolean }
}

/**
 * A named group of measurements.
 *
 * @example
 * const section: BenchSection = { name: 'noop', run: () => [] }
 */
export interface BenchSection {
  readonly name: string
  run(): BenchResult[] | Promise<BenchResult[]>
}

/** Issue targets: in-memory appends per second, and inclusion-proof p99 at 10M leaves. */
export const TARGETS = { appendPerSecond: 300_000, proofP99Millis: 2 } as const

/**
 * Raw hash throughput on tree-shaped inputs (65 bytes: 0x01 || left || right), measured in the same run as
 * the tree figures so they can be read against it: a leaf costs one leaf hash plus on average one node hash,
 * so half of this rate is the ceiling for appends. Median of three runs: on a shared 2-core machine single
 * runs vary by ±25%.
 *
 * @example
 * const rows = benchSha256Baseline({ digests: 200_000 })
 */
export function benchSha256Baseline(options: { digests?: number } = {}): BenchResult[] {
  const digests = options.digests ?? 1_000_000
  const input = new Uint8Array(65).fill(1)
  const rate = (hash: HashFunction, count: number) => {
    for (let i = 0; i < 10_000; i++) hash.digest(input) // warm up the JIT
    const start = performance.now()
    for (let i = 0; i < count; i++) {
      input[1] = i % 256
      hash.digest(input)
    }
    return count / ((performance.now() - start) / 1000)
  }
  const nodeRate = medianOf3(() => rate(nodeSha256, digests))
  const pureRate = medianOf3(() => rate(sha256, Math.ceil(digests / 4)))
  const bulk = new Uint8Array(2 ** 20)
  const bulkStart = performance.now()
  for (let i = 0; i < 200; i++) nodeSha256.digest(bulk)
  const bulkRate = 200 / ((performance.now() - bulkStart) / 1000)
  return [
    { section: 'sha256 baseline', metric: 'node:crypto SHA-256, 65-byte inputs', value: nodeRate, unit: 'digests/s' },
    { section: 'sha256 baseline', metric: '→ append ceiling (2 digests per leaf)', value: nodeRate / 2, unit: 'leaves/s' },
    { section: 'sha256 baseline', metric: 'node:crypto SHA-256, 1 MiB inputs', value: bulkRate, unit: 'MiB/s' },
    { section: 'sha256 baseline', metric: 'pure-JS SHA-256 (@noble), 65-byte inputs', value: pureRate, unit: 'digests/s' },
  ]
}

/**
 * In-memory appends per second (median of three runs, like the baseline): entries hashed as leaves and added (what an integrator does), leaf hashes
 * added directly, and the pure-JS profile a browser would use.
 *
 * @example
 * const rows = benchAppend({ leaves: 100_000 })
 */
export function benchAppend(options: { leaves?: number } = {}): BenchResult[] {
  const leaves = options.leaves ?? 1_000_000
  const entriesPerSecond = medianOf3(() => appendRate(nodeSha256Ed25519Profile.hasher, leaves, 'entries'))
  const hashesPerSecond = medianOf3(() => appendRate(nodeSha256Ed25519Profile.hasher, leaves, 'leaf hashes'))
  const pureJs = medianOf3(() => appendRate(sha256Ed25519Profile.hasher, Math.ceil(leaves / 5), 'entries'))
  const target = (value: number) => ({ text: `≥ ${TARGETS.appendPerSecond.toLocaleString('en')}/s`, met: value >= TARGETS.appendPerSecond })
  return [
    { section: 'append', metric: `append 64-byte entries (node:crypto), ${leaves.toLocaleString('en')} leaves`, value: entriesPerSecond, unit: 'leaves/s', target: target(entriesPerSecond) },
    { section: 'append', metric: 'append precomputed leaf hashes (node:crypto)', value: hashesPerSecond, unit: 'leaves/s', target: target(hashesPerSecond) },
    { section: 'append', metric: 'append 64-byte entries (pure JS, browser profile)', value: pureJs, unit: 'leaves/s' },
  ]
}

/**
 * Builds an in-memory tree of each size and measures inclusion- and consistency-proof latency for random
 * leaves (p50/p99 over `samples` proofs), plus the memory the tree holds.
 *
 * @example
 * const rows = benchInclusionProofs({ sizes: [100_000], samples: 1000 })
 */
export function benchInclusionProofs(options: { sizes?: number[]; samples?: number } = {}): BenchResult[] {
  const sizes = options.sizes ?? [1_000_000, 10_000_000]
  const samples = options.samples ?? 10_000
  const rows: BenchResult[] = []
  for (const size of sizes) {
    const before = process.memoryUsage()
    const buildStart = performance.now()
    const tree = buildTree(nodeSha256Ed25519Profile.hasher, size)
    const buildSeconds = (performance.now() - buildStart) / 1000
    const after = process.memoryUsage()
    const label = `${(size / 1_000_000).toLocaleString('en')}M leaves`
    const root = tree.root()
    const random = seededRandom(size)

    const inclusion: number[] = []
    for (let i = 0; i < samples; i++) {
      const index = Math.floor(random() * size)
      const start = performance.now()
      const proof = tree.inclusionProof(index)
      inclusion.push(performance.now() - start)
      // Verify a sample so the figures are for correct proofs (verification is not timed).
      if (i % 100 === 0) verifyInclusionProof({ index, size, leafHash: tree.leafHash(index), proof, root }, tree.hasher)
    }
    const consistency: number[] = []
    for (let i = 0; i < Math.ceil(samples / 10); i++) {
      const size1 = 1 + Math.floor(random() * (size - 1))
      const start = performance.now()
      const proof = tree.consistencyProof(size1)
      consistency.push(performance.now() - start)
      if (i % 100 === 0) verifyConsistencyProof({ size1, size2: size, root1: tree.root(size1), root2: root, proof }, tree.hasher)
    }
    const p99 = percentile(inclusion, 99)
    const megabytes = (after.arrayBuffers - before.arrayBuffers + after.heapUsed - before.heapUsed) / 2 ** 20
    rows.push(
      { section: 'proofs', metric: `${label}: build (${Math.round(size / buildSeconds).toLocaleString('en')} leaves/s)`, value: buildSeconds, unit: 's' },
      { section: 'proofs', metric: `${label}: tree memory (arrays + heap)`, value: megabytes, unit: 'MB' },
      { section: 'proofs', metric: `${label}: inclusion proof p50`, value: percentile(inclusion, 50), unit: 'ms' },
      {
        section: 'proofs',
        metric: `${label}: inclusion proof p99`,
        value: p99,
        unit: 'ms',
        target: size >= 10_000_000 ? { text: `≤ ${TARGETS.proofP99Millis} ms at 10M`, met: p99 <= TARGETS.proofP99Millis } : undefined,
      },
      { section: 'proofs', metric: `${label}: consistency proof p50`, value: percentile(consistency, 50), unit: 'ms' },
      { section: 'proofs', metric: `${label}: consistency proof p99`, value: percentile(consistency, 99), unit: 'ms' },
    )
  }
  return rows
}

/** The sections `npm run bench:ledger` runs, in order. Server/database sections are to be appended here. */
export const ledgerSections: BenchSection[] = [
  { name: 'sha256 baseline', run: () => benchSha256Baseline() },
  { name: 'append', run: () => benchAppend() },
  { name: 'proofs', run: () => benchInclusionProofs({ sizes: sizesFromEnvironment() }) },
]

/**
 * Runs sections one after another, printing each row as soon as its section finishes.
 *
 * @example
 * await runBenchmarks([{ name: 'append', run: () => benchAppend({ leaves: 10_000 }) }])
 */
export async function runBenchmarks(sections: readonly BenchSection[]): Promise<BenchResult[]> {
  console.log(`@yangguang/ledger benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`)
  const all: BenchResult[] = []
  for (const section of sections) {
    console.log(`\n## ${section.name}`)
    for (const row of await section.run()) {
      all.push(row)
      const target = row.target === undefined ? '' : `   target ${row.target.text}: ${row.target.met ? 'met' : 'NOT met'}`
      console.log(`${row.metric.padEnd(62)} ${formatValue(row.value).padStart(12)} ${row.unit}${target}`)
    }
  }
  return all
}

function appendRate(hasher: MerkleHasher, leaves: number, what: 'entries' | 'leaf hashes'): number {
  const tree = new MemoryTree({ hasher })
  const entry = new Uint8Array(64)
  const leafHashes = what === 'leaf hashes' ? precomputedLeafHashes(hasher, leaves) : undefined
  const start = performance.now()
  for (let i = 0; i < leaves; i++) {
    if (leafHashes !== undefined) {
      tree.appendLeafHash(leafHashes.subarray(i * 32, i * 32 + 32))
      continue
    }
    writeCounter(entry, i)
    tree.append(entry)
  }
  return leaves / ((performance.now() - start) / 1000)
}

function precomputedLeafHashes(hasher: MerkleHasher, count: number): Uint8Array {
  const out = new Uint8Array(count * 32)
  const entry = new Uint8Array(64)
  for (let i = 0; i < count; i++) {
    writeCounter(entry, i)
    out.set(hasher.hashLeaf(entry), i * 32)
  }
  return out
}

function buildTree(hasher: MerkleHasher, size: number): MemoryTree {
  const tree = new MemoryTree({ hasher })
  const entry = new Uint8Array(64)
  for (let i = 0; i < size; i++) {
    writeCounter(entry, i)
    tree.append(entry)
  }
  return tree
}

// Distinct entries without allocating: the index in the first 8 bytes.
function writeCounter(entry: Uint8Array, value: number): void {
  let rest = value
  for (let i = 0; i < 8; i++) {
    entry[i] = rest % 256
    rest = Math.floor(rest / 256)
  }
}

function medianOf3(measure: () => number): number {
  const runs = [measure(), measure(), measure()].sort((a, b) => a - b)
  return runs[1]
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

// Reproducible sample indices (mulberry32).
function seededRandom(seed: number): () => number {
  let state = seed % 2 ** 32
  return () => {
    state = (state + 0x6d2b79f5) % 2 ** 32
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sizesFromEnvironment(): number[] | undefined {
  const text = process.env.LEDGER_BENCH_SIZES
  if (text === undefined || text.trim() === '') return undefined
  return text.split(',').map((size) => Number(size.trim()))
}

function formatValue(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en')
  return value.toFixed(value >= 10 ? 1 : 3)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runBenchmarks(ledgerSections)
}
