import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fileStoreOf, localFileStore, Sha256MismatchError, sha256Hex } from './file-store'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-file-store-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('file store', () => {
  it('stores bytes under their SHA-256 in DATA_DIR/files and reads them back; storing again is a no-op', async () => {
    const store = fileStoreOf({ dataDir })
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)])
    const stored = await store.putBytes(pdf)
    expect(stored).toEqual({ sha256: sha256Hex(pdf), size: pdf.length })
    const file = path.join(dataDir, 'files', stored.sha256.slice(0, 2), stored.sha256)
    expect(fs.readFileSync(file).equals(pdf)).toBe(true)
    const mtime = fs.statSync(file).mtimeMs

    expect(await store.putBytes(new Uint8Array(pdf))).toEqual(stored)
    expect(fs.statSync(file).mtimeMs).toBe(mtime)
    expect(await store.has(stored.sha256)).toBe(true)
    expect((await store.getBytes(stored.sha256))?.equals(pdf)).toBe(true)
    // No temp file is left beside the stored one.
    expect(fs.readdirSync(path.dirname(file))).toEqual([stored.sha256])
  })

  it('keeps a photo only when its bytes match the digest recorded at capture', async () => {
    const store = localFileStore(path.join(dataDir, 'photos'))
    const photo = randomBytes(2000)
    const sha256 = sha256Hex(photo)
    expect(await store.put(photo, sha256)).toEqual({ sha256, byteSize: 2000, created: true })
    expect(await store.put(photo, sha256)).toEqual({ sha256, byteSize: 2000, created: false })

    const tampered = Buffer.from(photo)
    tampered[0] ^= 1
    await expect(store.put(tampered, sha256)).rejects.toThrow(Sha256MismatchError)
    expect(await store.has(sha256Hex(tampered))).toBe(false)
  })

  it('stores the same new bytes from concurrent requests once', async () => {
    const store = localFileStore(path.join(dataDir, 'concurrent'))
    const content = randomBytes(100_000)
    const results = await Promise.all(Array.from({ length: 8 }, () => store.putBytes(content)))
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1)
    const dir = path.join(dataDir, 'concurrent', results[0].sha256.slice(0, 2))
    expect(fs.readdirSync(dir)).toEqual([results[0].sha256])
    expect((await store.getBytes(results[0].sha256))?.equals(content)).toBe(true)
  })

  it('streams a file in through a temp file, keeps it only under the expected digest, and reads back its head and size', async () => {
    const store = localFileStore(path.join(dataDir, 'streamed'))
    const chunks = [randomBytes(70_000), randomBytes(70_000), randomBytes(1)]
    const whole = Buffer.concat(chunks)
    const source = async function* () {
      yield* chunks
    }
    expect(await store.putStream(source(), sha256Hex(whole))).toEqual({ sha256: sha256Hex(whole), byteSize: whole.length, created: true })
    expect(await store.putStream(source(), sha256Hex(whole))).toMatchObject({ created: false })
    expect((await store.readHead(sha256Hex(whole), 16))?.equals(whole.subarray(0, 16))).toBe(true)
    expect(await store.sizeOf(sha256Hex(whole))).toBe(whole.length)

    await expect(store.putStream(source(), '0'.repeat(64))).rejects.toThrow(Sha256MismatchError)
    // A source that fails half-way (a size cap) leaves nothing behind either.
    const failing = async function* () {
      yield chunks[0]!
      throw new Error('too large')
    }
    await expect(store.putStream(failing(), sha256Hex(whole))).rejects.toThrow('too large')
    expect(fs.readdirSync(path.join(dataDir, 'streamed', 'incoming'))).toEqual([])
    expect(await store.has('0'.repeat(64))).toBe(false)

    await store.remove(sha256Hex(whole))
    expect(await store.has(sha256Hex(whole))).toBe(false)
    expect(await store.readHead(sha256Hex(whole), 16)).toBeNull()
  })

  it('answers "absent" for unknown digests and for names that are not digests', async () => {
    // '../secret.txt' would resolve to <root>/../../secret.txt = dataDir/secret.txt.
    const store = localFileStore(path.join(dataDir, 'nested', 'files'))
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'not a stored file')
    expect(await store.getBytes('0'.repeat(64))).toBeNull()
    expect(await store.has('0'.repeat(64))).toBe(false)
    expect(await store.getBytes('../secret.txt')).toBeNull()
    expect(await store.has('../secret.txt')).toBe(false)
  })
})
