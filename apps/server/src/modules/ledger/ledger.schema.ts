import { z } from 'zod'

const decimal = (what: string) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, `${what}须为不带前导零的非负整数`)
    .transform(Number)
    .refine(Number.isSafeInteger, `${what}过大`)

/** A leaf hash as 64 hex digits, or 43 characters of unpadded base64url (as in a QR code). */
export const leafHashParam = z
  .string()
  .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9_-]{43})$/, '记录哈希须为 64 位十六进制或 43 位 base64url')
  .transform((text) => (text.length === 64 ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url')))

export const leafHashParams = z.object({ leafHash: leafHashParam })
export const indexParams = z.object({ index: decimal('序号') })
export const sizeParams = z.object({ size: decimal('树大小') })
export const tileParams = z.object({ '*': z.string().max(200).describe('C2SP tlog-tiles 路径，如 tile/0/x001/234 或 tile/entries/005.p/17') })

export const inclusionQuery = z
  .object({
    leafHash: leafHashParam.optional().describe('记录哈希（与 index 二选一）'),
    index: decimal('序号').optional().describe('日志序号（与 leafHash 二选一）'),
    size: decimal('树大小').optional().describe('证明所针对的树大小；默认为已发布检查点的大小'),
  })
  .refine((q) => (q.leafHash === undefined) !== (q.index === undefined), { message: '请给出 leafHash 或 index 之一' })

export const consistencyQuery = z.object({
  from: decimal('起始大小').describe('旧树大小'),
  to: decimal('目标大小').optional().describe('新树大小；默认为已发布检查点的大小'),
})

export const recordReceiptsQuery = z.object({
  recordType: z.string().trim().min(1, '请给出记录类型').max(64),
  recordId: z.string().trim().min(1, '请给出记录编号').max(200),
})

const hex = z.string().describe('十六进制')

export const logView = z.object({
  origin: z.string().describe('日志标识（检查点第一行）'),
  profile: z.string().describe('哈希与签名算法组合，如 sha256-ed25519'),
  logKey: z.string().describe('日志的 C2SP 验证公钥'),
  witnesses: z.array(z.object({ name: z.string(), key: z.string().describe('见证方 cosignature/v1 验证公钥'), url: z.string().nullable() })),
  quorum: z.number().int().describe('发布检查点所需的见证方联署数'),
  integratedSize: z.number().int().describe('已纳入日志的条数'),
  publishedSize: z.number().int().nullable().describe('已发布（达到联署数）的检查点大小'),
  verifyUrl: z.string().describe('公开核验页面'),
})

export const entryView = z.object({
  index: z.number().int(),
  leafHash: hex,
  leaf: z.string().describe('叶子内容（规范 JSON，不含个人信息）'),
})

export const receiptStatusView = z.object({
  leafHash: hex,
  status: z.enum(['pending', 'integrated']).describe('pending：已登记，待纳入日志（约一秒）'),
  index: z.number().int().nullable(),
  leaf: z.string(),
  registeredAt: z.string(),
})

export const inclusionView = z.object({
  index: z.number().int(),
  size: z.number().int(),
  leafHash: hex,
  proof: z.array(hex).describe('兄弟节点哈希，自叶子起'),
})

export const consistencyView = z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(hex) })

export const recordReceiptView = z.object({
  origin: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  version: z.number().int(),
  leafHash: hex,
  salt: hex.describe('内容摘要的盐值（私密，仅交给记录持有人）'),
  index: z.number().int().nullable(),
  leaf: z.string(),
  code: z.string().describe('紧凑回执编码（二维码 /verify?r=…）'),
  verifyUrl: z.string(),
  registeredAt: z.string(),
})

export const textBody = z.string()
