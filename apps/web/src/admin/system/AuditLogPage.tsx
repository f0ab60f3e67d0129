import { useQuery } from '@tanstack/react-query'
import { Card, DatePicker, Descriptions, Input, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'

type AuditRow = {
  id: number
  at: string
  actorName: string
  actorRole: string
  ip: string | null
  action: string
  entityType: string
  entityId: string
  summary: string
  before: unknown
  after: unknown
}

/** 审计日志: who did what, when, from where, with the record before and after. */
export function AuditLogPage() {
  const [filter, setFilter] = useState<{ q?: string; from?: string; to?: string; page: number }>({ page: 1 })
  const list = useQuery({ queryKey: ['audit', filter], queryFn: () => api.get<Page<AuditRow>>('/api/audit-logs', { ...filter, pageSize: 20 }) })
  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="摘要或操作人" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 240 }} />
        <DatePicker.RangePicker
          onChange={(range) =>
            setFilter({ ...filter, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: 1 })
          }
        />
      </Space>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 条` }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="修改前">
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>{r.before ? JSON.stringify(r.before, null, 2) : '—'}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="修改后">
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>{r.after ? JSON.stringify(r.after, null, 2) : '—'}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', render: formatTime, width: 170 },
          { title: '操作人', dataIndex: 'actorName' },
          { title: '操作', dataIndex: 'action' },
          { title: '摘要', dataIndex: 'summary' },
          { title: '来源地址', dataIndex: 'ip' },
        ]}
      />
    </Card>
  )
}
