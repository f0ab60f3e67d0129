import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Empty, Row, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { api } from '../../shared/api'
import { formatYuan } from '@yangguang/core'
import { BarChart } from '../inspections/BarChart'

type Rate = number | null
/** The response of GET /api/dashboard/supervision (server: dashboard.schema.ts). */
export type SupervisionDashboard = {
  year: number
  today: string
  rectification: {
    open: number
    awaitingAcceptance: number
    buckets: Array<{ key: string; label: string; count: number }>
    overdue: Array<{ id: string; orgName: string; documentNumber: string | null; problem: string; dueOn: string; daysOverdue: number; escalation: string; link: string }>
    link: string
  }
  review: {
    byUnit: Array<{ orgId: string; orgName: string; graded: number; excellent: number; pass: number; fail: number; excellentRate: Rate; passRate: Rate; failRate: Rate }>
    byBatch: Array<{ batchId: string; title: string; status: string; published: boolean; files: number; graded: number; excellent: number; pass: number; fail: number; excellentRate: Rate; passRate: Rate; failRate: Rate; link: string }>
  }
  complaints: {
    open: number
    overdue: Array<{ id: string; complaintNo: string; orgName: string; category: string; categoryLabel: string; status: string; answerDueOn: string }>
    byCategory: Array<{ category: string; label: string; count: number }>
    link: string
  }
  warnings: {
    overInspection: { caps: { capPerUnit: number; capAllUnits: number }; overUnitCap: Array<{ enterpriseId: string; enterpriseName: string; orgName: string | null; count: number }>; overAllCap: Array<{ enterpriseId: string; enterpriseName: string; count: number }>; link: string }
    outsideBenchmark: Array<{ caseId: string; caseNo: string | null; title: string; partyName: string; orgName: string; decidedOn: string; fineFen: number; link: string }>
    deadlinesAtRisk: { horizon: string; items: Array<{ id: string; caseId: string; caseNo: string | null; title: string; orgName: string; kind: string; kindLabel: string; dueOn: string; originalDueOn: string; metOn: string | null; missed: boolean; daysLate: number; link: string }> }
    publicationOverdue: Array<{ caseId: string; caseNo: string | null; title: string; orgName: string; decidedOn: string; dueOn: string; daysOverdue: number; link: string }>
  }
  /** 存证: witnesses that refused the log's checkpoint (an alarm) or could not be reached. */
  ledger: { status: 'ok' | 'degraded'; alarms: Array<{ witness: string; status: 'refused' | 'unreachable'; reason: string; since: string }> }
  counts: {
    casesDecided: { count: number; link: string }
    inspections: { count: number; link: string }
    caseDocumentsIssued: { count: number; link: string }
    supervisionDocuments: Array<{ typeCode: string; name: string; count: number; link: string }>
  }
}

const pct = (r: Rate) => (r === null ? '—' : `${r}%`)
const red = '#c8102e'

/** A figure that opens the records behind it. */
function Figure({ title, value, link, danger = false }: { title: string; value: number; link: string; danger?: boolean }) {
  return (
    <Link to={link} aria-label={`${title} ${value}`}>
      <Statistic title={title} value={value} styles={danger && value > 0 ? { content: { color: red } } : undefined} />
    </Link>
  )
}

/**
 * 监督驾驶舱: the justice bureau's one screen over its jurisdiction — rectification by age and the
 * overdue tasks, review rates by unit and batch, complaints, warnings and the year's counts. Every
 * figure and row opens the records behind it.
 */
