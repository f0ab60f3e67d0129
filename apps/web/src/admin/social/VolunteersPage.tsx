import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels, volunteerRepresentations, volunteerTargetKinds } from '@yangguang/core'
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { fmtTime, type Opinion, type Volunteer } from './social-types'

type Dayjs = { format: (f: string) => string }

/** 行政执法义务监督员: the roll (appointments, terms, tasks) and their opinions with the bureau's answers. */
export function VolunteersPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const roll = useQuery({ queryKey: ['volunteers'], queryFn: () => api.get<{ items: Volunteer[] }>('/api/volunteers') })
  const opinions = useQuery({ queryKey: ['volunteer-opinions'], queryFn: () => api.get<{ items: Opinion[] }>('/api/volunteer-opinions') })
  const [appointing, setAppointing] = useState(false)
  const [assigning, setAssigning] = useState<Volunteer | null>(null)
  const [answering, setAnswering] = useState<Opinion | null>(null)
  const refresh = () => client.invalidateQueries({ queryKey: ['volunteers'] }).then(() => client.invalidateQueries({ queryKey: ['volunteer-opinions'] }))
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="行政执法义务监督员" extra={<Button type="primary" onClick={() => setAppointing(true)}>聘任</Button>}>
        <Table<Volunteer>
          rowKey="id"
          loading={roll.isLoading}
          dataSource={roll.data?.items}
          scroll={{ x: 960 }}
          expandable={{ expandedRowRender: (v) => <Table size="small" rowKey="id" pagination={false} dataSource={v.assignments} columns={[{ title: '任务', render: (_, a) => `${a.targetKindLabel}：${a.title}` }, { title: '期限', dataIndex: 'dueOn', width: 110 }, { title: '状态', render: (_, a) => <Tag color={a.status === 'done' ? 'green' : 'blue'}>{a.status === 'done' ? '已完成' : a.status === 'open' ? '进行中' : '已取消'}</Tag>, width: 90 }]} /> }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '界别', dataIndex: 'representationLabel', width: 100 },
            { title: '职业/单位', dataIndex: 'occupation' },
            { title: '聘期', render: (_, v) => `${v.termFrom} 至 ${v.termTo}`, width: 210 },
            { title: '文号', dataIndex: 'appointmentDocNo', width: 170 },
            { title: '账号', render: (_, v) => v.username ?? '—', width: 90 },
            { title: '状态', render: (_, v) => <Tag color={v.inTerm ? 'green' : 'default'}>{v.status === 'ended' ? '已解聘' : v.inTerm ? '在聘' : '未在聘期'}</Tag>, width: 90 },
            { title: '操作', render: (_, v) => v.actions.includes('assign') && <Button type="link" size="small" onClick={() => setAssigning(v)}>安排任务</Button>, width: 100 },
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
