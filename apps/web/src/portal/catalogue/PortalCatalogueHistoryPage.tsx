import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Flex, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import { api } from '../../shared/api'
import { formatDate } from '../../shared/format'
import { type CatalogueDiff, CatalogueDiffView } from './catalogue-view'
import type { PublicVersion } from './PortalCataloguePage'

/** 目录历史与对比: every published version, and what changed between any two of them. */
export function PortalCatalogueHistoryPage() {
  const [params, setParams] = useSearchParams()
  const versions = useQuery({ queryKey: ['public', 'catalogue-versions'], queryFn: () => api.get<{ items: PublicVersion[] }>('/api/public/catalogue/versions') })
  const items = versions.data?.items ?? []
  const from = params.get('from') ?? items[1]?.id
  const to = params.get('to') ?? items[0]?.id
  const diff = useQuery({
    queryKey: ['public', 'catalogue-diff', from, to],
    queryFn: () => api.get<CatalogueDiff>('/api/public/catalogue/diff', { from, to }),
    enabled: Boolean(from && to),
  })
  const options = items.map((v) => ({ value: v.id, label: `${v.year}年版（${v.statusLabel}）` }))
  const choose = (key: 'from' | 'to', id: string) => setParams({ from: from ?? '', to: to ?? '', [key]: id })

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title="目录历史版本">
        {versions.isLoading ? (
          <Skeleton active />
        ) : (
          <Timeline
            items={items.map((v) => ({
              color: v.status === 'published' ? 'green' : 'gray',
              content: (
                <>
                  <Typography.Text strong>《{v.title}》</Typography.Text> <Tag color={v.status === 'published' ? 'green' : 'default'}>{v.statusLabel}</Tag>
                  <div style={{ color: '#666', fontSize: 13 }}>
                    {v.meetingName && `${v.meetingName}（${formatDate(v.meetingDate)}）审议通过`}
                    {v.approvalDocNo && ` · ${v.approvalDocNo}`} · {v.itemCount} 项{v.publishedAt && ` · ${formatDate(v.publishedAt.slice(0, 10))}公布`}
                  </div>
                </>
              ),
            }))}
          />
        )}
      </Card>
      <Card size="small" title="版本对比">
        {items.length < 2 ? (
          <Alert type="info" showIcon title="目前只有一个已公布的版本" />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Flex wrap gap={8} align="center">
              <Select aria-label="原版本" value={from} options={options} onChange={(id) => choose('from', id)} style={{ minWidth: 160, flex: 1 }} />
              <span>对比</span>
              <Select aria-label="新版本" value={to} options={options} onChange={(id) => choose('to', id)} style={{ minWidth: 160, flex: 1 }} />
            </Flex>
            {diff.isLoading && <Skeleton active />}
            {diff.data && <CatalogueDiffView diff={diff.data} />}
          </Space>
        )}
      </Card>
    </Space>
  )
}
