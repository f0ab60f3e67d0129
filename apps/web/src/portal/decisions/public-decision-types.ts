/** A published penalty decision as `/api/public/decisions` gives it (双公示 fields, natural persons masked). */
export type PublicDecision = {
  id: string
  decisionNumber: string | null
  caseName: string
  partyName: string
  partyCategory: '法人及非法人组织' | '个体工商户' | '自然人'
  partyCreditCode: string | null
  legalRep: string | null
  partyRegion: string | null
  violationType: string
  facts: string
  basis: string
  kinds: string[]
  content: string
  fineWan: string
  confiscateWan: string
  decidedOn: string
  publicUntil: string
  organ: string
  publishedOn: string
}
