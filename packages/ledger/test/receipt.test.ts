import { describe, expect, it } from 'vitest'
import {
  cosignatureV1KeyType,
  decodeBase64,
  describeReceiptFinding,
  encodeBase64,
  formatTlogProof,
  generateNoteKey,
  parseSignerKey,
  parseTlogProof,
  RECEIPT_FINDING_LABELS,
  signNote,
  verifyReceipt,
  verifyTlogProof,
  type ReceiptVerification,
} from '../src/index'
import { createTestLog } from './support/log-factory'

const codes = (findings: ReceiptVerification['proven']) => findings.map((finding) => finding.code)

describe('verifyReceipt', async () => {
  const log = createTestLog(10, 3)
  const checkpoint = await log.checkpoint()
  const base = {
    checkpoint,
    logKey: log.logKey.verifierKey,
    witnessKeys: log.witnesses.map((w) => w.verifierKey),
    witnessThreshold: 2,
    ...log.receipt(7),
  }

  it('proves a genuine receipt and says what it does not cover', () => {
    const result = verifyReceipt(base)
    expect(result.verified).toBe(true)
    expect(result.logSignature).toBe('valid')
    expect(result.inclusion).toBe('proven')
    expect(result.checkpoint).toMatchObject({ origin: log.origin, size: 10, rootHash: encodeBase64(log.tree.root()) })
    expect(result.witnesses.map((w) => [w.name, w.status, w.timestamp])).toEqual([
      ['witness.sfj.example.gov.cn', 'cosigned', 1_790_000_000],
      ['witness.sjj.example.gov.cn', 'cosigned', 1_790_000_001],
      ['witness.szf.example.gov.cn', 'cosigned', 1_790_000_002],
    ])
    expect(result.witnessQuorum).toEqual({ required: 2, cosigned: 3, met: true })
    expect(codes(result.proven)).toEqual(['LOG_SIGNATURE_VALID', 'WITNESS_COSIGNED', 'WITNESS_COSIGNED', 'WITNESS_COSIGNED', 'WITNESS_QUORUM_MET', 'INCLUSION_PROVEN'])
    expect(codes(result.notProven)).toEqual(['LEAF_CONTENT_NOT_CHECKED'])
  })

  it('renders every finding as a plain Chinese and English sentence without leftover placeholders', () => {
    const result = verifyReceipt(base)
    const zh = [...result.proven, ...result.notProven].map((f) => describeReceiptFinding(f, 'zh-CN'))
    expect(zh).toContain('该记录是日志 zfjd.lufeng.example.gov.cn/log/2026 的第 7 条（从 0 起计），已包含在共 10 条的已签名树中。')
    expect(zh.join('')).not.toMatch(/\{\w+\}/)
    const en = [...result.proven, ...result.notProven].map((f) => describeReceiptFinding(f, 'en'))
    expect(en[1]).toBe('Witness witness.sfj.example.gov.cn cosigned at 2026-09-21T14:13:20.000Z: it then saw this checkpoint as the log’s latest consistent tree head.')
    for (const labels of Object.values(RECEIPT_FINDING_LABELS)) expect(labels['zh-CN'].length).toBeGreaterThan(0)
  })

  it('does not prove inclusion of a different record, a wrong index or a tampered proof', () => {
    const other = log.receipt(3)
    for (const input of [
      { ...base, leafHash: other.leafHash },
      { ...base, index: 6 },
      { ...base, proof: [...base.proof.slice(1)] },
      { ...base, proof: base.proof.map((h, i) => (i === 0 ? encodeBase64(decodeBase64(h).map((b) => b ^ 1)) : h)) },
      { ...base, index: 10 },
      { ...base, leafHash: 'not base64!' },
      { ...base, index: '-1' },
    ]) {
      const result = verifyReceipt(input)
      expect(result.verified).toBe(false)
      expect(result.inclusion).toBe('failed')
      expect(result.logSignature).toBe('valid')
      expect(codes(result.notProven)).toContain('INCLUSION_FAILED')
    }
  })

  it('reports a missing witness and an unmet quorum', async () => {
    const onlyOne = await log.checkpoint([1])
    const result = verifyReceipt({ ...base, checkpoint: onlyOne })
    expect(result.verified).toBe(false)
    expect(result.inclusion).toBe('proven')
    expect(result.witnesses.map((w) => w.status)).toEqual(['missing', 'cosigned', 'missing'])
    expect(result.witnessQuorum).toEqual({ required: 2, cosigned: 1, met: false })
    expect(codes(result.notProven)).toEqual(['WITNESS_MISSING', 'WITNESS_MISSING', 'WITNESS_QUORUM_NOT_MET', 'LEAF_CONTENT_NOT_CHECKED'])
    expect(verifyReceipt({ ...base, checkpoint: onlyOne, witnessThreshold: 1 }).verified).toBe(true)
  })

  it('requires every listed witness when no threshold is given', () => {
    const { witnessThreshold: _, ...noThreshold } = base
    expect(verifyReceipt(noThreshold).witnessQuorum).toEqual({ required: 3, cosigned: 3, met: true })
    const fourth = generateNoteKey('witness.fourth.example.gov.cn', cosignatureV1KeyType).verifierKey
    const result = verifyReceipt({ ...noThreshold, witnessKeys: [...noThreshold.witnessKeys, fourth] })
    expect(result.witnessQuorum).toEqual({ required: 4, cosigned: 3, met: false })
    expect(result.verified).toBe(false)
  })

  it('refuses a checkpoint whose text was altered after signing, and does not check inclusion against it', () => {
    const forged = checkpoint.replace('\n10\n', '\n11\n')
    const result = verifyReceipt({ ...base, checkpoint: forged })
    expect(result.verified).toBe(false)
    expect(result.logSignature).toBe('invalid')
    expect(result.inclusion).toBe('not-checked')
    expect(result.witnesses.every((w) => w.status === 'invalid')).toBe(true)
    expect(codes(result.notProven)).toContain('LOG_SIGNATURE_INVALID')
    expect(codes(result.notProven)).toContain('INCLUSION_NOT_CHECKED')
  })

  it('refuses a checkpoint signed by another key for the same origin', () => {
    const impostor = generateNoteKey(log.origin)
    const result = verifyReceipt({ ...base, logKey: impostor.verifierKey })
    expect(result.logSignature).toBe('missing')
    expect(result.verified).toBe(false)
    expect(codes(result.notProven)).toContain('LOG_SIGNATURE_MISSING')
  })

  it('refuses a checkpoint of another log', () => {
    const result = verifyReceipt({ ...base, origin: 'zfjd.other.example.gov.cn/log/2026' })
    expect(result.verified).toBe(false)
    expect(codes(result.notProven)).toContain('ORIGIN_MISMATCH')
    expect(result.inclusion).toBe('not-checked')
  })

  it('turns malformed inputs into findings instead of exceptions', () => {
    const cases: [Partial<typeof base>, string][] = [
      [{ logKey: 'garbage' }, 'LOG_KEY_INVALID'],
      [{ logKey: log.witnesses[0].verifierKey }, 'LOG_KEY_INVALID'], // a witness key is not a log key
      [{ checkpoint: 'not a note' }, 'CHECKPOINT_MALFORMED'],
      [{ checkpoint: '' }, 'CHECKPOINT_MALFORMED'],
      [{ witnessKeys: ['nonsense', log.logKey.verifierKey] }, 'WITNESS_KEY_INVALID'],
      [{ witnessKeys: [log.witnesses[0].verifierKey, log.witnesses[0].verifierKey] }, 'WITNESS_KEY_INVALID'],
    ]
    for (const [change, expected] of cases) {
      const result = verifyReceipt({ ...base, ...change })
      expect(result.verified).toBe(false)
      expect(codes(result.notProven)).toContain(expected)
    }
  })

  it('turns a checkpoint with a bad body but a valid signature into a finding', async () => {
    const notACheckpoint = await signNote('hello\n', [parseSignerKey(log.logKey.signerKey)])
    const result = verifyReceipt({ ...base, checkpoint: notACheckpoint })
    expect(result.logSignature).toBe('valid')
    expect(result.verified).toBe(false)
    expect(codes(result.notProven)).toContain('CHECKPOINT_MALFORMED')
  })
})

