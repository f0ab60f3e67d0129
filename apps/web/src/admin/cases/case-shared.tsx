import { useQuery } from '@tanstack/react-query'
import { type CaseStatus, formatYuan, type PartyKind, parseYuanToFen } from '@yangguang/core'
import { Col, Form, type FormRule, Input, Space, Tag, Tooltip } from 'antd'
import { api, ApiError, type Page } from '../../shared/api'
import type { DeadlineState, NextDeadline } from './case-types'

const statusColors: Record<CaseStatus, string> = {
  registered: 'default',
  filing_approval: 'orange',
  investigating: 'processing',
  under_review: 'blue',
  notified: 'cyan',
  hearing: 'purple',
  legal_review: 'geekblue',
  pending_decision: 'gold',
  decided: 'magenta',
  executing: 'processing',
  enforcement: 'volcano',
  closed: 'green',
  archived: 'default',
  not_filed: 'default',
  terminated: 'default',
  transferred: 'default',
  suspended: 'warning',
  revoked: 'red',
}

/** A case's status as a coloured tag; the label comes from the server (core's `labels.caseStatus`). */
export function CaseStatusTag({ status, label }: { status: CaseStatus; label: string }) {
  return <Tag color={statusColors[status]}>{label}</Tag>
}

/**
 * How urgent a deadline looks: red once overdue, orange with three days or fewer left (the
 * server's `state`, or the days left when it gives none), plain otherwise.
 */
export function deadlineColor(state: DeadlineState | null | undefined, daysLeft?: number | null): string | undefined {
  const s = state ?? (daysLeft === null || daysLeft === undefined ? null : daysLeft < 0 ? 'overdue' : daysLeft <= 3 ? 'due_soon' : 'ok')
  if (s === 'overdue') return 'red'
  if (s === 'due_soon') return 'orange'
  return undefined
}

/** "还剩 N 天" / "今日到期" / "已超期 N 天". */
export function daysLeftText(daysLeft: number | null | undefined, unit = '天'): string {
  if (daysLeft === null || daysLeft === undefined) return ''
  if (daysLeft < 0) return `已超期 ${-daysLeft} ${unit}`
  if (daysLeft === 0) return '今日到期'
  return `还剩 ${daysLeft} ${unit}`
}

/** The deadline a list row shows: its name, then the due date, days left in colour, and the provisional flag. */
export function DeadlineBadge({ deadline }: { deadline: NextDeadline | null | undefined }) {
  if (!deadline) return <span style={{ color: '#999' }}>—</span>
  const color = deadlineColor(deadline.state, deadline.daysLeft)
  return (
    <>
      <div style={{ fontSize: 12, color: '#666' }}>{deadline.label}</div>
      <Space size={4} wrap>
        <span style={{ whiteSpace: 'nowrap' }}>{deadline.dueOn}</span>
        <Tag color={color ?? 'default'} data-testid="days-left" style={{ marginInlineEnd: 0 }}>
          {daysLeftText(deadline.daysLeft)}
        </Tag>
        {deadline.provisional && (
          <Tooltip title="期限涉及尚未公布节假日安排的年份，按无调休推算，公布后须复核">
            <Tag color="warning">暂定</Tag>
          </Tooltip>
        )}
      </Space>
    </>
  )
}

/** `12,345.60 元`, or a dash for nothing. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `${formatYuan(fen)} 元`
}

/** A form rule that accepts what `parseYuanToFen` accepts and shows its Chinese message otherwise. */
export function yuanRule(required = true): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if ((value === undefined || value === null || value === '') && !required) return
      const parsed = parseYuanToFen(typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value))
      if (!parsed.ok) throw new Error(parsed.message)
    },
  }
}

/** Yuan text typed in a form → fen (validated before by {@link yuanRule}); empty → null. */
export function toFen(value: string | null | undefined): number | null {
  if (value === undefined || value === null || value.trim() === '') return null
  const parsed = parseYuanToFen(value)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.fen
}

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : '操作失败，请稍后重试'
}

