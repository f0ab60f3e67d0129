import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { labels } from '@yangguang/core'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { api, ApiError } from '../../shared/api'
import { useOrgOptions } from '../shared/useOrgOptions'
import type { Batch, BatchDetail } from './review-types'

type CreateForm = { title: string; kind: Batch['kind']; orgIds: string[]; fileKinds: Array<'penalty' | 'license'>; period: [Dayjs, Dayjs]; perUnit: number }

/** 评查批次: the bureau's list of review batches, and a new batch's scope. */
export function ReviewBatchesPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [form] = Form.useForm<CreateForm>()
  const orgs = useOrgOptions()
  const list = useQuery({ queryKey: ['review-batches'], queryFn: () => api.get<{ items: Batch[] }>('/api/review/batches') })
  const create = (v: CreateForm) =>
    api
      .post<BatchDetail>('/api/review/batches', { title: v.title, kind: v.kind, orgIds: v.orgIds, fileKinds: v.fileKinds, closedFrom: v.period[0].format('YYYY-MM-DD'), closedTo: v.period[1].format('YYYY-MM-DD'), perUnit: v.perUnit })
      .then((d) => {
        setOpen(false)
        void client.invalidateQueries({ queryKey: ['review-batches'] })
        navigate(`/review/batches/${d.batch.id}`)
      })
      .catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '创建失败'))
  return (
    <Card title="案卷评查批次" extra={<Button type="primary" onClick={() => setOpen(true)}>新建评查批次</Button>}>
      <Typography.Paragraph type="secondary">
        先冻结案卷池（摘要记入存证账本），再以冻结之后签署的第一个存证检查点生成随机种子抽样：案卷池、种子和算法全部公示，任何人可以复核抽样结果。
      </Typography.Paragraph>
      <Table<Batch>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '批次', dataIndex: 'title', render: (t: string, b) => <Link to={`/review/batches/${b.id}`}>{t}</Link> },
          { title: '类型', dataIndex: 'kind', render: (k: Batch['kind']) => labels.reviewBatchKind[k] },
          { title: '结案期间', render: (_, b) => `${b.closedFrom} 至 ${b.closedTo}` },
          { title: '案卷类别', dataIndex: 'fileKinds', render: (k: Batch['fileKinds']) => k.map((x) => labels.reviewFileKind[x]).join('、') },
          { title: '案卷池', dataIndex: 'poolSize', render: (n: number | null) => (n === null ? '—' : `${n} 卷`) },
          { title: '状态', dataIndex: 'status', render: (s: Batch['status'], b) => <Space><Tag color={s === 'published' ? 'green' : 'blue'}>{labels.reviewBatchStatus[s]}</Tag>{b.origin === 'imported' && <Tag>历史录入</Tag>}</Space> },
        ]}
      />
      <Modal title="新建评查批次" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="创建" width={640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ kind: 'regular', fileKinds: ['penalty'], perUnit: 2 }}>
          <Form.Item name="title" label="批次名称" rules={[{ required: true, message: '请填写批次名称，如 2026年第6期' }]}><Input placeholder="2026年第6期" /></Form.Item>
          <Form.Item name="kind" label="类型"><Select options={Object.entries(labels.reviewBatchKind).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="orgIds" label="被评查单位" rules={[{ required: true, message: '请选择被评查单位' }]}><Select mode="multiple" options={orgs} optionFilterProp="label" placeholder="选择单位" /></Form.Item>
          <Form.Item name="fileKinds" label="案卷类别" rules={[{ required: true }]}><Select mode="multiple" options={[{ value: 'penalty', label: '行政处罚案卷' }, { value: 'license', label: '行政许可案卷' }]} /></Form.Item>
          <Form.Item name="period" label="结案期间" rules={[{ required: true, message: '请选择结案期间' }]}><DatePicker.RangePicker /></Form.Item>
          <Form.Item name="perUnit" label="每单位抽样数"><InputNumber min={1} max={100} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  )
}
