import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels, powerKinds } from '@yangguang/core'
import { App, AutoComplete, Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Radio, Result, Select, Space, Table, Tabs, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { api } from '../../shared/api'
import { formatDate, formatTime } from '../../shared/format'
import { CatalogueItemCard, citation, FieldChanges, LegalBasisList, summarizeHolders } from '../../portal/catalogue/catalogue-view'
import { AdjustmentStatusTag, errorText, LegalBasisEditor, OpTag, VersionStatusTag } from './catalogue-shared'
import type { CatalogueAdjustment, CatalogueItem, CatalogueVersion } from './catalogue-types'

type Detail = { version: CatalogueVersion; domains: Array<{ domain: string; count: number }> }
type ProposeStart = { op: 'add' | 'modify' | 'remove'; item?: CatalogueItem }

/** One catalogue version: its items as they stand in it, its adjustment requests, and the workflow buttons it allows. */
export function CatalogueVersionPage() {
  const { id = '' } = useParams()
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const [filter, setFilter] = useState<{ domain?: string; q?: string }>({})
  const [proposing, setProposing] = useState<ProposeStart | null>(null)
  const [approving, setApproving] = useState(false)
  const detail = useQuery({ queryKey: ['catalogue-version', id], queryFn: () => api.get<Detail>(`/api/catalogue/versions/${id}`) })
  const items = useQuery({ queryKey: ['catalogue-version', id, 'items', filter], queryFn: () => api.get<{ items: CatalogueItem[] }>(`/api/catalogue/versions/${id}/items`, filter) })
  const adjustments = useQuery({ queryKey: ['catalogue-version', id, 'adjustments'], queryFn: () => api.get<{ items: CatalogueAdjustment[] }>(`/api/catalogue/versions/${id}/adjustments`) })
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['catalogue-version', id] })
    client.invalidateQueries({ queryKey: ['catalogue-versions'] })
    client.invalidateQueries({ queryKey: ['todos'] })
  }

  if (detail.isError) return <Result status="404" title="目录版本不存在或无权查看" extra={<Link to="/catalogue/versions">返回目录版本</Link>} />
  const version = detail.data?.version
  const can = (action: string) => Boolean(version?.actions.includes(action))

  const publish = () =>
    modal.confirm({
      title: `公布《${version?.title}》`,
      content: '公布后该版本即为现行目录，原现行版本同时被替代；已公布的版本不能再修改。',
      okText: '公布',
      onOk: () =>
        api
          .post(`/api/catalogue/versions/${id}/publish`)
          .then(() => {
            message.success('已公布')
            refresh()
          })
          .catch((e) => {
            message.error(errorText(e))
            throw e
          }),
    })

  const decide = (a: CatalogueAdjustment, decision: 'accept' | 'reject') => {
    let note = ''
    modal.confirm({
      title: `${decision === 'accept' ? '采纳' : '驳回'}调整申请：${a.opLabel} ${a.itemName}`,
      content: <Input.TextArea placeholder={decision === 'accept' ? '处理意见（可不填）' : '请填写驳回理由'} onChange={(e) => (note = e.target.value)} />,
      okText: decision === 'accept' ? '采纳' : '驳回',
      okButtonProps: { danger: decision === 'reject' },
      onOk: () =>
        api
          .post(`/api/catalogue/adjustments/${a.id}/${decision}`, { note: note || undefined })
          .then(() => {
            message.success(decision === 'accept' ? '已采纳，草稿已相应修改' : '已驳回')
            refresh()
          })
          .catch((e) => {
            message.error(errorText(e))
            throw e
          }),
    })
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        loading={detail.isLoading}
        title={version ? `《${version.title}》` : '目录版本'}
        extra={
          <Space wrap>
            {version?.basedOnId && <Link to={`/catalogue/diff?from=${version.basedOnId}&to=${version.id}`}>与基础版本对比</Link>}
            {can('propose') && <Button onClick={() => setProposing({ op: 'add' })}>提出调整</Button>}
            {can('approve') && (
              <Button type="primary" onClick={() => setApproving(true)}>
                审议通过
              </Button>
            )}
            {can('publish') && (
              <Button type="primary" onClick={publish}>
                公布
              </Button>
            )}
          </Space>
        }
      >
        {version && (
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="状态">
              <VersionStatusTag status={version.status} label={version.statusLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="区域">{version.regionName}</Descriptions.Item>
            <Descriptions.Item label="事项">
              {version.itemCount} 项（{detail.data?.domains.map((d) => `${d.domain} ${d.count}`).join('、')}）
            </Descriptions.Item>
            <Descriptions.Item label="基础版本">{version.basedOnId ? <Link to={`/catalogue/versions/${version.basedOnId}`}>《{version.basedOnTitle}》</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label="起草">
              {version.createdByName ?? '—'} · {formatTime(version.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label="待处理调整">{version.pendingAdjustments}</Descriptions.Item>
            <Descriptions.Item label="审议">{version.meetingName ? `${version.meetingName}（${formatDate(version.meetingDate)}）` : '—'}</Descriptions.Item>
            <Descriptions.Item label="文号">{version.approvalDocNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="公布">{formatTime(version.publishedAt)}</Descriptions.Item>
          </Descriptions>
        )}
        {version?.status === 'draft' && version.pendingAdjustments > 0 && (
          <Typography.Text type="warning">还有 {version.pendingAdjustments} 项调整申请未处理，处理完毕后才能审议通过。</Typography.Text>
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'items',
              label: `事项（${version?.itemCount ?? 0}）`,
              children: (
                <>
                  <Space wrap style={{ marginBottom: 12 }}>
                    <Select
                      placeholder="领域"
                      allowClear
                      style={{ width: 180 }}
                      options={(detail.data?.domains ?? []).map((d) => ({ value: d.domain, label: `${d.domain}（${d.count}）` }))}
                      onChange={(domain) => setFilter({ ...filter, domain })}
                    />
                    <Input.Search placeholder="名称、编码或条文" allowClear onSearch={(q) => setFilter({ ...filter, q: q || undefined })} style={{ width: 240 }} />
                  </Space>
                  <Table<CatalogueItem>
                    rowKey="code"
                    size="small"
                    loading={items.isLoading}
                    dataSource={items.data?.items}
                    pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 项` }}
                    scroll={{ x: 1200 }}
                    expandable={{
                      expandedRowRender: (item) => (
                        <Space orientation="vertical" style={{ width: '100%' }}>
                          <LegalBasisList bases={item.legalBasis} />
                          <Typography.Text type="secondary">实施主体：{item.holderNames.join('、') || '—'}</Typography.Text>
                        </Space>
                      ),
                    }}
                    columns={[
                      { title: '编码', dataIndex: 'code', width: 110 },
                      { title: '事项名称', dataIndex: 'name', width: 340 },
                      { title: '领域', dataIndex: 'domain', width: 120 },
                      { title: '法律依据', width: 260, render: (_, item) => item.legalBasis.map(citation).join('；') },
                      { title: '实施主体', width: 200, render: (_, item) => summarizeHolders(item.holderNames) },
                      ...(can('propose')
                        ? [
                            {
                              title: '调整',
                              width: 110,
                              render: (_: unknown, item: CatalogueItem) => (
                                <Space size={0}>
                                  <Button type="link" size="small" onClick={() => setProposing({ op: 'modify', item })}>
                                    变更
                                  </Button>
                                  <Button type="link" size="small" danger onClick={() => setProposing({ op: 'remove', item })}>
                                    取消
                                  </Button>
                                </Space>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'adjustments',
              label: `调整申请（${adjustments.data?.items.length ?? 0}）`,
              children: (
                <List
                  loading={adjustments.isLoading}
                  dataSource={adjustments.data?.items ?? []}
                  locale={{ emptyText: <Empty description="没有调整申请" /> }}
                  renderItem={(a) => (
                    <List.Item
                      actions={[
                        a.actions.includes('accept') && (
                          <Button key="accept" type="link" onClick={() => decide(a, 'accept')}>
                            采纳
                          </Button>
                        ),
                        a.actions.includes('reject') && (
                          <Button key="reject" type="link" danger onClick={() => decide(a, 'reject')}>
                            驳回
                          </Button>
                        ),
                      ].filter(Boolean)}
                    >
                      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                        <Space wrap>
                          <OpTag op={a.op} label={a.opLabel} />
                          <Typography.Text strong>
                            {a.itemCode} {a.itemName}
                          </Typography.Text>
                          <AdjustmentStatusTag status={a.status} label={a.statusLabel} />
                        </Space>
                        <Typography.Text>理由：{a.reason}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {a.createdByOrgName ?? ''} {a.createdByName ?? ''} 提出于 {formatTime(a.createdAt)}
                          {a.decidedAt && ` · ${a.decidedByName ?? ''} ${a.status === 'accepted' ? '采纳' : '驳回'}于 ${formatTime(a.decidedAt)}`}
                          {a.decisionNote && `：${a.decisionNote}`}
                        </Typography.Text>
                        {a.changes.length > 0 && <FieldChanges changes={a.changes} />}
                        {a.op === 'add' && a.proposal && <CatalogueItemCard item={a.proposal} />}
                      </Space>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Card>
      {proposing && version && (
        <ProposeDialog
          version={version}
          start={proposing}
          onClose={() => setProposing(null)}
          onDone={() => {
            message.success('已提出调整申请，待监督人员处理')
            setProposing(null)
            refresh()
          }}
        />
      )}
      {approving && version && (
        <ApproveDialog
          version={version}
          onClose={() => setApproving(false)}
          onDone={() => {
            message.success('已记录审议通过')
            setApproving(false)
            refresh()
          }}
        />
      )}
    </Space>
  )
}

type ProposeValues = {
  op: 'add' | 'modify' | 'remove'
  itemCode: string
  source: 'master' | 'custom'
  name?: string
  kind?: string
  domain?: string
  legalBasis?: CatalogueItem['legalBasis']
  holderNames?: string[]
  reason: string
}

function ProposeDialog({ version, start, onClose, onDone }: { version: CatalogueVersion; start: ProposeStart; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const all = useQuery({ queryKey: ['catalogue-version', version.id, 'items', {}], queryFn: () => api.get<{ items: CatalogueItem[] }>(`/api/catalogue/versions/${version.id}/items`) })
  const items = all.data?.items ?? []
  const [form] = Form.useForm<ProposeValues>()
  const op = Form.useWatch('op', form) ?? start.op
  const source = Form.useWatch('source', form) ?? 'master'
  const save = useMutation({
    mutationFn: (v: ProposeValues) =>
      api.post(`/api/catalogue/versions/${version.id}/adjustments`, {
        op: v.op,
        itemCode: v.itemCode,
        reason: v.reason,
        item: v.op !== 'remove' && v.source === 'custom' ? { name: v.name, kind: v.kind, domain: v.domain, legalBasis: v.legalBasis, holderNames: v.holderNames } : undefined,
      }),
    onSuccess: onDone,
    onError: (e) => message.error(errorText(e)),
  })
  const fill = (code: string) => {
    const item = items.find((i) => i.code === code)
    if (item) form.setFieldsValue({ name: item.name, kind: item.kind, domain: item.domain, legalBasis: item.legalBasis, holderNames: item.holderNames })
  }
  return (
    <Modal open width={760} title={`提出调整申请（《${version.title}》）`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<ProposeValues>
        form={form}
        layout="vertical"
        initialValues={{
          op: start.op,
          itemCode: start.item?.code,
          source: start.op === 'add' ? 'master' : 'custom',
          ...(start.item ?? { kind: 'penalty', legalBasis: [{ law: '', article: '', text: '' }], holderNames: [] }),
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="op" label="调整方式">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'add', label: '新增事项' },
              { value: 'modify', label: '变更事项' },
              { value: 'remove', label: '取消事项' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="itemCode"
          label="事项编码"
          rules={[{ required: true, message: '请选择或填写事项编码' }]}
          extra={op === 'add' ? '填写权力事项库中的编码可直接带出该事项；库中没有的事项请选择「填写内容」' : undefined}
        >
          {op === 'add' ? (
            <Input placeholder="CF-ZJ-041" />
          ) : (
            <Select showSearch={{ optionFilterProp: 'label' }} options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))} onChange={fill} />
          )}
        </Form.Item>
        {op !== 'remove' && (
          <Form.Item name="source" label="调整后的内容">
            <Radio.Group
              options={[
                { value: 'master', label: '取权力事项库中的最新内容' },
                { value: 'custom', label: '填写内容' },
              ]}
            />
          </Form.Item>
        )}
        {op !== 'remove' && source === 'custom' && (
          <>
            <Space wrap style={{ width: '100%' }} align="start">
              <Form.Item name="kind" label="类别" rules={[{ required: op === 'add' }]}>
                <Select options={powerKinds.map((k) => ({ value: k, label: labels.powerKind[k] }))} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="domain" label="领域" rules={[{ required: op === 'add' }]}>
                <AutoComplete options={['住房城乡建设', '林草', '自然资源和规划'].map((d) => ({ value: d }))} style={{ width: 200 }} />
              </Form.Item>
            </Space>
            <Form.Item name="name" label="事项名称" rules={[{ required: op === 'add' }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
            <LegalBasisEditor />
            <Form.Item name="holderNames" label="实施主体" style={{ marginTop: 16 }}>
              <Select mode="tags" tokenSeparators={['、']} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label="调整理由" rules={[{ required: true, min: 2, message: '请填写调整理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如：法律修订、职责调整、乡镇承接能力等" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          提交申请
        </Button>
      </Form>
    </Modal>
  )
}

function ApproveDialog({ version, onClose, onDone }: { version: CatalogueVersion; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp()
  const save = useMutation({
    mutationFn: (v: { meetingName: string; meetingDate: Dayjs; approvalDocNo: string }) =>
      api.post(`/api/catalogue/versions/${version.id}/approve`, { ...v, meetingDate: v.meetingDate.format('YYYY-MM-DD') }),
    onSuccess: onDone,
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title={`审议通过《${version.title}》`} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">记录审议该目录的会议：会议名称、日期和文号均须填写，公布时一并公开。</Typography.Paragraph>
      <Form layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="meetingName" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
          <Input placeholder={`${version.regionName}人民政府${version.year}年第X次常务会议`} />
        </Form.Item>
        <Form.Item name="meetingDate" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="approvalDocNo" label="文号" rules={[{ required: true, message: '请填写文号' }]}>
          <Input placeholder="禄政发〔2026〕X号" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          确认审议通过
        </Button>
      </Form>
    </Modal>
  )
}
