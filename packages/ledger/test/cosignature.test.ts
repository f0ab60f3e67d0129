import { describe, expect, it } from 'vitest'
import {
  cosignatureV1KeyType,
  cosignatureV1Message,
  createCosignatureV1Signer,
  decodeBase64,
  ed25519KeyType,
  formatVerifierKey,
  generateNoteKey,
  isLedgerError,
  parseCosignatureV1,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifyNote,
} from '../src/index'
import { C2SP_COSIGNED_CHECKPOINT, TRANSPARENCY_DEV } from './support/note-vectors'

function code(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    return isLedgerError(error) ? error.code : `not a LedgerError: ${String(error)}`
  }
}

const body = C2SP_COSIGNED_CHECKPOINT.body

describe('cosignature/v1 (C2SP tlog-cosignature v1.0.1)', () => {
  it('builds the signed message exactly as the spec shows it', () => {
    const message = new TextDecoder().decode(cosignatureV1Message(body, 1_679_315_147))
    expect(message).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    )
    expect(code(() => cosignatureV1Message(body, -1))).toBe('COSIGNATURE_MALFORMED')
    expect(code(() => cosignatureV1Message(body, 1.5))).toBe('COSIGNATURE_MALFORMED')
  })

  it('reads the big-endian timestamp of the spec’s witness line (its time line says 1679315147)', () => {
    const note = parseNote(body + '\n' + C2SP_COSIGNED_CHECKPOINT.logLine + C2SP_COSIGNED_CHECKPOINT.witnessLine)
    const witness = note.signatures[1]
    expect(witness.name).toBe('witness.example.com/w1')
    expect(parseCosignatureV1(witness.signature).timestamp).toBe(C2SP_COSIGNED_CHECKPOINT.witnessTime)
  })

  it('reads the transparency-dev timestamp vector and rejects a plain signature', () => {
    const bytes = decodeBase64(TRANSPARENCY_DEV.cosignature)
    expect(parseCosignatureV1(bytes.subarray(4)).timestamp).toBe(TRANSPARENCY_DEV.cosignatureTime)
    expect(code(() => parseCosignatureV1(decodeBase64(TRANSPARENCY_DEV.plainSignature).subarray(4)))).toBe('COSIGNATURE_MALFORMED')
  })

  it('rejects timestamps above 2^63 − 1 and above 2^53 − 1', () => {
    const signature = new Uint8Array(72)
    signature[0] = 0x80
    expect(code(() => parseCosignatureV1(signature))).toBe('COSIGNATURE_MALFORMED')
    signature[0] = 0x00
    signature[1] = 0x20 // 2^53
    expect(code(() => parseCosignatureV1(signature))).toBe('COSIGNATURE_MALFORMED')
    signature[1] = 0x1f
    signature.fill(0xff, 2, 8)
    expect(parseCosignatureV1(signature).timestamp).toBe(2 ** 53 - 1)
  })

  it('signs and verifies a cosignature with a fixed clock, covering extension lines', async () => {
    const privateKey = cosignatureV1KeyType.generatePrivateKey()
    const name = 'witness.sfj.example.gov.cn'
    const signer = createCosignatureV1Signer(name, privateKey, { now: () => 1_790_000_000 })
    const verifier = parseVerifierKey(formatVerifierKey(name, cosignatureV1KeyType, cosignatureV1KeyType.publicKeyOf(privateKey)))
    expect(verifier.keyId).toBe(signer.keyId)
    const withExtension = body + 'extension line\n'
    const note = await signNote(withExtension, [signer])
    const verified = verifyNote(note, [verifier])
    expect(parseCosignatureV1(verified.verified[0].signature).timestamp).toBe(1_790_000_000)
    expect(code(() => verifyNote(note.replace('extension line', 'extension lime'), [verifier]))).toBe('NOTE_INVALID_SIGNATURE')
  })

  it('keeps cosignatures and plain log signatures apart (domain separation by type byte and header)', async () => {
    const privateKey = ed25519KeyType.generatePrivateKey()
    const publicKey = ed25519KeyType.publicKeyOf(privateKey)
    const name = 'shared.example'
    const cosigned = await signNote(body, [createCosignatureV1Signer(name, privateKey)])
    const plain = await signNote(body, [ed25519KeyType.createSigner(name, privateKey)])
    const asPlain = parseVerifierKey(formatVerifierKey(name, ed25519KeyType, publicKey))
    const asCosig = parseVerifierKey(formatVerifierKey(name, cosignatureV1KeyType, publicKey))
    expect(code(() => verifyNote(cosigned, [asPlain]))).toBe('NOTE_UNVERIFIED') // different key ID
    expect(code(() => verifyNote(plain, [asCosig]))).toBe('NOTE_UNVERIFIED')
    // Even with the key IDs forced equal, the signatures do not cross over.
    const forged = cosignatureV1KeyType.createVerifier(name, publicKey)
    const plainLine = parseNote(plain).signatures[0]
    expect(forged.verify(new TextEncoder().encode(body), plainLine.signature)).toBe(false)
  })

  it('adds a witness cosignature to a log-signed checkpoint, as a witness does', async () => {
    const log = generateNoteKey('example.com/behind-the-sofa')
    const witness = generateNoteKey('witness.example.com/w1', cosignatureV1KeyType)
    const logSigned = await signNote(body, [parseSignerKey(log.signerKey)])
    const cosigned = await signNote(parseNote(logSigned), [parseSignerKey(witness.signerKey)])
    expect(cosigned.startsWith(logSigned)).toBe(true)
    const note = verifyNote(cosigned, [parseVerifierKey(log.verifierKey), parseVerifierKey(witness.verifierKey)])
    expect(note.verified.map((s) => s.name)).toEqual(['example.com/behind-the-sofa', 'witness.example.com/w1'])
  })
})
