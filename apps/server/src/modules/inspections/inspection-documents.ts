import { labels } from '@yangguang/core'
import type { LegalBasis } from '../../platform/db/schema'
import type { InspectionRow } from './inspections.repository'

/** Shown in place of a 文号 not yet taken: the notice and the record are numbered when the inspection starts. */
export const UNNUMBERED = '（入企检查时编号）'

/**
 * The inspection's documents as data — 行政检查通知书, 现场检查笔录 and, when the result is an
 * order to correct, 责令改正通知书 — following the elements of the MoJ 《行政检查文书基本格式文本》
 * (basis, subject, task source, frequency, officers with certificate numbers, 亮证). The 文号 are
 * those taken from the unit's counters (检通字, 检录字, 检改字); the basis is each 行政检查 item's own.
 * PDFs are rendered from this data later.
 */
export function inspectionDocuments(
  row: InspectionRow,
  extra: { legalBasis: Array<{ code: string; name: string; basis: LegalBasis[] }>; sequenceInWindow: number; frequencyNote: string },
) {
  const officers = (row.officers as Array<{ name: string; role: string; certNo: string | null }>).map((o) => ({ name: o.name, certNo: o.certNo, role: o.role === 'lead' ? '主办' : '协办' }))
  const items = row.items as Array<{ code: string; name: string; outcome: string | null; note: string | null }>
  const source =
    row.kind === 'ad_hoc'
      ? `临时性检查（${labels.inspectionTrigger[row.trigger!]}${row.trigger_note ? `：${row.trigger_note}` : ''}）`
      : `${labels.inspectionKind[row.kind]}《${row.plan_title ?? ''}》`
  const documents: Array<{ type: string; title: string; number: string; fields: Record<string, unknown> }> = [
    {
      type: 'inspection_notice',
      title: '行政检查通知书',
      number: row.notice_no ?? UNNUMBERED,
      fields: {
        party: { name: row.enterprise_name, creditCode: row.enterprise_credit_code, address: row.enterprise_address },
        organ: row.org_name,
        taskSource: source,
        items: items.map((i) => ({ code: i.code, name: i.name })),
        legalBasis: extra.legalBasis,
        plannedDate: row.planned_date,
        officers,
        frequency: extra.frequencyNote,
        rights: [
          '执法人员应出示有效行政执法证件，未出示的，你单位有权拒绝检查',
          '未扫码入企或检查事项不在公布的清单之内的，你单位有权拒绝并向司法局投诉',
          '认为执法人员与本案有利害关系的，可以申请回避',
          '对检查结果有权陈述、申辩，并可对本次检查进行评价',
        ],
        discipline: '严禁逐利检查、严禁干扰企业正常生产经营、严禁任性处罚企业、严禁下达检查指标、严禁变相检查（国办发〔2024〕54号“五个严禁”）',
      },
    },
  ]
  if (row.status === 'in_progress' || row.status === 'completed') {
    documents.push({
      type: 'on_site_record',
      title: '现场检查笔录',
      number: row.record_no ?? UNNUMBERED,
      fields: {
        party: { name: row.enterprise_name, creditCode: row.enterprise_credit_code, address: row.enterprise_address },
        organ: row.org_name,
        time: { scannedAt: row.scanned_at?.toISOString() ?? null, completedAt: row.completed_at?.toISOString() ?? null },
        place: row.enterprise_address,
        entry: row.scan_method === 'qr' ? '扫码入企' : '手工输入统一社会信用代码入企',
        officers,
        // 亮证 as recorded on the phone: who showed which certificate, and when.
        certificatesShown: (row.certificates_shown as Array<{ name: string; certNo: string; shownAt: string }>).map((c) => ({ name: c.name, certNo: c.certNo, shownAt: c.shownAt })),
        checklist: items.map((i) => ({ code: i.code, name: i.name, outcome: i.outcome, note: i.note })),
        findings: row.findings,
        photos: (row.photos as Array<{ sha256: string; capturedAt: string }>).map((p) => ({ sha256: p.sha256, capturedAt: p.capturedAt })),
        result: row.result ? labels.inspectionResult[row.result] : null,
        representative: row.representative_name ? { name: row.representative_name, confirmedAt: row.representative_confirmed_at?.toISOString() ?? null } : null,
        sequenceInWindow: extra.sequenceInWindow,
      },
    })
  }
  if (row.result === 'correct') {
    documents.push({
      type: 'correction_order',
      title: '责令改正通知书',
      number: row.correction_no ?? UNNUMBERED,
      fields: {
        party: { name: row.enterprise_name, creditCode: row.enterprise_credit_code },
        organ: row.org_name,
        findings: row.findings,
        issues: items.filter((i) => i.outcome === 'issue').map((i) => ({ name: i.name, note: i.note })),
        legalBasis: extra.legalBasis,
        deadline: row.correction_deadline,
        remedies: '如不服本通知，可在收到之日起六十日内申请行政复议，或者六个月内提起行政诉讼',
      },
    })
  }
  return documents
}
