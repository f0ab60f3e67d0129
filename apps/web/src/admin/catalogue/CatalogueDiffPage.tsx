import { useQuery } from '@tanstack/react-query'
import { Card, Flex, Result, Select, Skeleton, Space } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { api } from '../../shared/api'
import { type CatalogueDiff, CatalogueDiffView } from '../../portal/catalogue/catalogue-view'
import type { CatalogueVersion } from './catalogue-types'

/** 版本对比: what changed between any two versions, drafts included. */
export function CatalogueDiffPage() {
  const [params, setParams] = useSearchParams()
  const from = params.get('from') ?? undefined
  const to = params.get('to') ?? undefined
  const versions = useQuery({ queryKey: ['catalogue-versions'], queryFn: () => api.get<{ items: CatalogueVersion[] }>('/api/catalogue/versions') })
  const diff = useQuery({ queryKey: ['catalogue-diff', from, to], queryFn: () => api.get<CatalogueDiff>('/api/catalogue/diff', { from, to }), enabled: Boolean(from && to) })
  const options = (versions.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.year}年版（${v.statusLabel}）` }))
  const choose = (key: 'from' | 'to', id: string) => setParams({ from: from ?? '', to: to ?? '', [key]: id })
  return (
    <Card title="版本对比" extra={<Link to="/catalogue/versions">返回目录版本</Link>}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Select aria-label="原版本" placeholder="原版本" value={from} options={options} onChange={(id) => choose('from', id)} style={{ width: 220 }} />
          <span>对比</span>
          <Select aria-label="新版本" placeholder="新版本" value={to} options={options} onChange={(id) => choose('to', id)} style={{ width: 220 }} />
        </Flex>
        {diff.isError && <Result status="warning" title="无法对比所选版本" />}
        {diff.isLoading && <Skeleton active />}
        {diff.data && <CatalogueDiffView diff={diff.data} />}
      </Space>
    </Card>
  )
}
