import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Form, InputNumber, Select, Switch, Typography } from 'antd'
import { api, ApiError } from '../../shared/api'

type Rules = {
  regionCode: string | null
  minOfficers: number
  requireAreaMatch: boolean
  capPeriod: 'month' | 'quarter' | 'year'
  capPerUnit: number
  capAllUnits: number
  jointWindowDays: number
  lateSyncHours: number
  backfillMaxDays: number
  ratingMinCount: number
}

/** 检查规则: the limits enforced when an inspection starts, set by the justice bureau for its jurisdiction. */
export function RulesPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const q = useQuery({ queryKey: ['inspection-rules'], queryFn: () => api.get<{ sets: Array<Rules & { regionName: string }>; effective: Rules; defaults: Rules }>('/api/inspection-rules') })
  if (!q.data) return <Card loading />
  const current = q.data.sets[0] ?? { ...q.data.defaults, regionCode: '532331', regionName: '禄丰市' }
  return (
    <Card title={`涉企行政检查规则 · ${current.regionName}`}>
      <Typography.Paragraph type="secondary">开始检查时逐条校验：清单之外无权力、两名以上持证执法人员（证件当日有效且领域相符）、同一企业的检查频次上限（本单位和各单位合计，联合检查计一次）、离线补录时限。频次上限和计划月份可由单位负责人说明理由后例外放行，放行情况实时报送司法局。</Typography.Paragraph>
      <Form
        layout="vertical"
        style={{ maxWidth: 520 }}
        initialValues={current}
        onFinish={(v: Rules) =>
          api
            .post(`/api/inspection-rules/${current.regionCode}`, { ...v, regionCode: undefined, regionName: undefined })
            .then(() => (message.success('规则已保存，立即生效'), client.invalidateQueries({ queryKey: ['inspection-rules'] })))
            .catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '保存失败'))
        }
      >
        <Form.Item name="minOfficers" label="最少执法人员数"><InputNumber min={2} max={10} /></Form.Item>
        <Form.Item name="requireAreaMatch" label="执法证领域须涵盖检查事项" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="capPeriod" label="频次统计周期"><Select options={[{ value: 'year', label: '自然年' }, { value: 'quarter', label: '季度' }, { value: 'month', label: '月' }]} /></Form.Item>
        <Form.Item name="capPerUnit" label="同一单位对同一企业的检查上限（次/周期）"><InputNumber min={1} max={100} /></Form.Item>
        <Form.Item name="capAllUnits" label="各单位合计对同一企业的检查上限（次/周期）"><InputNumber min={1} max={100} /></Form.Item>
        <Form.Item name="jointWindowDays" label="综合查一次 / 多头检查预警窗口（天）"><InputNumber min={1} max={366} /></Form.Item>
        <Form.Item name="lateSyncHours" label="超过多少小时同步视为迟报"><InputNumber min={1} max={720} /></Form.Item>
        <Form.Item name="backfillMaxDays" label="离线补录时限（自然日）"><InputNumber min={0} max={30} /></Form.Item>
        <Form.Item name="ratingMinCount" label="单位可见评价汇总的最少评价数（防识别）" extra="少于 5 条不公布，以防推算单条评价"><InputNumber min={5} max={100} /></Form.Item>
        <Button type="primary" htmlType="submit">保存</Button>
      </Form>
    </Card>
  )
}
