import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Col, Descriptions, Input, Modal, Result, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd'
import { labels } from '@yangguang/core'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { api, ApiError } from '../../shared/api'
import { BarChart } from '../inspections/BarChart'
import { issueFromReviewPath } from '../supervision/supervision-shared'
import { type BatchDetail, type ReviewFile, type SheetRole, gradeColor, pct } from './review-types'

type Candidate = { id: string; name: string; role: string; orgId: string | null; orgName: string | null }

/** 评查批次详情: freeze, draw, assign reviewers, progress, results by unit, publication. */
export function ReviewBatchPage() {
  const { id = '' } = useParams()
  const { message } = App.useApp()
  const client = useQueryClient()
  const navigate = useNavigate()
  const detail = useQuery({ queryKey: ['review-batch', id], queryFn: () => api.get<BatchDetail>(`/api/review/batches/${id}`) })
  const reviewers = useQuery({ queryKey: ['review-reviewers', id], queryFn: () => api.get<{ items: Candidate[] }>(`/api/review/batches/${id}/reviewers`), enabled: !!detail.data?.batch.actions.includes('assign') })
  const [assigning, setAssigning] = useState<ReviewFile | null>(null)
  const [reviewer, setReviewer] = useState<string>()
  const [role, setRole] = useState<SheetRole>('primary')
  const [beacon, setBeacon] = useState('')
  const [responding, setResponding] = useState<ReviewFile | null>(null)
  const [response, setResponse] = useState('')
  const refresh = () => client.invalidateQueries({ queryKey: ['review-batch', id] })
  const act = (path: string, body: unknown, done: string) =>
    api
      .post(path, body)
      .then(() => (message.success(done), refresh()))
      .catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败'))
  if (detail.isError) return <Result status="404" title="评查批次不存在或无权查看" extra={<Link to="/review/batches">返回评查批次</Link>} />
  if (!detail.data) return <Card loading />
  const { batch, files, results } = detail.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${batch.title} · ${labels.reviewBatchKind[batch.kind]}`}
        extra={
          <Space>
            {batch.actions.includes('freeze') && <Button type="primary" onClick={() => act(`/api/review/batches/${id}/freeze`, {}, '案卷池已冻结，摘要已记入存证账本')}>冻结案卷池</Button>}
            {batch.actions.includes('draw') && (
              <>
                <Input style={{ width: 240 }} placeholder="外部公开随机值（可选）" value={beacon} onChange={(e) => setBeacon(e.target.value)} />
                <Button type="primary" onClick={() => act(`/api/review/batches/${id}/draw`, beacon ? { beacon } : {}, '抽样完成')}>抽样</Button>
              </>
            )}
            {batch.actions.includes('publish') && <Button type="primary" onClick={() => act(`/api/review/batches/${id}/publish`, {}, '评查结果已公布')}>公布结果</Button>}
            {batch.actions.includes('supervise') && <Button onClick={() => navigate(issueFromReviewPath({ batch: id }))}>制发监督建议书（共性问题）</Button>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="状态"><Tag color={batch.status === 'published' ? 'green' : 'blue'}>{labels.reviewBatchStatus[batch.status]}</Tag></Descriptions.Item>
          <Descriptions.Item label="结案期间">{batch.closedFrom} 至 {batch.closedTo}</Descriptions.Item>
          <Descriptions.Item label="案卷类别">{batch.fileKinds.map((k) => labels.reviewFileKind[k]).join('、')}</Descriptions.Item>
          <Descriptions.Item label="每单位抽样">{batch.perUnit} 卷</Descriptions.Item>
          <Descriptions.Item label="案卷池">{batch.poolSize === null ? '未冻结' : `${batch.poolSize} 卷`}</Descriptions.Item>
          <Descriptions.Item label="案卷池摘要"><Typography.Text code copyable={!!batch.poolDigest}>{batch.poolDigest ?? '—'}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label="种子来源">{batch.seedCheckpointSize === null ? '—' : `存证检查点（规模 ${batch.seedCheckpointSize}）${batch.seedBeacon ? ` ＋ 外部值 ${batch.seedBeacon}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label="种子"><Typography.Text code>{batch.seed ?? '—'}</Typography.Text></Descriptions.Item>
        </Descriptions>
        {batch.originNote && <Typography.Paragraph type="warning">{batch.originNote}</Typography.Paragraph>}
        {batch.status === 'frozen' && <Typography.Paragraph type="secondary">抽样种子取自包含“冻结案卷池”存证记录的第一个已签署检查点；检查点签署之前系统拒绝抽样，不使用任何其他随机数。</Typography.Paragraph>}
      </Card>

      {files.length > 0 && (
        <Card title={`抽中案卷（${files.length} 卷）`}>
          <Table<ReviewFile>
            rowKey="id"
            size="small"
            dataSource={files}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '单位', dataIndex: 'orgName' },
              { title: '案卷', render: (_, f) => <>{f.fileNo}<br /><Typography.Text type="secondary">{f.title}</Typography.Text></> },
              { title: '类别', dataIndex: 'kind', render: (k: ReviewFile['kind']) => labels.reviewFileKind[k] },
              { title: '名次', dataIndex: 'rank' },
              { title: '评查人员', render: (_, f) => f.sheets.map((s) => <div key={s.id}><Link to={`/review/sheets/${s.id}`}>{labels.reviewSheetRole[s.role]} {s.reviewerName}</Link> {s.status === 'submitted' ? `${s.score} 分` : '评查中'}</div>) },
              { title: '结果', render: (_, f) => (f.grade ? <Tag color={gradeColor[f.grade]}>{f.score} 分 · {labels.reviewGrade[f.grade]}</Tag> : '—') },
              { title: '单位回应', dataIndex: 'response', render: (r: string | null) => r ?? '—' },
              {
                title: '',
                render: (_, f) => (
                  <Space>
                    {f.actions.includes('assign') && <Button size="small" onClick={() => (setAssigning(f), setReviewer(undefined), setRole(f.sheets.some((s) => s.role === 'primary') ? 'cross' : 'primary'))}>指派</Button>}
                    {f.actions.includes('respond') && <Button size="small" onClick={() => (setResponding(f), setResponse(f.response ?? ''))}>书面回应</Button>}
                    {f.actions.includes('supervise') && <Button size="small" onClick={() => navigate(issueFromReviewPath({ file: f.id }))}>制发监督文书</Button>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}

      {results.overall.count > 0 && (
        <Card title="评查结果">
          <Row gutter={16}>
            <Col span={6}><Statistic title="已评案卷" value={results.overall.count} suffix="卷" /></Col>
            <Col span={6}><Statistic title="合格率" value={pct(results.overall.passRate)} /></Col>
            <Col span={6}><Statistic title="优秀率" value={pct(results.overall.excellentRate)} /></Col>
            <Col span={6}><Statistic title="不合格率" value={pct(results.overall.failRate)} /></Col>
          </Row>
          <BarChart title="各单位合格率（%）" labels={results.byUnit.map((u) => u.unitName)} values={results.byUnit.map((u) => Math.round((u.passRate ?? 0) * 1000) / 10)} color="#1677ff" horizontal height={Math.max(200, results.byUnit.length * 28 + 60)} />
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={results.byUnit}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '案卷', dataIndex: 'count' },
              { title: '平均分', dataIndex: 'averageScore', render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
              { title: '优秀', render: (_, u) => u.counts.excellent },
              { title: '合格', render: (_, u) => u.counts.pass },
              { title: '不合格', render: (_, u) => u.counts.fail },
              { title: '合格率', render: (_, u) => pct(u.passRate) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>常见扣分</Typography.Title>
          <ul>{results.overall.topDeductions.map((d) => <li key={d.deductionCode}>{d.text}（{d.files} 卷，{pct(d.share)}）</li>)}</ul>
        </Card>
      )}

      <Modal title={`指派评查人员 · ${assigning?.fileNo ?? ''}`} open={!!assigning} onCancel={() => setAssigning(null)} okText="指派" okButtonProps={{ disabled: !reviewer }}
        onOk={() => assigning && reviewer && act('/api/review/assignments', { fileId: assigning.id, reviewerId: reviewer, role }, '已指派').then(() => setAssigning(null))}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select style={{ width: '100%' }} value={role} onChange={setRole} options={(['primary', 'cross', 're_review'] as const).map((r) => ({ value: r, label: labels.reviewSheetRole[r] }))} />
          <Select style={{ width: '100%' }} showSearch optionFilterProp="label" placeholder="选择评查人员" value={reviewer} onChange={setReviewer}
            options={(reviewers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.orgName ? `（${c.orgName}）` : ''}`, disabled: c.orgId === assigning?.orgId }))} />
          <Typography.Text type="secondary">本单位人员不得评查本单位案卷（已置灰）。</Typography.Text>
        </Space>
      </Modal>
      <Modal title={`书面回应 · ${responding?.fileNo ?? ''}`} open={!!responding} onCancel={() => setResponding(null)} okText="提交"
        onOk={() => responding && act(`/api/review/files/${responding.id}/response`, { response }, '回应已提交').then(() => setResponding(null))}>
        <Input.TextArea rows={5} value={response} onChange={(e) => setResponse(e.target.value)} placeholder="对评查结果的说明和整改措施" />
      </Modal>
    </Space>
  )
}
