import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { inspectionPlanKinds, labels } from '@yangguang/core'
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, ApiError, type Page } from '../../shared/api'
import type { Me } from '../auth/session'
import type { Plan } from './inspection-types'
import { useHeldItems, useUnitOfficers } from './usePeople'

const statusColor: Record<string, string> = { draft: 'default', submitted: 'orange', approved: 'blue', published: 'green' }

/** 检查计划: a unit's annual and special plans — drafted, approved by the head, published, then scheduled. */
export function PlansPage() {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const me = client.getQueryData<Me>(['me'])
  const [year, setYear] = useState<number | undefined>(undefined)
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<Plan | null>(null)
  const [scheduling, setScheduling] = useState<Plan | null>(null)
  const list = useQuery({ queryKey: ['inspection-plans', year], queryFn: () => api.get<{ items: Plan[] }>('/api/inspection-plans', { year }) })
  const refresh = () => client.invalidateQueries({ queryKey: ['inspection-plans'] })
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')
  const isUnitStaff = me?.role === 'officer' || me?.role === 'unit_head'

  const move = (p: Plan, action: string) => {
    const run = (note: string | null) => api.post(`/api/inspection-plans/${p.id}/${action}`, { note }).then(() => (message.success('已完成'), refresh()))
    if (action !== 'reject') return run(null).catch(fail)
    let note = ''
    modal.confirm({ title: `退回《${p.title}》`, content: <Input.TextArea placeholder="退回原因" onChange={(e) => (note = e.target.value)} />, onOk: () => run(note).catch((e) => (fail(e), Promise.reject(e))) })
  }
  const moveLabel: Record<string, string> = { submit: '提交审批', approve: '批准', reject: '退回', publish: '公布' }

  return (
    <Card title="检查计划" extra={isUnitStaff && <Button type="primary" onClick={() => setCreating(true)}>编制计划</Button>}>
      <Space style={{ marginBottom: 16 }}>
        <Select placeholder="年度" allowClear style={{ width: 120 }} options={[2025, 2026, 2027].map((y) => ({ value: y, label: `${y}年` }))} onChange={setYear} />
      </Space>
      <Table<Plan>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 960 }}
        columns={[
          { title: '计划', render: (_, p) => <Button type="link" onClick={() => setOpen(p)}>{p.title}</Button> },
          { title: '单位', dataIndex: 'orgName' },
          { title: '类别', dataIndex: 'kindLabel', width: 120 },
          { title: '月份', render: (_, p) => p.months.join('、'), width: 140 },
          { title: '对象', render: (_, p) => (p.targetMode === 'sampling' ? `抽取 ${p.samplingRule?.count ?? 0} 户${p.status === 'published' ? `（已抽 ${p.targetCount}）` : ''}` : `${p.targetCount} 户`) },
          { title: '已完成', dataIndex: 'doneCount', width: 80 },
          { title: '状态', render: (_, p) => <Tag color={statusColor[p.status]}>{p.statusLabel}</Tag>, width: 90 },
          {
            title: '操作',
            render: (_, p) => (
              <Space size={0} wrap>
                {p.actions.filter((a) => moveLabel[a]).map((a) => (
                  <Button key={a} type="link" size="small" danger={a === 'reject'} onClick={() => move(p, a)}>
                    {moveLabel[a]}
                  </Button>
                ))}
                {p.actions.includes('schedule') && (
                  <Button type="link" size="small" onClick={() => setScheduling(p)}>
                    安排任务
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && <PlanForm onClose={() => setCreating(false)} onSaved={refresh} />}
      {open && <PlanDrawer plan={open} onClose={() => setOpen(null)} />}
      {scheduling && <ScheduleForm plan={scheduling} orgId={me?.orgId} onClose={() => setScheduling(null)} onSaved={refresh} />}
    </Card>
  )
}

function PlanForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const items = useHeldItems(true)
  const [mode, setMode] = useState<'list' | 'sampling'>('list')
  const [search, setSearch] = useState('')
  const enterprises = useQuery({ queryKey: ['enterprises', 'pick', search], queryFn: () => api.get<Page<{ id: string; name: string; creditCode: string }>>('/api/enterprises', { q: search, pageSize: 50 }) })
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post('/api/inspection-plans', {
        ...v,
        samplingRule: mode === 'sampling' ? { count: v.count, industry: v.industry || null } : null,
        count: undefined,
        industry: undefined,
      }),
    onSuccess: () => {
      message.success('计划已保存为草稿')
      onSaved()
      onClose()
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : '保存失败'),
  })
  return (
    <Modal open title="编制检查计划" onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Form layout="vertical" initialValues={{ year: new Date().getFullYear() + 1, kind: 'annual', targetMode: 'list', months: [3, 6, 9] }} onFinish={(v) => save.mutate(v)}>
        <Space.Compact block>
          <Form.Item name="year" label="年度" rules={[{ required: true }]} style={{ width: 120 }}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={inspectionPlanKinds.map((k) => ({ value: k, label: labels.inspectionPlanKind[k] }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label="计划名称" rules={[{ required: true, min: 4 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="powerItemIds" label="检查事项（限本单位权责清单）" rules={[{ required: true }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="months" label="检查月份" rules={[{ required: true }]}>
          <Select mode="multiple" options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} />
        </Form.Item>
        <Form.Item name="targetMode" label="检查对象">
          <Radio.Group onChange={(e) => setMode(e.target.value)}>
            <Radio value="list">指定名单</Radio>
            <Radio value="sampling">按规则随机抽取（公布时抽取，可复核）</Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'list' ? (
          <Form.Item name="enterpriseIds" label="企业" rules={[{ required: true }]}>
            <Select mode="multiple" showSearch={{ filterOption: false, onSearch: setSearch }} options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))} />
          </Form.Item>
        ) : (
          <Space.Compact block>
            <Form.Item name="count" label="抽取户数" rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="industry" label="行业（选填）" style={{ flex: 1 }}>
              <Input />
            </Form.Item>
          </Space.Compact>
        )}
        <Button type="primary" htmlType="submit" block loading={save.isPending}>
          保存草稿
        </Button>
      </Form>
    </Modal>
  )
}

function PlanDrawer({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const detail = useQuery({ queryKey: ['inspection-plans', 'one', plan.id], queryFn: () => api.get<{ items: Array<{ id: string; code: string; name: string }>; targets: Array<{ id: string; name: string; creditCode: string }> }>(`/api/inspection-plans/${plan.id}`) })
  return (
    <Drawer open title={plan.title} onClose={onClose} size={560}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="单位">{plan.orgName}</Descriptions.Item>
        <Descriptions.Item label="类别">{plan.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="月份">{plan.months.join('、')}月</Descriptions.Item>
        <Descriptions.Item label="状态">{plan.statusLabel}{plan.statusNote ? `（${plan.statusNote}）` : ''}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>检查事项</Typography.Title>
      <ul>{detail.data?.items.map((i) => <li key={i.id}>{i.code} {i.name}</li>)}</ul>
      <Typography.Title level={5}>检查对象（{detail.data?.targets.length ?? 0}）</Typography.Title>
      <Table size="small" rowKey="id" pagination={{ pageSize: 10 }} dataSource={detail.data?.targets} columns={[{ title: '名称', dataIndex: 'name' }, { title: '信用代码', dataIndex: 'creditCode' }]} />
    </Drawer>
  )
}

function ScheduleForm({ plan, orgId, onClose, onSaved }: { plan: Plan; orgId: string | null | undefined; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const officers = useUnitOfficers(orgId)
  const detail = useQuery({ queryKey: ['inspection-plans', 'one', plan.id], queryFn: () => api.get<{ targets: Array<{ id: string; name: string }> }>(`/api/inspection-plans/${plan.id}`) })
  return (
    <Modal open title={`安排检查任务：${plan.title}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        layout="vertical"
        onFinish={(v: { enterpriseIds: string[]; date: { format: (f: string) => string }; officerIds: string[] }) =>
          api
            .post<{ taskIds: string[] }>(`/api/inspection-plans/${plan.id}/tasks`, { enterpriseIds: v.enterpriseIds, plannedDate: v.date.format('YYYY-MM-DD'), officerIds: v.officerIds })
            .then((r) => {
              message.success(`已安排 ${r.taskIds.length} 项任务`)
              onSaved()
              onClose()
            })
            .catch((e) => message.error(e instanceof ApiError ? e.message : '安排失败'))
        }
      >
        <Form.Item name="enterpriseIds" label="企业" rules={[{ required: true }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(detail.data?.targets ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        <Form.Item name="date" label={`计划日期（${plan.months.join('、')}月）`} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="officerIds" label="执法人员（至少两名持证人员）" rules={[{ required: true, type: 'array', min: 2 }]}>
          <Select mode="multiple" options={officers} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          安排
        </Button>
      </Form>
    </Modal>
  )
}
