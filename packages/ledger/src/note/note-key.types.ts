/**
 * Checks signatures of one key on signed notes (C2SP signed-note). A key is identified by the pair
 * (name, key ID); `typeId` is the signature type the key ID was derived with.
 *
 * @example
 * import { parseVerifierKey, type NoteVerifier } from '@yangguang/ledger'
 * const verifier: NoteVerifier = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k')
 * console.log(verifier.name, verifier.keyId.toString(16)) // 'example.com/foo' '530d903a'
 */
export interface NoteVerifier {
  readonly name: string
  /** The 32-bit key ID as an unsigned number. */
  readonly keyId: number
  /** Signature type bytes: `[0x01]` Ed25519, `[0x04]` cosignature/v1, `[0xff, …]` unassigned types. */
  readonly typeId: Uint8Array
  /** Whether `signature` (the bytes after the key ID) is valid for the UTF-8 note text. Never throws. */
  verify(text: Uint8Array, signature: Uint8Array): boolean
}

/**
 * Signs note texts with one key. `sign` may be asynchronous so that production keys can live in an HSM or
 * a signature server (商用密码产品) behind this interface.
 *
 * @example
 * import { parseSignerKey, signNote, type NoteSigner } from '@yangguang/ledger'
 * const signer: NoteSigner = parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz')
 * const note = await signNote('hello\n', [signer])
 */
export interface NoteSigner {
  readonly name: string
  readonly keyId: number
  /** The signature bytes (without the key ID) over the UTF-8 note text. */
  sign(text: Uint8Array): Uint8Array | Promise<Uint8Array>
}

/**
 * One signed-note signature type: how its keys are encoded and how they sign and verify. A log profile
 * lists the types it uses; an SM2 profile adds its own `0xff`-prefixed type here without touching the
 * note, checkpoint or receipt code.
 *
 * @example
 * import { ed25519KeyType } from '@yangguang/ledger'
 * const privateKey = ed25519KeyType.generatePrivateKey()
 * const signer = ed25519KeyType.createSigner('example.com/log', privateKey)
 * const verifier = ed25519KeyType.createVerifier('example.com/log', ed25519KeyType.publicKeyOf(privateKey))
 */
export interface NoteKeyType {
  /** Human-readable name, e.g. `Ed25519`. */
  readonly name: string
  /** Signature type bytes, as in key IDs and verifier keys. */
  readonly typeId: Uint8Array
  readonly publicKeyLength: number
  readonly privateKeyLength: number
  generatePrivateKey(): Uint8Array
  publicKeyOf(privateKey: Uint8Array): Uint8Array
  createVerifier(name: string, publicKey: Uint8Array): NoteVerifier
  createSigner(name: string, privateKey: Uint8Array): NoteSigner
}
