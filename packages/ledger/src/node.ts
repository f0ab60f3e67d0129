/**
 * @yangguang/ledger/node — server-side additions that need Node: SHA-256 (and SM3 where OpenSSL has it)
 * from `node:crypto`, behind the same {@link HashFunction} and {@link LogProfile} interfaces as the
 * isomorphic entry, so server and browser produce identical trees and proofs.
 */
import { getHashes, hash as nodeHash } from 'node:crypto'
import type { HashFunction } from './hash/hash-function.types'
import { createMerkleHasher } from './hash/merkle.hasher'
import { sha256Ed25519Profile, type LogProfile } from './profile/log.profile'

/**
 * SHA-256 from OpenSSL via `node:crypto`. The digest is taken as a `binary` (latin1) string and copied into a byte
 * array: for 65-byte tree inputs that is about 2.5× faster than asking Node for a Buffer, whose allocation
 * dominates the cost of hashing such short inputs.
 *
 * @example
 * import { nodeSha256 } from '@yangguang/ledger/node'
 * nodeSha256.digest(new Uint8Array(0)).length // 32
 */
export const nodeSha256: HashFunction = nodeHashFunction('sha256', 'SHA-256', 32)

/**
 * {@link sha256Ed25519Profile} with `node:crypto` hashing: use it on the server. Trees, roots and proofs are
 * byte-for-byte those of the pure-JS profile (the tests check this).
 *
 * @example
 * import { MemoryTree } from '@yangguang/ledger'
 * import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
 * const tree = new MemoryTree({ hasher: nodeSha256Ed25519Profile.hasher })
 */
export const nodeSha256Ed25519Profile: LogProfile = {
  ...sha256Ed25519Profile,
  hasher: createMerkleHasher(nodeSha256),
}

/**
 * SM3 from OpenSSL when this Node build has it (`crypto.getHashes()` lists `sm3`), else `undefined` — distro
 * OpenSSL builds differ; the pure-TS `sm3` of the main entry always works.
 *
 * @example
 * import { sm3 } from '@yangguang/ledger'
 * import { nodeSm3 } from '@yangguang/ledger/node'
 * const hash = nodeSm3 ?? sm3
 */
export const nodeSm3: HashFunction | undefined = getHashes().includes('sm3') ? nodeHashFunction('sm3', 'SM3', 32) : undefined

function nodeHashFunction(algorithm: string, name: string, outputLength: number): HashFunction {
  return {
    name,
    outputLength,
    digest(data) {
      const text = nodeHash(algorithm, data, 'binary')
      const out = new Uint8Array(outputLength)
      for (let i = 0; i < outputLength; i++) out[i] = text.charCodeAt(i)
      return out
    },
  }
}
