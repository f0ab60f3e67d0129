import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Form, Input, List, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { api } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { useMe } from '../auth/session'
import { errorText } from '../catalogue/catalogue-shared'
import { isBureauRole, type LegalNotice, useUnits } from './supervision-shared'

type NoticeDetail = { notice: LegalNotice; recipients: Array<{ orgId: string; orgName: string; readAt: string | null; readByName: string | null }> }

/** 普法提示单: the bureau issues them to units and sees who has read them; a unit reads its own. */
export function LegalNoticesPage() {
  const me = useMe()
  const bureau = isBureauRole(me.data?.role)
  const [creating, setCreating] = useState(false)
  const list = useQuery({ queryKey: ['legal-notices'], queryFn: () => api.get<{ items: LegalNotice[] }>('/api/supervision/legal-notices') })
  return (
    <Card title="普法提示单" extra={bureau && <Button type="primary" onClick={() => setCreating(true)}>制发普法提示单</Button>}>
      <Table<LegalNotice>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, n) => <Link to={`/supervision/legal-notices/${n.id}`}>{t}</Link> },
          { title: '来源', dataIndex: 'sourceNote' },
          { title: '制发时间', dataIndex: 'issuedAt', render: (d: string) => formatTime(d) },
          ...(bureau ? [{ title: '阅读情况', key: 'read', render: (_: unknown, n: LegalNotice) => <Progress size="small" percent={Math.round(((n.readCount ?? 0) * 100) / Math.max(1, n.recipientCount ?? 0))} format={() => `${n.readCount}/${n.recipientCount}`} /> }] : []),
        ]}
      />
      {creating && <CreateNoticeModal onClose={() => setCreating(false)} />}
    </Card>
  )
}

function CreateNoticeModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm()
  const units = useUnits(true)
  const create = useMutation({
    mutationFn: (v: unknown) => api.post('/api/supervision/legal-notices', v),
    onSuccess: () => {
      message.success('已制发')
      client.invalidateQueries({ queryKey: ['legal-notices'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title="制发普法提示单" width={720} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ legalPoints: [{}] }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="title" label="标题" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sourceNote" label="来源（如评查高频问题）">
          <Input />
        </Form.Item>
        <Form.Item name="content" label="内容" rules={[{ required: true }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.List name="legalPoints">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'basis']} label={`法律依据${i + 1}`} rules={[{ required: true }]}>
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'point']} label="要点" rules={[{ required: true }]}>
                    <Input.TextArea rows={1} style={{ width: 360 }} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>删除</Button>}
                </Space>
              ))}
              <Button onClick={() => add({})} style={{ marginBottom: 16 }}>增加法律要点</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="recipientOrgIds" label="接收单位" rules={[{ required: true }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={units.data?.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** One 普法提示单; opening it as the unit head records the unit's reading. */
export function LegalNoticePage() {
  const { id } = useParams()
  const detail = useQuery({ queryKey: ['legal-notice', id], queryFn: () => api.get<NoticeDetail>(`/api/supervision/legal-notices/${id}`) })
  if (!detail.data) return <Card loading={detail.isLoading}>{detail.error && errorText(detail.error)}</Card>
  const { notice, recipients } = detail.data
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={notice.title}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="制发机关">{notice.issuerName}</Descriptions.Item>
          <Descriptions.Item label="制发时间">{formatTime(notice.issuedAt)}</Descriptions.Item>
          {notice.sourceNote && <Descriptions.Item label="来源">{notice.sourceNote}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }}>{notice.content}</Typography.Paragraph>
        <List
          header="法律要点"
          bordered
          dataSource={notice.legalPoints}
          renderItem={(p) => (
            <List.Item>
              <Typography.Text strong>{p.basis}</Typography.Text>：{p.point}
            </List.Item>
          )}
        />
      </Card>
      <Card title="阅读情况" size="small">
        <Table
          rowKey="orgId"
          size="small"
          pagination={false}
          dataSource={recipients}
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '阅读', key: 'read', render: (_: unknown, r) => (r.readAt ? `${formatTime(r.readAt)} ${r.readByName ?? ''}` : <Tag>未阅读</Tag>) },
          ]}
        />
      </Card>
    </Space>
  )
}
