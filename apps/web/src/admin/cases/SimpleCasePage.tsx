import { useQueryClient } from '@tanstack/react-query'
import { labels } from '@yangguang/core'
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Result, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { api } from '../../shared/api'
import type { Me } from '../auth/session'
import { dateOf, errorText, PartyFields, partyOf, type PartyValues, toFen, useCertifiedOfficers, usePenaltyItems, yuan, yuanRule } from './case-shared'
import type { CaseDetail } from './case-types'

type Values = PartyValues & {
  powerItemId: string
  title: string
  actDate: Dayjs
  actPlace: string
  facts: string
  kinds: Array<'warning' | 'fine'>
  fineYuan?: string
  basis: string
  officerIds: string[]
}

/** The new case as `GET /api/cases/:id` gives it, with the documents issued on the spot. */
type Created = CaseDetail & { issuedDocuments: Array<{ documentId: string; kind: string; number: string | null }> }

/**
 * 简易程序（当场处罚, arts. 51–53): a warning or a small fine decided on the spot. The server checks
 * the limits (≤ 200 元 for a person, ≤ 3,000 元 for an organization) and issues the numbered
 * 当场行政处罚决定书 at once; the officers hand it over and file it within the recording period.
 */
export function SimpleCasePage() {
  const navigate = useNavigate()
  const me = useQueryClient().getQueryData<Me>(['me'])
  const [form] = Form.useForm<Values>()
  const partyKind = Form.useWatch('partyKind', form)
  const kinds = Form.useWatch('kinds', form) ?? []
  const items = usePenaltyItems()
  const officers = useCertifiedOfficers(me?.orgId)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<Created | null>(null)

  const submit = async (v: Values) => {
    setBusy(true)
    setError(null)
    try {
      const body = {
        powerItemId: v.powerItemId,
        title: v.title,
        party: partyOf(v),
        actDate: dateOf(v.actDate),
        actPlace: v.actPlace,
        facts: v.facts,
        kinds: v.kinds,
        fineFen: v.kinds.includes('fine') ? toFen(v.fineYuan) : 0,
        basis: v.basis,
        officerIds: v.officerIds,
      }
      setCreated(await api.post<Created>('/api/cases/simple', body))
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    const c = created.case
    const decision = created.issuedDocuments.find((d) => d.kind === 'on_the_spot_decision') ?? null
    return (
      <Card>
        <Result
          status="success"
          title="当场行政处罚决定已作出"
          subTitle={
            <>
              <div>案件编号 {c.caseNo}</div>
              {decision && <div data-testid="decision-number">决定书文号 {decision.number}</div>}
              {c.fineFen > 0 && <div>罚款 {yuan(c.fineFen)}</div>}
            </>
          }
          extra={[
            decision && (
              <Button key="pdf" type="primary" href={`/api/cases/${c.id}/documents/${decision.documentId}/pdf`} download>
                下载决定书（PDF）
              </Button>
            ),
            <Link key="case" to={`/cases/${c.id}`}>
              <Button>查看案件</Button>
            </Link>,
            <Button key="again" onClick={() => (setCreated(null), form.resetFields())}>
              再办一件
            </Button>,
          ]}
        />
      </Card>
    )
  }

  return (
    <Card title="简易程序（当场处罚）" extra={<Button onClick={() => navigate('/cases')}>返回案件列表</Button>}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16, maxWidth: 900 }}
        title="违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定（行政处罚法第五十一条）。"
      />
      <Form<Values> form={form} layout="vertical" initialValues={{ partyKind: 'person', kinds: ['fine'], actDate: dayjs() }} onFinish={submit} style={{ maxWidth: 900 }}>
        <Form.Item name="powerItemId" label="处罚事项" rules={[{ required: true, message: '请选择处罚事项' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="title" label="案由" rules={[{ required: true, min: 4, message: '请填写案由' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="partyKind" label="当事人类别" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'person', label: labels.partyKind.person }, { value: 'organization', label: labels.partyKind.organization }]} />
        </Form.Item>
        <Row gutter={16}>
          <PartyFields partyKind={partyKind} />
          <Col xs={24} md={12}>
            <Form.Item name="actDate" label="违法行为发生日" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="actPlace" label="违法地点" rules={[{ required: true, message: '请填写地点' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="facts" label="违法事实" rules={[{ required: true, min: 5, message: '请写明违法事实' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="kinds" label="处罚种类" rules={[{ required: true, type: 'array', min: 1, message: '请选择处罚种类' }]}>
          <Checkbox.Group options={[{ value: 'warning', label: labels.penaltyKind.warning }, { value: 'fine', label: labels.penaltyKind.fine }]} />
        </Form.Item>
        {kinds.includes('fine') && (
          <Form.Item name="fineYuan" label="罚款金额（元）" rules={[yuanRule(true)]} extra={partyKind === 'organization' ? '组织不超过 3,000 元' : '公民不超过 200 元'}>
            <Input style={{ maxWidth: 240 }} suffix="元" inputMode="decimal" />
          </Form.Item>
        )}
        <Form.Item name="basis" label="处罚依据（适用的法律条款）" rules={[{ required: true, message: '请填写处罚依据' }]}>
          <Input maxLength={500} placeholder="如：《城市市容和环境卫生管理条例》第三十四条" />
        </Form.Item>
        <Form.Item name="officerIds" label="执法人员（出示执法证件）" rules={[{ required: true, type: 'array', min: 1, message: '请选择执法人员' }]}>
          <Select mode="multiple" options={officers} optionFilterProp="label" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          作出当场处罚决定
        </Button>
      </Form>
    </Card>
  )
}
