import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { labelOf, labels } from '@yangguang/core'
import { api, type Page } from '../../shared/api'
import { formatDate } from '../../shared/format'
import { useMe } from '../auth/session'
import { errorText } from '../catalogue/catalogue-shared'
import { type DocumentDetail, type DocumentSummary, isBureauRole, type SupervisionDraft, useDocTypes, useUnits } from './supervision-shared'

type FormValues = {
  typeCode: string
  subject: string
  sourceKind: string
  sourceRef?: string
  snapshot?: string
  recipientOrgIds: string[]
  findings: Array<{ problem: string; legalBasis: string; measure: string }>
}

/** 监督文书 (bureau: issued in the jurisdiction, drafts; unit: 收到的监督文书) with the issue form. */
export function SupervisionDocumentsPage() {
  const me = useMe()
  const bureau = isBureauRole(me.data?.role)
  const [filter, setFilter] = useState<{ typeCode?: string; status?: string; page: number }>({ page: 1 })
  const [issuing, setIssuing] = useState(false)
  const [search, setSearch] = useSearchParams()
  const fromReview = reviewDraftPath(search)
  const draft = useQuery({ queryKey: ['supervision-draft', fromReview], queryFn: () => api.get<SupervisionDraft>(fromReview as string), enabled: bureau && !!fromReview, retry: false })
  const closeForm = () => (setIssuing(false), fromReview && setSearch({}, { replace: true }))
  const types = useDocTypes()
  const list = useQuery({
    queryKey: ['supervision-documents', filter],
    queryFn: () => api.get<Page<DocumentSummary>>('/api/supervision/documents', { ...filter, pageSize: 20 }),
    placeholderData: keepPreviousData,
  })
  return (
    <Card
      title={bureau ? '监督文书' : '收到的监督文书'}
      extra={
        bureau && (
          <Button type="primary" onClick={() => setIssuing(true)}>
            制发监督文书
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select placeholder="文书种类" allowClear style={{ width: 220 }} options={types.data?.items.map((t) => ({ value: t.code, label: t.name }))} onChange={(typeCode) => setFilter({ ...filter, typeCode, page: 1 })} />
        {bureau && (
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 120 }}
            options={[
              { value: 'draft', label: '草稿' },
              { value: 'issued', label: '已制发' },
            ]}
            onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          />
        )}
      </Space>
      <Table<DocumentSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: filter.page, pageSize: 20, total: list.data?.total, onChange: (page) => setFilter({ ...filter, page }) }}
        columns={[
          { title: '文号', dataIndex: 'number', render: (n: string | null, d) => <Link to={`/supervision/documents/${d.id}`}>{n ?? (d.autoDrafted ? '草稿（逾期自动起草）' : '草稿')}</Link> },
          { title: '种类', dataIndex: 'typeName', render: (name: string, d) => <Space>{name}{d.binding && <Tag color="red">有约束力</Tag>}</Space> },
          { title: '事由', dataIndex: 'subject' },
          { title: '来源', dataIndex: 'sourceKind', render: (k: string) => labelOf('supervisionSourceKind', k) },
          { title: '制发日期', dataIndex: 'issuedOn', render: (d: string | null) => formatDate(d) },
          ...(bureau
            ? [
                { title: '签收', key: 'read', render: (_: unknown, d: DocumentSummary) => (d.status === 'issued' ? `${d.readCount ?? 0}/${d.recipientCount ?? 0}` : '—') },
                { title: '未销号问题', dataIndex: 'openTasks' },
              ]
            : []),
        ]}
      />
      {draft.isError && fromReview && <Alert style={{ marginBottom: 16 }} type="warning" showIcon closable onClose={closeForm} message={`无法据评查结果起草：${errorText(draft.error)}`} />}
      {(issuing || draft.data) && <IssueDocumentModal draft={draft.data} onClose={closeForm} />}
    </Card>
  )
}

/** The draft endpoint the page's query names (?reviewFile=…&sheet=… or ?reviewBatch=…), if any. */
function reviewDraftPath(search: URLSearchParams): string | null {
  const file = search.get('reviewFile')
  if (file) return `/api/review/files/${encodeURIComponent(file)}/supervision-draft${search.get('sheet') ? `?sheetId=${encodeURIComponent(search.get('sheet') as string)}` : ''}`
  const batch = search.get('reviewBatch')
  return batch ? `/api/review/batches/${encodeURIComponent(batch)}/supervision-draft` : null
}

function initialValuesOf(draft: SupervisionDraft | undefined): Partial<FormValues> {
  if (!draft) return { sourceKind: 'review_finding', findings: [{ problem: '', legalBasis: '', measure: '' }] }
  return { typeCode: draft.typeCode, subject: draft.subject, sourceKind: draft.source.kind, sourceRef: draft.source.ref, snapshot: draft.source.snapshot, recipientOrgIds: draft.recipientOrgIds, findings: draft.findings }
}

function IssueDocumentModal({ draft, onClose }: { draft?: SupervisionDraft; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [form] = Form.useForm<FormValues>()
  const types = useDocTypes()
  const units = useUnits(true)
  const issue = useMutation({
    mutationFn: (v: FormValues) =>
      api.post<DocumentDetail>('/api/supervision/documents', {
        typeCode: v.typeCode,
        subject: v.subject,
        source: { kind: v.sourceKind, ref: v.sourceRef || null, snapshot: v.snapshot ?? '' },
        recipientOrgIds: v.recipientOrgIds,
        findings: v.findings,
        issueNow: true,
      }),
    onSuccess: (detail) => {
      message.success(`已制发 ${detail.document.number ?? ''}`)
      client.invalidateQueries({ queryKey: ['supervision-documents'] })
      onClose()
      navigate(`/supervision/documents/${detail.document.id}`)
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title={draft ? '制发监督文书（据评查结果预填，请核对修改）' : '制发监督文书'} width={760} okText="制发并送达" onOk={() => form.submit()} confirmLoading={issue.isPending} onCancel={onClose} destroyOnHidden>
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValuesOf(draft)} onFinish={(v) => issue.mutate(v)}>
        <Form.Item name="typeCode" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={types.data?.items.map((t) => ({ value: t.code, label: `${t.name}（${t.responseDays}${labels.periodUnitAfterNumber[t.responseUnit]}内整改${t.binding ? '，有约束力' : ''}）` }))}
          />
        </Form.Item>
        <Form.Item name="subject" label="事由" rules={[{ required: true, message: '请填写事由' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="sourceKind" label="来源" style={{ width: 200 }}>
            <Select options={Object.entries(labels.supervisionSourceKind).filter(([k]) => k !== 'escalation').map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="sourceRef" label="来源编号（可选）" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="snapshot" label="来源摘要（如评查扣分情况）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="recipientOrgIds" label="主送单位" rules={[{ required: true, message: '请选择主送单位' }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" loading={units.isLoading} options={units.data?.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card key={field.key} size="small" title={`问题${i + 1}`} style={{ marginBottom: 12 }} extra={fields.length > 1 && <Button size="small" onClick={() => remove(field.name)}>删除</Button>}>
                  <Form.Item name={[field.name, 'problem']} label="存在问题" rules={[{ required: true, message: '请填写问题' }]}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'legalBasis']} label="依据" rules={[{ required: true, message: '请填写依据' }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'measure']} label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </Card>
              ))}
              <Button onClick={() => add({})}>增加一项问题</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
