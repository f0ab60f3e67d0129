import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { labels } from '@yangguang/core'
import { api } from '../../shared/api'
import { useMe } from '../auth/session'
import { errorText } from '../catalogue/catalogue-shared'
import { useRegions } from '../registry/registry-shared'
import { type DocType, useDocTypes } from './supervision-shared'

/** What the modal writes: a change of a row, the region's own row in place of an inherited one, or a new code. */
type Editing = { mode: 'update' | 'override'; type: DocType } | { mode: 'create' }

/**
 * 监督文书种类 (一函三书 as seeded), kept per jurisdiction: the platform's defaults (administrators)
 * and each county bureau's own rows, which apply to the documents issued in that county. The names,
 * binding force and periods are local practice, not a national rule. Buttons appear only where the
 * server says the caller may write (the row's actions).
 */
export function DocTypesPage() {
  const admin = useMe().data?.role === 'admin'
  // An administrator looks at the platform's defaults, or at one county's set; a supervisor at their own.
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined)
  const counties = (useRegions().data?.items ?? []).filter((r) => r.level === 'county').map((r) => ({ value: r.code, label: r.name }))
  const types = useDocTypes(admin ? regionCode : undefined)
  const [editing, setEditing] = useState<Editing | null>(null)
  const items = types.data?.items ?? []
  const region = types.data?.region
  const name = (code: string) => (code === 'report_to_government' ? '报告本级人民政府' : (items.find((t) => t.code === code)?.name ?? code))
  // Whoever may override a row of the shown set may also add a code to it.
  const canWrite = items.some((t) => t.actions.length > 0)
  return (
    <Card
      title={region?.name ? `监督文书种类 · ${region.name}` : '监督文书种类 · 平台默认'}
      extra={
        <Space>
          {admin && <Select style={{ width: 200 }} allowClear placeholder="平台默认" value={regionCode} onChange={setRegionCode} options={counties} />}
          {canWrite && <Button onClick={() => setEditing({ mode: 'create' })}>新增种类</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        “一函三书”的名称、约束力和整改期限是地方实践。平台默认种类由系统管理员维护；各县（市）司法局可为本辖区另行设定，设定后只适用于本辖区此后起草的文书，已起草、已制发的文书不受影响。
      </Typography.Paragraph>
      <Table<DocType>
        rowKey="id"
        loading={types.isLoading}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '来源', key: 'source', render: (_: unknown, t) => (t.regionCode === null ? <Tag>平台默认</Tag> : <Tag color="blue">{t.regionName ?? t.regionCode}设定</Tag>) },
          { title: '约束力', dataIndex: 'binding', render: (b: boolean) => (b ? <Tag color="red">有约束力</Tag> : <Tag>建议性</Tag>) },
          { title: '整改期限', key: 'days', render: (_: unknown, t) => `${t.responseDays}${labels.periodUnitAfterNumber[t.responseUnit]}` },
          { title: '逾期升级', dataIndex: 'escalatesTo', render: name },
          { title: '文号代字', dataIndex: 'numberCode' },
          {
            title: '',
            key: 'edit',
            render: (_: unknown, t) =>
              t.actions.includes('update') ? (
                <Button size="small" onClick={() => setEditing({ mode: 'update', type: t })}>修改</Button>
              ) : t.actions.includes('override') ? (
                <Button size="small" onClick={() => setEditing({ mode: 'override', type: t })}>为本辖区设定</Button>
              ) : null,
          },
        ]}
      />
      {editing && <EditTypeModal editing={editing} regionCode={admin ? regionCode : undefined} regionName={region?.name ?? null} all={items} onClose={() => setEditing(null)} />}
    </Card>
  )
}

type FormValues = Omit<DocType, 'id' | 'regionCode' | 'regionName' | 'actions'>

const blankType: Partial<FormValues> = { binding: false, responseDays: 15, responseUnit: 'working_days', escalatesTo: 'report_to_government' }

function EditTypeModal({ editing, regionCode, regionName, all, onClose }: { editing: Editing; regionCode: string | undefined; regionName: string | null; all: DocType[]; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<FormValues>()
  const query = regionCode ? `?regionCode=${encodeURIComponent(regionCode)}` : ''
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      editing.mode === 'create' ? api.post(`/api/supervision/document-types${query}`, v) : api.patch(`/api/supervision/document-types/${editing.type.code}${query}`, v),
    onSuccess: () => {
      message.success('已保存')
      client.invalidateQueries({ queryKey: ['supervision-doc-types'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  const where = regionName ?? '平台默认'
  const title = editing.mode === 'create' ? `新增种类（${where}）` : editing.mode === 'override' ? `为${where}设定：${editing.type.name}` : `修改：${editing.type.name}（${where}）`
  const code = editing.mode === 'create' ? null : editing.type.code
  return (
    <Modal open title={title} width={720} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      {editing.mode === 'override' && <Typography.Paragraph type="secondary">保存后本辖区使用这里设定的内容，平台默认种类不变。</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={editing.mode === 'create' ? blankType : editing.type} onFinish={(v) => save.mutate(v)}>
        {editing.mode === 'create' && (
          <Form.Item name="code" label="代码（小写字母、数字或下划线，如 interview）" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: '代码应为2～40位小写字母、数字或下划线，以字母开头' }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label="名称" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="binding" label="有约束力（责令改正）" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="responseDays" label="整改期限" rules={[{ required: true }]}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item name="responseUnit" label="期限单位">
          <Select options={Object.entries(labels.periodUnit).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="escalatesTo" label="逾期升级为">
          <Select options={[...all.filter((t) => t.code !== code).map((t) => ({ value: t.code, label: t.name })), { value: 'report_to_government', label: '报告本级人民政府' }]} />
        </Form.Item>
        <Form.Item name="numberCode" label="文号代字（如 监意 → 禄司监意〔2026〕第3号）" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name={['template', 'opening']} label="模板：开头" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name={['template', 'requirement']} label="模板：整改要求（{days} 替换为期限）" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name={['template', 'closing']} label="模板：结尾" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  )
}
