import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { api, type Page } from '../../shared/api'
import { certificateColors, type PublicOfficer, type PublicRegion } from './public-registry-types'

const COUNTY = '532331'

/** 执法人员公示: name, unit, certificate number and areas of the officers of published entities. */
export function PortalOfficersPage() {
  const [q, setQ] = useState<string | undefined>()
  const [regionCode, setRegionCode] = useState<string>(COUNTY)
  const [page, setPage] = useState(1)
  const regions = useQuery({ queryKey: ['public', 'regions', COUNTY], queryFn: () => api.get<{ items: PublicRegion[] }>('/api/regions', { under: COUNTY }) })
  const officers = useQuery({
    queryKey: ['public', 'officers', q, regionCode, page],
    queryFn: () => api.get<Page<PublicOfficer>>('/api/public/officers', { q, regionCode, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  })
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          行政执法人员公示
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          执法人员须持证上岗、亮证执法。可按姓名或执法证号查找；点击证号查验证件今日是否有效。
        </Typography.Paragraph>
      </Card>
      <Space wrap style={{ width: '100%' }}>
        <Input.Search
          placeholder="姓名或执法证号"
          allowClear
          enterButton="查找"
          onSearch={(v) => {
            setQ(v || undefined)
            setPage(1)
          }}
          style={{ width: 260 }}
        />
        <Select
          value={regionCode}
          style={{ width: 170 }}
          onChange={(v) => {
            setRegionCode(v)
            setPage(1)
          }}
          options={[{ value: COUNTY, label: '全市' }, ...(regions.data?.items ?? []).filter((r) => r.level === 'township').map((r) => ({ value: r.code, label: r.name }))]}
        />
      </Space>
      <List<PublicOfficer>
        loading={officers.isLoading}
        dataSource={officers.data?.items}
        locale={{ emptyText: <Empty description="没有找到符合条件的执法人员" /> }}
        pagination={{ current: page, total: officers.data?.total, pageSize: 20, onChange: setPage, size: 'small', showTotal: (t) => `共 ${t} 人`, showSizeChanger: false }}
        renderItem={(o) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {o.name}
                </Typography.Text>
                <Tag color={certificateColors[o.effectiveStatus]}>{o.statusLabel}</Tag>
              </div>
              <div style={{ color: '#555' }}>{o.orgName}</div>
              <div>
                <Typography.Text type="secondary">执法证号：</Typography.Text>
                <Link to={`/certificates/${o.certNo}`}>{o.certNo}</Link>
              </div>
              <div>
                <Typography.Text type="secondary">执法领域：</Typography.Text>
                {o.areas.join('、')}
              </div>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  )
}
