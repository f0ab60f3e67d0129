import {
  cosignatureV1KeyType,
  createCosignatureV1Signer,
  encodeBase64,
  formatCheckpoint,
  formatVerifierKey,
  generateNoteKey,
  MemoryTree,
  parseNote,
  parseSignerKey,
  signNote,
} from '../../src/index'

export interface TestLog {
  origin: string
  tree: MemoryTree
  logKey: { signerKey: string; verifierKey: string }
  witnesses: { name: string; verifierKey: string; privateKey: Uint8Array }[]
  /** Signs a checkpoint of the current tree; `cosigners` picks which witnesses cosign (all by default). */
  checkpoint(cosigners?: number[]): Promise<string>
  /** What a receipt for record `index` carries. */
  receipt(index: number): { leafHash: string; index: number; proof: string[] }
}

/** A small log with a few enforcement records and three witness agencies, as the receipt page sees it. */
export function createTestLog(records = 10, witnessCount = 3): TestLog {
  const origin = 'zfjd.lufeng.example.gov.cn/log/2026'
  const tree = new MemoryTree()
  for (let i = 0; i < records; i++) {
    tree.append(new TextEncoder().encode(JSON.stringify({ v: 1, act: '立案', record: `LF-2026-${String(i).padStart(4, '0')}` })))
  }
  const logKey = generateNoteKey(origin)
  const witnesses = ['sfj', 'sjj', 'szf'].slice(0, witnessCount).map((agency) => {
    const name = `witness.${agency}.example.gov.cn`
    const privateKey = cosignatureV1KeyType.generatePrivateKey()
    return { name, privateKey, verifierKey: formatVerifierKey(name, cosignatureV1KeyType, cosignatureV1KeyType.publicKeyOf(privateKey)) }
  })
  return {
    origin,
    tree,
    logKey,
    witnesses,
    async checkpoint(cosigners = witnesses.map((_, i) => i)) {
      const body = formatCheckpoint({ origin, size: tree.size, rootHash: tree.root(), extensions: [] })
      const signed = await signNote(body, [parseSignerKey(logKey.signerKey)])
      const signers = cosigners.map((i) => createCosignatureV1Signer(witnesses[i].name, witnesses[i].privateKey, { now: () => 1_790_000_000 + i }))
      return signers.length === 0 ? signed : signNote(parseNote(signed), signers)
    },
    receipt(index) {
      return { leafHash: encodeBase64(tree.leafHash(index)), index, proof: tree.inclusionProof(index).map(encodeBase64) }
    },
  }
}
