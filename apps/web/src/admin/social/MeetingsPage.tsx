import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Drawer, Input, List, Modal, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import type { MeetingTask } from './social-types'

type Meeting = { id: string; title: string; heldOn: string; convenerName: string; location: string | null; minutes: string; decisions: string[]; attendeePersons: Array<{ name: string; title?: string | null }>; taskCount: number; openTasks: number }

/** 联席会议: meetings with attendees, minutes and decisions, and the follow-up tasks units report done. */
export function MeetingsPage() {
  const list = useQuery({ queryKey: ['joint-meetings'], queryFn: () => api.get<{ items: Meeting[] }>('/api/joint-meetings') })
  const tasks = useQuery({ queryKey: ['joint-meeting-tasks'], queryFn: () => api.get<{ items: MeetingTask[] }>('/api/joint-meeting-tasks', { status: 'open' }) })
  const [open, setOpen] = useState<Meeting | null>(null)
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="联席会议">
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
      {open && <MeetingDrawer meeting={open} onClose={() => setOpen(null)} />}
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

function MeetingDrawer({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
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
      <Typography.Title level={5} style={{ marginTop: 16 }}>任务落实</Typography.Title>
      <TaskTable tasks={detail.data?.tasks ?? []} />
    </Drawer>
  )
}
