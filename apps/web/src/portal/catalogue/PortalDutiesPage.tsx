import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { dutyCategories, labels, type DutyCategory } from '@yangguang/core'
import { Card, Col, Input, List, Row, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'

type Township = { code: string; name: string; basic: number; cooperative: number; reclaimed: number }
type Duty = {
  townshipName: string
  category: DutyCategory
  seq: number
  name: string
  leadDepartment: string
  cooperatingDepartments: string[]
  legalBasis: string | null
  powerItemCode: string | null
  powerItemName: string | null
}

const shortLabel: Record<DutyCategory, string> = { basic: '基本履职', cooperative: '配合履职', reclaimed: '上级收回' }

/** 履职清单: each township's 基本履职、配合履职 and 上级收回 duties, searchable. */
export function PortalDutiesPage() {
  const townships = useQuery({ queryKey: ['public', 'duty-townships'], queryFn: () => api.get<{ items: Township[]; totals: Omit<Township, 'code' | 'name'> }>('/api/public/duties/townships') })
  const [chosen, setChosen] = useState<string | undefined>()
  const [category, setCategory] = useState<DutyCategory>('basic')
  const [q, setQ] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const township = townships.data?.items.find((t) => t.code === chosen) ?? townships.data?.items[0]
  const duties = useQuery({
    queryKey: ['public', 'duties', township?.code, category, q, page],
    queryFn: () => api.get<Page<Duty>>('/api/public/duties', { township: township?.code, category, q, page, pageSize: 20 }),
    enabled: Boolean(township),
    placeholderData: keepPreviousData,
  })
  const totals = townships.data?.totals

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          乡镇履行职责事项清单
        </Typography.Title>
        <Typography.Paragraph type="secondary">基本履职事项“必须为、负全责”，配合履职事项“配合为、尽次责”，上级部门收回事项由相关部门承担。清单之外无事项。</Typography.Paragraph>
        <Row gutter={[12, 12]}>
          <Col xs={8}>
            <Statistic title="基本履职" value={totals?.basic ?? '—'} suffix="项" />
          </Col>
          <Col xs={8}>
            <Statistic title="配合履职" value={totals?.cooperative ?? '—'} suffix="项" />
          </Col>
          <Col xs={8}>
            <Statistic title="上级收回" value={totals?.reclaimed ?? '—'} suffix="项" />
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          全市 {townships.data?.items.length ?? '—'} 个乡镇合计
        </Typography.Text>
      </Card>
      <Select
        aria-label="选择乡镇"
        value={township?.code}
        loading={townships.isLoading}
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        options={(townships.data?.items ?? []).map((t) => ({ value: t.code, label: `${t.name}（基本${t.basic}·配合${t.cooperative}）` }))}
        onChange={(code) => {
          setChosen(code)
          setPage(1)
        }}
      />
      <Input.Search
        placeholder="搜索事项名称、牵头或配合部门"
        allowClear
        enterButton="搜索"
        onSearch={(v) => {
          setQ(v || undefined)
          setPage(1)
        }}
      />
      <Tabs
        activeKey={category}
        onChange={(k) => {
          setCategory(k as DutyCategory)
          setPage(1)
        }}
        items={dutyCategories.map((c) => ({ key: c, label: `${shortLabel[c]} ${township ? township[c] : ''}` }))}
      />
      <List
        loading={duties.isFetching && !duties.data}
        dataSource={duties.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的事项' }}
        pagination={{ current: page, pageSize: 20, total: duties.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }}
        renderItem={(d) => (
          <List.Item style={{ display: 'block' }}>
            <Typography.Text strong>
              {d.seq}. {d.name}
            </Typography.Text>
            <div style={{ fontSize: 13, color: '#666', marginTop: 4 }}>
              {d.category === 'cooperative' ? '牵头部门' : d.category === 'reclaimed' ? '承接部门' : '牵头'}：{d.leadDepartment}
              {d.cooperatingDepartments.length > 0 && ` · 配合：${d.cooperatingDepartments.join('、')}`}
            </div>
            {(d.legalBasis || d.powerItemCode) && (
              <div style={{ fontSize: 13, color: '#666' }}>
                {d.legalBasis && `依据：${d.legalBasis}`}
                {d.powerItemCode && (
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    权力事项 {d.powerItemCode}
                  </Tag>
                )}
              </div>
            )}
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {labels.dutyCategory[category]}：{township?.name ?? ''}
      </Typography.Text>
    </Space>
  )
}
