import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, Space, Tag } from 'antd'
import { ApiError } from '../../shared/api'

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : '操作失败，请稍后重试'
}

const versionColors: Record<string, string> = { draft: 'default', approved: 'blue', published: 'green', superseded: 'default' }
const adjustmentColors: Record<string, string> = { pending: 'orange', accepted: 'green', approved: 'green', rejected: 'red' }
const opColors: Record<string, string> = { add: 'green', remove: 'red', modify: 'orange', recategorize: 'purple' }

export function VersionStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={versionColors[status]}>{label}</Tag>
}

export function AdjustmentStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={adjustmentColors[status]}>{label}</Tag>
}

export function OpTag({ op, label }: { op: string; label: string }) {
  return <Tag color={opColors[op]}>{label}</Tag>
}

/** Form.List of legal bases: law (without 《》), article, the article's text. */
export function LegalBasisEditor({ name = 'legalBasis' }: { name?: string | Array<string | number> }) {
  return (
    <Form.List name={name} rules={[{ validator: async (_, v) => (v?.length ? undefined : Promise.reject(new Error('至少填写一项法律依据'))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`法律依据 ${index + 1}`}
              extra={fields.length > 1 && <MinusCircleOutlined aria-label="删除此依据" onClick={() => remove(field.name)} />}
            >
              <Space wrap style={{ width: '100%' }} align="start">
                <Form.Item name={[field.name, 'law']} label="法律法规" rules={[{ required: true, message: '请填写名称' }]} style={{ minWidth: 260, marginBottom: 8 }}>
                  <Input placeholder="中华人民共和国森林法" />
                </Form.Item>
                <Form.Item name={[field.name, 'article']} label="条款" rules={[{ required: true, message: '请填写条款' }]} style={{ width: 200, marginBottom: 8 }}>
                  <Input placeholder="第七十六条第一款" />
                </Form.Item>
              </Space>
              <Form.Item name={[field.name, 'text']} label="条文" rules={[{ required: true, message: '请填写条文内容' }]} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" onClick={() => add({ law: '', article: '', text: '' })} icon={<PlusOutlined />} block>
            添加法律依据
          </Button>
          <Form.ErrorList errors={errors} />
        </Space>
      )}
    </Form.List>
  )
}
