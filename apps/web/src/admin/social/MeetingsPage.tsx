import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { useMe } from '../auth/session'
import { useOrgOptions } from '../shared/useOrgOptions'
import { canSupervise, type MeetingTask } from './social-types'

type Meeting = { id: string; title: string; heldOn: string; convenerName: string; location: string | null; minutes: string; decisions: string[]; attendeePersons: Array<{ name: string; title?: string | null }>; taskCount: number; openTasks: number }

/** 联席会议: meetings with attendees, minutes and decisions, and the follow-up tasks units report done. */
export function MeetingsPage() {
  const list = useQuery({ queryKey: ['joint-meetings'], queryFn: () => api.get<{ items: Meeting[] }>('/api/joint-meetings') })
  const tasks = useQuery({ queryKey: ['joint-meeting-tasks'], queryFn: () => api.get<{ items: MeetingTask[] }>('/api/joint-meeting-tasks', { status: 'open' }) })
  const [open, setOpen] = useState<Meeting | null>(null)
  const [recording, setRecording] = useState(false)
  const supervisor = canSupervise(useMe().data)
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="联席会议" extra={supervisor && <Button type="primary" onClick={() => setRecording(true)}>登记联席会议</Button>}>
        <Table<Meeting>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          columns={[
            { title: '会议', render: (_, m) => <Button type="link" onClick={() => setOpen(m)}>{m.title}</Button> },
            { title: '日期', dataIndex: 'heldOn', width: 110 },
            { title: '召集', dataIndex: 'convenerName', width: 140 },
            { title: '议定事项', render: (_, m) => m.decisions.length, width: 90 },
            { title: '任务', render: (_, m) => <span>{m.taskCount} 项{m.openTasks > 0 && <Tag color="orange" style={{ marginLeft: 6 }}>未完成 {m.openTasks}</Tag>}</span>, width: 160 },
          ]}
        />
      </Card>
      <Card title="未完成的会议任务">
        <TaskTable tasks={tasks.data?.items ?? []} />
      </Card>
      {open && <MeetingDrawer meeting={open} supervisor={supervisor} onClose={() => setOpen(null)} />}
      {recording && <RecordMeeting onClose={() => setRecording(false)} />}
    </Space>
  )
}

function TaskTable({ tasks }: { tasks: MeetingTask[] }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const done = (t: MeetingTask) => {
    let note = ''
    Modal.confirm({
      title: `报告完成：${t.title}`,
      content: <Input.TextArea placeholder="完成情况" onChange={(e) => (note = e.target.value)} />,
      onOk: () =>
        api
          .post(`/api/joint-meeting-tasks/${t.id}/done`, { note })
          .then(() => (message.success('已报告完成'), client.invalidateQueries({ queryKey: ['joint-meeting-tasks'] }), client.invalidateQueries({ queryKey: ['joint-meetings'] })))
          .catch((e) => (message.error(e instanceof ApiError ? e.message : '操作失败'), Promise.reject(e))),
    })
  }
  return (
    <Table<MeetingTask>
      rowKey="id"
      size="small"
      dataSource={tasks}
      pagination={false}
      columns={[
        { title: '任务', dataIndex: 'title' },
        { title: '会议', dataIndex: 'meetingTitle' },
        { title: '承办单位', dataIndex: 'orgName', width: 180 },
        { title: '期限', render: (_, t) => <span>{t.dueOn} {t.overdue && <Tag color="red">逾期</Tag>}</span>, width: 140 },
        { title: '状态', render: (_, t) => (t.status === 'done' ? <Tag color="green">已完成</Tag> : t.actions.includes('done') ? <Button size="small" onClick={() => done(t)}>报告完成</Button> : <Tag color="blue">进行中</Tag>), width: 110 },
      ]}
    />
  )
}

/** What the record form holds: dates as the pickers give them, the lists as entered. */
type MeetingForm = {
  title: string
  heldOn: Dayjs
  convenerOrgId: string
  location?: string
  attendeeOrgIds?: string[]
  attendeePersons?: Array<{ name: string; title?: string }>
  minutes?: string
  decisions?: string[]
  tasks?: Array<TaskForm>
}
type TaskForm = { title: string; orgId: string; dueOn: Dayjs; decisionNo?: number }

const taskBody = (t: TaskForm) => ({ title: t.title, orgId: t.orgId, dueOn: t.dueOn.format('YYYY-MM-DD'), decisionNo: t.decisionNo ?? null })

/** Invalidates what a new meeting or task changes: the meetings (with their counts) and the open tasks. */
const refreshMeetings = (client: ReturnType<typeof useQueryClient>) => Promise.all([client.invalidateQueries({ queryKey: ['joint-meetings'] }), client.invalidateQueries({ queryKey: ['joint-meeting-tasks'] })])

