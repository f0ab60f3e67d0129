/**
 * Append-only column of fixed-size hashes in large flat chunks: 10 million SHA-256 hashes take 320 MB in
 * ~150 byte arrays instead of 10 million objects, and no append ever copies more than one chunk. Chunks
 * start small and double up to their final size so that the many tiny trees of tests stay tiny.
 */
export class HashColumn {
  readonly #chunks: Uint8Array[] = []
  #count = 0

  constructor(
    readonly hashSize: number,
    readonly hashesPerChunk: number = 65536,
  ) {}

  get count(): number {
    return this.#count
  }

  push(hash: Uint8Array): void {
    const chunkIndex = Math.floor(this.#count / this.hashesPerChunk)
    const offset = (this.#count - chunkIndex * this.hashesPerChunk) * this.hashSize
    let chunk = this.#chunks[chunkIndex]
    if (chunk === undefined) {
      chunk = new Uint8Array(this.hashSize * Math.min(64, this.hashesPerChunk))
      this.#chunks[chunkIndex] = chunk
    } else if (offset + this.hashSize > chunk.length) {
      const grown = new Uint8Array(Math.min(chunk.length * 2, this.hashSize * this.hashesPerChunk))
      grown.set(chunk)
      chunk = grown
      this.#chunks[chunkIndex] = chunk
    }
    chunk.set(hash, offset)
    this.#count++
  }

  /**
   * View of `count` consecutive hashes from `first`. Runs used by the tree are aligned powers of two no
   * longer than a chunk, so they never straddle two chunks. The view aliases storage: never hand it out.
   */
  run(first: number, count: number): Uint8Array {
    const chunkIndex = Math.floor(first / this.hashesPerChunk)
    const offset = (first - chunkIndex * this.hashesPerChunk) * this.hashSize
    return this.#chunks[chunkIndex].subarray(offset, offset + count * this.hashSize)
  }
}
