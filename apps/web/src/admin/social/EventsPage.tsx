import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels, type SocialEventKind, socialEventKinds } from '@yangguang/core'
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Tag, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { useMe } from '../auth/session'
import { useOrgOptions } from '../shared/useOrgOptions'
import { canSupervise, type SocialEvent } from './social-types'

/** 阳光执法活动: enterprise forums, campaigns and trainings with their participants. */
export function EventsPage() {
  const list = useQuery({ queryKey: ['social-events'], queryFn: () => api.get<{ items: SocialEvent[] }>('/api/social-events') })
  const supervisor = canSupervise(useMe().data)
  const [recording, setRecording] = useState(false)
  const names = (e: SocialEvent, kind: string) => e.participants.filter((p) => p.kind === kind).map((p) => p.name).join('、')
  return (
    <Card title="阳光执法活动与企业座谈" extra={supervisor && <Button type="primary" onClick={() => setRecording(true)}>登记活动</Button>}>
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        renderItem={(e) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <div><Tag color="blue">{e.kindLabel}</Tag><Typography.Text strong>{e.title}</Typography.Text></div>
              <Typography.Text type="secondary">{e.heldOn} · {e.organisers} · {e.participantCount} 人参加{e.volunteersAppointed > 0 ? ` · 新聘义务监督员 ${e.volunteersAppointed} 名` : ''}</Typography.Text>
              <div>{e.summary}</div>
              <div style={{ color: '#666', fontSize: 12 }}>参加单位：{names(e, 'unit') || '—'}；企业：{names(e, 'enterprise') || '—'}{names(e, 'person') && `；人员：${names(e, 'person')}`}</div>
            </Space>
          </List.Item>
        )}
      />
      {recording && <RecordEvent onClose={() => setRecording(false)} />}
    </Card>
  )
}

type EventForm = { kind: SocialEventKind; title: string; heldOn: Dayjs; organisers: string; unitIds?: string[]; enterprises?: string[]; persons?: string[]; participantCount: number; summary?: string }

/** 登记活动: kind, date, title, organisers, who took part (units, enterprises, people) and how many, the summary. */
function RecordEvent({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = useMe().data
  const orgs = useOrgOptions()
  const [form] = Form.useForm<EventForm>()
  const save = useMutation({
    mutationFn: (v: EventForm) =>
      api.post('/api/social-events', {
        kind: v.kind,
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        organisers: v.organisers,
        participantCount: v.participantCount,
        participants: participantsOf(v, orgs),
        summary: v.summary ?? '',
      }),
    onSuccess: () => (message.success('已登记活动'), client.invalidateQueries({ queryKey: ['social-events'] }), onClose()),
    onError: (e) => message.error(e instanceof ApiError ? e.message : '登记失败'),
  })
  return (
    <Modal open title="登记阳光执法活动" width={720} okText="登记" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'forum', organisers: me?.orgName ?? '' }} onFinish={(v) => save.mutate(v)}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="kind" label="活动类别" style={{ width: 160 }}><Select showSearch={{ optionFilterProp: 'label' }} options={socialEventKinds.map((k) => ({ value: k, label: labels.socialEventKind[k] }))} /></Form.Item>
          <Form.Item name="heldOn" label="活动日期" rules={[{ required: true, message: '请选择活动日期' }]} style={{ width: 200 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </div>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, min: 2, message: '请填写活动名称' }]}><Input /></Form.Item>
        <Form.Item name="organisers" label="主办单位" rules={[{ required: true, min: 2, message: '请填写主办单位' }]}><Input placeholder="多个单位用顿号分隔" /></Form.Item>
        <Form.Item name="unitIds" label="参加单位"><Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={orgs} /></Form.Item>
        <Form.Item name="enterprises" label="参加企业" extra="输入企业名称后回车，可填多个；也可用顿号分隔"><Select mode="tags" tokenSeparators={['、', '，', ',']} notFoundContent={null} /></Form.Item>
        <Form.Item name="persons" label="其他参加人员" extra="输入姓名后回车，可填多个；也可用顿号分隔"><Select mode="tags" tokenSeparators={['、', '，', ',']} notFoundContent={null} /></Form.Item>
        <Form.Item
          name="participantCount"
          label="参加人数"
          dependencies={['unitIds', 'enterprises', 'persons']}
          rules={[
            { required: true, message: '请填写参加人数' },
            ({ getFieldsValue }) => ({
              validator: async (_, count: number | null) => {
                const listed = participantsOf(getFieldsValue(), orgs).length
                if (count != null && count < listed) throw new Error(`参加人数不能少于名单人数（${listed}）`)
              },
            }),
          ]}
        >
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item name="summary" label="活动情况"><Input.TextArea rows={4} /></Form.Item>
      </Form>
    </Modal>
  )
}

/** The participant list the API keeps: units by id and name, enterprises and people by name. */
function participantsOf(v: Partial<EventForm>, orgs: Array<{ value: string; label: string }>) {
  const names = new Map(orgs.map((o) => [o.value, o.label]))
  return [
    ...(v.unitIds ?? []).map((orgId) => ({ kind: 'unit' as const, orgId, name: names.get(orgId) ?? '' })),
    ...(v.enterprises ?? []).map((name) => ({ kind: 'enterprise' as const, name: name.trim() })),
    ...(v.persons ?? []).map((name) => ({ kind: 'person' as const, name: name.trim() })),
  ].filter((p) => p.name)
}
