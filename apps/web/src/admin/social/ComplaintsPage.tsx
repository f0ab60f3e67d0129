import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { complaintCategories, complaintStatuses, labels } from '@yangguang/core'
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { api, ApiError } from '../../shared/api'
import { useMe } from '../auth/session'
import { useOrgOptions } from '../shared/useOrgOptions'
import { canSupervise, type Complaint, fmtTime } from './social-types'

const statusColor: Record<string, string> = { received: 'orange', accepted: 'blue', assigned: 'processing', answered: 'green', closed: 'default', not_accepted: 'default', transferred: 'purple' }

type InspectionComplaint = { id: string; anonymous: boolean; content: string; createdAt: string; orgName: string | null; enterpriseName: string | null }

/**
 * 投诉举报: the bureau's triage board (受理 / 不予受理 / 转办, 交办 with a deadline, 办结) with the
 * enterprises' inspection complaints waiting to be taken in; a unit sees the complaints handed to
 * it — never who complained — and answers them.
 */
export function ComplaintsPage() {
  const [params, setParams] = useSearchParams()
  const [status, setStatus] = useState<string | undefined>()
  const [overdue, setOverdue] = useState(false)
  const list = useQuery({ queryKey: ['complaints', status, overdue], queryFn: () => api.get<{ items: Complaint[] }>('/api/complaints', { status, overdue: overdue ? 'true' : undefined }) })
  const openId = params.get('id')
  const isBureau = list.data?.items.some((c) => c.complainant !== undefined) ?? false
  const supervisor = canSupervise(useMe().data)
  const [settingUp, setSettingUp] = useState(false)
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="投诉举报"
        extra={
          <Space>
            <Typography.Text type="secondary">公众和企业在公示门户提交，可匿名；承办单位看不到投诉人身份</Typography.Text>
            {supervisor && <Button onClick={() => setSettingUp(true)}>期限设置</Button>}
          </Space>
        }
      >
        <Space style={{ marginBottom: 16 }} wrap>
          <Select placeholder="状态" allowClear style={{ width: 140 }} options={complaintStatuses.map((s) => ({ value: s, label: labels.complaintStatus[s] }))} onChange={setStatus} />
          <Radio.Group value={overdue} onChange={(e) => setOverdue(e.target.value)} optionType="button" options={[{ value: false, label: '全部' }, { value: true, label: '逾期未答复' }]} />
        </Space>
        <Table<Complaint>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 980 }}
          columns={[
            { title: '编号', render: (_, c) => <Button type="link" onClick={() => setParams({ id: c.id })}>{c.complaintNo}</Button>, width: 170 },
            { title: '类别', dataIndex: 'categoryLabel', width: 130 },
            { title: '被投诉单位', dataIndex: 'orgName' },
            ...(isBureau ? [{ title: '投诉人', render: (_: unknown, c: Complaint) => (c.anonymous ? <Tag>匿名</Tag> : c.complainant?.name) }] : []),
            { title: '收到', render: (_, c) => fmtTime(c.receivedAt).slice(0, 10), width: 110 },
            { title: '承办', render: (_, c) => c.handlerOrgName ?? '—' },
            { title: '答复期限', render: (_, c) => (c.answerDueOn ? <span>{c.answerDueOn} {c.overdue && <Tag color="red">逾期</Tag>}{c.answerDueProvisional && <Tag color="warning">暂定</Tag>}</span> : '—'), width: 170 },
            { title: '状态', render: (_, c) => <Tag color={statusColor[c.status]}>{c.statusLabel}</Tag>, width: 90 },
          ]}
        />
      </Card>
      {isBureau && <InspectionComplaints />}
      {openId && <ComplaintDrawer id={openId} onClose={() => setParams({})} />}
      {settingUp && <DeadlineSettings onClose={() => setSettingUp(false)} />}
    </Space>
  )
}

type Settings = { complaintAnswerDays: number; opinionAnswerDays: number; transferAcceptDays: number }

