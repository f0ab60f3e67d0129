import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { labelOf, labels } from '@yangguang/core'
import { api } from '../../shared/api'
import { formatDate, formatTime } from '../../shared/format'
import { errorText } from '../catalogue/catalogue-shared'
import { type DocumentDetail, type Task, TaskStatusTag } from './supervision-shared'

/** One supervision document: PDF, findings, delivery and reading per unit, the tasks it opened. */
export function SupervisionDocumentPage() {
  const { id } = useParams()
  const { message } = App.useApp()
  const client = useQueryClient()
  const detail = useQuery({ queryKey: ['supervision-document', id], queryFn: () => api.get<DocumentDetail>(`/api/supervision/documents/${id}`) })
  const issue = useMutation({
    mutationFn: () => api.post<DocumentDetail>(`/api/supervision/documents/${id}/issue`),
    onSuccess: (d) => {
      message.success(`已制发 ${d.document.number ?? ''}`)
      client.setQueryData(['supervision-document', id], d)
      client.invalidateQueries({ queryKey: ['supervision-documents'] })
    },
    onError: (e) => message.error(errorText(e)),
  })
  if (!detail.data) return <Card loading={detail.isLoading}>{detail.error && errorText(detail.error)}</Card>
  const { document: doc, findings, recipients, tasks } = detail.data
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {doc.typeName}
            {doc.number && <Typography.Text type="secondary">{doc.number}</Typography.Text>}
            {doc.status === 'draft' && <Tag color="orange">草稿</Tag>}
          </Space>
        }
        extra={
          <Space>
            {doc.actions.includes('download') && (
              <Button href={`/api/supervision/documents/${doc.id}/pdf`} target="_blank">
                下载 PDF
              </Button>
            )}
            {doc.actions.includes('issue') && (
              <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()}>
                制发并送达
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={2} size="small">
          <Descriptions.Item label="制发机关">{doc.issuerName}</Descriptions.Item>
          <Descriptions.Item label="制发日期">{formatDate(doc.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label="事由">{doc.subject}</Descriptions.Item>
          <Descriptions.Item label="来源">{doc.sourceLink ? <Link to={doc.sourceLink}>{labelOf('supervisionSourceKind', doc.sourceKind)}</Link> : labelOf('supervisionSourceKind', doc.sourceKind)}</Descriptions.Item>
          <Descriptions.Item label="整改期限">{`${doc.responseDays}${labels.periodUnitAfterNumber[doc.responseUnit]}`}</Descriptions.Item>
          <Descriptions.Item label="约束力">{doc.binding ? '有约束力（责令改正）' : '监督建议，不具强制力'}</Descriptions.Item>
          {doc.sourceSnapshot && <Descriptions.Item label="来源摘要" span={2}>{doc.sourceSnapshot}</Descriptions.Item>}
          {doc.verifyId && <Descriptions.Item label="核验编号">{doc.verifyId}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title="问题与整改要求" size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={findings}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            { title: '存在问题', dataIndex: 'problem' },
            { title: '依据', dataIndex: 'legalBasis' },
            { title: '整改要求', dataIndex: 'measure' },
          ]}
        />
      </Card>
      <Card title="送达与签收" size="small">
        <Table
          rowKey="orgId"
          size="small"
          pagination={false}
          dataSource={recipients}
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '送达日期', dataIndex: 'deliveredOn', render: (d: string | null) => formatDate(d) },
            { title: '签收（负责人首次阅读）', key: 'read', render: (_: unknown, r) => (r.readAt ? `${formatTime(r.readAt)} ${r.readByName ?? ''}` : <Tag>未签收</Tag>) },
          ]}
        />
      </Card>
      {tasks.length > 0 && (
        <Card title="整改任务" size="small">
          <Table<Task>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={tasks}
            columns={[
              { title: '单位', dataIndex: 'orgName' },
              { title: '问题', dataIndex: 'findingSeq', render: (seq: number, t) => <Link to={`/supervision/tasks/${t.id}`}>{`问题${seq}：${t.problem.slice(0, 30)}`}</Link> },
              { title: '期限', dataIndex: 'dueOn', render: (d: string, t) => `${formatDate(d)}${t.dueProvisional ? '（暂定）' : ''}` },
              { title: '状态', key: 'status', render: (_: unknown, t) => <TaskStatusTag task={t} /> },
            ]}
          />
        </Card>
      )}
    </Space>
  )
}
