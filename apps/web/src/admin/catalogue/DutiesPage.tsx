import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { dutyCategories, type DutyCategory, labels } from '@yangguang/core'
import { App, Button, Card, Col, Form, Input, Modal, Radio, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { api, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { AdjustmentStatusTag, errorText, OpTag } from './catalogue-shared'
import type { DutyAdjustment, DutyItem, DutySummary, TownshipSummary } from './catalogue-types'

const shortLabel: Record<DutyCategory, string> = { basic: '基本履职', cooperative: '配合履职', reclaimed: '上级收回' }
type Tab = DutyCategory | 'adjustments'

/** 乡镇履职清单: each township's lists by category, and the 动态调整 proposed and approved on them. */
export function DutiesPage() {
  const [params, setParams] = useSearchParams()
  const summary = useQuery({ queryKey: ['duties', 'summary'], queryFn: () => api.get<DutySummary>('/api/duties/summary') })
  const townships = summary.data?.townships ?? []
  const township = townships.find((t) => t.code === params.get('township')) ?? townships[0]
  const tab = (params.get('tab') as Tab | null) ?? 'basic'
  const go = (next: { township?: string; tab?: Tab }) => setParams({ township: next.township ?? township?.code ?? '', tab: next.tab ?? tab })
  const lastYear = summary.data?.adjustmentsByYear.find((y) => y.approved > 0)

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="基本履职事项" value={summary.data?.totals.basic ?? '—'} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="配合履职事项" value={summary.data?.totals.cooperative ?? '—'} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={lastYear ? `${lastYear.year}年完成动态调整` : '完成动态调整'} value={lastYear?.approved ?? 0} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="待审批调整" value={townships.reduce((n, t) => n + t.pending, 0)} suffix="项" />
          </Card>
        </Col>
      </Row>
      {township && (
        <Card
          title={`${township.name}履行职责事项清单`}
          extra={
            <Select
              aria-label="选择乡镇"
              value={township.code}
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={townships.map((t) => ({ value: t.code, label: `${t.name}（基本${t.basic}·配合${t.cooperative}）` }))}
              onChange={(code) => go({ township: code })}
            />
          }
        >
          <Tabs
            activeKey={tab}
            onChange={(k) => go({ tab: k as Tab })}
            items={[
              ...dutyCategories.map((c) => ({ key: c, label: `${shortLabel[c]}（${township[c]}）`, children: <DutyItems township={township} category={c} /> })),
              { key: 'adjustments', label: `动态调整${township.pending ? `（待审批 ${township.pending}）` : ''}`, children: <DutyAdjustments township={township} /> },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={`各乡镇事项数（${townships.length} 个乡镇，点击切换）`} loading={summary.isLoading}>
        <Table<TownshipSummary>
          rowKey="code"
          size="small"
          dataSource={townships}
          pagination={false}
          scroll={{ x: 560 }}
          onRow={(t) => ({ onClick: () => go({ township: t.code }), style: { cursor: 'pointer', background: t.code === township?.code ? '#fff1f0' : undefined } })}
          columns={[
            { title: '乡镇', dataIndex: 'name' },
            { title: '基本履职', dataIndex: 'basic', width: 90 },
            { title: '配合履职', dataIndex: 'cooperative', width: 90 },
            { title: '上级收回', dataIndex: 'reclaimed', width: 90 },
            { title: '待审批', dataIndex: 'pending', width: 80, render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : '—') },
          ]}
          summary={() =>
            summary.data && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{summary.data.totals.basic}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{summary.data.totals.cooperative}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{summary.data.totals.reclaimed}</Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{townships.reduce((n, t) => n + t.pending, 0) || '—'}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          逐年调整：{summary.data?.adjustmentsByYear.map((y) => `${y.year}年批准 ${y.approved} 项、驳回 ${y.rejected} 项${y.pending ? `、待审批 ${y.pending} 项` : ''}`).join('；') || '—'}
        </Typography.Paragraph>
      </Card>
    </Space>
  )
}

function DutyItems({ township, category }: { township: TownshipSummary; category: DutyCategory }) {
  const [q, setQ] = useState<string>()
  const [page, setPage] = useState(1)
  const [proposing, setProposing] = useState<{ item?: DutyItem } | null>(null)
  const items = useQuery({
    queryKey: ['duties', 'items', township.code, category, q, page],
    queryFn: () => api.get<Page<DutyItem>>('/api/duties/items', { township: township.code, category, q, page, pageSize: 20 }),
  })
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="事项名称、部门或依据"
          allowClear
          onSearch={(v) => {
            setQ(v || undefined)
            setPage(1)
          }}
          style={{ width: 260 }}
        />
        {township.actions.includes('propose') && (
          <Button type="primary" onClick={() => setProposing({})}>
            申请新增事项
          </Button>
        )}
      </Space>
      <Table<DutyItem>
        rowKey="id"
        size="small"
        loading={items.isLoading}
        dataSource={items.data?.items}
        scroll={{ x: 1100 }}
        pagination={{ current: page, pageSize: 20, total: items.data?.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '事项', dataIndex: 'name', width: 320 },
          { title: category === 'basic' ? '牵头' : category === 'cooperative' ? '牵头部门' : '承接部门', dataIndex: 'leadDepartment', width: 170 },
          { title: '配合', width: 190, render: (_, d) => d.cooperatingDepartments.join('、') || '—' },
          {
            title: '依据',
            width: 220,
            render: (_, d) => (
              <span>
                {d.legalBasis ?? '—'}
                {d.powerItem && (
                  <Tag color="blue" style={{ marginLeft: 4 }}>
                    {d.powerItem.code}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            title: '操作',
            width: 100,
            render: (_, d) =>
              d.actions.includes('propose') && (
                <Button type="link" size="small" onClick={() => setProposing({ item: d })}>
                  申请调整
                </Button>
              ),
          },
        ]}
      />
      {proposing && <DutyProposeDialog township={township} category={category} item={proposing.item} onClose={() => setProposing(null)} />}
    </>
  )
}

type ProposeValues = {
  op: 'add' | 'modify' | 'remove' | 'recategorize'
  category?: DutyCategory
  name?: string
  leadDepartment?: string
  cooperatingDepartments?: string[]
  legalBasis?: string
  reason: string
}

function DutyProposeDialog({ township, category, item, onClose }: { township: TownshipSummary; category: DutyCategory; item?: DutyItem; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<ProposeValues>()
  const op = Form.useWatch('op', form) ?? (item ? 'modify' : 'add')
  const save = useMutation({
    mutationFn: (v: ProposeValues) =>
      api.post('/api/duties/adjustments', {
        townshipCode: township.code,
        op: v.op,
        dutyItemId: item?.id,
        category: v.op === 'add' || v.op === 'recategorize' ? v.category : undefined,
        item:
          v.op === 'remove'
            ? undefined
            : v.op === 'recategorize'
              ? { name: v.name !== item?.name ? v.name : undefined, leadDepartment: v.leadDepartment !== item?.leadDepartment ? v.leadDepartment : undefined }
              : { name: v.name, leadDepartment: v.leadDepartment, cooperatingDepartments: v.cooperatingDepartments ?? [], legalBasis: v.legalBasis || null },
        reason: v.reason,
      }),
    onSuccess: () => {
      message.success('已提出调整，待监督人员审批')
      client.invalidateQueries({ queryKey: ['duties'] })
      client.invalidateQueries({ queryKey: ['todos'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  const categoryOptions = dutyCategories.filter((c) => op === 'add' || c !== item?.category).map((c) => ({ value: c, label: labels.dutyCategory[c] }))
  return (
    <Modal open width={640} title={item ? `申请调整：${item.name}` : `申请新增${township.name}履职事项`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<ProposeValues>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? { op: 'modify', name: item.name, leadDepartment: item.leadDepartment, cooperatingDepartments: item.cooperatingDepartments, legalBasis: item.legalBasis ?? undefined }
            : { op: 'add', category, cooperatingDepartments: [] }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {item && (
          <Form.Item name="op" label="调整方式">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'modify', label: '变更内容' },
                { value: 'recategorize', label: '调整类别' },
                { value: 'remove', label: '取消事项' },
              ]}
            />
          </Form.Item>
        )}
        {(op === 'add' || op === 'recategorize') && (
          <Form.Item name="category" label={op === 'add' ? '事项类别' : '调整为'} rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={categoryOptions} />
          </Form.Item>
        )}
        {op !== 'remove' && (
          <>
            <Form.Item name="name" label="事项名称" rules={[{ required: op === 'add', message: '请填写事项名称' }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
            <Form.Item name="leadDepartment" label="牵头（承接）部门" rules={[{ required: op === 'add', message: '请填写牵头部门' }]}>
              <Input placeholder="综合行政执法队 / 市林业和草原局" />
            </Form.Item>
            {op !== 'recategorize' && (
              <>
                <Form.Item name="cooperatingDepartments" label="配合部门">
                  <Select mode="tags" tokenSeparators={['、', ',']} />
                </Form.Item>
                <Form.Item name="legalBasis" label="依据">
                  <Input placeholder="《中华人民共和国土地管理法》第六十二条第四款" />
                </Form.Item>
              </>
            )}
          </>
        )}
        <Form.Item name="reason" label="调整理由" rules={[{ required: true, min: 2, message: '请填写调整理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          提交
        </Button>
      </Form>
    </Modal>
  )
}

function DutyAdjustments({ township }: { township: TownshipSummary }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [filter, setFilter] = useState<{ status?: string; year?: number; page: number }>({ page: 1 })
  const [deciding, setDeciding] = useState<{ adjustment: DutyAdjustment; decision: 'approve' | 'reject' } | null>(null)
  const list = useQuery({
    queryKey: ['duties', 'adjustments', township.code, filter],
    queryFn: () => api.get<Page<DutyAdjustment>>('/api/duties/adjustments', { township: township.code, ...filter, pageSize: 20 }),
  })
  const decide = useMutation({
    mutationFn: (v: { approvalRef?: string; note?: string }) => api.post(`/api/duties/adjustments/${deciding!.adjustment.id}/${deciding!.decision}`, v),
    onSuccess: () => {
      message.success(deciding?.decision === 'approve' ? '已批准，清单已相应调整' : '已驳回')
      setDeciding(null)
      client.invalidateQueries({ queryKey: ['duties'] })
      client.invalidateQueries({ queryKey: ['todos'] })
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={[
            { value: 'pending', label: '待审批' },
            { value: 'approved', label: '已批准' },
            { value: 'rejected', label: '已驳回' },
          ]}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
        <Select
          placeholder="年度"
          allowClear
          style={{ width: 110 }}
          options={[2024, 2025, 2026, 2027].map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(year) => setFilter({ ...filter, year, page: 1 })}
        />
      </Space>
      <Table<DutyAdjustment>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1200 }}
        pagination={{ current: filter.page, pageSize: 20, total: list.data?.total, onChange: (page) => setFilter({ ...filter, page }), showSizeChanger: false, showTotal: (t) => `共 ${t} 项` }}
        columns={[
          { title: '方式', width: 100, render: (_, a) => <OpTag op={a.op} label={a.opLabel} /> },
          {
            title: '事项',
            width: 300,
            render: (_, a) => (
              <Space orientation="vertical" size={2}>
                <span>{a.itemName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {proposalText(a)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '理由', dataIndex: 'reason', width: 240 },
          { title: '提出', width: 170, render: (_, a) => `${a.createdByName ?? ''} ${formatTime(a.createdAt)}` },
          {
            title: '审批',
            width: 220,
            render: (_, a) => (
              <Space orientation="vertical" size={2}>
                <AdjustmentStatusTag status={a.status} label={a.statusLabel} />
                {a.approvalRef && <Typography.Text style={{ fontSize: 12 }}>{a.approvalRef}</Typography.Text>}
                {a.decisionNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.decisionNote}</Typography.Text>}
                {a.decidedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(a.decidedAt)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 110,
            render: (_, a) => (
              <Space size={0}>
                {a.actions.includes('approve') && (
                  <Button type="link" size="small" onClick={() => setDeciding({ adjustment: a, decision: 'approve' })}>
                    批准
                  </Button>
                )}
                {a.actions.includes('reject') && (
                  <Button type="link" size="small" danger onClick={() => setDeciding({ adjustment: a, decision: 'reject' })}>
                    驳回
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {deciding && (
        <Modal open title={`${deciding.decision === 'approve' ? '批准' : '驳回'}：${deciding.adjustment.opLabel} ${deciding.adjustment.itemName}`} onCancel={() => setDeciding(null)} footer={null} destroyOnHidden>
          <Form layout="vertical" onFinish={(v) => decide.mutate(v)}>
            {deciding.decision === 'approve' && (
              <Form.Item name="approvalRef" label="审批依据" rules={[{ required: true, min: 2, message: '请填写审批依据（会议或文号）' }]} extra="如：禄丰市机构编制委员会会议纪要、禄编委〔2026〕X号">
                <Input />
              </Form.Item>
            )}
            <Form.Item name="note" label={deciding.decision === 'approve' ? '意见（可不填）' : '驳回理由'} rules={deciding.decision === 'reject' ? [{ required: true, min: 2, message: '请填写驳回理由' }] : []}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            <Button type="primary" danger={deciding.decision === 'reject'} htmlType="submit" loading={decide.isPending} block>
              {deciding.decision === 'approve' ? '批准并调整清单' : '驳回'}
            </Button>
          </Form>
        </Modal>
      )}
    </>
  )
}

/** What an adjustment asks for, in one line. */
function proposalText(a: DutyAdjustment): string {
  const p = a.proposal
  if (a.op === 'remove') return a.itemCategoryLabel ? `取消${a.itemCategoryLabel}` : '取消'
  if (!p) return ''
  const parts: string[] = []
  if (p.categoryLabel) parts.push(a.op === 'add' ? `列入${p.categoryLabel}` : `调整为${p.categoryLabel}`)
  if (p.name && a.op !== 'add') parts.push(`名称改为「${p.name}」`)
  if (p.leadDepartment) parts.push(`牵头：${p.leadDepartment}`)
  if (p.cooperatingDepartments?.length) parts.push(`配合：${p.cooperatingDepartments.join('、')}`)
  if (p.legalBasis) parts.push(`依据：${p.legalBasis}`)
  return parts.join('；')
}
