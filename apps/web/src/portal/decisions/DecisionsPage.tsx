import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Empty, Input, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { api, type Page } from '../../shared/api'
import { DecisionWithdrawals } from './DecisionWithdrawals'
import type { PublicDecision } from './public-decision-types'

/**
 * 行政处罚决定公示 — the decisions units published (双公示), newest first, searchable by party, 文号
 * or organ. Natural persons appear masked (张某); their ID numbers, phones and addresses never.
 */
export function DecisionsPage() {
  const [q, setQ] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const list = useQuery({
    queryKey: ['public', 'decisions', q, page],
    queryFn: () => api.get<Page<PublicDecision>>('/api/public/decisions', { q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  })
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          行政处罚决定公示
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          各执法单位作出的行政处罚决定，在决定之日起七个工作日内公示。自然人的姓名已脱敏，身份证号码、联系电话和详细住址不予公开；处罚决定被撤销，或经复议、诉讼被变更、撤销、确认违法或确认无效的，三个工作日内撤回并说明理由。
        </Typography.Paragraph>
      </Card>
      <Input.Search
        placeholder="当事人名称、决定书文号或处罚机关"
        aria-label="检索处罚决定"
        allowClear
        enterButton="查找"
        onSearch={(v) => {
          setQ(v.trim() || undefined)
          setPage(1)
        }}
        style={{ maxWidth: 420 }}
      />
      <List<PublicDecision>
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="没有找到公示的处罚决定" /> }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, size: 'small', showTotal: (t) => `共 ${t} 项`, showSizeChanger: false }}
        renderItem={(d) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} data-testid="decision-item">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                <Link to={`/decisions/${d.id}`}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {d.partyName}
                  </Typography.Text>
                </Link>
                <Tag>{d.partyCategory}</Tag>
              </div>
              <div style={{ color: '#555' }}>{d.decisionNumber ?? '—'}</div>
              <div>
                <Typography.Text type="secondary">处罚内容：</Typography.Text>
                {d.content}
              </div>
              <div>
                <Typography.Text type="secondary">处罚机关：</Typography.Text>
                {d.organ} · {d.decidedOn}
              </div>
            </Card>
          </List.Item>
        )}
      />
      <DecisionWithdrawals />
    </Space>
  )
}
