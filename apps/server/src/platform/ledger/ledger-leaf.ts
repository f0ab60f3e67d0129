import { createHash, randomBytes } from 'node:crypto'

/** Version of the leaf format below; a new format gets a new number, old leaves keep theirs. */
export const LEAF_SCHEMA_VERSION = 1

/** Salt length in bytes: 128 bits, enough that a digest cannot be matched by guessing the content. */
export const SALT_BYTES = 16

/**
 * The public leaf of one ledger entry, before encoding. It names the act and the record but holds no
 * personal data: names, ID numbers and texts enter only through `digest`, a salted commitment.
 *
 * @example
 * const leaf: LeafFields = { v: 1, act: 'entity.publish', type: 'enforcement_entity', id: '0b4c…', ver: 3,
 *   actor: 'acct:9f1e…', at: '2026-11-20T02:00:00.000Z', digest: 'a3f1…' }
 */
export type LeafFields = {
  /** Leaf schema version. */
  v: number
  /** What was done, e.g. `entity.publish` (the audit action). */
  act: string
  /** Kind of record, e.g. `enforcement_entity`. */
  type: string
  /** The record's id (a UUID or code; never a personal identifier). */
  id: string
  /** 1 for the record's first leaf, 2 for its second, … */
  ver: number
  /** Who acted: `acct:<account uuid>`, `cert:<执法证号>` or `sys:<name>`. */
  actor: string
  /** When, as an ISO instant. */
  at: string
  /** Hex SHA-256(salt ‖ content): commits to the content without revealing it. */
  digest: string
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as JS sorts), no white space, `toJSON`
 * honoured (dates become ISO strings), `undefined` members dropped. The same value always gives the
 * same bytes, so a digest over it can be recomputed later.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

function sortKeys(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortKeys((value as { toJSON: () => unknown }).toJSON())
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key]
      if (member !== undefined) out[key] = sortKeys(member)
    }
    return out
  }
  return value
}

/**
 * The bytes a content digest commits to: bytes as given (a document file), anything else as its
 * canonical JSON in UTF-8.
 */
export function contentBytes(content: unknown): Uint8Array {
  if (content instanceof Uint8Array) return content
  return Buffer.from(canonicalJson(content ?? null), 'utf8')
}

/**
 * The salted commitment to a record's content, `hex(SHA-256(salt ‖ content))`. Whoever holds the
 * salt (the receipt) and the content can recompute it; nobody else can test guesses against it.
 *
 * @example
 * contentDigest(Buffer.alloc(16), new TextEncoder().encode('决定书')) // 64 hex digits
 */
export function contentDigest(salt: Uint8Array, content: Uint8Array): string {
  return createHash('sha256').update(salt).update(content).digest('hex')
}

/** A fresh random salt. */
export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES)
}

/**
 * Encodes a leaf as canonical JSON bytes. Record ids longer than 128 characters are replaced by
 * `sha256:<hex>` so that a leaf stays small (tlog-tiles entries are at most 65,535 bytes).
 */
export function encodeLeaf(fields: LeafFields): Buffer {
  return Buffer.from(`${leafPrefix(fields)}${fields.ver}}`, 'utf8')
}

/**
 * The canonical leaf up to its last member's value: `{"act":…,"v":1,"ver":`. `ver` sorts last, so the
 * database can finish the leaf once it has numbered the record's leaves — in the same statement that
 * stores it, without a round trip to count them first.
 */
export function leafPrefix(fields: Omit<LeafFields, 'ver'>): string {
  const id = fields.id.length > 128 ? `sha256:${createHash('sha256').update(fields.id).digest('hex')}` : fields.id
  // The members in sorted order, written out: what canonicalJson gives, without sorting per leaf.
  const s = JSON.stringify
  return `{"act":${s(fields.act)},"actor":${s(fields.actor)},"at":${s(fields.at)},"digest":${s(fields.digest)},"id":${s(id)},"type":${s(fields.type)},"v":${s(fields.v)},"ver":`
}

/** Random salts for `count` records at once (one call to the system RNG instead of one per record). */
export function newSalts(count: number): Buffer[] {
  const bytes = randomBytes(SALT_BYTES * count)
  return Array.from({ length: count }, (_, i) => bytes.subarray(i * SALT_BYTES, (i + 1) * SALT_BYTES))
}

/** RFC 9162 leaf hash `SHA-256(0x00 ‖ leaf)`. */
export function leafHashOf(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest()
}

const LEAF_PREFIX = Buffer.from([0])
