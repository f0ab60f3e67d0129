export type Plan = {
  id: string
  orgId: string
  orgName: string
  year: number
  kind: 'annual' | 'special'
  kindLabel: string
  title: string
  description: string | null
  months: number[]
  targetMode: 'list' | 'sampling'
  samplingRule: { count: number; industry?: string | null; townshipCode?: string | null } | null
  status: string
  statusLabel: string
  statusNote: string | null
  targetCount: number
  doneCount: number
  publishedAt: string | null
  actions: string[]
}

export type Inspection = {
  id: string
  orgId: string
  orgName: string
  enterprise: { id: string; name: string; creditCode: string; address: string | null }
  kind: string
  kindLabel: string
  planTitle: string | null
  trigger: 'complaint' | 'transfer' | 'data_monitoring' | null
  triggerNote: string | null
  status: string
  statusLabel: string
  plannedDate: string
  assigned: Array<{ id: string; name: string }>
  inspectionDate: string | null
  scanMethod: 'qr' | 'typed' | null
  scannedAt: string | null
  startedAt: string | null
  offlineReason: string | null
  officers: Array<{ personId: string; name: string; role: 'lead' | 'co'; certNo: string | null }>
  /** 亮证 as recorded on the phone. */
  certificatesShown: Array<{ personId: string; name: string; certNo: string; shownAt: string }>
  /** 文号 from the unit's counters (null until taken). */
  numbers: { notice: string | null; record: string | null; correction: string | null }
  items: Array<{ powerItemId: string; code: string; name: string; domain: string; outcome: string | null; note: string | null }>
  photos: Array<{ sha256: string; capturedAt: string; byteSize: number; mediaType: string }>
  findings: string | null
  result: string | null
  resultLabel: string | null
  correctionDeadline: string | null
  representativeName: string | null
  representativeConfirmedAt: string | null
  completedAt: string | null
  syncedAt: string | null
  lateSync: boolean
  overrideId: string | null
  jointId: string | null
  actions: string[]
}

export type Override = {
  id: string
  orgName: string
  enterpriseName: string
  rules: string[]
  violations: Array<{ rule: string; message: string }>
  reason: string
  status: string
  statusLabel: string
  validOn: string
  requestedBy: string | null
  requestedAt: string
  decidedBy: string | null
  decisionNote: string | null
  actions: string[]
}

export type HeldItem = { id: string; code: string; name: string; kind: string; domain: string }
export type PersonOption = { id: string; name: string }
