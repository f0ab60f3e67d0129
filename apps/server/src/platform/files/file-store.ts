import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Content-addressed file storage for evidence photos and issued documents: a file is named by the
 * SHA-256 of its bytes, so the name proves the content, storing the same bytes twice is a no-op and
 * a ledger leaf can point at a file by its digest. `localFileStore` keeps files under
 * `DATA_DIR/files`; an S3-compatible store can implement the same four methods (key = digest).
 *
 * @example
 * ```ts
 * const store = fileStoreOf(app.deps.config)
 * const { sha256, size } = await store.putBytes(pdfBytes)   // an issued 决定书
 * await store.put(photo, sha256RecordedAtCapture)            // a photo hashed on the phone
 * const bytes = await store.getBytes(sha256)                 // Buffer, or null when absent
 * ```
 */
export type FileStore = {
  /**
   * Stores bytes whose digest was recorded before they arrived (a photo hashed at capture); throws
   * `Sha256MismatchError` when the bytes are not the ones recorded.
   */
  put(content: Uint8Array, expectedSha256: string): Promise<{ sha256: string; byteSize: number; created: boolean }>
  /** Stores bytes under their own digest (a rendered PDF). */
  putBytes(content: Uint8Array): Promise<{ sha256: string; size: number }>
  has(sha256: string): Promise<boolean>
  /** The stored bytes, or null when no file has that digest. */
  getBytes(sha256: string): Promise<Buffer | null>
}

/** Thrown by `put` when the content's digest is not the expected one; the message is the actual digest. */
export class Sha256MismatchError extends Error {}

/**
 * Lower-case hex SHA-256 of the bytes.
 *
 * @example
 * ```ts
 * sha256Hex(Buffer.from('')) // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 * ```
 */
export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/** The store of this installation: `DATA_DIR/files`. */
export function fileStoreOf(config: { dataDir: string }): FileStore {
  return localFileStore(path.join(config.dataDir, 'files'))
}

/**
 * A store on the local disk: a file lives at `<root>/<first two hex digits>/<sha256>` (the prefix
 * keeps directories small).
 *
 * @example
 * ```ts
 * const store = localFileStore('/var/lib/yangguang/files')
 * ```
 */
export function localFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256)
  const exists = async (file: string) => {
    try {
      await fs.access(file)
      return true
    } catch {
      return false
    }
  }
  const write = async (content: Uint8Array, sha256: string) => {
    const target = pathOf(sha256)
    if (await exists(target)) return false
    await fs.mkdir(path.dirname(target), { recursive: true })
    // Write then rename, so a reader never sees half a file under its final name; the random temp
    // name lets two requests store the same bytes at once (the second rename replaces equal bytes).
    const temp = `${target}.${randomUUID()}.tmp`
    await fs.writeFile(temp, content, { flag: 'wx' })
    await fs.rename(temp, target)
    return true
  }
  return {
    async put(content, expectedSha256) {
      const sha256 = sha256Hex(content)
      if (sha256 !== expectedSha256) throw new Sha256MismatchError(sha256)
      const created = await write(content, sha256)
      return { sha256, byteSize: content.length, created }
    },
    async putBytes(content) {
      const sha256 = sha256Hex(content)
      await write(content, sha256)
      return { sha256, size: content.length }
    },
    async has(sha256) {
      return isSha256(sha256) && (await exists(pathOf(sha256)))
    },
    async getBytes(sha256) {
      if (!isSha256(sha256)) return null
      try {
        return await fs.readFile(pathOf(sha256))
      } catch {
        return null
      }
    },
  }
}

// A digest is used as a path: anything but 64 hex digits (e.g. '../') must not reach the disk.
function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value)
}
