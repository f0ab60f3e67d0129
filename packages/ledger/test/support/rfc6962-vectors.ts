import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Root of the vendored transparency-dev/merkle vectors (Apache-2.0, see fixtures/rfc6962/LICENSE). */
export const VECTORS_DIR = join(import.meta.dirname, '..', 'fixtures', 'rfc6962')

export interface InclusionVector {
  file: string
  /** Exact value from the JSON text; one vector uses 2^64 − 1, which JSON.parse would round. */
  leafIdx: bigint
  treeSize: bigint
  root: string
  leafHash: string
  proof: string[]
  desc: string
  wantErr: boolean
}

export interface ConsistencyVector {
  file: string
  size1: bigint
  size2: bigint
  root1: string
  root2: string
  proof: string[]
  desc: string
  wantErr: boolean
}

export function loadInclusionVectors(): InclusionVector[] {
  return jsonFiles(join(VECTORS_DIR, 'inclusion')).map((file) => {
    const { json, exact } = readExact(file, ['leafIdx', 'treeSize'])
    return { ...json, file: relative(VECTORS_DIR, file), leafIdx: exact.leafIdx, treeSize: exact.treeSize, proof: json.proof ?? [] }
  })
}

export function loadConsistencyVectors(): ConsistencyVector[] {
  return jsonFiles(join(VECTORS_DIR, 'consistency')).map((file) => {
    const { json, exact } = readExact(file, ['size1', 'size2'])
    return { ...json, file: relative(VECTORS_DIR, file), size1: exact.size1, size2: exact.size2, proof: json.proof ?? [] }
  })
}

export function loadRoots(): { leafInputsHex: string[]; rootsBySizeHex: string[]; emptyRootHex: string } {
  return JSON.parse(readFileSync(join(VECTORS_DIR, 'roots.json'), 'utf8'))
}

// Reads integer fields from the JSON text itself, so 18446744073709551615 stays exact.
function readExact(file: string, fields: string[]) {
  const text = readFileSync(file, 'utf8')
  const exact: Record<string, bigint> = {}
  for (const field of fields) {
    const match = new RegExp(`"${field}":\\s*(\\d+)`).exec(text)
    if (match === null) throw new Error(`${file}: no ${field}`)
    exact[field] = BigInt(match[1])
  }
  return { json: JSON.parse(text), exact }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return jsonFiles(path)
      return name.endsWith('.json') ? [path] : []
    })
}
