import { useQuery } from '@tanstack/react-query'
import { Card, Space, Table, Tag } from 'antd'
import { labels } from '@yangguang/core'
import { Link } from 'react-router'
import { api } from '../../shared/api'
import { type Batch, type ReviewFile, type SheetRole, gradeColor } from './review-types'

type MySheet = { id: string; role: SheetRole; status: 'assigned' | 'submitted'; batchId: string; batchTitle: string; fileNo: string; fileTitle: string; fileKind: 'penalty' | 'license'; orgName: string; score: number | null; grade: 'excellent' | 'pass' | 'fail' | null }

/** 我的评查任务: the sheets assigned to the signed-in reviewer. */
export function MyReviewsPage() {
  const q = useQuery({ queryKey: ['review-my-sheets'], queryFn: () => api.get<{ items: MySheet[] }>('/api/review/my-sheets') })
  return (
    <Card title="我的评查任务">
      <Table<MySheet>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: '批次', dataIndex: 'batchTitle' },
          { title: '案卷', render: (_, s) => <Link to={`/review/sheets/${s.id}`}>{s.fileNo}</Link> },
          { title: '单位', dataIndex: 'orgName' },
          { title: '类别', dataIndex: 'fileKind', render: (k: MySheet['fileKind']) => labels.reviewFileKind[k] },
          { title: '角色', dataIndex: 'role', render: (r: SheetRole) => labels.reviewSheetRole[r] },
          { title: '状态', render: (_, s) => (s.status === 'submitted' && s.grade ? <Tag color={gradeColor[s.grade]}>{s.score} 分</Tag> : <Tag color="orange">待评分</Tag>) },
        ]}
      />
    </Card>
  )
}

/** 我的评查结果: a unit's own files in published batches, with scores, deductions and its written response. */
export function MyResultsPage() {
  const q = useQuery({ queryKey: ['review-my-results'], queryFn: () => api.get<{ items: Array<{ batch: Batch; files: ReviewFile[] }> }>('/api/review/my-results') })
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(q.data?.items ?? []).map(({ batch, files }) => (
        <Card key={batch.id} title={<Link to={`/review/batches/${batch.id}`}>{batch.title}</Link>} size="small">
          <Table<ReviewFile>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={files}
            columns={[
              { title: '案卷', render: (_, f) => `${f.fileNo} ${f.title}` },
              { title: '结果', render: (_, f) => (f.grade ? <Tag color={gradeColor[f.grade]}>{f.score} 分 · {labels.reviewGrade[f.grade]}</Tag> : '—') },
              { title: '扣分', render: (_, f) => f.deductions.map((d) => `${d.deductionCode}${d.count > 1 ? `×${d.count}` : ''}`).join('、') || '无' },
              { title: '书面回应', dataIndex: 'response', render: (r: string | null) => r ?? '未回应（可在批次页回应）' },
            ]}
          />
        </Card>
      ))}
      {q.data && q.data.items.length === 0 && <Card>暂无已公布的评查结果</Card>}
    </Space>
  )
}
