import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Steps, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'

type View = {
  complaintNo: string
  categoryLabel: string
  orgName: string
  status: string
  statusLabel: string
  receivedOn: string
  triageNote: string | null
  transferredTo: string | null
  answerDueOn: string | null
  answer: string | null
  answeredOn: string | null
  feedback: 'satisfied' | 'unsatisfied' | null
  canFeedback: boolean
  timeline: Array<{ action: string; label: string; on: string }>
}

/** 进度查询 — the complainant follows the complaint with the code, reads the answer and rates it. The code goes in the body, never the address. */
export function ComplaintLookupPage() {
  const [code, setCode] = useState('')
  const lookup = useMutation({ mutationFn: (c: string) => api.post<View>('/api/public/complaints/lookup', { code: c }) })
  const feedback = useMutation({ mutationFn: (b: { satisfied: boolean; note?: string }) => api.post<View>('/api/public/complaints/feedback', { code, ...b }) })
  const view = feedback.data ?? lookup.data
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>投诉进度查询</Typography.Title>
        <Typography.Text type="secondary">输入提交投诉举报时获得的查询码，查看受理、交办和答复情况。</Typography.Text>
      </div>
      <Card size="small">
        <Form layout="vertical" onFinish={(v: { code: string }) => (setCode(v.code.trim()), feedback.reset(), lookup.mutate(v.code.trim()))}>
          <Form.Item label="查询码" name="code" rules={[{ required: true, message: '请输入查询码' }]}>
            <Input placeholder="如 K7QF-9XMD-2HPA" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isPending}>查询</Button>
        </Form>
      </Card>
      {lookup.isError && <Alert type="error" showIcon title={lookup.error instanceof ApiError ? lookup.error.message : '查询失败'} data-testid="complaint-lookup-error" />}
      {view && (
        <Card size="small" title={`投诉举报 ${view.complaintNo}`} data-testid="complaint-result">
          <Descriptions column={1} size="small" items={[
            { key: 's', label: '办理状态', children: <Tag color="blue">{view.statusLabel}</Tag> },
            { key: 'c', label: '类别', children: view.categoryLabel },
            { key: 'o', label: '被投诉单位', children: view.orgName },
            { key: 'r', label: '提交日期', children: view.receivedOn },
            ...(view.answerDueOn && !view.answer ? [{ key: 'd', label: '答复期限', children: view.answerDueOn }] : []),
            ...(view.triageNote ? [{ key: 'n', label: view.status === 'transferred' ? `已转 ${view.transferredTo ?? ''}` : '说明', children: view.triageNote }] : []),
          ]} />
          <Steps size="small" orientation="vertical" current={view.timeline.length - 1} items={view.timeline.map((e) => ({ title: e.label, content: e.on }))} style={{ marginTop: 12 }} />
          {view.answer && (
            <Card size="small" type="inner" title={`答复（${view.answeredOn}）`} style={{ marginTop: 12 }}>
              <div data-testid="complaint-answer">{view.answer}</div>
            </Card>
          )}
          {view.canFeedback && (
            <Form layout="vertical" style={{ marginTop: 12 }} onFinish={(v: { satisfied: boolean; note?: string }) => feedback.mutate(v)}>
              <Form.Item name="satisfied" label="您对答复是否满意？" rules={[{ required: true, message: '请选择' }]}>
                <Radio.Group options={[{ value: true, label: '满意' }, { value: false, label: '不满意' }]} />
              </Form.Item>
              <Form.Item name="note" label="意见（选填）"><Input.TextArea rows={2} /></Form.Item>
              <Button htmlType="submit" loading={feedback.isPending}>提交评价</Button>
            </Form>
          )}
          {view.feedback && <Alert style={{ marginTop: 12 }} type="success" title={`您已评价：${view.feedback === 'satisfied' ? '满意' : '不满意'}`} />}
          {feedback.isError && <Alert type="error" title={feedback.error instanceof ApiError ? feedback.error.message : '评价失败'} />}
        </Card>
      )}
    </Space>
  )
}
