import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Content-addressed file storage: a file lives at `<root>/<aa>/<sha256>`, so the name proves the
 * content and storing the same photo twice is a no-op. An S3-compatible store can implement the
 * same three methods. (Belongs in platform/files once a second capability stores files.)
 */
export type EvidenceStore = {
  put(content: Buffer, expectedSha256: string): Promise<{ sha256: string; byteSize: number; created: boolean }>
  has(sha256: string): Promise<boolean>
  read(sha256: string): Promise<Buffer | null>
}

export class Sha256MismatchError extends Error {}

export function sha256Hex(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex')
}

/** The store under `DATA_DIR/files`. */
export function fileEvidenceStore(root: string): EvidenceStore {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256)
  return {
    async put(content, expectedSha256) {
      const sha256 = sha256Hex(content)
      if (sha256 !== expectedSha256) throw new Sha256MismatchError(sha256)
      const target = pathOf(sha256)
      try {
        await fs.access(target)
        return { sha256, byteSize: content.length, created: false }
      } catch {
        await fs.mkdir(path.dirname(target), { recursive: true })
        // Write then rename, so a reader never sees half a file under its final name.
        const temp = `${target}.${process.pid}.${Date.now()}.tmp`
        await fs.writeFile(temp, content, { flag: 'wx' })
        await fs.rename(temp, target)
        return { sha256, byteSize: content.length, created: true }
      }
    },
    async has(sha256) {
      try {
        await fs.access(pathOf(sha256))
        return true
      } catch {
        return false
      }
    },
    async read(sha256) {
      try {
        return await fs.readFile(pathOf(sha256))
      } catch {
        return null
      }
    },
  }
}
