import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Segmented, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { labelOf } from '@yangguang/core'
import { api, type Page } from '../../shared/api'
import { formatDate } from '../../shared/format'
import { useMe } from '../auth/session'
import { isBureauRole, type Task, TaskStatusTag } from './supervision-shared'

type View = 'open' | 'overdue' | 'responded' | 'closed' | 'all'

/** 整改任务: every problem until it is closed, soonest deadline first, overdue in red, with its age. */
export function RectificationBoardPage() {
  const me = useMe()
  const bureau = isBureauRole(me.data?.role)
  const [view, setView] = useState<View>(bureau ? 'responded' : 'open')
  const [page, setPage] = useState(1)
  const query = view === 'overdue' ? { overdue: 'true' } : view === 'all' ? {} : { status: view }
  const list = useQuery({
    queryKey: ['rectification-tasks', view, page],
    queryFn: () => api.get<Page<Task>>('/api/supervision/tasks', { ...query, page, pageSize: 50 }),
    placeholderData: keepPreviousData,
  })
  return (
    <Card title={bureau ? '整改跟踪' : '整改任务'}>
      <Space style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={view}
          onChange={(v) => {
            setView(v)
            setPage(1)
          }}
          options={[
            { value: 'open', label: '待整改' },
            { value: 'overdue', label: '已逾期' },
            { value: 'responded', label: '待验收' },
            { value: 'closed', label: '已销号' },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      <Table<Task>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowClassName={(t) => (t.overdue ? 'row-overdue' : '')}
        onRow={(t) => ({ style: t.overdue ? { background: '#fff1f0' } : undefined })}
        pagination={{ current: page, pageSize: 50, total: list.data?.total, onChange: setPage }}
        columns={[
          { title: '问题', key: 'problem', render: (_: unknown, t) => <Link to={`/supervision/tasks/${t.id}`}>{t.problem.length > 40 ? `${t.problem.slice(0, 40)}…` : t.problem}</Link> },
          ...(bureau ? [{ title: '单位', dataIndex: 'orgName' }] : []),
          { title: '文书', key: 'doc', render: (_: unknown, t: Task) => <Link to={`/supervision/documents/${t.documentId}`}>{t.documentNumber}</Link> },
          { title: '整改期限', dataIndex: 'dueOn', render: (d: string, t: Task) => <Typography.Text type={t.overdue ? 'danger' : undefined}>{`${formatDate(d)}${t.dueProvisional ? '（暂定）' : ''}`}</Typography.Text> },
          { title: '已历时', dataIndex: 'daysOpen', render: (n: number) => `${n} 天` },
          { title: '状态', key: 'status', render: (_: unknown, t: Task) => <TaskStatusTag task={t} /> },
          { title: '督促', dataIndex: 'escalation', render: (e: string) => labelOf('rectificationEscalation', e) },
        ]}
      />
    </Card>
  )
}
