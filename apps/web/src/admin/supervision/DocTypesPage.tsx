import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { labels } from '@yangguang/core'
import { api } from '../../shared/api'
import { errorText } from '../catalogue/catalogue-shared'
import { type DocType, useDocTypes } from './supervision-shared'

/**
 * 监督文书种类 (一函三书 as seeded). The names, binding force and periods are local practice, not a
 * national rule — supervisors set them here.
 */
export function DocTypesPage() {
  const types = useDocTypes()
  const [editing, setEditing] = useState<DocType | null>(null)
  const name = (code: string) => (code === 'report_to_government' ? '报告本级人民政府' : (types.data?.items.find((t) => t.code === code)?.name ?? code))
  return (
    <Card title="监督文书种类">
      <Typography.Paragraph type="secondary">“一函三书”的名称、约束力和整改期限是地方实践，可按本地规定调整；修改只影响此后起草的文书。</Typography.Paragraph>
      <Table<DocType>
        rowKey="code"
        loading={types.isLoading}
        dataSource={types.data?.items}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '约束力', dataIndex: 'binding', render: (b: boolean) => (b ? <Tag color="red">有约束力</Tag> : <Tag>建议性</Tag>) },
          { title: '整改期限', key: 'days', render: (_: unknown, t) => `${t.responseDays}${labels.periodUnitAfterNumber[t.responseUnit]}` },
          { title: '逾期升级', dataIndex: 'escalatesTo', render: name },
          { title: '文号代字', dataIndex: 'numberCode' },
          { title: '', key: 'edit', render: (_: unknown, t) => t.actions.includes('update') && <Button size="small" onClick={() => setEditing(t)}>修改</Button> },
        ]}
      />
      {editing && <EditTypeModal type={editing} all={types.data?.items ?? []} onClose={() => setEditing(null)} />}
    </Card>
  )
}

function EditTypeModal({ type, all, onClose }: { type: DocType; all: DocType[]; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm()
  const save = useMutation({
    mutationFn: (v: Omit<DocType, 'code' | 'actions'>) => api.patch(`/api/supervision/document-types/${type.code}`, v),
    onSuccess: () => {
      message.success('已保存')
      client.invalidateQueries({ queryKey: ['supervision-doc-types'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title={`修改：${type.name}`} width={720} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={type} onFinish={(v) => save.mutate(v)}>
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
          <Select options={[...all.filter((t) => t.code !== type.code).map((t) => ({ value: t.code, label: t.name })), { value: 'report_to_government', label: '报告本级人民政府' }]} />
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
