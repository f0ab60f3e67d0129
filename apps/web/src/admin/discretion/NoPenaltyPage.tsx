import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels } from '@yangguang/core'
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { cite, type PublicNoPenaltyItem } from '../../portal/discretion/discretion-types'
import { useMe } from '../auth/session'
import { errorText } from '../catalogue/catalogue-shared'

type ItemView = PublicNoPenaltyItem & { status: 'draft' | 'published' | 'superseded'; statusLabel: string; createdByName: string | null; updatedAt: string; actions: string[] }
type Filter = { q?: string; listKind?: string; status?: string; page: number }
type Values = { powerItemId?: string; listKind: 'first_violation' | 'minor'; violation: string; law: string; article: string; conditions: string; correctionDays?: number | null; educationMeasure: string }

const statusColors: Record<string, string> = { draft: 'orange', published: 'green', superseded: 'default' }
const listKindOptions = Object.entries(labels.noPenaltyListKind).map(([value, label]) => ({ value, label }))

/** 首违不罚 / 轻微违法免罚清单 (行政处罚法 第三十三条第一款): draft, publish (four eyes), stop. */
export function NoPenaltyPage() {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const me = useMe()
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const [editing, setEditing] = useState<ItemView | 'new' | null>(null)
  const list = useQuery({
    queryKey: ['no-penalty-items', filter],
    queryFn: () => api.get<Page<ItemView>>('/api/discretion/no-penalty-items', { ...filter, pageSize: 20 }),
    placeholderData: keepPreviousData,
  })
  const act = useMutation({
    mutationFn: ({ item, action, body }: { item: ItemView; action: 'publish' | 'withdraw' | 'delete'; body?: unknown }) =>
      action === 'delete' ? api.delete(`/api/discretion/no-penalty-items/${item.id}`) : api.post(`/api/discretion/no-penalty-items/${item.id}/${action}`, body ?? {}),
    onSuccess: () => {
      message.success('已完成')
      client.invalidateQueries({ queryKey: ['no-penalty-items'] })
    },
    onError: (e) => message.error(errorText(e)),
  })
  const withdraw = (item: ItemView) => {
    let reason = ''
    modal.confirm({
      title: '停止适用该清单事项',
      content: <Input.TextArea placeholder="请填写理由" onChange={(e) => (reason = e.target.value)} />,
      onOk: () => act.mutateAsync({ item, action: 'withdraw', body: { reason } }),
    })
  }
  return (
    <Card
      title="首违不罚、轻微免罚清单"
      extra={
        me.data && ['admin', 'supervisor', 'unit_head', 'legal_reviewer'].includes(me.data.role) && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新增清单事项
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="违法行为或事项" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 240 }} />
        <Select placeholder="清单" allowClear style={{ width: 140 }} options={listKindOptions} onChange={(listKind) => setFilter({ ...filter, listKind, page: 1 })} />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={Object.entries(labels.discretionStatus).map(([value, label]) => ({ value, label }))}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
      </Space>
      <Table<ItemView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1200 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 项`, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (item) => (
            <Space orientation="vertical">
              <Typography.Text>依据：{item.legalBasis.map(cite).join('；')}</Typography.Text>
              <Typography.Text>适用条件：{item.conditions.join('；')}</Typography.Text>
              <Typography.Text>教育措施：{item.educationMeasure}</Typography.Text>
            </Space>
          ),
        }}
        columns={[
          { title: '清单', width: 110, render: (_, i) => <Tag color={i.listKind === 'first_violation' ? 'blue' : 'cyan'}>{i.listKindLabel}</Tag> },
          { title: '违法行为', dataIndex: 'violation', width: 340 },
          { title: '事项', width: 110, render: (_, i) => i.powerItem.code },
          { title: '改正期限', width: 90, render: (_, i) => (i.correctionDays ? `${i.correctionDays}日` : '当场') },
          { title: '状态', width: 100, render: (_, i) => <Tag color={statusColors[i.status]}>{i.statusLabel}</Tag> },
          { title: '更新', width: 170, render: (_, i) => formatTime(i.updatedAt) },
          {
            title: '操作',
            width: 200,
            fixed: 'right',
            render: (_, item) => (
              <Space size={0} wrap>
                {item.actions.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(item)}>
                    编辑
                  </Button>
                )}
                {item.actions.includes('publish') && (
                  <Button type="link" size="small" onClick={() => act.mutate({ item, action: 'publish' })}>
                    公布
                  </Button>
                )}
                {item.actions.includes('withdraw') && (
                  <Button type="link" size="small" danger onClick={() => withdraw(item)}>
                    停止适用
                  </Button>
                )}
                {item.actions.includes('delete') && (
                  <Button type="link" size="small" danger onClick={() => act.mutate({ item, action: 'delete' })}>
                    删除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ItemForm item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  )
}

function ItemForm({ item, onClose }: { item: ItemView | null; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [itemQuery, setItemQuery] = useState('')
  const items = useQuery({
    queryKey: ['power-items', 'penalty', itemQuery],
    enabled: !item,
    queryFn: () => api.get<Page<{ id: string; code: string; name: string }>>('/api/catalogue/power-items', { kind: 'penalty', status: 'active', q: itemQuery || undefined, pageSize: 50 }),
  })
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        listKind: v.listKind,
        violation: v.violation,
        legalBasis: [{ law: v.law, article: v.article }],
        conditions: v.conditions.split('\n').map((c) => c.trim()).filter(Boolean),
        correctionDays: v.correctionDays ?? null,
        educationMeasure: v.educationMeasure,
      }
      return item ? api.patch(`/api/discretion/no-penalty-items/${item.id}`, body) : api.post('/api/discretion/no-penalty-items', { ...body, powerItemId: v.powerItemId })
    },
    onSuccess: () => {
      message.success('草稿已保存')
      client.invalidateQueries({ queryKey: ['no-penalty-items'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  const basis = item?.legalBasis[0]
  return (
    <Modal open width={720} title={item ? '编辑清单事项' : '新增清单事项'} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存草稿">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? { listKind: item.listKind, violation: item.violation, law: basis?.law ?? '', article: basis?.article ?? '', conditions: item.conditions.join('\n'), correctionDays: item.correctionDays, educationMeasure: item.educationMeasure }
            : { listKind: 'first_violation', conditions: '2年内首次实施该违法行为\n危害后果轻微\n在责令改正期限内改正', law: '中华人民共和国行政处罚法', article: '第三十三条第一款' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {!item && (
          <Form.Item name="powerItemId" label="行政处罚事项" rules={[{ required: true, message: '请选择事项' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setItemQuery }}
              placeholder="输入事项名称或编码搜索"
              options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
              onChange={(id: string) => {
                const found = items.data?.items.find((i) => i.id === id)
                if (found) form.setFieldsValue({ violation: found.name.replace(/^对/, '').replace(/的处罚$/, '') })
              }}
            />
          </Form.Item>
        )}
        <Form.Item name="listKind" label="清单" rules={[{ required: true }]}>
          <Select options={listKindOptions} />
        </Form.Item>
        <Form.Item name="violation" label="违法行为" rules={[{ required: true, min: 4, message: '请填写违法行为' }]}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="law" label="依据（法律法规）" rules={[{ required: true }]} style={{ width: '60%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="article" label="条款" rules={[{ required: true }]} style={{ width: '40%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="conditions" label="适用条件（每行一项）" rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="correctionDays" label="改正期限（日，当场改正可不填）">
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item name="educationMeasure" label="教育措施" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
