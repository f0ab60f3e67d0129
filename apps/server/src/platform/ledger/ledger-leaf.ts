import { createHash, hash, randomBytes } from 'node:crypto'

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
 * {@link canonicalJson} of a value that came from `JSON.parse` (objects, arrays, strings, numbers,
 * booleans, null), written out directly instead of copying every object with sorted keys first:
 * what verify does for each audit row. Same text: keys that are array indices first in numeric
 * order (as `JSON.stringify` writes them), the others sorted; a `__proto__` key dropped, as
 * assigning it to a plain object does.
 *
 * @example
 * canonicalJsonOfParsed(JSON.parse('{"b": 1, "10": 2, "9": [true, null]}')) // '{"9":[true,null],"10":2,"b":1}'
 */
export function canonicalJsonOfParsed(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJsonOfParsed(value[i])
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  let out = '{'
  for (const key of canonicalKeyOrder(Object.keys(record))) {
    if (key === '__proto__') continue
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJsonOfParsed(record[key])}`
  }
  return `${out}}`
}

/** `Object.keys` gives array-index keys first, ascending: they keep that place, the rest are sorted. */
function canonicalKeyOrder(keys: string[]): string[] {
  let indices = 0
  while (indices < keys.length && isArrayIndex(keys[indices])) indices++
  if (indices === 0) return keys.sort()
  return [...keys.slice(0, indices), ...keys.slice(indices).sort()]
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0)
  if (first < 48 || first > 57) return false
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295
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

/**
 * {@link contentDigest} over a canonical JSON text, in one pass: no byte copy of the text first.
 *
 * @example
 * contentDigestOfJson(salt, canonicalJsonOfParsed(JSON.parse(afterText))) === contentDigest(salt, contentBytes(JSON.parse(afterText)))
 */
export function contentDigestOfJson(salt: Uint8Array, canonical: string): string {
  return createHash('sha256').update(salt).update(canonical, 'utf8').digest('hex')
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

/**
 * {@link leafHashOf} as hex, one call: a leaf read as text is hashed as its UTF-8 bytes behind the
 * 0x00 prefix (U+0000 is that byte in UTF-8), without copying it into a Buffer first.
 *
 * @example
 * leafHashHex('{"act":…}') === leafHashOf(Buffer.from('{"act":…}')).toString('hex')
 */
export function leafHashHex(leaf: string | Uint8Array): string {
  if (typeof leaf === 'string') return hash('sha256', `\u0000${leaf}`, 'hex')
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest('hex')
}
