import net from 'node:net'

/**
 * Whom the server believes about the client's address (X-Forwarded-For, and X-Forwarded-Proto /
 * -Host): nobody (`false`), the last `n` proxy hops, or peers at the listed addresses and networks —
 * Fastify's `trustProxy` (proxy-addr semantics). Never everybody: trusting every hop makes the
 * left-most X-Forwarded-For entry the client's address, and the client writes that one itself,
 * so any per-address limit (login, case lookup) could be dodged by changing a header.
 */
export type TrustProxy = false | number | string[]

/**
 * The setting in the form Fastify takes. A hop count becomes a function of the hop: Fastify 5 reads
 * a bare number as "trust nobody" (it cannot check who the nearest peer is), so `1` means here what
 * it means to proxy-addr — believe the nearest peer, which must then be the proxy: with a hop count
 * the server must be reachable only through the proxy (HOST=127.0.0.1 or a firewall), or a client
 * that connects directly can name any address. A list of proxy addresses has no such condition.
 *
 * @example
 * Fastify({ trustProxy: fastifyTrustProxy(config.trustProxy) })
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust
  return (_address, hop) => hop < trust
}

/** Named ranges proxy-addr understands. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * Reads `TRUST_PROXY`: `false` (or empty, or `0`) trusts nobody; a whole number is a count of proxy
 * hops; otherwise a comma-separated list of proxy addresses, CIDR networks or proxy-addr's named
 * ranges. `true` is refused with a message saying what to write instead.
 *
 * @example
 * parseTrustProxy('1')                        // { ok: true, value: 1 }
 * parseTrustProxy('10.0.0.0/8, 127.0.0.1')    // { ok: true, value: ['10.0.0.0/8', '127.0.0.1'] }
 * parseTrustProxy('true')                     // { ok: false, messageZh: 'TRUST_PROXY=true 会信任…' }
 */
export function parseTrustProxy(raw: string): { ok: true; value: TrustProxy } | { ok: false; messageZh: string } {
  const value = raw.trim().toLowerCase()
  if (value === '' || value === 'false' || value === '0') return { ok: true, value: false }
  if (value === 'true') {
    return {
      ok: false,
      messageZh:
        'TRUST_PROXY=true 会相信客户端自己填写的 X-Forwarded-For（可伪造来源地址、绕过按地址的限制），已不再接受；' +
        '请写反向代理的层数（如 TRUST_PROXY=1，只有一层 nginx/Caddy 时）或代理的地址/网段（如 TRUST_PROXY=127.0.0.1,10.0.0.0/8）',
    }
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    if (hops > 10) return { ok: false, messageZh: `TRUST_PROXY 的代理层数 ${hops} 不合理（应为 1–10）` }
    return { ok: true, value: hops }
  }
  const entries = value.split(',').map((entry) => entry.trim())
  const invalid = entries.filter((entry) => !isAddressOrNetwork(entry))
  if (invalid.length > 0) {
    return {
      ok: false,
      messageZh: `TRUST_PROXY 中 ${invalid.map((e) => `“${e}”`).join('、')} 不是地址或网段；请写代理层数（如 1）或以逗号分隔的地址/网段（如 127.0.0.1,10.0.0.0/8）`,
    }
  }
  return { ok: true, value: entries }
}

function isAddressOrNetwork(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true
  const slash = entry.indexOf('/')
  if (slash === -1) return net.isIP(entry) !== 0
  const version = net.isIP(entry.slice(0, slash))
  const prefix = entry.slice(slash + 1)
  if (version === 0 || !/^\d{1,3}$/.test(prefix)) return false
  return Number(prefix) <= (version === 4 ? 32 : 128)
}
