/**
 * @yangguang/ledger — a verifiable append-only log: RFC 9162 Merkle trees and proofs, C2SP tlog-tiles,
 * signed notes, checkpoints, cosignatures and proofs, and receipt verification for the public page.
 * Isomorphic: this entry imports nothing from Node; `@yangguang/ledger/node` adds node:crypto hashing.
 */
export * from './ledger.error'
export {
  concatBytes,
  decodeBase64,
  decodeHex,
  encodeBase64,
  encodeHex,
  equalBytes,
  tryDecodeBase64,
} from './encoding/bytes.codec'
export { MAX_LOG_SIZE, toLogIndex } from './encoding/log-index.math'

export type { HashFunction } from './hash/hash-function.types'
export { sha256 } from './hash/sha256.hash'
export { sm3 } from './hash/sm3.hash'
export { createMerkleHasher, LEAF_HASH_PREFIX, NODE_HASH_PREFIX, type MerkleHasher } from './hash/merkle.hasher'
export { DEFAULT_KEY_TYPES, profileKeyTypes, sha256Ed25519Profile, type LogProfile } from './profile/log.profile'

export {
  consistencyProofRanges,
  inclusionProofRanges,
  nodeLeafRange,
  rangeNodes,
  type LeafRange,
  type NodeId,
} from './tree/subtree.math'
export {
  consistencyProofFromReader,
  consistencyProofFromSource,
  hashCompleteSubtree,
  hashNodeRun,
  inclusionProofFromReader,
  inclusionProofFromSource,
  treeRootFromReader,
  treeRootFromSource,
  type NodeReader,
  type NodeSource,
} from './tree/merkle.prover'
export {
  consistencyProofLength,
  inclusionProofLength,
  rootFromInclusionProof,
  sha256Hasher,
  verifyConsistencyProof,
  verifyInclusionProof,
  type ConsistencyProof,
  type InclusionProof,
} from './tree/merkle.verifier'
export { CompactRange, type Frontier, type NodeSink } from './tree/compact-range.state'
export { MemoryTree, type MemoryTreeOptions } from './tree/memory-tree.store'

export {
  MAX_TILE_LEVEL,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileCoverage,
  tileLayout,
  tileSlotOfNode,
  tilesChanged,
  tileWidth,
  type TileCoverage,
  type TileId,
  type TileLevelLayout,
  type TileSlot,
} from './tiles/tile.math'
export { entryBundlePath, formatTileIndex, parseTileIndex, parseTilePath, tilePath, type TileResource } from './tiles/tile-path.codec'
export { decodeEntryBundle, encodeEntryBundle, MAX_ENTRY_SIZE } from './tiles/entry-bundle.codec'
export { TileUpdateCollector, type TileUpdate } from './tiles/tile-update.collector'
export {
  consistencyProofFromTiles,
  createTileNodeReader,
  inclusionProofFromTiles,
  treeRootFromTiles,
  type TileFetcher,
} from './tiles/tile.reader'

export type { NoteKeyType, NoteSigner, NoteVerifier } from './note/note-key.types'
export { computeKeyId, formatKeyId, isValidKeyName } from './note/key-id.codec'
export { ED25519_TYPE_ID, ed25519KeyType } from './note/ed25519.key-type'
export {
  formatSignerKey,
  formatVerifierKey,
  generateNoteKey,
  parseSignerKey,
  parseVerifierKey,
  type NoteKeyPair,
  type ParsedSignerKey,
} from './note/note-key.codec'
export {
  assertNoteText,
  formatNote,
  parseNote,
  SIGNATURE_LINE_PREFIX,
  type Note,
  type NoteSignature,
  type ParseNoteOptions,
} from './note/signed-note.codec'
export { checkNoteSignatures, verifyNote, type NoteSignatureCheck, type VerifiedNote } from './note/signed-note.verifier'
export { signNote } from './note/signed-note.signer'

export { formatCheckpoint, parseCheckpoint, type Checkpoint, type ParseCheckpointOptions } from './checkpoint/checkpoint.codec'
export { openCheckpoint, type OpenCheckpointOptions, type OpenedCheckpoint } from './checkpoint/checkpoint.verifier'
export {
  COSIGNATURE_V1_TYPE_ID,
  cosignatureV1KeyType,
  cosignatureV1Message,
  createCosignatureV1Signer,
  parseCosignatureV1,
  type CosignatureV1,
  type CosignatureV1SignerOptions,
} from './cosignature/cosignature-v1.key-type'
export { formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER, type TlogProof } from './proof-bundle/tlog-proof.codec'

export {
  verifyReceipt,
  verifyTlogProof,
  type ReceiptFinding,
  type ReceiptFindingCode,
  type ReceiptInput,
  type ReceiptVerification,
  type WitnessResult,
} from './receipt/receipt.verifier'
export { describeReceiptFinding, LEDGER_ERROR_LABELS, RECEIPT_FINDING_LABELS, type LabelLocale } from './receipt/receipt.labels'
