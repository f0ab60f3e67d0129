import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { labels } from '@yangguang/core'
import { Alert, Card, Collapse, Empty, Flex, Input, List, Segmented, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../../shared/api'
import { formatDate } from '../../shared/format'
import { BenchmarkTierTable } from './BenchmarkTable'
import { cite, type PublicBenchmark, type PublicNoPenaltyItem } from './discretion-types'

/**
 * 裁量基准公示 (行政处罚法 第三十四条: 裁量基准应当向社会公布): every benchmark in force with its
 * statutory range and tiers, and the 首违不罚 / 轻微违法免罚 lists. No login.
 */
export function PortalBenchmarksPage() {
  const [tab, setTab] = useState<'benchmarks' | 'first_violation' | 'minor'>('benchmarks')
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          行政处罚裁量基准
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          执法机关在法定幅度内，按违法情节选择裁量阶次：同样的违法行为，同样的处罚幅度。首违不罚、轻微违法免罚清单所列行为，符合条件的依法不予行政处罚，并进行教育。
        </Typography.Paragraph>
        <Segmented
          value={tab}
          onChange={(v) => setTab(v as typeof tab)}
          options={[
            { value: 'benchmarks', label: '裁量基准' },
            { value: 'first_violation', label: `${labels.noPenaltyListKind.first_violation}清单` },
            { value: 'minor', label: `${labels.noPenaltyListKind.minor}清单` },
          ]}
        />
      </Card>
      {tab === 'benchmarks' ? <Benchmarks /> : <NoPenaltyList listKind={tab} />}
    </Space>
  )
}

function Benchmarks() {
  const [q, setQ] = useState<string | undefined>()
  const [domain, setDomain] = useState<string | undefined>()
  const list = useQuery({
    queryKey: ['public', 'benchmarks', q],
    queryFn: () => api.get<{ items: PublicBenchmark[] }>('/api/public/benchmarks', { q }),
    placeholderData: keepPreviousData,
  })
  // The domains that have benchmarks in force (the list comes in catalogue order, domain first).
  const domains = [...new Set([...(list.data?.items ?? []).map((b) => b.powerItem.domain), ...(domain ? [domain] : [])])]
  const items = list.data?.items.filter((b) => !domain || b.powerItem.domain === domain)
  return (
    <>
      <Input.Search placeholder="搜索违法行为、事项名称或编码" allowClear enterButton="搜索" onSearch={(v) => setQ(v || undefined)} />
      <Flex wrap gap={6}>
        <Tag.CheckableTag checked={!domain} onChange={() => setDomain(undefined)}>
          全部领域
        </Tag.CheckableTag>
        {domains.map((d) => (
          <Tag.CheckableTag key={d} checked={domain === d} onChange={(on) => setDomain(on ? d : undefined)}>
            {d}
          </Tag.CheckableTag>
        ))}
      </Flex>
      {list.isError && <Alert type="error" showIcon title="加载失败，请稍后重试" />}
      {list.isLoading && <Skeleton active />}
      {items && <Typography.Text type="secondary">共 {items.length} 项现行裁量基准</Typography.Text>}
      {items && items.length === 0 && <Empty description="没有符合条件的裁量基准" />}
      {items?.map((b) => (
        <BenchmarkCard key={b.id} benchmark={b} />
      ))}
    </>
  )
}

function BenchmarkCard({ benchmark: b }: { benchmark: PublicBenchmark }) {
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{b.violation}</span>}
      extra={<Typography.Text type="secondary">{b.code}</Typography.Text>}
      data-testid="benchmark-card"
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {b.powerItem.code} {b.powerItem.name} · {b.powerItem.domain} · {b.regionName} · 第{b.version}版
          {b.effectiveFrom && ` · ${formatDate(b.effectiveFrom)}起施行`}
        </Typography.Text>
        <div>
          <Typography.Text strong>法定幅度：</Typography.Text>
          {b.statutory.text}
        </div>
        <BenchmarkTierTable tiers={b.tiers} />
        <Collapse
          size="small"
          items={[
            {
              key: 'basis',
              label: `依据：${[...b.violationBasis, ...b.penaltyBasis].map(cite).filter((c, i, all) => all.indexOf(c) === i).join('；')}`,
              children: (
                <Space orientation="vertical" size={4}>
                  {b.penaltyBasis.map((p) => (
                    <Typography.Paragraph key={cite(p)} style={{ marginBottom: 0 }}>
                      <Typography.Text strong>{cite(p)}</Typography.Text> {p.text}
                    </Typography.Paragraph>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  )
}

function NoPenaltyList({ listKind }: { listKind: 'first_violation' | 'minor' }) {
  const [q, setQ] = useState<string | undefined>()
  const list = useQuery({
    queryKey: ['public', 'no-penalty', listKind, q],
    queryFn: () => api.get<{ items: PublicNoPenaltyItem[] }>('/api/public/no-penalty-items', { listKind, q }),
    placeholderData: keepPreviousData,
  })
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={
          listKind === 'first_violation'
            ? '《行政处罚法》第三十三条第一款：初次违法且危害后果轻微并及时改正的，可以不予行政处罚。'
            : '《行政处罚法》第三十三条第一款：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。'
        }
      />
      <Input.Search placeholder="搜索违法行为或事项" allowClear enterButton="搜索" onSearch={(v) => setQ(v || undefined)} />
      {list.isLoading && <Skeleton active />}
      {list.data && list.data.items.length === 0 && <Empty description="没有符合条件的事项" />}
      {list.data && (
        <List
          dataSource={list.data.items}
          renderItem={(item, index) => (
            <Card size="small" style={{ marginBottom: 12 }} title={<span style={{ whiteSpace: 'normal' }}>{`${index + 1}. ${item.violation}`}</span>}>
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {item.powerItem.code} · {item.powerItem.domain} · 依据：{item.legalBasis.map(cite).join('；')}
                </Typography.Text>
                <div>
                  <Typography.Text strong>适用条件：</Typography.Text>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {item.conditions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </div>
                {item.correctionDays && <div>改正期限：{item.correctionDays}日</div>}
                <div>
                  <Typography.Text strong>教育措施：</Typography.Text>
                  {item.educationMeasure}
                </div>
              </Space>
            </Card>
          )}
        />
      )}
    </>
  )
}
