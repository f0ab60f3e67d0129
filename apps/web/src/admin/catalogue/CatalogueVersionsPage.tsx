import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { api } from '../../shared/api'
import { formatDate, formatTime } from '../../shared/format'
import { useMe } from '../auth/session'
import { useRegions } from '../registry/registry-shared'
import { errorText, VersionStatusTag } from './catalogue-shared'
import type { CatalogueVersion } from './catalogue-types'

/** 目录版本: the yearly versions of the 相对集中行政处罚权事项目录, a new draft, and a comparison of any two. */
export function CatalogueVersionsPage() {
  const navigate = useNavigate()
  const list = useQuery({ queryKey: ['catalogue-versions'], queryFn: () => api.get<{ items: CatalogueVersion[]; actions: string[] }>('/api/catalogue/versions') })
  const versions = list.data?.items ?? []
  const [creating, setCreating] = useState(false)
  const [from, setFrom] = useState<string>()
  const [to, setTo] = useState<string>()
  const options = versions.map((v) => ({ value: v.id, label: `${v.year}年版（${v.statusLabel}）` }))
  const left = from ?? versions[1]?.id
  const right = to ?? versions[0]?.id

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="目录版本"
        extra={
          list.data?.actions.includes('create') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              起草新版本
            </Button>
          )
        }
      >
        <Table<CatalogueVersion>
          rowKey="id"
          loading={list.isLoading}
          dataSource={versions}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            { title: '目录', width: 360, render: (_, v) => <Link to={`/catalogue/versions/${v.id}`}>《{v.title}》</Link> },
            { title: '状态', width: 110, render: (_, v) => <VersionStatusTag status={v.status} label={v.statusLabel} /> },
            { title: '事项', dataIndex: 'itemCount', width: 70 },
            { title: '待处理调整', dataIndex: 'pendingAdjustments', width: 100, render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : '—') },
            {
              title: '审议',
              width: 260,
              render: (_, v) =>
                v.meetingName ? (
                  <span>
                    {v.meetingName}（{formatDate(v.meetingDate)}）<br />
                    <Typography.Text type="secondary">{v.approvalDocNo}</Typography.Text>
                  </span>
                ) : (
                  '—'
                ),
            },
            { title: '公布', dataIndex: 'publishedAt', width: 170, render: formatTime },
          ]}
        />
      </Card>
      <Card title="版本对比">
        <Flex wrap gap={8} align="center">
          <Select aria-label="原版本" value={left} options={options} onChange={setFrom} style={{ width: 200 }} />
          <span>对比</span>
          <Select aria-label="新版本" value={right} options={options} onChange={setTo} style={{ width: 200 }} />
          <Button type="primary" disabled={!left || !right} onClick={() => navigate(`/catalogue/diff?from=${left}&to=${right}`)}>
            查看差异
          </Button>
        </Flex>
      </Card>
      {creating && <CreateVersionDialog onClose={() => setCreating(false)} onCreated={(id) => navigate(`/catalogue/versions/${id}`)} />}
    </Space>
  )
}

function CreateVersionDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  // Supervisors draft for their own county; an admin (no jurisdiction of their own) picks one.
  const admin = useMe().data?.role === 'admin'
  const counties = (useRegions().data?.items ?? []).filter((r) => r.level === 'county').map((r) => ({ value: r.code, label: r.name }))
  const create = useMutation({
    mutationFn: (v: { year: number; title?: string; regionCode?: string }) => api.post<{ version: CatalogueVersion }>('/api/catalogue/versions', { ...v, title: v.title || undefined }),
    onSuccess: ({ version }) => {
      message.success('已起草，事项复制自现行版本')
      client.invalidateQueries({ queryKey: ['catalogue-versions'] })
      onCreated(version.id)
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title="起草新版本" onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">新版本以现行公布的版本为基础，复制其全部事项；之后通过调整申请增删改，经会议审议通过后公布。</Typography.Paragraph>
      <Form layout="vertical" initialValues={{ year: new Date().getFullYear() + 1 }} onFinish={(v) => create.mutate(v)}>
        {admin && (
          <Form.Item name="regionCode" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
            <Select options={counties} />
          </Form.Item>
        )}
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="title" label="目录名称" extra="留空则按「区域名称 + 相对集中行政处罚权事项目录（某年版）」命名">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} block>
          起草
        </Button>
      </Form>
    </Modal>
  )
}
