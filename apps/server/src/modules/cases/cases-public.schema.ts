import { caseDeadlineKinds, caseDocumentKinds, caseStatuses } from '@yangguang/core'
import { z } from 'zod'
import { pageOf, pageQuery } from '../../platform/db/pagination'

/** Schemas of the case documents, publication and the public (no login) case routes. */

export const caseIdParams = z.object({ id: z.string().uuid() })
export const caseDocumentParams = z.object({ id: z.string().uuid(), docId: z.string().uuid() })

export const caseDocumentView = z.object({
  id: z.string(),
  kind: z.enum(caseDocumentKinds),
  kindLabel: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  forParty: z.boolean().describe('送达当事人的文书（当事人可在案件查询中下载）'),
  byteSize: z.number().int(),
  sha256: z.string().describe('PDF 文件的 SHA-256（十六进制）'),
  verifyId: z.string().describe('文书核验编号（二维码中的公开部分）'),
  pdfUrl: z.string(),
  actions: z.array(z.string()),
})
export const caseDocumentList = z.object({ items: z.array(caseDocumentView) })

export const pdfBody = z.any().describe('PDF 文件（application/pdf）')

// ── Publication ──────────────────────────────────────────────────────────────────────────────────

export const publicDecisionView = z.object({
  id: z.string(),
  decisionNumber: z.string().nullable().describe('行政处罚决定书文号'),
  caseName: z.string().describe('案件名称'),
  partyName: z.string().describe('行政相对人名称（自然人已脱敏）'),
  partyCategory: z.enum(['法人及非法人组织', '个体工商户', '自然人']),
  partyCreditCode: z.string().nullable().describe('统一社会信用代码'),
  legalRep: z.string().nullable().describe('法定代表人'),
  partyRegion: z.string().nullable().describe('所在地区（至县级）'),
  violationType: z.string().describe('违法行为类型'),
  facts: z.string().describe('违法事实'),
  basis: z.string().describe('处罚依据'),
  kinds: z.array(z.string()).describe('处罚类别'),
  content: z.string().describe('处罚内容'),
  fineWan: z.string().describe('罚款金额（万元）'),
  confiscateWan: z.string().describe('没收违法所得、没收非法财物的金额（万元）'),
  decidedOn: z.string().describe('处罚决定日期'),
  publicUntil: z.string().describe('公示截止期'),
  organ: z.string().describe('处罚机关'),
  publishedOn: z.string().describe('公示日期'),
})
export const publicDecisionPage = pageOf(publicDecisionView)

/** 撤回的公示 (第四十八条第二款: 撤回行政处罚决定信息并公开说明理由): what was withdrawn, when, and why — not its content. */
export const publicWithdrawalView = z.object({
  id: z.string(),
  decisionNumber: z.string().nullable().describe('行政处罚决定书文号'),
  caseName: z.string().describe('案件名称'),
  organ: z.string().describe('处罚机关'),
  publishedOn: z.string().nullable().describe('原公示日期'),
  withdrawnOn: z.string().describe('撤回日期'),
  reason: z.string().describe('撤回理由'),
})
export const publicWithdrawalPage = pageOf(publicWithdrawalView)
export const publicDecisionQuery = pageQuery.extend({ q: z.string().max(100).optional().describe('当事人名称、决定书文号或处罚机关') })

export const publicationView = z.object({
  status: z.enum(['none', 'pending', 'published', 'withdrawn']),
  decidedOn: z.string().optional(),
  dueOn: z.string().optional().describe('公示期限'),
  dueProvisional: z.boolean().optional(),
  daysLeft: z.number().int().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
  publicData: publicDecisionView.omit({ id: true }).nullable().optional(),
  withdrawDueOn: z.string().nullable().optional().describe('撤下公示期限（决定被撤销，或经复议、诉讼变更、撤销、确认违法、确认无效后三个工作日）'),
  withdrawReason: z.string().nullable().optional().describe('须撤下公示的缘由（第四十八条第二款），撤下时公开说明'),
  withdrawDaysLeft: z.number().int().nullable().optional(),
  withdrawnAt: z.string().nullable().optional(),
  withdrawalNote: z.string().nullable().optional(),
  actions: z.array(z.string()),
})
export const withdrawBody = z.object({ note: z.string().trim().min(2, '请说明撤下公示的理由').max(500) })

// ── Public verification of a document ────────────────────────────────────────────────────────────

export const verifyIdParams = z.object({ verifyId: z.string().regex(/^[a-z2-7]{16}$/, '核验编号应为 16 位字母或数字') })
export const publicDocumentView = z.object({
  kind: z.enum([...caseDocumentKinds, 'supervision_document']),
  kindLabel: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  organ: z.string(),
  issuedOn: z.string(),
  leafHash: z.string().describe('存证记录哈希（十六进制）'),
  leaf: z.string().nullable().describe('存证叶子（规范 JSON）；其 digest = SHA-256(盐值 ‖ PDF)'),
  ledger: z.object({
    status: z.enum(['pending', 'integrated']),
    index: z.number().int().nullable(),
    publishedSize: z.number().int().nullable(),
    inPublishedCheckpoint: z.boolean(),
  }),
})

// ── The party's lookup ───────────────────────────────────────────────────────────────────────────

export const lookupBody = z.object({
  caseNo: z.string().trim().min(1, '请输入案件编号').max(60),
  code: z.string().trim().min(4, '请输入查询码').max(20),
})
export const lookupDocumentParams = z.object({ docId: z.string().uuid() })
export const lookupView = z.object({
  caseNo: z.string(),
  title: z.string(),
  status: z.enum(caseStatuses),
  statusLabel: z.string(),
  organ: z.string(),
  organPhone: z.string().nullable(),
  decidedOn: z.string().nullable(),
  fineFen: z.number().int(),
  today: z.string(),
  deadlines: z.array(
    z.object({ kind: z.enum(caseDeadlineKinds), label: z.string(), dueOn: z.string(), basis: z.string(), provisional: z.boolean(), daysLeft: z.number().int() }),
  ),
  documents: z.array(z.object({ id: z.string(), kind: z.enum(caseDocumentKinds), title: z.string(), number: z.string().nullable(), issuedOn: z.string() })),
})
