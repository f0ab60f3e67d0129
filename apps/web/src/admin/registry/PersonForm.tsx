import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { api, type Page } from '../../shared/api'
import { errorText, useScopedOrgs } from './registry-shared'
import type { Person } from './registry-types'

/** 登记 / 修改 a person. Without admin rights the full ID number is never shown: leave it empty to keep it. */
export function PersonForm({ person, onClose, onSaved }: { person?: Person; onClose: () => void; onSaved?: (id: string) => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const orgs = useScopedOrgs()
  const users = useQuery({
    queryKey: ['users', 'linkable', person?.orgId],
    queryFn: () => api.get<Page<{ id: string; username: string; displayName: string }>>('/api/users', { orgId: person?.orgId, pageSize: 100 }),
    enabled: Boolean(person),
    retry: false,
  })
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      const date = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : null)
      const body = {
        ...v,
        idNumber: v.idNumber ? v.idNumber : undefined,
        legalQualificationNo: typeof v.legalQualificationNo === 'string' && v.legalQualificationNo.trim() !== '' ? v.legalQualificationNo.trim() : null,
        legalQualificationOn: date(v.legalQualificationOn),
        legalReviewSince: date(v.legalReviewSince),
      }
      return person ? api.patch<{ person: Person }>(`/api/persons/${person.id}`, body) : api.post<{ person: Person }>('/api/persons', body)
    },
    onSuccess: (res) => {
      message.success('已保存')
      client.invalidateQueries({ queryKey: ['persons'] })
      client.invalidateQueries({ queryKey: ['orgs'] })
      onClose()
      onSaved?.(res.person.id)
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title={person ? `修改 ${person.name}` : '登记执法人员'} onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        layout="vertical"
        initialValues={
          person
            ? {
                name: person.name,
                phone: person.phone,
                position: person.position,
                userId: person.userId,
                legalQualificationNo: person.legalQualificationNo,
                legalQualificationOn: person.legalQualificationOn ? dayjs(person.legalQualificationOn) : null,
                legalReviewSince: person.legalReviewSince ? dayjs(person.legalReviewSince) : null,
              }
            : { orgId: orgs.data?.items.length === 1 ? orgs.data.items[0].id : undefined }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {!person && (
          <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label="姓名" rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label="身份证号码"
          extra={person ? `现为 ${person.idNumberMasked}，不修改请留空` : '18位，系统按国家标准校验'}
          rules={[{ required: !person, message: '请填写身份证号码' }, { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '身份证号码应为18位，最后一位可为X' }]}
        >
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label="手机号码">
          <Input />
        </Form.Item>
        <Form.Item name="position" label="职务">
          <Input />
        </Form.Item>
        <Form.Item label="法律职业资格（从事法制审核的人员）" extra="初次从事行政处罚决定法制审核的人员，应当取得法律职业资格（《行政处罚法》第五十八条第二款）" style={{ marginBottom: 0 }}>
          <Space.Compact block>
            <Form.Item name="legalQualificationNo" style={{ flex: 2 }}>
              <Input placeholder="证书编号" maxLength={40} />
            </Form.Item>
            <Form.Item name="legalQualificationOn" style={{ flex: 1 }}>
              <DatePicker placeholder="取得日期" style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="legalReviewSince" label="从事法制审核工作起始日期" extra="2021年7月15日前已从事法制审核工作的，不属于初次从事">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {person && (users.data?.items.length ?? 0) > 0 && (
          <Form.Item name="userId" label="关联平台账号" extra="执法人员登录后，案件和检查中以此身份出现">
            <Select allowClear options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          保存
        </Button>
      </Form>
    </Modal>
  )
}
