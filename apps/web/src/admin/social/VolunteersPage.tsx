import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels, volunteerRepresentations, volunteerTargetKinds } from '@yangguang/core'
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { useMe } from '../auth/session'
import { canSupervise, fmtTime, type Opinion, type SocialEvent, type Volunteer } from './social-types'

/** 行政执法义务监督员: the roll (appointments, terms, tasks) and their opinions with the bureau's answers. */
export function VolunteersPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const roll = useQuery({ queryKey: ['volunteers'], queryFn: () => api.get<{ items: Volunteer[] }>('/api/volunteers') })
  const opinions = useQuery({ queryKey: ['volunteer-opinions'], queryFn: () => api.get<{ items: Opinion[] }>('/api/volunteer-opinions') })
  const [appointing, setAppointing] = useState(false)
  const [assigning, setAssigning] = useState<Volunteer | null>(null)
  const [ending, setEnding] = useState<Volunteer | null>(null)
  const [linking, setLinking] = useState<Volunteer | null>(null)
  const supervisor = canSupervise(useMe().data)
  const [answering, setAnswering] = useState<Opinion | null>(null)
  const events = useQuery({ queryKey: ['social-events'], queryFn: () => api.get<{ items: SocialEvent[] }>('/api/social-events'), enabled: appointing })
  const refresh = () => client.invalidateQueries({ queryKey: ['volunteers'] }).then(() => client.invalidateQueries({ queryKey: ['volunteer-opinions'] }))
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="行政执法义务监督员" extra={supervisor && <Button type="primary" onClick={() => setAppointing(true)}>聘任</Button>}>
        <Table<Volunteer>
          rowKey="id"
          loading={roll.isLoading}
          dataSource={roll.data?.items}
          scroll={{ x: 1100 }}
          expandable={{ expandedRowRender: (v) => <Table size="small" rowKey="id" pagination={false} dataSource={v.assignments} columns={[{ title: '任务', render: (_, a) => `${a.targetKindLabel}：${a.title}` }, { title: '期限', dataIndex: 'dueOn', width: 110 }, { title: '状态', render: (_, a) => <Tag color={a.status === 'done' ? 'green' : a.status === 'open' ? 'blue' : 'default'}>{a.status === 'done' ? '已完成' : a.status === 'open' ? '进行中' : '已取消'}</Tag>, width: 90 }]} /> }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '界别', dataIndex: 'representationLabel', width: 100 },
            { title: '职业/单位', dataIndex: 'occupation' },
            { title: '聘期', render: (_, v) => `${v.termFrom} 至 ${v.termTo}`, width: 210 },
            { title: '文号', dataIndex: 'appointmentDocNo', width: 170 },
            { title: '账号', render: (_, v) => v.username ?? '—', width: 90 },
            {
              title: '状态',
              render: (_, v) => (
                <span data-testid={`volunteer-status-${v.name}`}>
                  <Tag color={v.inTerm ? 'green' : 'default'}>{v.status === 'ended' ? '已解聘' : v.inTerm ? '在聘' : '未在聘期'}</Tag>
                  {v.status === 'ended' && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{v.endedOn}：{v.endReason}</Typography.Text>}
                </span>
              ),
              width: 160,
            },
            {
              title: '操作',
              render: (_, v) => (
                <Space size={0} wrap>
                  {v.actions.includes('assign') && <Button type="link" size="small" onClick={() => setAssigning(v)}>安排任务</Button>}
                  {v.actions.includes('link_account') && <Button type="link" size="small" onClick={() => setLinking(v)}>关联账号</Button>}
                  {v.actions.includes('end') && <Button type="link" size="small" danger onClick={() => setEnding(v)}>解聘</Button>}
                </Space>
              ),
              width: 130,
            },
          ]}
        />
      </Card>
      <Card title="监督意见与答复">
        <Table<Opinion>
          rowKey="id"
          loading={opinions.isLoading}
          dataSource={opinions.data?.items}
          scroll={{ x: 960 }}
          columns={[
            { title: '监督员', dataIndex: 'volunteerName', width: 90 },
            { title: '意见', render: (_, o) => <><div>{o.content}</div>{o.assignmentTitle && <Typography.Text type="secondary">任务：{o.assignmentTitle}</Typography.Text>}{o.attachments.map((a) => <div key={a.sha256}><a href={`/api/volunteer-opinions/${o.id}/attachments/${a.sha256}`}>{a.name}</a></div>)}</> },
            { title: '提出', render: (_, o) => fmtTime(o.submittedAt).slice(0, 10), width: 110 },
            { title: '答复期限', render: (_, o) => <span>{o.answerDueOn} {o.overdue && <Tag color="red">逾期</Tag>}</span>, width: 150 },
            { title: '答复', render: (_, o) => o.answer ?? (o.actions.includes('answer') ? <Button size="small" onClick={() => setAnswering(o)}>答复</Button> : '—') },
          ]}
        />
      </Card>
      {appointing && (
        <Modal open title="聘任义务监督员" footer={null} onCancel={() => setAppointing(false)} destroyOnHidden>
          <Form layout="vertical" initialValues={{ representation: 'public', noDisqualification: false }} onFinish={(v: Record<string, unknown> & { term: [Dayjs, Dayjs] }) => api.post('/api/volunteers', { ...v, term: undefined, termFrom: v.term[0].format('YYYY-MM-DD'), termTo: v.term[1].format('YYYY-MM-DD') }).then(() => (message.success('已聘任'), setAppointing(false), refresh())).catch(fail)}>
            <Form.Item name="name" label="姓名" rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="phone" label="联系电话"><Input /></Form.Item>
            <Form.Item name="occupation" label="职业/单位" rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="representation" label="界别"><Select options={volunteerRepresentations.map((r) => ({ value: r, label: labels.volunteerRepresentation[r] }))} /></Form.Item>
            <Space.Compact block>
              <Form.Item name="education" label="学历" style={{ flex: 1 }}><Input placeholder="大专及以上" /></Form.Item>
              <Form.Item name="birthYear" label="出生年份"><InputNumber min={1900} max={2100} /></Form.Item>
            </Space.Compact>
            <Form.Item name="term" label="聘期" rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="appointmentDocNo" label="聘任文号" rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="eventId" label="聘任时的活动（选填）"><Select allowClear options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.heldOn} ${e.title}` }))} /></Form.Item>
            <Form.Item name="noDisqualification" valuePropName="checked"><Checkbox>已核实：未受过处分、未被开除公职、未被列为失信被执行人</Checkbox></Form.Item>
            <Button type="primary" htmlType="submit" block>聘任</Button>
          </Form>
        </Modal>
      )}
      {assigning && (
        <Modal open title={`给 ${assigning.name} 安排任务`} footer={null} onCancel={() => setAssigning(null)} destroyOnHidden>
          <Form layout="vertical" initialValues={{ targetKind: 'inspection' }} onFinish={(v: { targetKind: string; title: string; note?: string; due?: Dayjs }) => api.post(`/api/volunteers/${assigning.id}/assignments`, { targetKind: v.targetKind, title: v.title, note: v.note ?? null, dueOn: v.due ? v.due.format('YYYY-MM-DD') : null }).then(() => (message.success('已安排'), setAssigning(null), refresh())).catch(fail)}>
            <Form.Item name="targetKind" label="类别"><Select options={volunteerTargetKinds.map((k) => ({ value: k, label: labels.volunteerTargetKind[k] }))} /></Form.Item>
            <Form.Item name="title" label="任务" rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="note" label="说明"><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="due" label="期限"><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Button type="primary" htmlType="submit" block>安排</Button>
          </Form>
        </Modal>
      )}
      {ending && <EndVolunteer volunteer={ending} onClose={() => setEnding(null)} onDone={refresh} />}
      {linking && <LinkAccount volunteer={linking} onClose={() => setLinking(null)} onDone={refresh} />}
      {answering && <AnswerOpinion opinion={answering} onClose={() => setAnswering(null)} onDone={refresh} />}
    </Space>
  )
}

function AnswerOpinion({ opinion, onClose, onDone }: { opinion: Opinion; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const save = useMutation({ mutationFn: (answer: string) => api.post(`/api/volunteer-opinions/${opinion.id}/answer`, { answer }), onSuccess: () => (message.success('已答复'), onDone(), onClose()), onError: (e) => message.error(e instanceof ApiError ? e.message : '答复失败') })
  return (
    <Modal open title={`答复 ${opinion.volunteerName} 的意见`} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{opinion.content}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v: { answer: string }) => save.mutate(v.answer)}>
        <Form.Item name="answer" label="答复" rules={[{ required: true, min: 5 }]}><Input.TextArea rows={4} /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={save.isPending}>提交答复</Button>
      </Form>
    </Modal>
  )
}

/**
 * 解聘: ends the term early, on a day within the term and not later than today, with the reason; the
 * volunteer's open tasks are cancelled with it.
 */
function EndVolunteer({ volunteer, onClose, onDone }: { volunteer: Volunteer; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ endedOn: Dayjs; reason: string }>()
  const save = useMutation({
    mutationFn: (v: { endedOn: Dayjs; reason: string }) => api.post(`/api/volunteers/${volunteer.id}/end`, { endedOn: v.endedOn.format('YYYY-MM-DD'), reason: v.reason }),
    onSuccess: () => (message.success(`已解聘 ${volunteer.name}`), onDone(), onClose()),
    onError: (e) => message.error(e instanceof ApiError ? e.message : '解聘失败'),
  })
  const open = volunteer.assignments.filter((a) => a.status === 'open').length
  const outside = (d: Dayjs) => d.isBefore(dayjs(volunteer.termFrom), 'day') || d.isAfter(dayjs(volunteer.termTo), 'day') || d.isAfter(dayjs(), 'day')
  return (
    <Modal open title={`解聘义务监督员 ${volunteer.name}`} okText="解聘" okButtonProps={{ danger: true }} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">聘期 {volunteer.termFrom} 至 {volunteer.termTo}，{volunteer.appointmentDocNo}。{open > 0 ? `解聘后，未完成的 ${open} 项任务随之取消。` : ''}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ endedOn: dayjs() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="endedOn" label="解聘日期" rules={[{ required: true, message: '请选择解聘日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={outside} /></Form.Item>
        <Form.Item name="reason" label="解聘原因" rules={[{ required: true, whitespace: true, min: 2, message: '请说明解聘原因' }]}><Input.TextArea rows={3} placeholder="如 本人申请辞去、不再符合聘任条件、未履行监督职责" /></Form.Item>
      </Form>
    </Modal>
  )
}

/** 关联账号: the volunteer's own sign-in (a 义务监督员 account), so they see their tasks and send opinions. */
function LinkAccount({ volunteer, onClose, onDone }: { volunteer: Volunteer; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ username: string }>()
  const save = useMutation({
    mutationFn: (v: { username: string }) => api.post(`/api/volunteers/${volunteer.id}/account`, v),
    onSuccess: () => (message.success('已关联账号'), onDone(), onClose()),
    onError: (e) => message.error(e instanceof ApiError ? e.message : '关联失败'),
  })
  return (
    <Modal open title={`关联 ${volunteer.name} 的账号`} okText="关联" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ username: volunteer.username ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="username" label="账号（角色为义务监督员）" extra="账号在 系统管理 → 账号管理 中创建；一个账号只能关联一条聘任记录" rules={[{ required: true, min: 2, message: '请填写账号' }]}><Input /></Form.Item>
      </Form>
    </Modal>
  )
}
