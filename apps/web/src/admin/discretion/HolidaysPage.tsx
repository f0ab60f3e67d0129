import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels } from '@yangguang/core'
import { Alert, App, Button, Calendar, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { api } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { errorText } from '../catalogue/catalogue-shared'
import { formatDateList, parseDateList } from './date-list'

type YearSummary = {
  year: number
  source: string | null
  origin: 'built_in' | 'added' | 'replaced'
  holidayCount: number
  workdayCount: number
  updatedAt: string | null
  updatedByName: string | null
}
type YearDetail = YearSummary & { holidays: string[]; workdays: string[]; actions: string[] }
type Day = { date: string; kind: 'workday' | 'weekend' | 'holiday' | 'adjusted_workday'; working: boolean; known: boolean }

const originLabels: Record<YearSummary['origin'], [string, string]> = {
  built_in: ['内置', 'default'],
  added: ['管理员录入', 'blue'],
  replaced: ['已更正内置数据', 'orange'],
}

/**
 * 节假日安排: the years the working-day calendar knows (法定期限 are counted with it), a month view
 * of holidays and 调休 working days, and — for the admin — entering a new year from the State
 * Council's notice or correcting one.
 */
export function HolidaysPage() {
  const [month, setMonth] = useState<Dayjs>(dayjs())
  const [editing, setEditing] = useState<YearDetail | 'new' | null>(null)
  const years = useQuery({ queryKey: ['calendar', 'years'], queryFn: () => api.get<{ items: YearSummary[]; actions: string[] }>('/api/calendar/years') })
  const from = month.startOf('month').startOf('week').format('YYYY-MM-DD')
  const to = month.endOf('month').endOf('week').format('YYYY-MM-DD')
  const days = useQuery({ queryKey: ['calendar', 'days', from, to], queryFn: () => api.get<{ days: Day[] }>('/api/calendar/days', { from, to }) })
  const dayOf = new Map((days.data?.days ?? []).map((d) => [d.date, d]))
  const canEdit = years.data?.actions.includes('update') ?? false
  const known = years.data?.items.some((y) => y.year === month.year())

  const openYear = async (year: number) => setEditing(await api.get<{ year: YearDetail }>(`/api/calendar/years/${year}`).then((r) => r.year))

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="节假日安排"
        extra={
          canEdit && (
            <Button type="primary" onClick={() => setEditing('new')}>
              录入年度安排
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          法定期限按此日历计算：《行政处罚法》第八十五条的“二日、三日、五日、七日”为工作日，不含法定节假日；期间届满日为节假日的顺延至节假日后的第一个工作日。每年国务院办公厅公布下一年放假安排后，请及时录入。
        </Typography.Paragraph>
        <Table<YearSummary>
          rowKey="year"
          size="small"
          loading={years.isLoading}
          dataSource={years.data?.items}
          pagination={false}
          columns={[
            { title: '年份', dataIndex: 'year', width: 80, render: (y: number) => <a onClick={() => setMonth(dayjs(`${y}-01-01`))}>{y}年</a> },
            { title: '来源', dataIndex: 'source', render: (s: string | null) => s ?? '—' },
            { title: '数据', width: 140, render: (_, y) => <Tag color={originLabels[y.origin][1]}>{originLabels[y.origin][0]}</Tag> },
            { title: '放假天数', dataIndex: 'holidayCount', width: 90 },
            { title: '调休上班', dataIndex: 'workdayCount', width: 90 },
            { title: '更新', width: 220, render: (_, y) => (y.updatedAt ? `${formatTime(y.updatedAt)} ${y.updatedByName ?? ''}` : '—') },
            {
              title: '操作',
              width: 90,
              render: (_, y) =>
                canEdit && (
                  <Button type="link" size="small" onClick={() => openYear(y.year)}>
                    更正
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title={`${month.format('YYYY年M月')}`}>
        {!known && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${month.year()}年放假安排尚未录入：跨入该年的期限只能按周末推算，会被标记为待确认。`} />}
        <Calendar
          value={month}
          onPanelChange={(d) => setMonth(d)}
          onChange={(d) => setMonth(d)}
          cellRender={(current, info) => {
            if (info.type !== 'date') return info.originNode
            const day = dayOf.get(current.format('YYYY-MM-DD'))
            if (!day || day.kind === 'workday') return null
            if (day.kind === 'weekend') return <Typography.Text type="secondary">{labels.dayKind.weekend}</Typography.Text>
            return <Tag color={day.kind === 'holiday' ? 'red' : 'blue'}>{labels.dayKind[day.kind]}</Tag>
          }}
        />
      </Card>
      {editing && <YearForm year={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(y) => setMonth(dayjs(`${y}-01-01`))} />}
    </Space>
  )
}

type FormValues = { year: number; source: string; holidays: string; workdays: string }

function YearForm({ year, onClose, onSaved }: { year: YearDetail | null; onClose: () => void; onSaved: (year: number) => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<FormValues>()
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const holidays = parseDateList(v.holidays)
      const workdays = parseDateList(v.workdays ?? '')
      const invalid = [...holidays.invalid, ...workdays.invalid]
      if (invalid.length > 0) return Promise.reject(new Error(`无法识别的日期：${invalid.join('、')}`))
      return api.put<{ year: YearDetail }>(`/api/calendar/years/${v.year}`, { source: v.source, holidays: holidays.dates, workdays: workdays.dates })
    },
    onSuccess: (res) => {
      message.success(`${res.year.year}年放假安排已保存，期限计算立即使用新数据`)
      client.invalidateQueries({ queryKey: ['calendar'] })
      onSaved(res.year.year)
      onClose()
    },
    onError: (e) => message.error(e instanceof Error && !('code' in e) ? e.message : errorText(e)),
  })
  return (
    <Modal open title={year ? `更正${year.year}年放假安排` : '录入年度放假安排'} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" width={640}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          year
            ? { year: year.year, source: year.source ?? '', holidays: formatDateList(year.holidays), workdays: formatDateList(year.workdays) }
            : { year: dayjs().year() + 1, source: '', holidays: '', workdays: '' }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="year" label="年份" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={Boolean(year)} />
        </Form.Item>
        <Form.Item name="source" label="来源（通知名称和文号）" rules={[{ required: true, message: '请填写来源' }]}>
          <Input placeholder="国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）" maxLength={200} />
        </Form.Item>
        <Form.Item name="holidays" label="放假日期（含假期中的周末）" extra="每行一个日期或一段日期，如 2027-01-01~2027-01-03" rules={[{ required: true, message: '请填写放假日期' }]}>
          <Input.TextArea rows={6} placeholder={'2027-01-01~2027-01-03\n2027-02-05~2027-02-11'} />
        </Form.Item>
        <Form.Item name="workdays" label="调休上班日（周六、周日）">
          <Input.TextArea rows={3} placeholder={'2027-01-30\n2027-02-20'} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
