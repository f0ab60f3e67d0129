import { useQuery } from '@tanstack/react-query'
import { Card, Col, Collapse, Empty, Input, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { api } from '../../shared/api'
import { formatDate } from '../../shared/format'
import type { PublicDelegation, PublicEntity, PublicRegion, PublicSummary } from './public-registry-types'

const COUNTY = '532331'

/** 执法主体公示: the published entities of the city and each township, with their delegations. */
export function PortalEntitiesPage() {
  const [regionCode, setRegionCode] = useState<string>(COUNTY)
  const [q, setQ] = useState<string | undefined>()
  const regions = useQuery({ queryKey: ['public', 'regions', COUNTY], queryFn: () => api.get<{ items: PublicRegion[] }>('/api/regions', { under: COUNTY }) })
  const summary = useQuery({ queryKey: ['public', 'registry-summary'], queryFn: () => api.get<PublicSummary>('/api/public/registry/summary', { regionCode: COUNTY }) })
  const entities = useQuery({ queryKey: ['public', 'entities', regionCode, q], queryFn: () => api.get<{ items: PublicEntity[]; total: number }>('/api/public/entities', { regionCode, q }) })
  const regionItems = regions.data?.items ?? []
  const groups = useMemo(() => {
    const byRegion = new Map<string, PublicEntity[]>()
    for (const e of entities.data?.items ?? []) byRegion.set(e.regionCode, [...(byRegion.get(e.regionCode) ?? []), e])
    return regionItems.filter((r) => byRegion.has(r.code)).map((r) => ({ region: r, items: byRegion.get(r.code) ?? [] }))
  }, [entities.data, regionItems])

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          行政执法主体公示
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          经司法行政部门审核、确认后公示的行政执法主体，及其依法委托的事项和期限。
        </Typography.Paragraph>
        <Row gutter={[12, 12]}>
          <Col xs={8}>
            <Statistic title="已公示执法主体" value={summary.data?.publishedEntities ?? '—'} suffix="个" />
          </Col>
          <Col xs={8}>
            <Statistic title="已开通平台单位" value={summary.data ? `${summary.data.onboardedUnits}/${summary.data.units}` : '—'} />
          </Col>
          <Col xs={8}>
            <Statistic title="有效执法证" value={summary.data?.validCertificates ?? '—'} suffix="张" />
          </Col>
        </Row>
      </Card>
      <Space wrap style={{ width: '100%' }}>
        <Select
          value={regionCode}
          style={{ width: 180 }}
          onChange={setRegionCode}
          options={[
            { value: COUNTY, label: '全市（含各乡镇）' },
            ...regionItems.filter((r) => r.level === 'township').map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
        <Input.Search placeholder="搜索执法主体名称" allowClear onSearch={(v) => setQ(v || undefined)} style={{ width: 220 }} />
      </Space>
      {entities.isLoading && <Spin />}
      {entities.data && entities.data.total === 0 && <Empty description="暂无已公示的执法主体" />}
      {groups.map(({ region, items }) => (
        <div key={region.code}>
          <Typography.Title level={5} style={{ margin: '8px 0' }}>
            {region.code === COUNTY ? '禄丰市（市直部门）' : region.name} <Typography.Text type="secondary">{items.length} 个</Typography.Text>
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {items.map((e) => (
              <Col xs={24} md={12} key={e.id}>
                <EntityCard entity={e} />
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </Space>
  )
}

function EntityCard({ entity: e }: { entity: PublicEntity }) {
  const delegations = [...e.delegationsGiven.map((d) => ({ d, given: true })), ...e.delegationsReceived.map((d) => ({ d, given: false }))]
  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{e.name}</span>} extra={<Tag color="red">{e.entityTypeLabel}</Tag>} style={{ height: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 6 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
        <Typography.Text type="secondary">依据：</Typography.Text>
        {e.legalBasis}
      </Typography.Paragraph>
      <div>
        <Typography.Text type="secondary">负责人：</Typography.Text>
        {e.responsiblePerson ?? '—'}
      </div>
      {e.address && (
        <div>
          <Typography.Text type="secondary">地址：</Typography.Text>
          {e.address}
        </div>
      )}
      {e.phone && (
        <div>
          <Typography.Text type="secondary">电话：</Typography.Text>
          <a href={`tel:${e.phone}`}>{e.phone}</a>
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        公示于 {formatDate(e.publishedAt?.slice(0, 10))} · 第 {e.version} 版
      </Typography.Text>
      {delegations.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'delegations',
              label: `委托事项（${delegations.length}）`,
              children: delegations.map(({ d, given }) => <DelegationLine key={d.id} delegation={d} given={given} />),
            },
          ]}
        />
      )}
    </Card>
  )
}

function DelegationLine({ delegation: d, given }: { delegation: PublicDelegation; given: boolean }) {
  return (
    <div style={{ marginBottom: 10 }}>
      <div>
        <Tag color={given ? 'blue' : 'purple'}>{given ? '委托' : '受委托'}</Tag>
        <Typography.Text strong>{given ? d.agentName : d.principalName}</Typography.Text>
      </div>
      <div style={{ fontSize: 13 }}>
        {d.documentTitle}（{d.documentNo}）
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
        {d.scope}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        期限：{d.validFrom} 至 {d.validTo}
      </Typography.Text>
    </div>
  )
}
