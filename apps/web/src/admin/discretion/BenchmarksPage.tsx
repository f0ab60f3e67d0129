import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Benchmark, type BenchmarkTier, calculateDiscretion, type DiscretionTier, discretionTiers, formatYuan, labels, type PartyKind, type PenaltyKind, penaltyKinds } from '@yangguang/core'
import { Alert, App, Button, Card, Col, Descriptions, Divider, Drawer, Form, type FormInstance, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { formatDate, formatTime } from '../../shared/format'
import { BenchmarkTierTable } from '../../portal/discretion/BenchmarkTable'
import { cite, type PublicBenchmark } from '../../portal/discretion/discretion-types'
import { useMe } from '../auth/session'
import { errorText } from '../catalogue/catalogue-shared'

type BenchmarkView = PublicBenchmark & { status: 'draft' | 'published' | 'superseded'; statusLabel: string; createdByName: string | null; updatedAt: string; actions: string[] }
type Version = { id: string; version: number; status: string; statusLabel: string; publishedAt: string | null }
type Detail = { benchmark: BenchmarkView; versions: Version[] }
type Filter = { q?: string; domain?: string; status?: string; page: number }

const statusColors: Record<string, string> = { draft: 'orange', published: 'green', superseded: 'default' }
const kindOptions = penaltyKinds.map((k) => ({ value: k, label: labels.penaltyKind[k] }))
const tierOptions = discretionTiers.map((t) => ({ value: t, label: labels.discretionTier[t] }))
const draftingRoles = ['admin', 'supervisor', 'unit_head', 'legal_reviewer']

/**
 * 裁量基准: benchmarks per 行政处罚 item — list, draft and edit tiers with a live preview of the
 * calculator, publish (by someone other than the drafter), draft a new version, stop one.
 */
export function BenchmarksPage() {
  const me = useMe()
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const [open, setOpen] = useState<string | null>(null)
  const [editing, setEditing] = useState<BenchmarkView | 'new' | null>(null)
  const list = useQuery({
    queryKey: ['benchmarks', filter],
    queryFn: () => api.get<Page<BenchmarkView>>('/api/discretion/benchmarks', { ...filter, pageSize: 20 }),
    placeholderData: keepPreviousData,
  })
  const domains = useQuery({
    queryKey: ['power-items', 'options'],
    queryFn: () => api.get<{ domains: Array<{ domain: string }> }>('/api/catalogue/power-items/options'),
    staleTime: 300_000,
  })
  return (
    <Card
      title="裁量基准"
      extra={
        me.data && draftingRoles.includes(me.data.role) && (
          <Button type="primary" onClick={() => setEditing('new')}>
            起草裁量基准
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="违法行为、事项名称或编码" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 260 }} />
        <Select
          placeholder="领域"
          allowClear
          style={{ width: 150 }}
          options={(domains.data?.domains ?? []).map((d) => ({ value: d.domain, label: d.domain }))}
          onChange={(domain) => setFilter({ ...filter, domain, page: 1 })}
        />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={Object.entries(labels.discretionStatus).map(([value, label]) => ({ value, label }))}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
      </Space>
      <Table<BenchmarkView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1200 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 项`, showSizeChanger: false }}
        columns={[
          { title: '编码', width: 150, render: (_, b) => <a onClick={() => setOpen(b.id)}>{b.code}</a> },
          { title: '版本', width: 60, render: (_, b) => `第${b.version}版` },
          { title: '违法行为', dataIndex: 'violation', width: 320 },
          { title: '权力事项', width: 120, render: (_, b) => b.powerItem.code },
          { title: '法定幅度', width: 260, render: (_, b) => b.statutory.text },
          { title: '阶次', width: 60, render: (_, b) => b.tiers.length },
          { title: '状态', width: 90, render: (_, b) => <Tag color={statusColors[b.status]}>{b.statusLabel}</Tag> },
          { title: '施行', width: 120, render: (_, b) => formatDate(b.effectiveFrom) },
        ]}
      />
      {open && <BenchmarkDrawer id={open} onOpen={setOpen} onClose={() => setOpen(null)} onEdit={(b) => setEditing(b)} />}
      {editing && (
        <BenchmarkEditor
          benchmark={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setEditing(null)
            setOpen(id)
          }}
        />
      )}
    </Card>
  )
}

function BenchmarkDrawer({ id, onOpen, onClose, onEdit }: { id: string; onOpen: (id: string) => void; onClose: () => void; onEdit: (b: BenchmarkView) => void }) {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const detail = useQuery({ queryKey: ['benchmarks', 'detail', id], queryFn: () => api.get<Detail>(`/api/discretion/benchmarks/${id}`) })
  const act = useMutation({
    mutationFn: ({ action, body }: { action: 'publish' | 'revise' | 'withdraw' | 'delete'; body?: unknown }) =>
      action === 'delete' ? api.delete<unknown>(`/api/discretion/benchmarks/${id}`) : api.post<Detail>(`/api/discretion/benchmarks/${id}/${action}`, body ?? {}),
    onSuccess: (res, { action }) => {
      client.invalidateQueries({ queryKey: ['benchmarks'] })
      message.success({ publish: '已公布', revise: '已起草新版本', withdraw: '已停止适用', delete: '草稿已删除' }[action])
      if (action === 'delete') onClose()
      if (action === 'revise') onOpen((res as Detail).benchmark.id)
    },
    onError: (e) => message.error(errorText(e)),
  })
  const b = detail.data?.benchmark
  const withdraw = () => {
    let reason = ''
    modal.confirm({
      title: '停止适用该裁量基准',
      content: <Input.TextArea placeholder="请填写理由（如：法律修订）" onChange={(e) => (reason = e.target.value)} />,
      onOk: () => act.mutateAsync({ action: 'withdraw', body: { reason } }),
    })
  }
  return (
    <Drawer open width={880} onClose={onClose} title={b ? `${b.code} 第${b.version}版` : '裁量基准'}>
      {b && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={statusColors[b.status]}>{b.statusLabel}</Tag>
            {b.actions.includes('update') && <Button onClick={() => onEdit(b)}>编辑草稿</Button>}
            {b.actions.includes('publish') && (
              <Button type="primary" loading={act.isPending} onClick={() => modal.confirm({ title: '公布后不能再修改，确定公布？', onOk: () => act.mutateAsync({ action: 'publish' }) })}>
                公布
              </Button>
            )}
            {b.actions.includes('revise') && <Button onClick={() => act.mutate({ action: 'revise' })}>起草新版本</Button>}
            {b.actions.includes('withdraw') && (
              <Button danger onClick={withdraw}>
                停止适用
              </Button>
            )}
            {b.actions.includes('delete') && (
              <Button danger onClick={() => modal.confirm({ title: '删除该草稿？', onOk: () => act.mutateAsync({ action: 'delete' }) })}>
                删除草稿
              </Button>
            )}
          </Space>
          {b.status === 'draft' && !b.actions.includes('publish') && (
            <Alert type="info" showIcon title="草稿须由起草人以外的单位负责人或司法局监督人员审核后公布。" />
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="违法行为">{b.violation}</Descriptions.Item>
            <Descriptions.Item label="权力事项">
              {b.powerItem.code} {b.powerItem.name}
            </Descriptions.Item>
            <Descriptions.Item label="适用区域">{b.regionName}</Descriptions.Item>
            <Descriptions.Item label="违法依据">{b.violationBasis.map(cite).join('；') || '—'}</Descriptions.Item>
            <Descriptions.Item label="处罚依据">{b.penaltyBasis.map(cite).join('；')}</Descriptions.Item>
            <Descriptions.Item label="法定幅度">{b.statutory.text}</Descriptions.Item>
            <Descriptions.Item label="起草">
              {b.createdByName ?? '—'} · 更新于 {formatTime(b.updatedAt)}
            </Descriptions.Item>
            <Descriptions.Item label="施行日期">{formatDate(b.effectiveFrom)}</Descriptions.Item>
          </Descriptions>
          <BenchmarkTierTable tiers={b.tiers} />
          <Divider titlePlacement="start">试算</Divider>
          <CalculatorPreview benchmark={toCoreBenchmark(b)} />
          <Divider titlePlacement="start">版本</Divider>
          <Table<Version>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={detail.data?.versions}
            columns={[
              { title: '版本', render: (_, v) => (v.id === b.id ? <b>第{v.version}版</b> : <a onClick={() => onOpen(v.id)}>第{v.version}版</a>) },
              { title: '状态', render: (_, v) => <Tag color={statusColors[v.status]}>{v.statusLabel}</Tag> },
              { title: '公布时间', render: (_, v) => formatTime(v.publishedAt) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  )
}

/** Runs core's calculator in the browser on the benchmark shown (or the draft being edited): the same code the server uses. */
function CalculatorPreview({ benchmark }: { benchmark: Benchmark }) {
  const [tier, setTier] = useState<DiscretionTier | undefined>()
  const [baseYuan, setBaseYuan] = useState<number | null>(null)
  const [partyKind, setPartyKind] = useState<PartyKind>('organization')
  const multiple = benchmark.statutory.multipleMin != null || benchmark.statutory.multipleMax != null
  const result = calculateDiscretion(benchmark, { tier: tier ?? 'ordinary', baseFen: baseYuan === null ? null : Math.round(baseYuan * 100), partyKind })
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select style={{ width: 130 }} value={tier ?? 'ordinary'} onChange={setTier} options={tierOptions.filter((o) => benchmark.tiers.some((t) => t.tier === o.value))} />
        {multiple && (
          <InputNumber
            style={{ width: 240 }}
            min={0}
            precision={2}
            addonBefore={benchmark.statutory.multipleOf ?? '计罚基数'}
            addonAfter="元"
            value={baseYuan}
            onChange={(v) => setBaseYuan(v)}
          />
        )}
        <Radio.Group
          value={partyKind}
          onChange={(e) => setPartyKind(e.target.value as PartyKind)}
          options={[
            { value: 'organization', label: labels.partyKind.organization },
            { value: 'person', label: labels.partyKind.person },
          ]}
        />
      </Space>
      {result.ok ? (
        <Alert
          type={result.warnings.length ? 'warning' : 'success'}
          showIcon
          title={
            result.minFen === null && result.maxFen === null
              ? `${labels.discretionTier[result.tier]}：${result.kinds.map((k) => labels.penaltyKind[k]).join('、') || '不予处罚'}`
              : `${labels.discretionTier[result.tier]}：罚款 ${formatYuan(result.minFen ?? 0)} 元 至 ${result.maxFen === null ? '—' : `${formatYuan(result.maxFen)} 元`}`
          }
          description={[...result.explanation.slice(-1), ...result.warnings].map((line) => (
            <div key={line}>{line}</div>
          ))}
        />
      ) : (
        <Alert type="info" showIcon title={result.message} />
      )}
    </Space>
  )
}

function toCoreBenchmark(b: PublicBenchmark): Benchmark {
  return {
    code: b.code,
    violation: b.violation,
    violationBasis: b.violationBasis,
    penaltyBasis: b.penaltyBasis,
    statutory: b.statutory,
    tiers: b.tiers.map((t) => ({ tier: t.tier, conditions: t.conditions, kinds: t.kinds, fineMinFen: t.fineMinFen, fineMaxFen: t.fineMaxFen, multipleMin: t.multipleMin, multipleMax: t.multipleMax, note: t.note })),
  }
}

// ——— editor ——————————————————————————————————————————————————————————————

type ProvisionValues = { law: string; article: string; text?: string }
type TierValues = { tier: DiscretionTier; conditions: string; kinds: PenaltyKind[]; fineMin?: number | null; fineMax?: number | null; multipleMin?: number | null; multipleMax?: number | null; note?: string }
type EditorValues = {
  powerItemId?: string
  code?: string
  violation: string
  violationBasis: ProvisionValues[]
  penaltyBasis: ProvisionValues[]
  kinds: PenaltyKind[]
  fineMin?: number | null
  fineMax?: number | null
  multipleMin?: number | null
  multipleMax?: number | null
  multipleOf?: string
  tiers: TierValues[]
}

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100))
const toYuan = (f: number | null | undefined) => (f === null || f === undefined ? null : f / 100)

function toBody(v: EditorValues) {
  return {
    violation: v.violation,
    violationBasis: (v.violationBasis ?? []).filter((p) => p?.law && p?.article),
    penaltyBasis: (v.penaltyBasis ?? []).filter((p) => p?.law && p?.article),
    statutory: { kinds: v.kinds ?? [], fineMinFen: fen(v.fineMin), fineMaxFen: fen(v.fineMax), multipleMin: v.multipleMin ?? null, multipleMax: v.multipleMax ?? null, multipleOf: v.multipleOf || null },
    tiers: (v.tiers ?? []).filter(Boolean).map(
      (t): BenchmarkTier => ({
        tier: t.tier,
        conditions: (t.conditions ?? '').split('\n').map((c) => c.trim()).filter(Boolean),
        kinds: t.kinds ?? [],
        fineMinFen: fen(t.fineMin),
        fineMaxFen: fen(t.fineMax),
        multipleMin: t.multipleMin ?? null,
        multipleMax: t.multipleMax ?? null,
        note: t.note || null,
      }),
    ),
  }
}

function toValues(b: BenchmarkView): EditorValues {
  return {
    violation: b.violation,
    violationBasis: b.violationBasis.map((p) => ({ ...p })),
    penaltyBasis: b.penaltyBasis.map((p) => ({ ...p })),
    kinds: b.statutory.kinds,
    fineMin: toYuan(b.statutory.fineMinFen),
    fineMax: toYuan(b.statutory.fineMaxFen),
    multipleMin: b.statutory.multipleMin,
    multipleMax: b.statutory.multipleMax,
    multipleOf: b.statutory.multipleOf ?? undefined,
    tiers: b.tiers.map((t) => ({
      tier: t.tier,
      conditions: t.conditions.join('\n'),
      kinds: t.kinds,
      fineMin: toYuan(t.fineMinFen),
      fineMax: toYuan(t.fineMaxFen),
      multipleMin: t.multipleMin,
      multipleMax: t.multipleMax,
      note: t.note ?? undefined,
    })),
  }
}

const emptyValues: EditorValues = {
  violation: '',
  violationBasis: [],
  penaltyBasis: [{ law: '', article: '' }],
  kinds: ['fine'],
  tiers: [
    { tier: 'lenient', conditions: '', kinds: ['fine'] },
    { tier: 'ordinary', conditions: '', kinds: ['fine'] },
    { tier: 'severe', conditions: '', kinds: ['fine'] },
  ],
}

function BenchmarkEditor({ benchmark, onClose, onSaved }: { benchmark: BenchmarkView | null; onClose: () => void; onSaved: (id: string) => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<EditorValues>()
  const [itemQuery, setItemQuery] = useState('')
  const items = useQuery({
    queryKey: ['power-items', 'penalty', itemQuery],
    enabled: !benchmark,
    queryFn: () => api.get<Page<{ id: string; code: string; name: string; legalBasis: ProvisionValues[] }>>('/api/catalogue/power-items', { kind: 'penalty', status: 'active', q: itemQuery || undefined, pageSize: 50 }),
  })
  const values = Form.useWatch([], form) as EditorValues | undefined
  const save = useMutation({
    mutationFn: (v: EditorValues) =>
      benchmark
        ? api.patch<Detail>(`/api/discretion/benchmarks/${benchmark.id}`, toBody(v))
        : api.post<Detail>('/api/discretion/benchmarks', { ...toBody(v), powerItemId: v.powerItemId, code: v.code || undefined }),
    onSuccess: (res) => {
      message.success('草稿已保存')
      client.invalidateQueries({ queryKey: ['benchmarks'] })
      onSaved(res.benchmark.id)
    },
    onError: (e) => message.error(errorText(e)),
  })
  const preview: Benchmark | null = values?.tiers ? { code: benchmark?.code ?? '草稿', ...toBody(values) } : null
  return (
    <Drawer
      open
      width={980}
      title={benchmark ? `编辑草稿 ${benchmark.code} 第${benchmark.version}版` : '起草裁量基准'}
      onClose={onClose}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          保存草稿
        </Button>
      }
    >
      <Form<EditorValues> form={form} layout="vertical" initialValues={benchmark ? toValues(benchmark) : emptyValues} onFinish={(v) => save.mutate(v)}>
        {!benchmark && (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="powerItemId" label="行政处罚事项" rules={[{ required: true, message: '请选择事项' }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: setItemQuery }}
                  placeholder="输入事项名称或编码搜索"
                  options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
                  onChange={(id: string) => {
                    const item = items.data?.items.find((i) => i.id === id)
                    if (item) form.setFieldsValue({ violation: item.name.replace(/^对/, '').replace(/的处罚$/, ''), penaltyBasis: item.legalBasis.map((p) => ({ ...p })) })
                  }}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="code" label="基准编码（可不填，自动编号）">
                <Input placeholder="如 CF-ZJ-027-02" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="violation" label="违法行为" rules={[{ required: true, min: 4, message: '请填写违法行为' }]}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <ProvisionList name="penaltyBasis" label="处罚依据" />
        <ProvisionList name="violationBasis" label="违法依据" />
        <Divider titlePlacement="start">法定处罚幅度</Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kinds" label="法定处罚种类" rules={[{ required: true, message: '请选择处罚种类' }]}>
              <Select mode="multiple" options={kindOptions} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="fineMin" label="最低罚款（元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="fineMax" label="最高罚款（元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="multipleMin" label="最低倍数">
              <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="multipleMax" label="最高倍数">
              <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={2} />
          <Col span={8}>
            <Form.Item name="multipleOf" label="倍数的计罚基数" extra="如：违法所得、工程合同价款（1% 填 0.01）">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">裁量阶次</Divider>
        <TierList form={form} />
        {preview && (
          <>
            <Divider titlePlacement="start">试算（按当前填写内容，未保存也可试算）</Divider>
            <CalculatorPreview benchmark={preview} />
          </>
        )}
      </Form>
    </Drawer>
  )
}

function ProvisionList({ name, label }: { name: 'penaltyBasis' | 'violationBasis'; label: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} style={{ marginBottom: 8 }}>
              <Col span={8}>
                <Form.Item name={[field.name, 'law']} noStyle rules={[{ required: true, message: '法律法规名称' }]}>
                  <Input placeholder="法律法规名称" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'article']} noStyle rules={[{ required: true, message: '条款' }]}>
                  <Input placeholder="第…条第…款" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'text']} noStyle>
                  <Input placeholder="条文（可选）" />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  删除
                </Button>
              </Col>
            </Row>
          ))}
          <Button size="small" onClick={() => add({ law: '', article: '' })}>
            添加{label}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  )
}

function TierList({ form }: { form: FormInstance<EditorValues> }) {
  return (
    <Form.List name="tiers">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 12 }}>
              <Row gutter={8}>
                <Col span={4}>
                  <Form.Item name={[field.name, 'tier']} label="阶次" rules={[{ required: true }]}>
                    <Select options={tierOptions} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'kinds']} label="处罚种类">
                    <Select mode="multiple" options={kindOptions} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[field.name, 'fineMin']} label="罚款下限（元）">
                    <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[field.name, 'fineMax']} label="罚款上限（元）">
                    <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item name={[field.name, 'multipleMin']} label="倍数下限">
                    <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item name={[field.name, 'multipleMax']} label="倍数上限">
                    <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button type="link" danger style={{ marginTop: 30 }} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Col>
              </Row>
              <Form.Item name={[field.name, 'conditions']} label="适用情形（每行一种）" rules={[{ required: true, message: '请填写适用情形' }]} style={{ marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'note']} label="说明" style={{ marginBottom: 0 }}>
                <Input maxLength={500} />
              </Form.Item>
            </Card>
          ))}
          <Button
            onClick={() => {
              const used = new Set((form.getFieldValue('tiers') as TierValues[] | undefined)?.map((t) => t?.tier))
              add({ tier: discretionTiers.find((t) => !used.has(t)) ?? 'ordinary', conditions: '', kinds: ['fine'] })
            }}
            disabled={fields.length >= 5}
          >
            添加阶次
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            各阶次幅度须在法定幅度内；减轻处罚可以低于法定最低数额，但不得高于法定最低数额；须有“一般处罚”阶次。
          </Typography.Paragraph>
        </>
      )}
    </Form.List>
  )
}
