import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, List, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'

type Withdrawal = { id: string; decisionNumber: string | null; caseName: string; organ: string; publishedOn: string | null; withdrawnOn: string; reason: string }

/**
 * 撤回的公示: decisions taken off the portal — revoked by the unit, or changed, annulled or found unlawful on
 * 复议/诉讼 — with the date and the reason, as 《行政处罚法》第四十八条第二款 asks (撤回…并公开说明理由). Only
 * the number, the case name and the organ that were published remain; the content is gone.
 */
export function DecisionWithdrawals() {
  const [page, setPage] = useState(1)
  const list = useQuery({
    queryKey: ['public', 'decision-withdrawals', page],
    queryFn: () => api.get<Page<Withdrawal>>('/api/public/decision-withdrawals', { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  })
  if (!list.data || list.data.total === 0) return null
  return (
    <Card size="small" title="撤回的公示及理由">
      <List<Withdrawal>
        dataSource={list.data.items}
        pagination={list.data.total > 10 ? { current: page, total: list.data.total, pageSize: 10, onChange: setPage, size: 'small', showSizeChanger: false } : false}
        renderItem={(w) => (
          <List.Item data-testid="withdrawal-item">
            <div>
              <Typography.Text strong>{w.decisionNumber ?? w.caseName}</Typography.Text>
              <div style={{ color: '#555' }}>
                {w.organ} · {w.withdrawnOn} 撤回
              </div>
              <div>
                <Typography.Text type="secondary">理由：</Typography.Text>
                {w.reason}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  )
}
