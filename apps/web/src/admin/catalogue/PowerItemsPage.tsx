import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels, powerKinds } from '@yangguang/core'
import { App, AutoComplete, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { citation, LegalBasisList, summarizeHolders } from '../../portal/catalogue/catalogue-view'
import { errorText, LegalBasisEditor } from './catalogue-shared'
import type { HolderOption, PowerItem } from './catalogue-types'
import { rangeBody, rangeFormValues, type RangeValues, StatutoryRangeEditor } from './StatutoryRangeEditor'

type Filter = { q?: string; kind?: string; domain?: string; holderEntityId?: string; status?: string; page: number }
type Options = { holders: HolderOption[]; domains: Array<{ domain: string; count: number }> }

const kindOptions = powerKinds.map((k) => ({ value: k, label: labels.powerKind[k] }))

/** 权力事项: the master list of powers with their legal bases and the entities that hold them. */
export function PowerItemsPage() {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const [editing, setEditing] = useState<PowerItem | 'new' | null>(null)
  const list = useQuery({ queryKey: ['power-items', filter], queryFn: () => api.get<Page<PowerItem> & { actions: string[] }>('/api/catalogue/power-items', { ...filter, pageSize: 20 }) })
  const options = useQuery({ queryKey: ['power-items', 'options'], queryFn: () => api.get<Options>('/api/catalogue/power-items/options'), staleTime: 300_000 })
  const refresh = () => client.invalidateQueries({ queryKey: ['power-items'] })
  const holderOptions = groupedHolders(options.data?.holders ?? [])

  const setStatus = (item: PowerItem, action: 'repeal' | 'restore') => {
    let reason = ''
    modal.confirm({
      title: `${action === 'repeal' ? '废止' : '恢复'}权力事项 ${item.code}`,
      content: <Input.TextArea placeholder="请填写原因（如：法律修订、事项取消）" onChange={(e) => (reason = e.target.value)} />,
      onOk: () =>
        api
          .post(`/api/catalogue/power-items/${item.id}/${action}`, { reason })
          .then(() => {
            message.success('已完成')
            refresh()
          })
          .catch((e) => {
            message.error(errorText(e))
            throw e
          }),
    })
  }

  return (
    <Card
      title="权力事项"
      extra={
        list.data?.actions.includes('create') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新增事项
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="事项名称或编码" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 220 }} />
        <Select placeholder="类别" allowClear options={kindOptions} style={{ width: 130 }} onChange={(kind) => setFilter({ ...filter, kind, page: 1 })} />
        <Select
          placeholder="领域"
          allowClear
          style={{ width: 160 }}
          options={(options.data?.domains ?? []).map((d) => ({ value: d.domain, label: `${d.domain}（${d.count}）` }))}
          onChange={(domain) => setFilter({ ...filter, domain, page: 1 })}
        />
        <Select
          placeholder="实施主体"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          options={holderOptions}
          onChange={(holderEntityId) => setFilter({ ...filter, holderEntityId, page: 1 })}
        />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 110 }}
          options={[
            { value: 'active', label: '有效' },
            { value: 'repealed', label: '已废止' },
          ]}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
      </Space>
      <Table<PowerItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1500 }}
        expandable={{
          expandedRowRender: (item) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <LegalBasisList bases={item.legalBasis} />
              {item.kind === 'penalty' && (
                <Typography.Text type={item.statutoryRangeText ? undefined : 'danger'}>法定处罚幅度：{item.statutoryRangeText ?? '尚未录入（不能据以给予行政处罚）'}</Typography.Text>
              )}
              <Typography.Text type="secondary">实施主体：{item.holders.map((h) => h.name).join('、') || '—'}</Typography.Text>
            </Space>
          ),
        }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 项`, showSizeChanger: false }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 110 },
          { title: '事项名称', dataIndex: 'name', width: 340 },
          { title: '类别', dataIndex: 'kindLabel', width: 90 },
          { title: '领域', dataIndex: 'domain', width: 120 },
          {
            title: '法律依据',
            width: 240,
            render: (_, item) => (
              <Tooltip title={item.legalBasis.map((b) => `${citation(b)}：${b.text}`).join('\n')}>
                <span>{item.legalBasis.map(citation).join('；')}</span>
              </Tooltip>
            ),
          },
          { title: '实施主体', width: 200, render: (_, item) => summarizeHolders(item.holders.map((h) => h.name)) },
          { title: '状态', width: 80, render: (_, item) => (item.status === 'active' ? <Tag color="green">有效</Tag> : <Tag>已废止</Tag>) },
          { title: '更新', dataIndex: 'updatedAt', width: 160, render: formatTime },
          {
            title: '操作',
            width: 140,
            fixed: 'right',
            render: (_, item) => (
              <Space size={0} wrap>
                {item.actions.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(item)}>
                    编辑
                  </Button>
                )}
                {item.actions.includes('repeal') && (
                  <Button type="link" size="small" danger onClick={() => setStatus(item, 'repeal')}>
                    废止
                  </Button>
                )}
                {item.actions.includes('restore') && (
                  <Button type="link" size="small" onClick={() => setStatus(item, 'restore')}>
                    恢复
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <PowerItemForm
          item={editing === 'new' ? null : editing}
          holders={options.data?.holders ?? []}
          domains={(options.data?.domains ?? []).map((d) => d.domain)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success('已保存')
            setEditing(null)
            refresh()
          }}
        />
      )}
    </Card>
  )
}

type FormValues = { code: string; name: string; kind: string; domain: string; legalBasis: PowerItem['legalBasis']; holderEntityIds: string[]; statutoryRange?: RangeValues }

function PowerItemForm({
  item,
  holders,
  domains,
  onClose,
  onSaved,
}: {
  item: PowerItem | null
  holders: HolderOption[]
  domains: string[]
  onClose: () => void
  onSaved: () => void
}) {
  const { message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  // Holders outside the caller's scope are shown but kept by the server whatever is chosen here.
  const assignable = new Set(holders.map((h) => h.id))
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      item
        ? api.patch(`/api/catalogue/power-items/${item.id}`, { name: v.name, kind: v.kind, domain: v.domain, legalBasis: v.legalBasis, holderEntityIds: v.holderEntityIds, statutoryRange: rangeBody(v.statutoryRange) })
        : api.post('/api/catalogue/power-items', { ...v, statutoryRange: rangeBody(v.statutoryRange) }),
    onSuccess: onSaved,
    onError: (e) => message.error(errorText(e)),
  })
  const townshipIds = holders.filter((h) => h.orgKind === 'township').map((h) => h.id)
  return (
    <Modal open width={760} title={item ? `编辑权力事项 ${item.code}` : '新增权力事项'} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? { ...item, holderEntityIds: item.holders.map((h) => h.entityId).filter((id) => assignable.has(id)), statutoryRange: rangeFormValues(item.statutoryRange) }
            : { kind: 'penalty', legalBasis: [{ law: '', article: '', text: '' }], holderEntityIds: [] }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap style={{ width: '100%' }} align="start">
          {!item && (
            <Form.Item name="code" label="事项编码" rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, message: '2–32 位字母、数字或连字符' }]}>
              <Input placeholder="CF-ZJ-042" style={{ width: 160 }} />
            </Form.Item>
          )}
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={kindOptions} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="domain" label="领域" rules={[{ required: true, message: '请填写领域' }]}>
            <AutoComplete options={domains.map((d) => ({ value: d }))} style={{ width: 200 }} placeholder="住房城乡建设" />
          </Form.Item>
        </Space>
        <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder="对……的处罚" />
        </Form.Item>
        <LegalBasisEditor />
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) => (getFieldValue('kind') === 'penalty' ? <StatutoryRangeEditor /> : null)}
        </Form.Item>
        <Form.Item
          name="holderEntityIds"
          label="实施主体"
          style={{ marginTop: 16 }}
          extra={
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldValue('holderEntityIds', [...new Set([...(form.getFieldValue('holderEntityIds') ?? []), ...townshipIds])])}>
              加入全部乡镇人民政府（相对集中）
            </Button>
          }
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={groupedHolders(holders)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          保存
        </Button>
      </Form>
    </Modal>
  )
}

/** Holder options grouped as the catalogue reads them: departments, township governments, township teams. */
function groupedHolders(holders: HolderOption[]) {
  const group = (label: string, keep: (h: HolderOption) => boolean) => ({ label, options: holders.filter(keep).map((h) => ({ value: h.id, label: h.name })) })
  return [
    group('市直部门', (h) => h.orgKind !== 'township' && h.orgKind !== 'team'),
    group('乡镇人民政府', (h) => h.orgKind === 'township'),
    group('乡镇综合行政执法队', (h) => h.orgKind === 'team'),
  ].filter((g) => g.options.length > 0)
}
