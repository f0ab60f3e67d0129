import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Descriptions, Space, Spin, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { api, ApiError } from '../../shared/api'
import type { PublicDecision } from './public-decision-types'

/** One published penalty decision, field by field in the 双公示 shape. */
export function DecisionDetailPage() {
  const { id = '' } = useParams()
  const q = useQuery({ queryKey: ['public', 'decision', id], queryFn: () => api.get<PublicDecision>(`/api/public/decisions/${id}`), retry: false })
  if (q.isLoading) return <Spin />
  if (q.isError || !q.data) {
    return (
      <Alert
        type="warning"
        showIcon
        title={q.error instanceof ApiError && q.error.status === 404 ? '该处罚决定未公示或已撤下' : '加载失败，请稍后重试'}
        description={<Link to="/decisions">返回公示列表</Link>}
      />
    )
  }
  const d = q.data
  const rows: Array<[string, string | null]> = [
    ['行政处罚决定书文号', d.decisionNumber],
    ['案件名称', d.caseName],
    ['行政相对人名称', d.partyName],
    ['行政相对人类别', d.partyCategory],
    ['统一社会信用代码', d.partyCreditCode],
    ['法定代表人', d.legalRep],
    ['所在地区', d.partyRegion],
    ['违法行为类型', d.violationType],
    ['违法事实', d.facts],
    ['处罚依据', d.basis],
    ['处罚类别', d.kinds.join('、')],
    ['处罚内容', d.content],
    ['罚款金额（万元）', d.fineWan],
    ['没收违法所得、没收非法财物的金额（万元）', d.confiscateWan],
    ['处罚决定日期', d.decidedOn],
    ['公示截止期', d.publicUntil],
    ['处罚机关', d.organ],
    ['公示日期', d.publishedOn],
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 800 }}>
      <Link to="/decisions">← 行政处罚决定公示</Link>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {d.partyName} · {d.decisionNumber ?? '行政处罚决定'}
        </Typography.Title>
        <Descriptions
          column={1}
          size="small"
          bordered
          data-testid="decision-detail"
          items={rows.filter(([, v]) => v !== null && v !== '').map(([label, value]) => ({ key: label, label, children: value }))}
        />
      </Card>
    </Space>
  )
}
