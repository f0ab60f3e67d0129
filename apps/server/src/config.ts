import path from 'node:path'
import { z } from 'zod'
import { parseTrustProxy, type TrustProxy } from './platform/http/trust-proxy'

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** The address people use to reach the platform; QR codes carry it. */
  PUBLIC_URL: z.string().url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Behind a TLS reverse proxy: the proxy hops (`1`) or proxy addresses/networks (`127.0.0.1,10.0.0.0/8`)
   * whose X-Forwarded-* to believe; any of these also marks cookies Secure. `true` is refused (see trust-proxy.ts).
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value)
      if (parsed.ok) return parsed.value
      ctx.addIssue({ code: 'custom', message: parsed.messageZh })
      return z.NEVER
    }),
  /** 存证: the log's origin (C2SP checkpoint first line), used when its key is first created. */
  LEDGER_ORIGIN: z.string().optional(),
  /** 存证: the log's signer key (C2SP, PRIVATE+KEY+…) when several servers share one database; else DATA_DIR/keys/log.key. */
  LEDGER_SIGNER_KEY: z.string().optional(),
  /** 存证: witnesses, one `<verifier key> <URL prefix>` per line or separated by `;`. */
  LEDGER_WITNESSES: z.string().default(''),
  /** 存证: cosignatures needed to publish a checkpoint (default: every configured witness). */
  LEDGER_WITNESS_QUORUM: z.coerce.number().int().min(0).optional(),
  /** Uploads: bytes one user may upload in 24 hours (photos, evidence); default 2 GiB. */
  UPLOAD_QUOTA_BYTES_PER_DAY: z.coerce.number().int().min(1).default(2 * 1024 ** 3),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  publicUrl: string
  sessionIdleMinutes: number
  sessionMaxHours: number
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  trustProxy: TrustProxy
  ledger: { origin?: string; signerKey?: string; witnesses: string; witnessQuorum?: number }
  /** Bytes one user may upload in any 24 hours. */
  uploadQuotaBytesPerDay: number
}

/** Reads the configuration from the environment; throws a readable message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`配置错误 (invalid configuration):\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    ledger: { origin: e.LEDGER_ORIGIN, signerKey: e.LEDGER_SIGNER_KEY, witnesses: e.LEDGER_WITNESSES, witnessQuorum: e.LEDGER_WITNESS_QUORUM },
    uploadQuotaBytesPerDay: e.UPLOAD_QUOTA_BYTES_PER_DAY,
  }
}
