/**
 * The shape every 执法文书 is rendered from: a generic official document (title, number, blocks of
 * text, tables, signatures, seal line, verification QR). Case code builds one of these per document
 * kind; the renderer turns it into PDF bytes with an embedded CJK font. Keeping the layout generic
 * means one reviewed Typst template, and the legal content of each document lives beside the case
 * rules that decide it.
 */
export type OfficialDocument = {
  /** Issuing organ as printed above the title, e.g. 禄丰市住房和城乡建设局. */
  organ: string
  /** Document title, e.g. 行政处罚决定书. */
  title: string
  /** 文号, e.g. 禄住建罚决字〔2026〕第12号; null for forms without a number (笔录). */
  number: string | null
  /** Body blocks, in order. */
  blocks: DocumentBlock[]
  /** Signature lines at the end (当事人签名、执法人员签名…), each with an optional filled value. */
  signatures?: Array<{ label: string; value?: string | null }>
  /** The organ and date under the body, with the seal mark (印章) when the document is sealed. */
  closing?: { organ: string; date: string; sealed: boolean }
  /** Verification: the QR code's text (a URL) and the line printed under it. */
  verification: { qrText: string; caption: string }
  /** Footer note, e.g. 本文书一式两份，一份送达当事人，一份归档。 */
  footer?: string
}

export type DocumentBlock =
  /** A paragraph of body text (first line indented two characters). */
  | { type: 'paragraph'; text: string }
  /** A paragraph with a bold lead-in, e.g. { label: '当事人：', text: '…' }. */
  | { type: 'labelled'; label: string; text: string }
  /** A section heading inside the body. */
  | { type: 'heading'; text: string }
  /** Two-column key/value form (审批表, 笔录 header). */
  | { type: 'fields'; rows: Array<{ label: string; value: string }> }
  /** A table with a header row. */
  | { type: 'table'; columns: string[]; rows: string[][] }
  /** Question/answer pairs of a 询问笔录. */
  | { type: 'qa'; items: Array<{ q: string; a: string }> }
  /** A boxed opinion with signer and date (审批意见). */
  | { type: 'opinion'; label: string; text: string; signer: string; date: string }
