import { createHash, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/**
 * Content-addressed file storage for evidence photos and issued documents: a file is named by the
 * SHA-256 of its bytes, so the name proves the content, storing the same bytes twice is a no-op and
 * a ledger leaf can point at a file by its digest. `localFileStore` keeps files under
 * `DATA_DIR/files`; an S3-compatible store can implement the same methods (key = digest).
 *
 * @example
 * ```ts
 * const store = fileStoreOf(app.deps.config)
 * const { sha256, size } = await store.putBytes(pdfBytes)   // an issued 决定书
 * await store.put(photo, sha256RecordedAtCapture)            // a photo hashed on the phone
 * const bytes = await store.getBytes(sha256)                 // Buffer, or null when absent
 * await store.putStream(req.raw, sha256RecordedAtCapture)    // an upload, never held whole in memory
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
  /**
   * Stores a stream without holding it in memory: the bytes go to a temp file inside the store
   * while they are hashed, and the temp file is renamed under its digest only when the digest is
   * the expected one. An error thrown by the source (a size cap, a refused type) or a mismatch
   * removes the temp file; nothing is left half-written under a digest.
   */
  putStream(source: AsyncIterable<Uint8Array>, expectedSha256: string): Promise<{ sha256: string; byteSize: number; created: boolean }>
  /** Up to `length` leading bytes (to sniff a stored file's type), or null when absent. */
  readHead(sha256: string, length: number): Promise<Buffer | null>
  /** The size in bytes of a stored file, or null when absent. */
  sizeOf(sha256: string): Promise<number | null>
  /** A read stream and the size of a stored file, or null when absent. */
  openRead(sha256: string): Promise<{ stream: NodeJS.ReadableStream; size: number } | null>
  /** Deletes a stored file (a no-op when absent). Callers check first that no record references it. */
  remove(sha256: string): Promise<void>
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
    async putStream(source, expectedSha256) {
      if (!isSha256(expectedSha256)) throw new Sha256MismatchError('')
      // The temp file lives inside the store (same file system, so the rename is atomic) in a
      // directory of its own that no digest can name.
      const incoming = path.join(root, 'incoming')
      await fs.mkdir(incoming, { recursive: true })
      const temp = path.join(incoming, `${randomUUID()}.tmp`)
      const hash = createHash('sha256')
      let byteSize = 0
      const sink = createWriteStream(temp, { flags: 'wx' })
      try {
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Uint8Array>) {
            for await (const chunk of chunks) {
              hash.update(chunk)
              byteSize += chunk.length
              yield chunk
            }
          },
          sink,
        )
        const sha256 = hash.digest('hex')
        if (sha256 !== expectedSha256) throw new Sha256MismatchError(sha256)
        const target = pathOf(sha256)
        if (await exists(target)) return { sha256, byteSize, created: false }
        await fs.mkdir(path.dirname(target), { recursive: true })
        await fs.rename(temp, target)
        return { sha256, byteSize, created: true }
      } finally {
        // A refused upload fails the pipeline while the file may still be opening: wait until the
        // sink has closed, or the file would appear after it was removed.
        if (!sink.closed) await once(sink, 'close').catch(() => undefined)
        await fs.rm(temp, { force: true })
      }
    },
    async readHead(sha256, length) {
      if (!isSha256(sha256)) return null
      let handle: fs.FileHandle | undefined
      try {
        handle = await fs.open(pathOf(sha256), 'r')
        const buffer = Buffer.alloc(length)
        const { bytesRead } = await handle.read(buffer, 0, length, 0)
        return buffer.subarray(0, bytesRead)
      } catch {
        return null
      } finally {
        await handle?.close()
      }
    },
    async sizeOf(sha256) {
      if (!isSha256(sha256)) return null
      try {
        return (await fs.stat(pathOf(sha256))).size
      } catch {
        return null
      }
    },
    async openRead(sha256) {
      if (!isSha256(sha256)) return null
      try {
        const { size } = await fs.stat(pathOf(sha256))
        return { stream: createReadStream(pathOf(sha256)), size }
      } catch {
        return null
      }
    },
    async remove(sha256) {
      if (!isSha256(sha256)) return
      await fs.rm(pathOf(sha256), { force: true })
    },
  }
}

// A digest is used as a path: anything but 64 hex digits (e.g. '../') must not reach the disk.
function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value)
}
