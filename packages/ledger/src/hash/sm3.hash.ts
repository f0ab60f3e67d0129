import type { HashFunction } from './hash-function.types'

/**
 * SM3 (GB/T 32905-2016) in pure TypeScript, for a 商用密码 log profile and for verifying such a log in the
 * browser. Cross-checked in the tests against the standard's examples, `openssl dgst -sm3` and
 * `node:crypto`. Note that C2SP tlog-tiles fixes SHA-256, so an SM3 log is "tlog-tiles-shaped" rather than
 * conformant; RFC 9162 itself leaves the hash a log parameter.
 *
 * @example
 * import { encodeHex, sm3 } from '@yangguang/ledger'
 * encodeHex(sm3.digest(new TextEncoder().encode('abc'))) // '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'
 */
export const sm3: HashFunction = {
  name: 'SM3',
  outputLength: 32,
  digest: (data) => sm3Digest(data),
}

// Bitwise operators below act on 32-bit words of the hash state, never on log indices or sizes.
function sm3Digest(data: Uint8Array): Uint8Array {
  const state = new Uint32Array(IV)
  const words = new Uint32Array(68)
  const expanded = new Uint32Array(64)
  const fullBlocks = Math.floor(data.length / 64)
  for (let block = 0; block < fullBlocks; block++) compress(state, data, block * 64, words, expanded)
  // Padding: 0x80, zeros, then the message length in bits as a big-endian 64-bit integer.
  const rest = data.length - fullBlocks * 64
  const tail = new Uint8Array(rest < 56 ? 64 : 128)
  tail.set(data.subarray(fullBlocks * 64))
  tail[rest] = 0x80
  const bitLength = data.length * 8
  const high = Math.floor(bitLength / 0x100000000)
  const low = bitLength - high * 0x100000000
  const view = new DataView(tail.buffer)
  view.setUint32(tail.length - 8, high)
  view.setUint32(tail.length - 4, low)
  for (let offset = 0; offset < tail.length; offset += 64) compress(state, tail, offset, words, expanded)
  const out = new Uint8Array(32)
  const outView = new DataView(out.buffer)
  for (let i = 0; i < 8; i++) outView.setUint32(4 * i, state[i])
  return out
}

function compress(state: Uint32Array, bytes: Uint8Array, offset: number, w: Uint32Array, w1: Uint32Array): void {
  for (let j = 0; j < 16; j++) {
    const o = offset + 4 * j
    w[j] = (bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]
  }
  for (let j = 16; j < 68; j++) {
    w[j] = p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]
  }
  for (let j = 0; j < 64; j++) w1[j] = w[j] ^ w[j + 4]
  let a = state[0]
  let b = state[1]
  let c = state[2]
  let d = state[3]
  let e = state[4]
  let f = state[5]
  let g = state[6]
  let h = state[7]
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12)
    const ss1 = rotl((a12 + e + rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32)) | 0, 7)
    const ss2 = ss1 ^ a12
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c)
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g)
    const tt1 = (ff + d + ss2 + w1[j]) | 0
    const tt2 = (gg + h + ss1 + w[j]) | 0
    d = c
    c = rotl(b, 9)
    b = a
    a = tt1
    h = g
    g = rotl(f, 19)
    f = e
    e = p0(tt2)
  }
  state[0] ^= a
  state[1] ^= b
  state[2] ^= c
  state[3] ^= d
  state[4] ^= e
  state[5] ^= f
  state[6] ^= g
  state[7] ^= h
}

function rotl(x: number, n: number): number {
  return n === 0 ? x : (x << n) | (x >>> (32 - n))
}

function p0(x: number): number {
  return x ^ rotl(x, 9) ^ rotl(x, 17)
}

function p1(x: number): number {
  return x ^ rotl(x, 15) ^ rotl(x, 23)
}

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e]