/** 登记联席会议: date and place, who attended (units and people), the minutes, the decisions and the tasks they set. */
function RecordMeeting({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = useMe().data
  const orgs = useOrgOptions()
  const [form] = Form.useForm<MeetingForm>()
  const decisions = Form.useWatch('decisions', form) ?? []
  const save = useMutation({
    mutationFn: (v: MeetingForm) =>
      api.post('/api/joint-meetings', {
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        convenerOrgId: v.convenerOrgId,
        location: v.location || null,
        attendeeOrgIds: v.attendeeOrgIds ?? [],
        attendeePersons: (v.attendeePersons ?? []).map((p) => ({ name: p.name, title: p.title || null })),
        minutes: v.minutes ?? '',
        decisions: v.decisions ?? [],
        tasks: (v.tasks ?? []).map(taskBody),
      }),
    onSuccess: () => (message.success('已登记联席会议'), refreshMeetings(client), onClose()),
    onError: (e) => message.error(e instanceof ApiError ? e.message : '登记失败'),
  })
  const select = { showSearch: { optionFilterProp: 'label' }, options: orgs }
  return (
    <Modal open title="登记联席会议" width={760} okText="登记" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ convenerOrgId: me?.orgId ?? undefined, decisions: [''], tasks: [] }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, message: '请填写会议名称' }]}><Input placeholder="如 2026年第一次行政执法联席会议" /></Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]} style={{ width: 200 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="location" label="地点" style={{ flex: 1 }}><Input /></Form.Item>
        </div>
        <Form.Item name="convenerOrgId" label="召集单位" rules={[{ required: true, message: '请选择召集单位' }]}><Select {...select} /></Form.Item>
        <Form.Item name="attendeeOrgIds" label="参会单位"><Select mode="multiple" {...select} /></Form.Item>
        <Form.List name="attendeePersons">
          {(fields, { add, remove }) => (
            <Form.Item label="参会人员">
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}><Input placeholder="姓名" aria-label="参会人员姓名" /></Form.Item>
                  <Form.Item name={[f.name, 'title']}><Input placeholder="单位职务（选填）" aria-label="参会人员职务" style={{ width: 260 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({})}>增加参会人员</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="minutes" label="会议纪要"><Input.TextArea rows={4} /></Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Form.Item label="议定事项">
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={f.name} rules={[{ required: true, min: 2, message: '请填写议定事项，或删除这一项' }]}><Input.TextArea rows={1} aria-label={`议定事项${i + 1}`} placeholder={`第 ${i + 1} 项`} style={{ width: 560 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add('')}>增加议定事项</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <Form.Item label="任务分解（承办单位和期限）">
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`任务 ${i + 1}`} extra={<Button size="small" onClick={() => remove(f.name)}>删除</Button>}>
                  <TaskFields prefix={[f.name]} label={`任务${i + 1}`} orgs={orgs} decisions={decisions} />
                </Card>
              ))}
              <Button onClick={() => add({})}>增加任务</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}

/** A task's fields, in the record form's list (prefix = its row) or on their own (prefix = []). */
function TaskFields({ prefix, label, orgs, decisions }: { prefix: Array<string | number>; label: string; orgs: Array<{ value: string; label: string }>; decisions: string[] }) {
  return (
    <>
      <Form.Item name={[...prefix, 'title']} label={`${label}内容`} rules={[{ required: true, min: 2, message: '请填写任务' }]}><Input /></Form.Item>
      <div style={{ display: 'flex', gap: 16 }}>
        <Form.Item name={[...prefix, 'orgId']} label={`${label}承办单位`} rules={[{ required: true, message: '请选择承办单位' }]} style={{ flex: 1 }}><Select showSearch={{ optionFilterProp: 'label' }} options={orgs} /></Form.Item>
        <Form.Item name={[...prefix, 'dueOn']} label={`${label}期限`} rules={[{ required: true, message: '请选择期限' }]} style={{ width: 180 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </div>
      <Form.Item name={[...prefix, 'decisionNo']} label={`${label}对应的议定事项（选填）`}><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={decisions.map((d, i) => ({ value: i + 1, label: `${i + 1}. ${d || '（未填写）'}` }))} /></Form.Item>
    </>
  )
}

/** 增加任务 to a recorded meeting. */
function AddTask({ meeting, decisions, onClose }: { meeting: Meeting; decisions: string[]; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const orgs = useOrgOptions()
  const [form] = Form.useForm<TaskForm>()
  const save = useMutation({
    mutationFn: (v: TaskForm) => api.post(`/api/joint-meetings/${meeting.id}/tasks`, taskBody(v)),
    onSuccess: () => (message.success('已增加任务'), refreshMeetings(client), onClose()),
    onError: (e) => message.error(e instanceof ApiError ? e.message : '增加失败'),
  })
  return (
    <Modal open title={`为《${meeting.title}》增加任务`} okText="增加" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <TaskFields prefix={[]} label="任务" orgs={orgs} decisions={decisions} />
      </Form>
    </Modal>
  )
}

function MeetingDrawer({ meeting, supervisor, onClose }: { meeting: Meeting; supervisor: boolean; onClose: () => void }) {
  const [adding, setAdding] = useState(false)
  const detail = useQuery({ queryKey: ['joint-meetings', meeting.id], queryFn: () => api.get<{ attendeeOrgs: Array<{ id: string; name: string }>; tasks: MeetingTask[] }>(`/api/joint-meetings/${meeting.id}`) })
  return (
    <Drawer open title={meeting.title} onClose={onClose} size={680}>
      <Descriptions column={1} size="small" bordered items={[
        { key: 'd', label: '日期', children: meeting.heldOn },
        { key: 'c', label: '召集单位', children: meeting.convenerName },
        { key: 'l', label: '地点', children: meeting.location ?? '—' },
        { key: 'o', label: '参会单位', children: detail.data?.attendeeOrgs.map((o) => o.name).join('、') },
        { key: 'p', label: '参会人员', children: meeting.attendeePersons.map((p) => `${p.name}${p.title ? `（${p.title}）` : ''}`).join('、') || '—' },
        { key: 'm', label: '纪要', children: meeting.minutes },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>议定事项</Typography.Title>
      <List size="small" dataSource={meeting.decisions} renderItem={(d, i) => <List.Item>{i + 1}. {d}</List.Item>} />
      <Space style={{ marginTop: 16, marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>任务落实</Typography.Title>
        {supervisor && <Button size="small" onClick={() => setAdding(true)}>增加任务</Button>}
      </Space>
      <TaskTable tasks={detail.data?.tasks ?? []} />
      {adding && <AddTask meeting={meeting} decisions={meeting.decisions} onClose={() => setAdding(false)} />}
    </Drawer>
  )
}
