import { useQuery } from '@tanstack/react-query'
import { Card, Empty, List, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../../shared/api'

type PublicPlan = { id: string; orgName: string; year: number; kindLabel: string; title: string; description: string | null; months: number[]; targetMode: 'list' | 'sampling'; targetCount: number; items: Array<{ code: string; name: string }> }

/** 涉企检查计划公示: every published plan — the unit, items, months and how targets are chosen. */
export function InspectionPlansPage() {
  const [year, setYear] = useState<number | undefined>(undefined)
  const q = useQuery({ queryKey: ['public', 'inspection-plans', year], queryFn: () => api.get<{ items: PublicPlan[] }>('/api/public/inspection-plans', { year }) })
  return (
    <Card title="涉企行政检查计划" extra={<Select placeholder="年度" allowClear style={{ width: 110 }} options={[2025, 2026].map((y) => ({ value: y, label: `${y}年` }))} onChange={setYear} />}>
      <Typography.Paragraph type="secondary">依据国办发〔2024〕54号和《云南省严格规范涉企行政检查16项措施》，计划内检查须列入已公布的检查计划；未列入的事项不得检查，企业可拒绝并向司法局投诉。</Typography.Paragraph>
      <List
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: <Empty description="暂无公布的检查计划" /> }}
        pagination={{ pageSize: 10 }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {p.title}
                  <Tag>{p.kindLabel}</Tag>
                </Space>
              }
              description={
                <>
                  <div>{p.orgName} · {p.year}年 {p.months.join('、')}月 · {p.targetMode === 'sampling' ? '随机抽取' : '指定名单'} {p.targetCount} 户</div>
                  <div>检查事项：{p.items.map((i) => i.name).join('；')}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  )
}
