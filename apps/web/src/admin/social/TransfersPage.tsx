import { useQuery, useQueryClient } from '@tanstack/react-query'
import { labels } from '@yangguang/core'
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import type { Me } from '../auth/session'
import { useOrgOptions } from '../shared/useOrgOptions'
import type { Transfer } from './social-types'

const statusColor: Record<string, string> = { pending: 'orange', accepted: 'green', refused: 'red' }

/** 线索和案件移送 between units and between the city and townships, with acceptance deadlines. */
export function TransfersPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = client.getQueryData<Me>(['me'])
  const list = useQuery({ queryKey: ['transfers'], queryFn: () => api.get<{ items: Transfer[] }>('/api/transfers') })
  const [creating, setCreating] = useState(false)
  const refresh = () => client.invalidateQueries({ queryKey: ['transfers'] })
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')
  const decide = (t: Transfer, decision: 'accept' | 'refuse') => {
    let note = ''
    Modal.confirm({
      title: `${decision === 'accept' ? '接收' : '拒绝接收'}《${t.title}》`,
      content: <Input.TextArea placeholder={decision === 'accept' ? '说明（选填）' : '拒收理由（必填）'} onChange={(e) => (note = e.target.value)} />,
      onOk: () => api.post(`/api/transfers/${t.id}/${decision}`, { note }).then(() => (message.success('已办理'), refresh())).catch((e) => (fail(e), Promise.reject(e))),
    })
  }
  const canCreate = me && ['unit_head', 'officer', 'supervisor'].includes(me.role)
  return (
    <Card title="线索和案件移送" extra={canCreate && <Button type="primary" onClick={() => setCreating(true)}>移送线索</Button>}>
      <Table<Transfer>
        rowKey={(t) => `${t.source}:${t.id}`}
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1100 }}
        columns={[
          { title: '事项', render: (_, t) => <span>{t.title}{t.caseNo && <div style={{ color: '#888' }}>{t.caseNo}</div>}</span> },
          { title: '类别', render: (_, t) => <span>{t.kindLabel}{t.source === 'penalty_case' && <Tag style={{ marginLeft: 4 }}>案件办理</Tag>}</span>, width: 150 },
          { title: '移送单位', dataIndex: 'fromName', width: 180 },
          { title: '接收单位', dataIndex: 'toName', width: 180 },
          { title: '层级', dataIndex: 'direction', width: 110 },
          { title: '移送日期', dataIndex: 'transferredOn', width: 110 },
          { title: '接收期限', render: (_, t) => (t.acceptDueOn ? <span>{t.acceptDueOn} {t.overdue && <Tag color="red">逾期</Tag>}</span> : '—'), width: 140 },
          { title: '状态', render: (_, t) => <span><Tag color={statusColor[t.status]}>{t.statusLabel}</Tag>{t.decisionNote && <div style={{ color: '#888' }}>{t.decisionNote}</div>}</span>, width: 160 },
          { title: '操作', render: (_, t) => <Space size={0}>{t.actions.includes('accept') && <Button type="link" size="small" onClick={() => decide(t, 'accept')}>接收</Button>}{t.actions.includes('refuse') && <Button type="link" size="small" danger onClick={() => decide(t, 'refuse')}>拒收</Button>}</Space>, width: 120 },
        ]}
      />
      {creating && <CreateTransfer onClose={() => setCreating(false)} onSaved={refresh} />}
    </Card>
  )
}

function CreateTransfer({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const orgs = useOrgOptions()
  const all = useQuery({ queryKey: ['orgs', 'options'], queryFn: () => api.get<{ items: Array<{ id: string; name: string }> }>('/api/orgs/options'), staleTime: 300_000 })
  return (
    <Modal open title="移送线索" footer={null} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical" initialValues={{ kind: 'clue' }} onFinish={(v: Record<string, unknown>) => api.post('/api/transfers', { ...v, acceptDays: v.acceptDays || null }).then(() => (message.success('已移送'), onSaved(), onClose())).catch((e) => message.error(e instanceof ApiError ? e.message : '移送失败'))}>
        <Form.Item name="kind" label="类别"><Select options={[{ value: 'clue', label: labels.transferKind.clue }, { value: 'case', label: `${labels.transferKind.case}（平台外的纸质案件）` }]} /></Form.Item>
        <Form.Item name="toOrgId" label="接收单位" rules={[{ required: true }]}><Select showSearch={{ optionFilterProp: 'label' }} options={(all.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })).concat(orgs.length && !all.data ? orgs : [])} /></Form.Item>
        <Form.Item name="title" label="事项" rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="reason" label="移送理由" rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="acceptDays" label="接收期限（工作日，留空按设置，一般 5 个工作日）"><InputNumber min={1} max={30} /></Form.Item>
        <Button type="primary" htmlType="submit" block>移送</Button>
      </Form>
    </Modal>
  )
}