type Person = { id: string; name: string; status: string; currentCertificate: { certNo: string; effectiveStatus: string; validTo: string } | null }

/**
 * The unit's active officers as options, each with its 执法证 number (art. 42 needs two certified
 * officers; an officer without a valid certificate is shown but disabled).
 */
export function useCertifiedOfficers(orgId: string | null | undefined) {
  const q = useQuery({
    queryKey: ['persons', 'unit', 'certified', orgId],
    enabled: Boolean(orgId),
    queryFn: () => api.get<Page<Person>>('/api/persons', { orgId: orgId ?? undefined, status: 'active', pageSize: 200 }),
    staleTime: 300_000,
  })
  return (q.data?.items ?? []).map((p) => {
    const cert = p.currentCertificate
    const valid = cert?.effectiveStatus === 'valid'
    return { value: p.id, label: `${p.name}（${cert ? `执法证 ${cert.certNo}${valid ? '' : ' 无效'}` : '无执法证'}）`, disabled: !valid, name: p.name }
  })
}

type HeldItem = { id: string; code: string; name: string; kind: string; domain: string }

/** The 行政处罚 items the caller's unit holds (清单之外无权力: nothing else can be a case's 案由). */
export function usePenaltyItems(enabled = true) {
  const q = useQuery({ queryKey: ['inspection-plans', 'held-items', 'penalty'], enabled, queryFn: () => api.get<{ items: HeldItem[] }>('/api/inspection-plans/held-items?kind=penalty'), staleTime: 300_000 })
  return q.data?.items ?? []
}

/** `YYYY-MM-DD` from a dayjs value a DatePicker gives, or null. */
export function dateOf(value: { format: (f: string) => string } | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null
}

/** The party as a case form holds it (线索登记 and 简易程序 alike). */
export type PartyValues = {
  partyKind: PartyKind
  partyName: string
  partyIdNumber?: string
  partyCreditCode?: string
  partyLegalRep?: string
  partyAddress?: string
  partyPhone?: string
}

/**
 * The party's fields as columns of the caller's `Row`: name, then the 公民身份号码 of a person or the
 * 统一社会信用代码 and 法定代表人 of an organization, the address, and the phone when `withPhone`.
 */
export function PartyFields({ partyKind, withPhone = false }: { partyKind: PartyKind | undefined; withPhone?: boolean }) {
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="partyName" label={partyKind === 'person' ? '姓名' : '名称'} rules={[{ required: true, message: '请填写当事人' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {partyKind === 'person' ? (
          <Form.Item name="partyIdNumber" label="公民身份号码" rules={[{ required: true, len: 18, message: '请填写18位公民身份号码' }]}>
            <Input maxLength={18} />
          </Form.Item>
        ) : (
          <Form.Item name="partyCreditCode" label="统一社会信用代码" rules={[{ required: true, len: 18, message: '请填写18位统一社会信用代码' }]}>
            <Input maxLength={18} />
          </Form.Item>
        )}
      </Col>
      {partyKind === 'organization' && (
        <Col xs={24} md={12}>
          <Form.Item name="partyLegalRep" label="法定代表人（负责人）" rules={[{ required: true, message: '请填写法定代表人' }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="partyAddress" label="住所（地址）">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      {withPhone && (
        <Col xs={24} md={12}>
          <Form.Item name="partyPhone" label="联系电话">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      )}
    </>
  )
}

/** The request's `party` from the form's party fields. */
export function partyOf(v: PartyValues) {
  return v.partyKind === 'person'
    ? { kind: 'person' as const, name: v.partyName, idNumber: v.partyIdNumber, address: v.partyAddress || null, phone: v.partyPhone || null }
    : { kind: 'organization' as const, name: v.partyName, creditCode: v.partyCreditCode, legalRep: v.partyLegalRep, address: v.partyAddress || null, phone: v.partyPhone || null }
}