export function SupervisionDashboardPage() {
  const thisYear = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const q = useQuery({ queryKey: ['dashboard-supervision', year], queryFn: () => api.get<SupervisionDashboard>('/api/dashboard/supervision', { year }) })
  const d = q.data
  const years = [thisYear - 1, thisYear]
  return (
    <Card title="监督驾驶舱" extra={<Select aria-label="年度" value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />} loading={q.isLoading}>
      {q.error && <Alert type="error" showIcon message={(q.error as Error).message} />}
      {d && (
        <>
          {d.ledger.alarms.map((a) => (
            <Alert
              key={a.witness}
              type={a.status === 'refused' ? 'error' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              message={a.status === 'refused' ? '存证告警：见证方拒绝联署检查点' : '存证提示：见证方无法联系'}
              description={`${a.reason}。自 ${new Date(a.since).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} 起。`}
              data-testid="ledger-alarm"
            />
          ))}
          <Typography.Title level={5}>整改跟踪</Typography.Title>
          <Row gutter={[16, 16]} data-testid="rectification-figures">
            <Col xs={12} md={6}><Figure title="未销号整改任务" value={d.rectification.open} link={d.rectification.link} /></Col>
            <Col xs={12} md={6}><Figure title="已逾期" value={d.rectification.overdue.length} link="/supervision/tasks" danger /></Col>
            <Col xs={12} md={6}><Figure title="待验收" value={d.rectification.awaitingAcceptance} link="/supervision/tasks" /></Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
            <Col xs={24} lg={10}><BarChart title="未销号任务账龄" labels={d.rectification.buckets.map((b) => b.label)} values={d.rectification.buckets.map((b) => b.count)} color="#b45309" height={240} /></Col>
            <Col xs={24} lg={14}>
              <Table size="small" rowKey="id" dataSource={d.rectification.overdue} pagination={{ pageSize: 6 }} locale={{ emptyText: <Empty description="没有逾期的整改任务" /> }}
                columns={[
                  { title: '单位', dataIndex: 'orgName' },
                  { title: '问题', render: (_, r) => <Link to={r.link}>{r.problem}</Link> },
                  { title: '期限', dataIndex: 'dueOn' },
                  { title: '逾期', render: (_, r) => <Tag color="red">{r.daysOverdue} 天</Tag> },
                ]} />
            </Col>
          </Row>

          <Typography.Title level={5} style={{ marginTop: 24 }}>年度数量（{d.year}年）</Typography.Title>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}><Figure title="作出处罚决定" value={d.counts.casesDecided.count} link={d.counts.casesDecided.link} /></Col>
            <Col xs={12} md={4}><Figure title="行政检查" value={d.counts.inspections.count} link={d.counts.inspections.link} /></Col>
            <Col xs={12} md={4}><Figure title="制发执法文书" value={d.counts.caseDocumentsIssued.count} link={d.counts.caseDocumentsIssued.link} /></Col>
            {d.counts.supervisionDocuments.map((s) => (
              <Col xs={12} md={4} key={s.typeCode}><Figure title={s.name} value={s.count} link={s.link} /></Col>
            ))}
          </Row>

          <Tabs
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'warnings',
                label: `预警（${d.warnings.overInspection.overUnitCap.length + d.warnings.overInspection.overAllCap.length + d.warnings.outsideBenchmark.length + d.warnings.deadlinesAtRisk.items.length + d.warnings.publicationOverdue.length}）`,
                children: (
                  <>
                    <Row gutter={[16, 16]}>
                      <Col xs={12} md={6}><Figure title="超频次检查企业" value={d.warnings.overInspection.overUnitCap.length + d.warnings.overInspection.overAllCap.length} link={d.warnings.overInspection.link} danger /></Col>
                      <Col xs={12} md={6}><Statistic title="超出裁量基准的决定" value={d.warnings.outsideBenchmark.length} styles={d.warnings.outsideBenchmark.length ? { content: { color: red } } : undefined} /></Col>
                      <Col xs={12} md={6}><Statistic title={`案件期限临近、逾期或逾期办理（至 ${d.warnings.deadlinesAtRisk.horizon}）`} value={d.warnings.deadlinesAtRisk.items.length} styles={d.warnings.deadlinesAtRisk.items.length ? { content: { color: red } } : undefined} /></Col>
                      <Col xs={12} md={6}><Statistic title="公示逾期" value={d.warnings.publicationOverdue.length} styles={d.warnings.publicationOverdue.length ? { content: { color: red } } : undefined} /></Col>
                    </Row>
                    <Typography.Text strong>案件期限</Typography.Text>
                    <Table size="small" rowKey="id" dataSource={d.warnings.deadlinesAtRisk.items} pagination={{ pageSize: 8 }}
                      columns={[
                        { title: '案件', render: (_, r) => <Link to={r.link}>{r.caseNo ?? r.title}</Link> },
                        { title: '单位', dataIndex: 'orgName' },
                        { title: '期限', dataIndex: 'kindLabel' },
                        { title: '届满日', render: (_, r) => (r.dueOn === r.originalDueOn ? r.dueOn : <>{r.dueOn}<div style={{ color: '#888', fontSize: 12 }}>法定 {r.originalDueOn}，依法延长</div></>) },
                        {
                          title: '状态',
                          render: (_, r) =>
                            r.metOn ? <Tag color="red">逾期办理（{r.metOn}，晚 {r.daysLate} 日）</Tag> : r.missed ? <Tag color="red">已逾期 {r.daysLate} 日</Tag> : <Tag color="orange">即将届满</Tag>,
                        },
                      ]} />
                    <Typography.Text strong>超出裁量基准</Typography.Text>
                    <Table size="small" rowKey="caseId" dataSource={d.warnings.outsideBenchmark} pagination={{ pageSize: 8 }}
                      columns={[
                        { title: '案件', render: (_, r) => <Link to={r.link}>{r.caseNo ?? r.title}</Link> },
                        { title: '单位', dataIndex: 'orgName' },
                        { title: '当事人', dataIndex: 'partyName' },
                        { title: '决定日', dataIndex: 'decidedOn' },
                        { title: '罚款', render: (_, r) => `${formatYuan(r.fineFen)} 元` },
                      ]} />
                    <Typography.Text strong>公示逾期</Typography.Text>
                    <Table size="small" rowKey="caseId" dataSource={d.warnings.publicationOverdue} pagination={{ pageSize: 8 }}
                      columns={[
                        { title: '案件', render: (_, r) => <Link to={r.link}>{r.caseNo ?? r.title}</Link> },
                        { title: '单位', dataIndex: 'orgName' },
                        { title: '应公示日', dataIndex: 'dueOn' },
                        { title: '逾期', render: (_, r) => `${r.daysOverdue} 天` },
                      ]} />
                    <Typography.Text strong>超过检查频次上限（单位上限 {d.warnings.overInspection.caps.capPerUnit} 次，合计上限 {d.warnings.overInspection.caps.capAllUnits} 次）</Typography.Text>
                    <Table size="small" rowKey={(r) => `${r.enterpriseId}-${r.orgName ?? ''}`} dataSource={[...d.warnings.overInspection.overUnitCap, ...d.warnings.overInspection.overAllCap.map((r) => ({ ...r, orgName: null }))]} pagination={{ pageSize: 8 }}
                      columns={[
                        { title: '企业', render: (_, r) => <Link to={d.warnings.overInspection.link}>{r.enterpriseName}</Link> },
                        { title: '单位', render: (_, r) => r.orgName ?? '各单位合计' },
                        { title: '次数', dataIndex: 'count' },
                      ]} />
                  </>
                ),
              },
              {
                key: 'review',
                label: '案卷评查',
                children: (
                  <>
                    {d.review.byUnit.length > 0 && (
                      <BarChart title="各单位不合格率（%）" horizontal labels={d.review.byUnit.map((u) => u.orgName.replace('禄丰市', ''))} values={d.review.byUnit.map((u) => u.failRate ?? 0)} color={red} height={Math.max(200, d.review.byUnit.length * 26)} />
                    )}
                    <Table size="small" rowKey="batchId" dataSource={d.review.byBatch} pagination={false} locale={{ emptyText: <Empty description="本年度没有已抽取的评查批次" /> }}
                      columns={[
                        { title: '批次', render: (_, r) => <Link to={r.link}>{r.title}</Link> },
                        { title: '案卷', render: (_, r) => `${r.graded}/${r.files}` },
                        { title: '优秀率', render: (_, r) => pct(r.excellentRate) },
                        { title: '合格率', render: (_, r) => pct(r.passRate) },
                        { title: '不合格率', render: (_, r) => pct(r.failRate) },
                        { title: '结果', render: (_, r) => (r.published ? <Tag color="green">已公布</Tag> : <Tag>评查中</Tag>) },
                      ]} />
                    <Table size="small" rowKey="orgId" style={{ marginTop: 16 }} dataSource={d.review.byUnit} pagination={{ pageSize: 15 }}
                      columns={[
                        { title: '单位', dataIndex: 'orgName' },
                        { title: '已评案卷', dataIndex: 'graded' },
                        { title: '优秀率', render: (_, r) => pct(r.excellentRate) },
                        { title: '合格率', render: (_, r) => pct(r.passRate) },
                        { title: '不合格率', render: (_, r) => pct(r.failRate) },
                      ]} />
                  </>
                ),
              },
              {
                key: 'complaints',
                label: `投诉举报（${d.complaints.open}）`,
                children: (
                  <>
                    <Row gutter={[16, 16]}>
                      <Col xs={12} md={6}><Figure title="办理中投诉" value={d.complaints.open} link={d.complaints.link} /></Col>
                      <Col xs={12} md={6}><Figure title="逾期未答复" value={d.complaints.overdue.length} link={d.complaints.link} danger /></Col>
                    </Row>
                    {d.complaints.byCategory.length > 0 && <BarChart title={`${d.year}年按类别`} horizontal labels={d.complaints.byCategory.map((c) => c.label)} values={d.complaints.byCategory.map((c) => c.count)} color="#1d4ed8" height={Math.max(200, d.complaints.byCategory.length * 28)} />}
                    <Table size="small" rowKey="id" dataSource={d.complaints.overdue} pagination={{ pageSize: 8 }}
                      columns={[
                        { title: '编号', render: (_, r) => <Link to={d.complaints.link}>{r.complaintNo}</Link> },
                        { title: '被投诉单位', dataIndex: 'orgName' },
                        { title: '类别', dataIndex: 'categoryLabel' },
                        { title: '答复期限', dataIndex: 'answerDueOn' },
                      ]} />
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  )
}
