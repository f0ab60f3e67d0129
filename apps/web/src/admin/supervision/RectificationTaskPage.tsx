import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Timeline, Typography, Upload } from 'antd'
import type { UploadFile } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { labelOf, labels } from '@yangguang/core'
import { api } from '../../shared/api'
import { formatDate, formatTime } from '../../shared/format'
import { errorText } from '../catalogue/catalogue-shared'
import { type TaskDetail, TaskStatusTag } from './supervision-shared'

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** One rectification task: the problem, its deadline, the timeline, and the act the caller may take. */
export function RectificationTaskPage() {
  const { id } = useParams()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [files, setFiles] = useState<UploadFile[]>([])
  const [returning, setReturning] = useState(false)
  const detail = useQuery({ queryKey: ['rectification-task', id], queryFn: () => api.get<TaskDetail>(`/api/supervision/tasks/${id}`) })
  const done = (text: string) => (d: TaskDetail) => {
    message.success(text)
    client.setQueryData(['rectification-task', id], d)
    client.invalidateQueries({ queryKey: ['rectification-tasks'] })
    client.invalidateQueries({ queryKey: ['todos'] })
  }
  const respond = useMutation({
    mutationFn: async (v: { measures: string }) => {
      const evidence = await Promise.all(files.filter((f) => f.originFileObj).map(async (f) => ({ name: f.name, contentBase64: await toBase64(f.originFileObj as File) })))
      return api.post<TaskDetail>(`/api/supervision/tasks/${id}/respond`, { measures: v.measures, evidence })
    },
    onSuccess: done('已提交整改反馈'),
    onError: (e) => message.error(errorText(e)),
  })
  const accept = useMutation({ mutationFn: () => api.post<TaskDetail>(`/api/supervision/tasks/${id}/accept`, {}), onSuccess: done('已验收销号'), onError: (e) => message.error(errorText(e)) })
  const giveBack = useMutation({
    mutationFn: (v: { reason: string; days?: number }) => api.post<TaskDetail>(`/api/supervision/tasks/${id}/return`, v),
    onSuccess: (d) => {
      setReturning(false)
      done('已退回')(d)
    },
    onError: (e) => message.error(errorText(e)),
  })
  if (!detail.data) return <Card loading={detail.isLoading}>{detail.error && errorText(detail.error)}</Card>
  const { task, events, report } = detail.data
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={<Space>整改任务 <TaskStatusTag task={task} /></Space>}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="单位">{task.orgName}</Descriptions.Item>
          <Descriptions.Item label="文书">
            <Link to={`/supervision/documents/${task.documentId}`}>{`${task.typeName}（${task.documentNumber}）问题${task.findingSeq}`}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="存在问题" span={2}>{task.problem}</Descriptions.Item>
          <Descriptions.Item label="依据" span={2}>{task.legalBasis}</Descriptions.Item>
          <Descriptions.Item label="整改要求" span={2}>{task.measure}</Descriptions.Item>
          <Descriptions.Item label="整改期限">
            <Typography.Text type={task.overdue ? 'danger' : undefined}>{`${formatDate(task.dueOn)}${task.dueProvisional ? '（暂定：节假日安排未录入）' : ''}`}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="督促">{labels.rectificationEscalation[task.escalation]}</Descriptions.Item>
        </Descriptions>
        {task.actions.includes('accept') && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
              验收通过
            </Button>
            <Button danger onClick={() => setReturning(true)}>
              退回重改
            </Button>
          </Space>
        )}
      </Card>
      {task.actions.includes('respond') && (
        <Card title="反馈整改情况" size="small">
          <Form layout="vertical" onFinish={(v: { measures: string }) => respond.mutate(v)}>
            <Form.Item name="measures" label="整改措施" rules={[{ required: true, message: '请填写整改措施' }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item label="证明材料（每个不超过 5 MB）" extra="接受 PDF、JPEG/PNG/WebP/HEIC 图片、MP3/M4A 录音、MP4 视频；按文件内容识别，其他格式会被拒收">
              <Upload fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} multiple accept={'.pdf,.jpg,.jpeg,.png,.webp,.heic,.mp3,.m4a,.mp4'}>
                <Button>选择文件</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={respond.isPending}>
              提交反馈
            </Button>
          </Form>
        </Card>
      )}
      {report && (
        <Alert
          type="error"
          showIcon
          message={`已报告${report.addressee}${report.number ? `（${report.number}）` : ''} · ${formatTime(report.createdAt)}`}
          description={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{report.body}</pre>}
          action={report.pdfUrl && <ReportPdfButton href={report.pdfUrl} />}
        />
      )}
      <Card title="时间线" size="small">
        <Timeline
          items={events.map((e) => ({
            color: e.action === 'accept' ? 'green' : e.action === 'return' || e.action === 'report' ? 'red' : e.action === 'remind' || e.action === 'draft_letter' ? 'orange' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{labelOf('rectificationAction', e.action)}</Typography.Text>
                <Typography.Text type="secondary">{` ${formatTime(e.at)} · ${e.actorName}`}</Typography.Text>
                {e.note && <div>{e.note}</div>}
                {typeof e.data.dueOn === 'string' && <div>期限：{formatDate(e.data.dueOn)}</div>}
                {Array.isArray(e.data.evidence) &&
                  (e.data.evidence as Array<{ name: string; sha256: string }>).map((f) => (
                    <div key={f.sha256}>
                      <a href={`/api/supervision/tasks/${task.id}/evidence/${f.sha256}`}>{f.name}</a>
                    </div>
                  ))}
                {typeof e.data.documentId === 'string' && <Link to={`/supervision/documents/${e.data.documentId}`}>查看督促文书</Link>}
                {e.action === 'report' && report?.pdfUrl && <ReportPdfButton href={report.pdfUrl} link />}
              </div>
            ),
          }))}
        />
      </Card>
      {returning && (
        <Modal open title="退回整改反馈" okText="退回" onCancel={() => setReturning(false)} footer={null} destroyOnHidden>
          <Form layout="vertical" onFinish={(v: { reason: string; days?: number }) => giveBack.mutate(v)}>
            <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: '请填写退回理由' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="days" label="重新整改期限（工作日，不填则按原文书期限）">
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Button danger htmlType="submit" loading={giveBack.isPending}>
              退回
            </Button>
          </Form>
        </Modal>
      )}
    </Space>
  )
}

/** The report to the government as its issued PDF (numbered, with the verification QR code). */
function ReportPdfButton({ href, link = false }: { href: string; link?: boolean }) {
  return (
    <Button href={href} target="_blank" size="small" type={link ? 'link' : 'default'} style={link ? { padding: 0 } : undefined}>
      下载报告 PDF
    </Button>
  )
}
