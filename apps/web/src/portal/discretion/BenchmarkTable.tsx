import { Table, Tag, Typography } from 'antd'
import type { TierView } from './discretion-types'

const tierColors: Record<string, string> = { exempt: 'green', mitigated: 'cyan', lenient: 'blue', ordinary: 'default', severe: 'red' }

/** A benchmark's tiers as the published table: 阶次 · 适用情形 · 处罚幅度. Shared by the portal and the admin pages. */
export function BenchmarkTierTable({ tiers }: { tiers: TierView[] }) {
  return (
    <Table<TierView>
      size="small"
      rowKey="tier"
      pagination={false}
      dataSource={tiers}
      scroll={{ x: 560 }}
      columns={[
        { title: '裁量阶次', width: 96, render: (_, t) => <Tag color={tierColors[t.tier]}>{t.tierLabel}</Tag> },
        {
          title: '适用情形',
          render: (_, t) => (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {t.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ),
        },
        {
          title: '处罚幅度',
          width: 220,
          render: (_, t) => (
            <>
              {t.rangeText}
              {t.note && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t.note}
                </Typography.Text>
              )}
            </>
          ),
        },
      ]}
    />
  )
}
