import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Collapse, Descriptions, Empty, List, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { labels, parseCanonicalPool, verifyDraw, type ReviewFileKind } from '@yangguang/core'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { api } from '../../shared/api'

type Aggregate = { count: number; averageScore: number | null; counts: { excellent: number; pass: number; fail: number }; passRate: number | null; excellentRate: number | null; failRate: number | null }
type Summary = { id: string; title: string; kind: 'regular' | 'special' | 'key'; regionName: string; closedFrom: string; closedTo: string; origin: 'platform' | 'imported'; originNote: string | null; poolDigest: string | null; poolSize: number | null; publishedAt: string | null; overall: Aggregate }
type Detail = Summary & {
  perUnit: number
  poolText: string | null
  frozenAt: string | null
  seed: string | null
  seedCheckpointSize: number | null
  seedCheckpointRoot: string | null
  seedBeacon: string | null
  seedDerivation: string
  algorithm: { id: string; descriptionZh: string }
  drawnFiles: Array<{ poolId: string; unitCode: string; unitName: string; kind: ReviewFileKind; fileNo: string; closedOn: string; rank: number; hash: string }>
  byUnit: Array<Aggregate & { unitId: string; unitName: string }>
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)

/**
 * 案卷评查公示: published batches with their rates. What is public: pool text and digest, seed and the checkpoint it
 * came from, the algorithm, the drawn files and the rates per unit; reviewers' names, single files' scores and the
 * units' responses are not.
 */
export function PortalReviewPage() {
  const q = useQuery({ queryKey: ['public-review'], queryFn: () => api.get<{ items: Summary[] }>('/api/public/review/batches') })
  if (!q.data) return <Skeleton active />
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>案卷评查结果公示</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          司法局定期抽查各执法单位已办结的行政处罚和行政许可案卷。抽样前冻结案卷池并将摘要记入存证账本，随机种子取自冻结之后签署的存证检查点；案卷池、种子和算法在此公布，任何人都可以复核抽中的案卷。
        </Typography.Paragraph>
      </Card>
      {q.data.items.length === 0 && <Empty description="暂无已公布的评查批次" />}
      <List
        dataSource={q.data.items}
        renderItem={(b) => (
          <Card size="small" style={{ marginBottom: 8 }} title={<Link to={`/review/${b.id}`}>{b.title}</Link>} extra={b.origin === 'imported' ? <Tag>历史录入</Tag> : <Tag color="green">可复核抽样</Tag>}>
            <Space wrap size="large">
              <span>结案期间 {b.closedFrom} 至 {b.closedTo}</span>
              <span>评查 {b.overall.count} 卷</span>
              <span>合格率 {pct(b.overall.passRate)}</span>
              <span>优秀率 {pct(b.overall.excellentRate)}</span>
              <span>不合格率 {pct(b.overall.failRate)}</span>
            </Space>
          </Card>
        )}
      />
    </Space>
  )
}

/** One published batch: everything needed to re-run the draw, the drawn files, and the rates per unit. */
export function PortalReviewBatchPage() {
  const { id = '' } = useParams()
  const q = useQuery({ queryKey: ['public-review', id], queryFn: () => api.get<Detail>(`/api/public/review/batches/${id}`) })
  const [check, setCheck] = useState<string | null>(null)
  if (q.isError) return <Empty description="评查批次不存在或尚未公布" />
  if (!q.data) return <Skeleton active />
  const b = q.data
  const rerun = () => {
    if (!b.poolText || !b.seed) return
    try {
      const result = verifyDraw(parseCanonicalPool(b.poolText), b.seed, { perUnit: b.perUnit }, { poolDigest: b.poolDigest ?? undefined, selected: b.drawnFiles.map((f) => ({ id: f.poolId, rank: f.rank, hash: f.hash })) })
      setCheck(result.valid ? `复核一致：按公布的案卷池和种子重新抽样，得到完全相同的 ${result.recomputed.selected.length} 卷。` : `复核不一致：${result.difference.messageZh}`)
    } catch (e) {
      setCheck(`无法复核：${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={`${b.title} · ${b.regionName}`}>
        {b.originNote && <Alert type="info" showIcon message={b.originNote} style={{ marginBottom: 12 }} />}
        <Descriptions column={1} size="small">
          <Descriptions.Item label="结案期间">{b.closedFrom} 至 {b.closedTo}</Descriptions.Item>
          <Descriptions.Item label="案卷池">{b.poolSize ?? 0} 卷，每单位抽取 {b.perUnit} 卷</Descriptions.Item>
          <Descriptions.Item label="案卷池摘要"><Typography.Text code style={{ wordBreak: 'break-all' }}>{b.poolDigest ?? '—'}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="种子检查点">{b.seedCheckpointSize === null ? '—' : `规模 ${b.seedCheckpointSize}，根哈希 `}<Typography.Text code style={{ wordBreak: 'break-all' }}>{b.seedCheckpointRoot ?? ''}</Typography.Text></Descriptions.Item>
          {b.seedBeacon ? <Descriptions.Item label="外部公开随机值">{b.seedBeacon}</Descriptions.Item> : null}
          <Descriptions.Item label="种子"><Typography.Text code style={{ wordBreak: 'break-all' }}>{b.seed ?? '—'}</Typography.Text></Descriptions.Item>
        </Descriptions>
        {b.seed && b.poolText && <Button type="primary" onClick={rerun}>在浏览器中复核抽样</Button>}
        {check && <Alert style={{ marginTop: 12 }} type={check.startsWith('复核一致') ? 'success' : 'error'} message={check} />}
      </Card>
      <Collapse
        items={[
          { key: 'alg', label: `抽样算法（${b.algorithm.id}）`, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{`${b.algorithm.descriptionZh}\n\n种子的生成：${b.seedDerivation}`}</Typography.Paragraph> },
          { key: 'pool', label: '案卷池全文', children: <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{b.poolText ?? '—'}</pre> },
        ]}
      />
      <Card size="small" title={`抽中案卷（${b.drawnFiles.length} 卷）`}>
        <Table
          rowKey="poolId"
          size="small"
          scroll={{ x: true }}
          pagination={{ pageSize: 20 }}
          dataSource={b.drawnFiles}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '案卷', dataIndex: 'fileNo' },
            { title: '类别', dataIndex: 'kind', render: (k: ReviewFileKind) => labels.reviewFileKind[k] },
            { title: '结案', dataIndex: 'closedOn' },
            { title: '名次', dataIndex: 'rank' },
          ]}
        />
      </Card>
      <Card size="small" title="各单位评查结果">
        <Table
          rowKey="unitId"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={b.byUnit}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '案卷', dataIndex: 'count' },
            { title: '优秀', render: (_: unknown, u: Aggregate) => u.counts.excellent },
            { title: '合格', render: (_: unknown, u: Aggregate) => u.counts.pass },
            { title: '不合格', render: (_: unknown, u: Aggregate) => u.counts.fail },
            { title: '合格率', render: (_: unknown, u: Aggregate) => pct(u.passRate) },
          ]}
        />
      </Card>
    </Space>
  )
}
