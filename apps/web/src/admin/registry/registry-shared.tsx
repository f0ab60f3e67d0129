import { useQuery } from '@tanstack/react-query'
import type { CertificateEffectiveStatus, EntityStatus } from '@yangguang/core'
import { Button, Form, Input, Modal, Tag } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { api, ApiError, type Page } from '../../shared/api'
import type { Org, OrgOption, Region } from './registry-types'

/** The region tree (flat, in tree order); public and rarely changes. */
export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: () => api.get<{ items: Region[] }>('/api/regions'), staleTime: 600_000 })
}

/** Township options under 禄丰市 and the county itself, for filters. */
export function useTownshipOptions(countyCode = '532331') {
  const regions = useRegions()
  const items = regions.data?.items ?? []
  const county = items.find((r) => r.code === countyCode)
  return [
    ...(county ? [{ value: county.code, label: `${county.name}（全市）` }] : []),
    ...items.filter((r) => r.parentCode === countyCode).map((r) => ({ value: r.code, label: r.name })),
  ]
}

/** Every region below the province, indented by level, for forms. */
export function useRegionOptions() {
  const regions = useRegions()
  const depth = { province: 0, prefecture: 1, county: 2, township: 3 } as const
  return (regions.data?.items ?? []).map((r) => ({ value: r.code, label: `${'\u3000'.repeat(depth[r.level])}${r.name}` }))
}

/** Units in the signed-in user's scope (for forms that act on one's own units). */
export function useScopedOrgs() {
  return useQuery({ queryKey: ['orgs', 'all'], queryFn: () => api.get<Page<Org>>('/api/orgs', { pageSize: 200 }), staleTime: 300_000 })
}

/** Every unit's name (the counterpart of a delegation may be outside one's scope). */
export function useAllOrgOptions() {
  const q = useQuery({ queryKey: ['orgs', 'options'], queryFn: () => api.get<{ items: OrgOption[] }>('/api/orgs/options'), staleTime: 300_000 })
  return (q.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))
}

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : '操作失败，请稍后重试'
}

const entityColors: Record<EntityStatus, string> = { draft: 'default', audited: 'blue', confirmed: 'purple', published: 'green' }

export function EntityStatusTag({ status, label }: { status: EntityStatus; label: string }) {
  return <Tag color={entityColors[status]}>{label}</Tag>
}

const certificateColors: Record<CertificateEffectiveStatus, string> = { valid: 'green', suspended: 'orange', cancelled: 'default', expired: 'red', not_yet_valid: 'blue' }

export function CertificateStatusTag({ status, label }: { status: CertificateEffectiveStatus; label: string }) {
  return <Tag color={certificateColors[status]}>{label}</Tag>
}

export type ReasonRequest = { title: string; okText?: string; danger?: boolean; hint?: string; run: (reason: string) => Promise<unknown> }

/**
 * A dialog that asks for the reason an action needs (退回、撤销、暂扣、注销 …) and runs it; the
 * server's Chinese message is shown when it refuses.
 */
export function ReasonDialog({ request, onClose, onDone }: { request: ReasonRequest | null; onClose: () => void; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!request) return null
  return (
    <Modal open title={request.title} onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        layout="vertical"
        onFinish={async (v: { reason: string }) => {
          setBusy(true)
          setError(null)
          try {
            await request.run(v.reason)
            onDone()
          } catch (e) {
            setError(errorText(e))
          } finally {
            setBusy(false)
          }
        }}
      >
        <Form.Item name="reason" label="原因" extra={request.hint} rules={[{ required: true, min: 2, message: '请填写原因（至少2个字）' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {error && <div style={{ color: '#c8102e', marginBottom: 12 }}>{error}</div>}
        <Button type="primary" danger={request.danger} htmlType="submit" loading={busy} block>
          {request.okText ?? '确定'}
        </Button>
      </Form>
    </Modal>
  )
}

/**
 * The record a drawer shows, kept in `?open=<id>` so to-do links and reloads open it again.
 *
 * @example
 * const [openId, setOpenId] = useOpenParam()
 */
export function useOpenParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const set = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (id) next.set('open', id)
        else next.delete('open')
        return next
      },
      { replace: !id },
    )
  return [params.get('open'), set]
}
