import { describe, expect, it } from 'vitest'
import { auditContent } from '../audit/audit'
import { canonicalJson, canonicalJsonOfParsed, contentBytes, contentDigest, contentDigestOfJson, leafHashHex, leafHashOf } from './ledger-leaf'
import { auditContentJson } from './verify-ledger'

/** JSON texts as jsonb gives them back: key order not the canonical one, numbers, escapes, nesting. */
const parsedShapes = [
  '{"status": "decided", "fineFen": 500000, "items": [{"article": "第五十九条", "amountFen": 500000}], "rate": 0.1}',
  '{"b": 1, "10": 2, "9": [true, null], "a": {"z": "", "y": "引号\\"与\\\\反斜杠"}}',
  '{"__proto__": {"x": 1}, "k": 1}',
  '[1e400, -0, 1.5e-7, "\\u2028", "😀", {}]',
  '{"Z": 1, "a": 2, "é": 3, "_": 4, "0": 5, "01": 6, "4294967295": 7}',
  'null',
  '"text"',
  '12',
]

describe('canonical JSON of parsed values', () => {
  it.each(parsedShapes)('is the text canonicalJson writes for %s', (text) => {
    const value = JSON.parse(text) as unknown
    expect(canonicalJsonOfParsed(value)).toBe(canonicalJson(value))
  })

  it('orders array-index keys numerically first, as JSON.stringify of the sorted object does', () => {
    expect(canonicalJsonOfParsed(JSON.parse('{"b": 1, "10": 2, "9": 3}'))).toBe('{"9":3,"10":2,"b":1}')
  })
})

describe('content digest of an audit row', () => {
  const row = {
    action: 'case.decide',
    record_type: 'penalty_case',
    record_id: 'case-1',
    org_id: null,
    summary: '作出行政处罚决定 罚款 5000 元',
    before: '{"status": "reviewed", "fineFen": null}',
    after: '{"status": "decided", "fineFen": 500000, "at": "2026-11-20T02:00:00.000Z", "items": [{"article": "第五十九条"}]}',
  }

  it('writes the canonical JSON of auditContent(row), which recordAudit commits to', () => {
    const content = auditContent({
      action: row.action,
      entityType: row.record_type,
      entityId: row.record_id,
      orgId: row.org_id,
      summary: row.summary,
      before: JSON.parse(row.before) as unknown,
      after: JSON.parse(row.after) as unknown,
    })
    expect(auditContentJson(row)).toBe(canonicalJson(content))
    const salt = Buffer.alloc(16, 7)
    expect(contentDigestOfJson(salt, auditContentJson(row))).toBe(contentDigest(salt, contentBytes(content)))
  })

  it('writes null for a row without before, after or unit', () => {
    expect(auditContentJson({ ...row, before: null, after: null })).toBe(
      canonicalJson(auditContent({ action: row.action, entityType: row.record_type, entityId: row.record_id, summary: row.summary })),
    )
  })
})

describe('leaf hash', () => {
  it('is the same for a leaf read as text and as bytes', () => {
    const leaf = '{"act":"case.decide","actor":"cert:云林12345","at":"2026-11-20T02:00:00.000Z","id":"案-1","ver":1}'
    const expected = leafHashOf(Buffer.from(leaf, 'utf8')).toString('hex')
    expect(leafHashHex(leaf)).toBe(expected)
    expect(leafHashHex(Buffer.from(leaf, 'utf8'))).toBe(expected)
  })
})
