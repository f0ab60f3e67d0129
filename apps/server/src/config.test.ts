import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { fastifyTrustProxy } from './platform/http/trust-proxy'

const trustProxyOf = (value: string | undefined) => loadConfig({ TRUST_PROXY: value }).trustProxy

describe('TRUST_PROXY', () => {
  it('trusts nobody by default, and for false or 0', () => {
    expect(trustProxyOf(undefined)).toBe(false)
    expect(trustProxyOf('false')).toBe(false)
    expect(trustProxyOf('0')).toBe(false)
  })

  it('reads a whole number as the count of proxy hops', () => {
    expect(trustProxyOf('1')).toBe(1)
    expect(trustProxyOf(' 2 ')).toBe(2)
  })

  it('reads a comma-separated list of proxy addresses and networks', () => {
    expect(trustProxyOf('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(trustProxyOf('::1,fd00::/8,loopback')).toEqual(['::1', 'fd00::/8', 'loopback'])
  })

  it('refuses true, which would believe the address a client writes itself, saying what to write instead', () => {
    expect(() => trustProxyOf('true')).toThrow(/TRUST_PROXY: TRUST_PROXY=true .*代理的层数（如 TRUST_PROXY=1/)
  })

  it('refuses what is neither a hop count nor addresses, naming the bad entry', () => {
    expect(() => trustProxyOf('10.0.0.0/33')).toThrow(/“10\.0\.0\.0\/33” 不是地址或网段/)
    expect(() => trustProxyOf('127.0.0.1,proxy.local')).toThrow(/“proxy\.local” 不是地址或网段/)
    expect(() => trustProxyOf('yes')).toThrow(/配置错误/)
    expect(() => trustProxyOf('50')).toThrow(/代理层数 50 不合理/)
  })

  it('gives Fastify a hop count as a rule on the hop, since Fastify reads a bare number as trusting nobody', () => {
    const trust = fastifyTrustProxy(1)
    expect(typeof trust).toBe('function')
    const trustHop = trust as (address: string, hop: number) => boolean
    expect(trustHop('127.0.0.1', 0)).toBe(true)
    expect(trustHop('203.0.113.7', 1)).toBe(false)
    expect(fastifyTrustProxy(['127.0.0.1'])).toEqual(['127.0.0.1'])
    expect(fastifyTrustProxy(false)).toBe(false)
  })
})
