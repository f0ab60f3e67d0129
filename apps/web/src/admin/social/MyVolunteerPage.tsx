import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { fmtTime, type Opinion, type Volunteer } from './social-types'

/** 我的监督任务: the volunteer's own appointment, tasks, opinions and the bureau's answers. */
export function MyVolunteerPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = useQuery({ queryKey: ['volunteers', 'me'], queryFn: () => api.get<{ volunteer: Omit<Volunteer, 'actions'>; opinions: Opinion[] }>('/api/volunteers/me') })
  const [files, setFiles] = useState<Array<{ name: string; contentBase64: string }>>([])
  const [form] = Form.useForm()
  const refresh = () => client.invalidateQueries({ queryKey: ['volunteers', 'me'] })
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')
  if (me.isError) return <Card>{me.error instanceof ApiError ? me.error.message : '加载失败'}</Card>
  const v = me.data?.volunteer
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="我的聘任" loading={me.isLoading}>
        {v && (
          <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
            { key: 'n', label: '姓名', children: v.name },
            { key: 'r', label: '界别', children: v.representationLabel },
            { key: 't', label: '聘期', children: `${v.termFrom} 至 ${v.termTo}` },
            { key: 'd', label: '聘任文号', children: v.appointmentDocNo },
          ]} />
        )}
      </Card>
      <Card title="我的监督任务">
        <List
          dataSource={v?.assignments ?? []}
          renderItem={(a) => (
            <List.Item actions={a.actions.includes('done') ? [<Button key="done" size="small" onClick={() => api.post(`/api/volunteer-assignments/${a.id}/done`).then(() => (message.success('已报告完成'), refresh())).catch(fail)}>报告完成</Button>] : []}>
              <List.Item.Meta title={<span>{a.targetKindLabel}：{a.title} <Tag color={a.status === 'done' ? 'green' : 'blue'}>{a.status === 'done' ? '已完成' : '进行中'}</Tag></span>} description={`${a.dueOn ? `期限 ${a.dueOn}` : ''}${a.note ? `　${a.note}` : ''}`} />
            </List.Item>
          )}
        />
      </Card>
      <Card title="提出监督意见">
        <Form form={form} layout="vertical" onFinish={(val: { assignmentId?: string; content: string }) => api.post('/api/volunteer-opinions', { ...val, attachments: files }).then(() => (message.success('意见已提交，司法局将按期答复'), form.resetFields(), setFiles([]), refresh())).catch(fail)}>
          <Form.Item name="assignmentId" label="针对的任务（选填）"><Select allowClear options={(v?.assignments ?? []).map((a) => ({ value: a.id, label: a.title }))} /></Form.Item>
          <Form.Item name="content" label="意见内容" rules={[{ required: true, min: 5 }]}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item label="附件（每个不超过 5MB）" extra="接受 PDF、JPEG/PNG/WebP/HEIC 图片、MP3/M4A 录音、MP4 视频；按文件内容识别，其他格式会被拒收">
            <Upload
              multiple
              accept={'.pdf,.jpg,.jpeg,.png,.webp,.heic,.mp3,.m4a,.mp4'}
              beforeUpload={(file) => {
                const reader = new FileReader()
                reader.onload = () => setFiles((f) => [...f, { name: file.name, contentBase64: String(reader.result).split(',')[1] ?? '' }])
                reader.readAsDataURL(file)
                return false
              }}
              onRemove={(file) => setFiles((f) => f.filter((x) => x.name !== file.name))}
            >
              <Button>选择文件</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit">提交意见</Button>
        </Form>
      </Card>
      <Card title="我的意见与答复">
        <List
          dataSource={me.data?.opinions ?? []}
          renderItem={(o) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div>{o.content}</div>
                <Typography.Text type="secondary">{fmtTime(o.submittedAt)} 提出，{o.answerDueOn} 前答复</Typography.Text>
                {o.answer ? <Card size="small" style={{ marginTop: 8 }} title={`司法局答复（${fmtTime(o.answeredAt)}）`}>{o.answer}</Card> : <div><Tag color={o.overdue ? 'red' : 'orange'}>{o.overdue ? '已逾期未答复' : '待答复'}</Tag></div>}
              </div>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  )
}