describe('tlog-proof documents (C2SP tlog-proof)', async () => {
  const log = createTestLog(300, 2)
  const checkpoint = await log.checkpoint()
  const receipt = log.receipt(123)
  const document = formatTlogProof({ extra: new TextEncoder().encode('salt'), index: 123, proof: receipt.proof.map(decodeBase64), checkpoint })

  it('round-trips and verifies offline', () => {
    expect(document.startsWith('c2sp.org/tlog-proof@v1\nextra c2FsdA==\nindex 123\n')).toBe(true)
    const parsed = parseTlogProof(document)
    expect(parsed.index).toBe(123)
    expect(parsed.checkpoint).toBe(checkpoint)
    expect(parsed.proof.map(encodeBase64)).toEqual(receipt.proof)
    const result = verifyTlogProof(document, { leafHash: receipt.leafHash, logKey: log.logKey.verifierKey, witnessKeys: log.witnesses.map((w) => w.verifierKey) })
    expect(result.verified).toBe(true)
  })

  it('rejects malformed documents with a finding', () => {
    const bad = [
      document.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
      document.replace('index 123', 'index 0123'),
      document.replace('extra c2FsdA==', 'extra ***'),
      document.replace(/\n\n[\s\S]*$/, '\n'),
      document.replace(receipt.proof[0], receipt.proof[0].slice(4)),
    ]
    for (const text of bad) {
      const result = verifyTlogProof(text, { leafHash: receipt.leafHash, logKey: log.logKey.verifierKey })
      expect(result.verified).toBe(false)
      expect(codes(result.notProven)[0]).toBe('PROOF_BUNDLE_MALFORMED')
    }
  })
})
