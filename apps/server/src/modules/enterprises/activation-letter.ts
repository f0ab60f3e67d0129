import { chineseDate, shanghaiDateOf } from '@yangguang/core'
import type { OfficialDocument } from '../../platform/pdf/official-document'
import { renderOfficialDocument } from '../../platform/pdf/render'

export type ActivationLetterInput = {
  /** The issuing unit as printed at the top and in the closing (the bureau or the registering unit). */
  organ: string
  enterpriseName: string
  creditCode: string
  address: string | null
  contactName: string | null
  contactPhone: string | null
  code: string
  expiresAt: Date
  issuedAt: Date
  activateUrl: string
}

/**
 * The 激活码密封函: the activation code printed on a letter addressed to the enterprise's registered
 * contact, which the issuer seals and posts (or hands over) unread. It is the only place the code
 * appears — the platform keeps its hash — so an account can be opened only by whoever receives the
 * enterprise's post.
 *
 * @example
 * const pdf = await renderActivationLetter({ organ: '禄丰市司法局', enterpriseName: '禄丰金山恒通建材有限公司', …, code: 'K7M2QX9PLA' })
 */
export function renderActivationLetter(input: ActivationLetterInput): Promise<Uint8Array> {
  return renderOfficialDocument(activationLetter(input))
}

export function activationLetter(input: ActivationLetterInput): OfficialDocument {
  const expires = shanghaiDateOf(input.expiresAt)
  const recipient = `${input.enterpriseName}${input.contactName ? `（联系人：${input.contactName}）` : ''}`
  return {
    organ: input.organ,
    title: '企业账号激活码密封函',
    number: null,
    blocks: [
      { type: 'labelled', label: '收件人：', text: recipient },
      { type: 'labelled', label: '统一社会信用代码：', text: input.creditCode },
      { type: 'labelled', label: '登记地址：', text: input.address ?? '未登记' },
      { type: 'labelled', label: '登记联系电话：', text: input.contactPhone ?? '未登记' },
      {
        type: 'paragraph',
        text: `贵单位在阳光执法平台的企业账号激活码见下表。请于${chineseDate(expires)}前用手机打开 ${input.activateUrl}（或扫描右下角二维码），输入统一社会信用代码和激活码开通账号。开通后可查看本单位接受的行政检查、对检查作出评价和提出投诉。`,
      },
      { type: 'fields', rows: [
        { label: '激活码', value: input.code },
        { label: '有效期至', value: chineseDate(expires) },
      ] },
      {
        type: 'paragraph',
        text: '激活码一次有效，请妥善保管，不要告诉他人；执法人员不会向企业索要激活码。如本函封口有拆动痕迹，或贵单位并未申请开通账号，请向发函单位或当地司法局反映。',
      },
    ],
    closing: { organ: input.organ, date: shanghaiDateOf(input.issuedAt), sealed: false },
    verification: { qrText: input.activateUrl, caption: '扫码开通企业账号' },
    footer: '本函应密封后寄送或当面交给企业登记联系人。平台只保存激活码的哈希值，不保存激活码本身。',
  }
}
