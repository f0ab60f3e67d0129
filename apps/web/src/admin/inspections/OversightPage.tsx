import { useQuery } from '@tanstack/react-query'
import { Card, Col, Row, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { BarChart } from './BarChart'

type Row = Record<string, string | number | null | string[]>
type Oversight = {
  year: number
  rules: { capPeriod: 'month' | 'quarter' | 'year'; capPerUnit: number; capAllUnits: number; jointWindowDays: number }
  /** The day the cap windows end on: the year's last day, or today in the current year. */
  capAsOf: string
  totals: { total: number; noIssue: number; correct: number; transfer: number; joint: number; overridden: number }
  byMonth: Array<{ month: number; count: number }>
  byUnit: Array<{ orgName: string; count: number; late: number; typed: number }>
  byEnterprise: Array<{ enterpriseName: string; count: number; units: number }>
  overUnitCap: Row[]
  overAllCap: Row[]
  multiUnit: Row[]
  lateSyncs: Row[]
  typedScans: Row[]
  missedTasks: Row[]
  lowRatings: Row[]
  overrides: Array<Row & { rules: string[] }>
}

/** 检查监督: the justice bureau's view — counts, charts and warnings for a year. */
export function OversightPage() {
  const [year, setYear] = useState(2025)
  const q = useQuery({ queryKey: ['inspection-oversight', year], queryFn: () => api.get<Oversight>('/api/inspection-oversight', { year }) })
  const complaints = useQuery({ queryKey: ['inspection-complaints'], queryFn: () => api.get<{ items: Row[] }>('/api/inspection-complaints') })
  const o = q.data
  return (
    <Card title="涉企行政检查监督" extra={<Select value={year} onChange={setYear} style={{ width: 110 }} options={[2025, 2026].map((y) => ({ value: y, label: `${y}年` }))} />} loading={q.isLoading}>
      {o && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}><Statistic title="检查总数" value={o.totals.total} /></Col>
            <Col xs={12} md={4}><Statistic title="责令改正" value={o.totals.correct} /></Col>
            <Col xs={12} md={4}><Statistic title="移送立案" value={o.totals.transfer} /></Col>
            <Col xs={12} md={4}><Statistic title="联合检查" value={o.totals.joint} /></Col>
            <Col xs={12} md={4}><Statistic title="例外放行" value={o.totals.overridden} /></Col>
            <Col xs={12} md={4}><Statistic title="超频次企业" value={o.overUnitCap.length + o.overAllCap.length} styles={{ content: { color: '#c8102e' } }} /></Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <BarChart title="按月份" labels={o.byMonth.map((m) => `${m.month}月`)} values={o.byMonth.map((m) => m.count)} color="#c8102e" />
            </Col>
            <Col xs={24} lg={12}>
              <BarChart title="按单位（前 12）" horizontal labels={o.byUnit.slice(0, 12).map((u) => u.orgName.replace('禄丰市', ''))} values={o.byUnit.slice(0, 12).map((u) => u.count)} color="#1d4ed8" />
            </Col>
          </Row>
          <Tabs
            style={{ marginTop: 8 }}
            items={[
              { key: 'cap', label: `超过频次上限（${o.overUnitCap.length + o.overAllCap.length}）`, children: <><Typography.Paragraph type="secondary">截至 {o.capAsOf}，按各单位适用的检查规则，在规则设定的周期内（自检查当日向前倒推）统计，与开始检查时的频次校验使用同一计数。</Typography.Paragraph><Table size="small" rowKey={(r) => `${r.enterpriseId}-${r.orgName}`} dataSource={o.overUnitCap} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '单位', dataIndex: 'orgName' }, { title: '统计区间', render: (_, r) => `${r.from} 至 ${r.to}` }, { title: '次数（上限）', render: (_, r) => `${r.count}（${r.cap}）` }]} /><Table size="small" rowKey={(r) => String(r.enterpriseId)} dataSource={o.overAllCap} pagination={false} columns={[{ title: '企业（各单位合计）', dataIndex: 'enterpriseName' }, { title: '统计区间', render: (_, r) => `${r.from} 至 ${r.to}` }, { title: '次数（上限）', render: (_, r) => `${r.count}（${r.cap}）` }]} /></> },
              { key: 'multi', label: `${o.rules.jointWindowDays} 日内多头检查（${o.multiUnit.length}）`, children: <Table size="small" rowKey={(r, i) => `${r.enterpriseId}-${i}`} dataSource={o.multiUnit} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '先', render: (_, r) => `${r.firstOrg} ${r.firstDate}` }, { title: '后', render: (_, r) => `${r.secondOrg} ${r.secondDate}` }, { title: '间隔（天）', dataIndex: 'days' }]} /> },
              { key: 'late', label: `迟报（${o.lateSyncs.length}）`, children: <Table size="small" rowKey="id" dataSource={o.lateSyncs} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '单位', dataIndex: 'orgName' }, { title: '扫码', render: (_, r) => formatTime(r.scannedAt as string) }, { title: '同步', render: (_, r) => formatTime(r.syncedAt as string) }, { title: '说明', dataIndex: 'offlineReason' }]} /> },
              { key: 'typed', label: `未扫码（${o.typedScans.length}）`, children: <Table size="small" rowKey="id" dataSource={o.typedScans} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '单位', dataIndex: 'orgName' }, { title: '日期', dataIndex: 'inspectionDate' }]} /> },
              { key: 'missed', label: `计划未检（${o.missedTasks.length}）`, children: <Table size="small" rowKey="id" dataSource={o.missedTasks} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '单位', dataIndex: 'orgName' }, { title: '计划日期', dataIndex: 'plannedDate' }]} /> },
              { key: 'low', label: `低评价（${o.lowRatings.length}）`, children: <Table size="small" rowKey="id" dataSource={o.lowRatings} pagination={{ pageSize: 10 }} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '单位', dataIndex: 'orgName' }, { title: '日期', dataIndex: 'inspectionDate' }, { title: '评分', dataIndex: 'score' }, { title: '意见', dataIndex: 'comment' }]} /> },
              { key: 'override', label: `例外放行（${o.overrides.length}）`, children: <Table size="small" rowKey="id" dataSource={o.overrides} pagination={{ pageSize: 10 }} columns={[{ title: '日期', dataIndex: 'validOn' }, { title: '单位', dataIndex: 'orgName' }, { title: '企业', dataIndex: 'enterpriseName' }, { title: '规则', render: (_, r) => r.rules.map((x) => <Tag key={x}>{x}</Tag>) }, { title: '理由', dataIndex: 'reason' }, { title: '审批人', dataIndex: 'decidedBy' }]} /> },
              { key: 'units', label: '按单位', children: <Table size="small" rowKey="orgName" dataSource={o.byUnit} pagination={{ pageSize: 15 }} columns={[{ title: '单位', dataIndex: 'orgName' }, { title: '检查', dataIndex: 'count' }, { title: '迟报', dataIndex: 'late' }, { title: '未扫码', dataIndex: 'typed' }]} /> },
              { key: 'ents', label: '按企业（前 20）', children: <Table size="small" rowKey="enterpriseName" dataSource={o.byEnterprise} pagination={false} columns={[{ title: '企业', dataIndex: 'enterpriseName' }, { title: '检查', dataIndex: 'count' }, { title: '单位数', dataIndex: 'units' }]} /> },
              { key: 'complaints', label: `企业投诉（${complaints.data?.items.length ?? 0}）`, children: <Table size="small" rowKey="id" dataSource={complaints.data?.items} pagination={{ pageSize: 10 }} columns={[{ title: '时间', render: (_, r) => formatTime(r.createdAt as string) }, { title: '被投诉单位', dataIndex: 'orgName' }, { title: '投诉人', render: (_, r) => (r.anonymous ? <Tag>匿名</Tag> : r.enterpriseName) }, { title: '内容', dataIndex: 'content' }]} /> },
            ]}
          />
        </>
      )}
    </Card>
  )
}
