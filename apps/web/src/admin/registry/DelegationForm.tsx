import { useMutation, useQuery } from '@tanstack/react-query'
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { api, type Page } from '../../shared/api'
import { errorText, useAllOrgOptions } from './registry-shared'
import type { Entity } from './registry-types'

type Values = { principalEntityId: string; agentOrgId: string; documentNo: string; documentTitle: string; scope: string; term: [Dayjs, Dayjs] }

/** 登记委托: the principal entity, the unit entrusted, the document and the term. */
export function DelegationForm({ principal, onClose, onSaved }: { principal?: { id: string; name: string }; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const agents = useAllOrgOptions()
  const entities = useQuery({
    queryKey: ['entities', 'delegable'],
    queryFn: () => api.get<Page<Entity>>('/api/entities', { pageSize: 200 }),
    enabled: !principal,
  })
  const principals = principal
    ? [{ value: principal.id, label: principal.name }]
    : (entities.data?.items ?? []).filter((e) => e.actions.includes('delegate')).map((e) => ({ value: e.id, label: e.name }))
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/delegations', {
        principalEntityId: v.principalEntityId,
        agentOrgId: v.agentOrgId,
        documentNo: v.documentNo,
        documentTitle: v.documentTitle,
        scope: v.scope,
        validFrom: v.term[0].format('YYYY-MM-DD'),
        validTo: v.term[1].format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success('委托已登记')
      onSaved()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title="登记委托" onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form layout="vertical" initialValues={{ principalEntityId: principal?.id }} onFinish={(v: Values) => save.mutate(v)}>
        <Form.Item name="principalEntityId" label="委托方（执法主体）" rules={[{ required: true, message: '请选择委托方' }]}>
          <Select disabled={Boolean(principal)} showSearch={{ optionFilterProp: 'label' }} options={principals} />
        </Form.Item>
        <Form.Item name="agentOrgId" label="受委托单位" rules={[{ required: true, message: '请选择受委托单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={agents} />
        </Form.Item>
        <Form.Item name="documentNo" label="委托文书文号" rules={[{ required: true, min: 4 }]}>
          <Input placeholder="如 禄政发〔2024〕12号" />
        </Form.Item>
        <Form.Item name="documentTitle" label="委托文书标题" rules={[{ required: true, min: 4 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label="委托事项和权限" rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={4} placeholder="写明委托的具体事项、权限，以及受委托方以委托方名义实施" />
        </Form.Item>
        <Form.Item name="term" label="委托期限" rules={[{ required: true, message: '请选择委托期限' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          登记
        </Button>
      </Form>
    </Modal>
  )
}
