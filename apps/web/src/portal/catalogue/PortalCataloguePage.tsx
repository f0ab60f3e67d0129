import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Alert, Card, Empty, Flex, Input, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { api } from '../../shared/api'
import { formatDate } from '../../shared/format'
import { type CatalogueItem, CatalogueItemCard } from './catalogue-view'

export type PublicVersion = {
  id: string
  title: string
  year: number
  regionName: string
  status: 'published' | 'superseded'
  statusLabel: string
  meetingName: string | null
  meetingDate: string | null
  approvalDocNo: string | null
  publishedAt: string | null
  itemCount: number
}

type PublicCatalogue = { version: PublicVersion; domains: Array<{ domain: string; count: number }>; items: CatalogueItem[] }

/** 权责清单: the catalogue in force — every item with its law, article and text, and who holds it. */
export function PortalCataloguePage() {
  const [domain, setDomain] = useState<string | undefined>()
  const [q, setQ] = useState<string | undefined>()
  const catalogue = useQuery({
    queryKey: ['public', 'catalogue', domain, q],
    queryFn: () => api.get<PublicCatalogue>('/api/public/catalogue', { domain, q }),
    placeholderData: keepPreviousData,
  })
  if (catalogue.isError) return <Alert type="info" showIcon title="暂无已公布的权责清单目录" />
  const data = catalogue.data
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        {!data ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              《{data.version.title}》
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {data.version.meetingName && `经${data.version.meetingName}（${formatDate(data.version.meetingDate)}）审议通过`}
              {data.version.approvalDocNo && ` · ${data.version.approvalDocNo}`}
              {data.version.publishedAt && ` · ${formatDate(data.version.publishedAt.slice(0, 10))}公布`} · 共 {data.version.itemCount} 项
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              清单之外无权力：目录内的行政处罚事项由乡镇人民政府（综合行政执法队）和相关部门依法实施。
              <Link to="/catalogue-history">查看历史版本与变化</Link>
            </Typography.Paragraph>
            <Flex wrap gap={6}>
              <Tag.CheckableTag checked={!domain} onChange={() => setDomain(undefined)}>
                全部 {data.version.itemCount}
              </Tag.CheckableTag>
              {data.domains.map((d) => (
                <Tag.CheckableTag key={d.domain} checked={domain === d.domain} onChange={(on) => setDomain(on ? d.domain : undefined)}>
                  {d.domain} {d.count}
                </Tag.CheckableTag>
              ))}
            </Flex>
          </>
        )}
      </Card>
      <Input.Search placeholder="搜索事项名称、编码或法律条文" allowClear enterButton="搜索" onSearch={(v) => setQ(v || undefined)} />
      {data && data.items.length === 0 && <Empty description="没有符合条件的事项" />}
      {data?.items.map((item) => (
        <CatalogueItemCard key={item.code} item={item} />
      ))}
    </Space>
  )
}
