import { useQuery, useQueryClient } from '@tanstack/react-query'
import { inspectionStatuses, inspectionTriggers, labels } from '@yangguang/core'
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, ApiError, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import type { Me } from '../auth/session'
import type { Inspection, Override } from './inspection-types'
import { useHeldItems, useUnitOfficers } from './usePeople'

const statusColor: Record<string, string> = { pending_approval: 'orange', scheduled: 'blue', in_progress: 'processing', completed: 'green', rejected: 'red', cancelled: 'default' }

/** 检查任务与记录: tasks, records, ad-hoc approvals, overrides and joint-inspection proposals of a unit. */
export function InspectionsPage() {
  const client = useQueryClient()
  const me = client.getQueryData<Me>(['me'])
  const unitStaff = me?.role === 'officer' || me?.role === 'unit_head'
  return (
    <Card title="检查任务与记录">
      <Tabs
        items={[
          { key: 'list', label: '检查任务与记录', children: <InspectionList unitStaff={unitStaff} me={me} /> },
          { key: 'overrides', label: '例外放行', children: <OverrideList /> },
          ...(unitStaff ? [{ key: 'joint', label: '综合查一次', children: <JointProposals /> }] : []),
        ]}
      />
    </Card>
  )
}

function InspectionList({ unitStaff, me }: { unitStaff: boolean; me: Me | undefined }) {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const [filter, setFilter] = useState<{ q?: string; status?: string; year?: number; page: number }>({ page: 1 })
  const [open, setOpen] = useState<string | null>(new URLSearchParams(location.search).get('id'))
  const [creating, setCreating] = useState(false)
  const list = useQuery({ queryKey: ['inspections', filter], queryFn: () => api.get<Page<Inspection>>('/api/inspections', { ...filter, pageSize: 20 }) })
  const refresh = () => client.invalidateQueries({ queryKey: ['inspections'] })
  const decide = (i: Inspection, verb: 'approve' | 'reject') => {
    let note = ''
    modal.confirm({
      title: `${verb === 'approve' ? '批准' : '不批准'}临时性检查：${i.enterprise.name}`,
      content: <Input.TextArea placeholder="意见" onChange={(e) => (note = e.target.value)} />,
      onOk: () =>
        api
          .post(`/api/inspections/${i.id}/${verb}`, { note: note || null })
          .then(() => (message.success('已处理'), refresh()))
          .catch((e) => (message.error(e instanceof ApiError ? e.message : '失败'), Promise.reject(e))),
    })
  }
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="企业名称或信用代码" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 220 }} />
        <Select placeholder="状态" allowClear style={{ width: 130 }} options={inspectionStatuses.map((s) => ({ value: s, label: labels.inspectionStatus[s] }))} onChange={(status) => setFilter({ ...filter, status, page: 1 })} />
        <Select placeholder="年度" allowClear style={{ width: 110 }} options={[2025, 2026].map((y) => ({ value: y, label: `${y}年` }))} onChange={(year) => setFilter({ ...filter, year, page: 1 })} />
        {unitStaff && <Button onClick={() => setCreating(true)}>申请临时性检查</Button>}
      </Space>
      <Table<Inspection>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '日期', render: (_, i) => i.inspectionDate ?? `计划 ${i.plannedDate}`, width: 130 },
          { title: '企业', render: (_, i) => <Button type="link" onClick={() => setOpen(i.id)}>{i.enterprise.name}</Button> },
          { title: '单位', dataIndex: 'orgName' },
          { title: '类型', render: (_, i) => `${i.kindLabel}${i.trigger ? `（${labels.inspectionTrigger[i.trigger]}）` : ''}` },
          { title: '人员', render: (_, i) => (i.officers.length ? i.officers : i.assigned).map((o) => o.name).join('、') },
          {
            title: '状态',
            render: (_, i) => (
              <Space size={2} wrap>
                <Tag color={statusColor[i.status]}>{i.statusLabel}</Tag>
                {i.resultLabel && <Tag>{i.resultLabel}</Tag>}
                {i.scanMethod === 'typed' && <Tag color="orange">未扫码</Tag>}
                {i.lateSync && <Tag color="red">迟报</Tag>}
                {i.overrideId && <Tag color="purple">例外放行</Tag>}
                {i.jointId && <Tag color="cyan">联合检查</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, i) => (
              <Space size={0}>
                {i.actions.includes('approve') && <Button type="link" size="small" onClick={() => decide(i, 'approve')}>批准</Button>}
                {i.actions.includes('reject') && <Button type="link" size="small" danger onClick={() => decide(i, 'reject')}>不批准</Button>}
              </Space>
            ),
          },
        ]}
      />
      {open && <InspectionDrawer id={open} onClose={() => setOpen(null)} />}
      {creating && <AdHocForm orgId={me?.orgId} onClose={() => setCreating(false)} onSaved={refresh} />}
    </>
  )
}

function InspectionDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useQuery({ queryKey: ['inspections', 'one', id], queryFn: () => api.get<{ inspection: Inspection }>(`/api/inspections/${id}`) })
  const docs = useQuery({ queryKey: ['inspections', 'docs', id], queryFn: () => api.get<{ documents: Array<{ type: string; title: string; number: string; fields: Record<string, unknown> }> }>(`/api/inspections/${id}/documents`) })
  const i = detail.data?.inspection
  return (
    <Drawer open onClose={onClose} size={640} title={i ? `${i.enterprise.name} · ${i.statusLabel}` : '检查详情'}>
      {i && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="单位">{i.orgName}</Descriptions.Item>
            <Descriptions.Item label="任务来源">{i.kindLabel}{i.planTitle ? `《${i.planTitle}》` : ''}{i.trigger ? `（${labels.inspectionTrigger[i.trigger]}：${i.triggerNote ?? ''}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="入企">{i.scannedAt ? `${formatTime(i.scannedAt)}（${i.scanMethod === 'qr' ? '扫码' : '手工输入代码'}）` : `计划 ${i.plannedDate}`}</Descriptions.Item>
            <Descriptions.Item label="执法人员">{i.officers.map((o) => `${o.name}（${o.certNo ?? '无证'}）`).join('、') || i.assigned.map((a) => a.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label="亮证">{i.certificatesShown.length > 0 ? i.certificatesShown.map((c) => <div key={c.personId}>{c.name} 出示执法证 {c.certNo}（{formatTime(c.shownAt)}）</div>) : '—'}</Descriptions.Item>
            <Descriptions.Item label="文号">{[i.numbers.notice, i.numbers.record, i.numbers.correction].filter(Boolean).join('；') || '入企检查时编号'}</Descriptions.Item>
            <Descriptions.Item label="检查事项">{i.items.map((x) => <div key={x.powerItemId}>{x.name}{x.outcome ? ` — ${x.outcome === 'ok' ? '符合' : x.outcome === 'issue' ? `发现问题${x.note ? `：${x.note}` : ''}` : '不适用'}` : ''}</div>)}</Descriptions.Item>
            <Descriptions.Item label="检查情况">{i.findings ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="结果">{i.resultLabel ?? '—'}{i.correctionDeadline ? `（期限 ${i.correctionDeadline}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="企业确认">{i.representativeName ? `${i.representativeName} ${formatTime(i.representativeConfirmedAt)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="采集 / 同步">{formatTime(i.completedAt)} / {formatTime(i.syncedAt)}{i.lateSync ? '（迟报）' : ''}{i.offlineReason ? `；${i.offlineReason}` : ''}</Descriptions.Item>
          </Descriptions>
          {i.photos.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>现场照片（SHA-256 在拍摄时计算）</Typography.Title>
              <Space wrap>
                {i.photos.map((p) => (
                  <a key={p.sha256} href={`/api/inspection-files/${p.sha256}`} target="_blank" rel="noreferrer" title={p.sha256}>
                    <img src={`/api/inspection-files/${p.sha256}`} alt={p.sha256} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 6 }} />
                  </a>
                ))}
              </Space>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>检查文书（数据）</Typography.Title>
          {docs.data?.documents.map((d) => (
            <Card key={d.type} size="small" title={`${d.title} ${d.number}`} style={{ marginBottom: 8 }}>
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{JSON.stringify(d.fields, null, 2)}</pre>
            </Card>
          ))}
        </>
      )}
    </Drawer>
  )
}

function AdHocForm({ orgId, onClose, onSaved }: { orgId: string | null | undefined; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const items = useHeldItems(true)
  const officers = useUnitOfficers(orgId)
  const [search, setSearch] = useState('')
  const enterprises = useQuery({ queryKey: ['enterprises', 'pick', search], queryFn: () => api.get<Page<{ id: string; name: string; creditCode: string }>>('/api/enterprises', { q: search, pageSize: 50 }) })
  return (
    <Modal open title="申请临时性检查" onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        layout="vertical"
        onFinish={(v: { enterpriseId: string; trigger: string; triggerNote: string; powerItemIds: string[]; date: { format: (f: string) => string }; officerIds: string[] }) =>
          api
            .post('/api/inspections/ad-hoc', { ...v, date: undefined, plannedDate: v.date.format('YYYY-MM-DD') })
            .then(() => (message.success('已提交'), onSaved(), onClose()))
            .catch((e) => message.error(e instanceof ApiError ? e.message : '提交失败'))
        }
      >
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true }]}>
          <Select showSearch={{ filterOption: false, onSearch: setSearch }} options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))} />
        </Form.Item>
        <Form.Item name="trigger" label="启动事由" rules={[{ required: true }]}>
          <Select options={inspectionTriggers.map((t) => ({ value: t, label: labels.inspectionTrigger[t] }))} />
        </Form.Item>
        <Form.Item name="triggerNote" label="事由说明" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="powerItemIds" label="检查事项" rules={[{ required: true }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="date" label="计划日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="officerIds" label="执法人员（至少两名）" rules={[{ required: true, type: 'array', min: 2 }]}>
          <Select mode="multiple" options={officers} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          提交单位负责人审批
        </Button>
      </Form>
    </Modal>
  )
}

function OverrideList() {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const list = useQuery({ queryKey: ['inspection-overrides'], queryFn: () => api.get<{ items: Override[] }>('/api/inspection-overrides') })
  const decide = (o: Override, verb: 'approve' | 'reject') => {
    let note = ''
    modal.confirm({
      title: `${verb === 'approve' ? '批准' : '驳回'}例外放行：${o.enterpriseName}`,
      content: <Input.TextArea placeholder="理由（必填，报司法局）" onChange={(e) => (note = e.target.value)} />,
      onOk: () =>
        api
          .post(`/api/inspection-overrides/${o.id}/${verb}`, { note })
          .then(() => (message.success('已处理'), client.invalidateQueries({ queryKey: ['inspection-overrides'] })))
          .catch((e) => (message.error(e instanceof ApiError ? e.message : '失败'), Promise.reject(e))),
    })
  }
  return (
    <Table<Override>
      rowKey="id"
      loading={list.isLoading}
      dataSource={list.data?.items}
      scroll={{ x: 900 }}
      columns={[
        { title: '日期', dataIndex: 'validOn', width: 110 },
        { title: '单位', dataIndex: 'orgName' },
        { title: '企业', dataIndex: 'enterpriseName' },
        { title: '放行的规则', render: (_, o) => o.violations.map((v) => <div key={v.rule}>{v.message}</div>) },
        { title: '理由', dataIndex: 'reason' },
        { title: '状态', render: (_, o) => <Tag>{o.statusLabel}</Tag> },
        { title: '审批', render: (_, o) => (o.decidedBy ? `${o.decidedBy}：${o.decisionNote ?? ''}` : '—') },
        {
          title: '操作',
          render: (_, o) => (
            <Space size={0}>
              {o.actions.includes('approve') && <Button type="link" size="small" onClick={() => decide(o, 'approve')}>批准</Button>}
              {o.actions.includes('reject') && <Button type="link" size="small" danger onClick={() => decide(o, 'reject')}>驳回</Button>}
            </Space>
          ),
        },
      ]}
    />
  )
}

type Proposal = { enterpriseId: string; enterpriseName: string; jointId: string | null; tasks: Array<{ taskId: string; orgId: string; orgName: string; plannedDate: string; joined: boolean }> }

function JointProposals() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = client.getQueryData<Me>(['me'])
  const list = useQuery({ queryKey: ['joint-proposals'], queryFn: () => api.get<{ items: Proposal[] }>('/api/inspections/joint-proposals') })
  const join = (p: Proposal, taskId: string, plannedDate: string) =>
    api
      .post('/api/joint-inspections', { taskId, jointId: p.jointId, plannedDate })
      .then(() => (message.success(p.jointId ? '已加入联合检查' : '已发起联合检查'), client.invalidateQueries({ queryKey: ['joint-proposals'] })))
      .catch((e) => message.error(e instanceof ApiError ? e.message : '失败'))
  return (
    <Table<Proposal>
      rowKey="enterpriseId"
      loading={list.isLoading}
      dataSource={list.data?.items}
      locale={{ emptyText: '暂无多个单位在同一窗口期计划检查同一企业的情况' }}
      columns={[
        { title: '企业', dataIndex: 'enterpriseName' },
        { title: '各单位计划', render: (_, p) => p.tasks.map((t) => <div key={t.taskId}>{t.orgName} {t.plannedDate} {t.joined && <Tag color="cyan">已加入</Tag>}</div>) },
        {
          title: '操作',
          render: (_, p) => {
            const own = p.tasks.find((t) => t.orgId === me?.orgId && !t.joined)
            if (!own) return null
            return <Button size="small" onClick={() => join(p, own.taskId, own.plannedDate)}>{p.jointId ? '加入联合检查' : '发起综合查一次'}</Button>
          },
        },
      ]}
    />
  )
}