/** 期限设置: the bureau's working days for answering complaints and volunteers' opinions and for accepting transfers. */
function DeadlineSettings({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const current = useQuery({ queryKey: ['social-settings'], queryFn: () => api.get<Settings>('/api/social/settings') })
  const save = useMutation({
    mutationFn: (v: Settings) => api.post<Settings>('/api/social/settings', v),
    onSuccess: (saved) => (message.success('已保存，新交办、新提出和新移送的事项按新期限计算'), client.setQueryData(['social-settings'], saved), onClose()),
    onError: (e) => message.error(e instanceof ApiError ? e.message : '保存失败'),
  })
  const [form] = Form.useForm<Settings>()
  const days = (name: keyof Settings, label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: '请填写工作日数' }]}><InputNumber min={1} max={max} suffix="个工作日" style={{ width: 180 }} /></Form.Item>
  )
  return (
    <Modal open title="社会监督期限设置" okText="保存" onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ disabled: !current.data }} onCancel={onClose} destroyOnHidden>
      {current.isError && <Alert type="error" showIcon title={current.error instanceof ApiError ? current.error.message : '加载失败'} />}
      {current.data && (
        <Form form={form} layout="vertical" initialValues={current.data} onFinish={(v) => save.mutate(v)}>
          {days('complaintAnswerDays', '投诉举报答复期限', 90)}
          {days('opinionAnswerDays', '监督意见答复期限', 90)}
          {days('transferAcceptDays', '移送接收期限', 30)}
          <Typography.Text type="secondary">已交办、已提出或已移送的事项保持原期限。</Typography.Text>
        </Form>
      )}
    </Modal>
  )
}

function InspectionComplaints() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const list = useQuery({ queryKey: ['complaints', 'inspection'], queryFn: () => api.get<{ items: InspectionComplaint[] }>('/api/complaints/inspection-complaints') })
  const [category, setCategory] = useState<Record<string, string>>({})
  if (!list.data?.items.length) return null
  return (
    <Card title="企业对检查的投诉（待转入）" size="small">
      <Table<InspectionComplaint>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data.items}
        columns={[
          { title: '企业', render: (_, r) => (r.anonymous ? <Tag>匿名</Tag> : r.enterpriseName) },
          { title: '被投诉单位', dataIndex: 'orgName' },
          { title: '内容', dataIndex: 'content' },
          {
            title: '转入',
            render: (_, r) => (
              <Space.Compact>
                <Select style={{ width: 150 }} defaultValue="arbitrary_inspection" options={complaintCategories.map((c) => ({ value: c, label: labels.complaintCategory[c] }))} onChange={(v) => setCategory({ ...category, [r.id]: v })} />
                <Button
                  onClick={() =>
                    api
                      .post(`/api/complaints/from-inspection/${r.id}`, { category: category[r.id] ?? 'arbitrary_inspection' })
                      .then(() => (message.success('已转入投诉举报并受理'), client.invalidateQueries({ queryKey: ['complaints'] })))
                      .catch((e) => message.error(e instanceof ApiError ? e.message : '操作失败'))
                  }
                >
                  转入办理
                </Button>
              </Space.Compact>
            ),
          },
        ]}
      />
    </Card>
  )
}

function ComplaintDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const orgs = useOrgOptions()
  const detail = useQuery({ queryKey: ['complaints', 'one', id], queryFn: () => api.get<{ complaint: Complaint; timeline: Array<{ action: string; note: string | null; actorName: string; at: string }> }>(`/api/complaints/${id}`) })
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) => api.post(`/api/complaints/${id}/${path}`, body),
    onSuccess: () => {
      message.success('已办理')
      void client.invalidateQueries({ queryKey: ['complaints'] })
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : '操作失败'),
  })
  const c = detail.data?.complaint
  return (
    <Drawer open title={c ? `投诉举报 ${c.complaintNo}` : '投诉举报'} onClose={onClose} size={640}>
      {c && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {c.overdue && <Alert type="error" showIcon title={`已超过答复期限 ${c.answerDueOn}${c.escalatedAt ? '，已提请督办' : ''}`} />}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="状态"><Tag color={statusColor[c.status]} data-testid="complaint-status">{c.statusLabel}</Tag></Descriptions.Item>
            <Descriptions.Item label="类别">{c.categoryLabel}</Descriptions.Item>
            <Descriptions.Item label="被投诉单位">{c.orgName}{c.officerName ? `（涉及人员：${c.officerName}）` : ''}</Descriptions.Item>
            {c.complainant && <Descriptions.Item label="投诉人">{c.anonymous ? '匿名' : `${c.complainant.name ?? ''}${c.complainant.phone ? `，${c.complainant.phone}` : ''}`}</Descriptions.Item>}
            <Descriptions.Item label="收到">{fmtTime(c.receivedAt)}</Descriptions.Item>
            {c.occurredOn && <Descriptions.Item label="发生日期">{c.occurredOn}</Descriptions.Item>}
            <Descriptions.Item label="内容">{c.content}</Descriptions.Item>
            {c.triageNote && <Descriptions.Item label="分拣意见">{c.triageNote}{c.transferredTo ? `（转 ${c.transferredTo}）` : ''}</Descriptions.Item>}
            {c.handlerOrgName && <Descriptions.Item label="承办">{c.handlerOrgName}，{c.answerDueOn} 前答复{c.answerDueProvisional ? '（暂定）' : ''}</Descriptions.Item>}
            {c.answer && <Descriptions.Item label="答复">{c.answer}</Descriptions.Item>}
            {c.feedback && <Descriptions.Item label="投诉人评价">{c.feedback === 'satisfied' ? '满意' : '不满意'}{c.feedbackNote ? `：${c.feedbackNote}` : ''}</Descriptions.Item>}
          </Descriptions>
          {c.actions.includes('accept') && (
            <Card size="small" title="分拣">
              <Form layout="vertical" onFinish={(v: { decision: string; note?: string; transferredTo?: string }) => act.mutate({ path: 'triage', body: v })} initialValues={{ decision: 'accept' }}>
                <Form.Item name="decision">
                  <Radio.Group options={[{ value: 'accept', label: '受理' }, { value: 'not_accept', label: '不予受理' }, { value: 'transfer', label: '转有权机关' }]} />
                </Form.Item>
                <Form.Item name="transferredTo" label="转办机关（转办时填写）"><Input /></Form.Item>
                <Form.Item name="note" label="理由（不予受理、转办时必填）"><Input.TextArea rows={2} /></Form.Item>
                <Button type="primary" htmlType="submit" loading={act.isPending}>确定</Button>
              </Form>
            </Card>
          )}
          {c.actions.includes('assign') && (
            <Card size="small" title="交办">
              <Form layout="vertical" initialValues={{ handlerKind: 'unit', orgId: c.orgId }} onFinish={(v: Record<string, unknown>) => act.mutate({ path: 'assign', body: { ...v, answerDays: v.answerDays || null } })}>
                <Form.Item name="handlerKind"><Radio.Group options={[{ value: 'unit', label: '交承办单位' }, { value: 'bureau', label: '本局办理' }]} /></Form.Item>
                <Form.Item name="orgId" label="承办单位"><Select showSearch={{ optionFilterProp: 'label' }} options={orgs} /></Form.Item>
                <Form.Item name="answerDays" label="答复期限（工作日，留空按本局设置）"><InputNumber min={1} max={90} /></Form.Item>
                <Button type="primary" htmlType="submit" loading={act.isPending}>交办</Button>
              </Form>
            </Card>
          )}
          {c.actions.includes('answer') && (
            <Card size="small" title="答复">
              <Form layout="vertical" onFinish={(v: { answer: string }) => act.mutate({ path: 'answer', body: v })}>
                <Form.Item name="answer" label="答复内容（投诉人凭查询码可见）" rules={[{ required: true, min: 5 }]}><Input.TextArea rows={4} /></Form.Item>
                <Button type="primary" htmlType="submit" loading={act.isPending}>提交答复</Button>
              </Form>
            </Card>
          )}
          {c.actions.includes('close') && <Button onClick={() => act.mutate({ path: 'close', body: {} })}>办结</Button>}
          <Typography.Title level={5}>办理过程</Typography.Title>
          <Timeline items={detail.data!.timeline.map((e) => ({ content: `${fmtTime(e.at)} ${e.actorName} ${actionLabel[e.action] ?? e.action}${e.note ? `：${e.note}` : ''}` }))} />
        </Space>
      )}
    </Drawer>
  )
}

const actionLabel: Record<string, string> = { receive: '提交', accept: '受理', not_accept: '不予受理', transfer: '转办', assign: '交办', answer: '答复', escalate: '逾期督办', feedback: '评价', close: '办结' }
