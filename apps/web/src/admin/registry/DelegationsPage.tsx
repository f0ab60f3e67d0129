import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { useMe } from '../auth/session'
import { DelegationForm } from './DelegationForm'
import { errorText, ReasonDialog, type ReasonRequest, useOpenParam } from './registry-shared'
import type { Delegation } from './registry-types'

type Filter = { q?: string; status?: string; page: number }

const statusColor: Record<Delegation['effectiveStatus'], string> = { active: 'green', revoked: 'default', expired: 'orange', not_yet_valid: 'blue' }

/** 委托管理: who entrusted whom with what, by which document, for how long (both parties see it). */
export function DelegationsPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = useMe().data
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const [creating, setCreating] = useState(false)
  const [openId, setOpenId] = useOpenParam()
  const [reason, setReason] = useState<ReasonRequest | null>(null)
  const list = useQuery({ queryKey: ['delegations', 'list', filter], queryFn: () => api.get<Page<Delegation>>('/api/delegations', { ...filter, pageSize: 20 }) })
  const refresh = () => client.invalidateQueries({ queryKey: ['delegations'] })
  const canCreate = me?.role === 'admin' || me?.role === 'supervisor' || me?.role === 'unit_head'
  const revoke = (d: Delegation) =>
    setReason({ title: `撤销委托 ${d.documentNo}`, okText: '撤销委托', danger: true, hint: '撤销后门户不再公示该委托', run: (r) => api.post(`/api/delegations/${d.id}/revoke`, { reason: r }) })

  return (
    <Card
      title="委托管理"
      extra={
        canCreate && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记委托
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="文号、标题、委托方或受委托方" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 280 }} />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 130 }}
          options={[
            { value: 'current', label: '有效' },
            { value: 'expired', label: '已到期' },
            { value: 'revoked', label: '已撤销' },
          ]}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
      </Space>
      <Table<Delegation>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '文号', dataIndex: 'documentNo', width: 190 },
          { title: '委托方', dataIndex: 'principalName' },
          { title: '受委托单位', dataIndex: 'agentName' },
          { title: '期限', width: 210, render: (_, d) => `${d.validFrom} 至 ${d.validTo}` },
          { title: '状态', width: 90, render: (_, d) => <Tag color={statusColor[d.effectiveStatus]}>{d.statusLabel}</Tag> },
          {
            title: '操作',
            width: 130,
            render: (_, d) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpenId(d.id)}>
                  查看
                </Button>
                {d.actions.includes('revoke') && (
                  <Button type="link" size="small" danger onClick={() => revoke(d)}>
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {openId && <DelegationDetail id={openId} onClose={() => setOpenId(null)} onRevoke={revoke} />}
      {creating && (
        <DelegationForm
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false)
            refresh()
          }}
        />
      )}
      <ReasonDialog
        request={reason}
        onClose={() => setReason(null)}
        onDone={() => {
          message.success('委托已撤销')
          setReason(null)
          refresh()
        }}
      />
    </Card>
  )
}

function DelegationDetail({ id, onClose, onRevoke }: { id: string; onClose: () => void; onRevoke: (d: Delegation) => void }) {
  const q = useQuery({ queryKey: ['delegations', 'one', id], queryFn: () => api.get<{ delegation: Delegation }>(`/api/delegations/${id}`) })
  const d = q.data?.delegation
  return (
    <Modal open title={d?.documentTitle ?? '委托'} onCancel={onClose} footer={null} width={680} loading={q.isLoading}>
      {q.isError && <Typography.Text type="danger">{errorText(q.error)}</Typography.Text>}
      {d && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'no', label: '文号', children: d.documentNo },
              { key: 'principal', label: '委托方', children: d.principalName },
              { key: 'agent', label: '受委托单位', children: d.agentName },
              { key: 'scope', label: '委托事项和权限', children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.scope}</Typography.Paragraph> },
              { key: 'term', label: '期限', children: `${d.validFrom} 至 ${d.validTo}` },
              { key: 'status', label: '状态', children: <Tag color={statusColor[d.effectiveStatus]}>{d.statusLabel}</Tag> },
              ...(d.status === 'revoked'
                ? [{ key: 'revoked', label: '撤销', children: `${d.revokedReason ?? ''}（${d.revokedByName ?? ''} · ${formatTime(d.revokedAt)}）` }]
                : []),
            ]}
          />
          {d.actions.includes('revoke') && (
            <Button danger style={{ marginTop: 16 }} onClick={() => onRevoke(d)}>
              撤销委托
            </Button>
          )}
        </>
      )}
    </Modal>
  )
}
