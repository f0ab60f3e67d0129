import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type CaseSource, caseSources, labels } from '@yangguang/core'
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { api, type Page } from '../../shared/api'
import type { Me } from '../auth/session'
import { dateOf, errorText, PartyFields, partyOf, type PartyValues, useCertifiedOfficers, usePenaltyItems } from './case-shared'

type Values = PartyValues & {
  source: CaseSource
  sourceNote?: string
  inspectionId?: string
  powerItemId: string
  title: string
  enterpriseId?: string
  actDate: Dayjs
  actEndDate?: Dayjs
  actPlace?: string
  harmToSafety?: boolean
  facts: string
  officerIds: string[]
  major?: boolean
}

type EnterpriseOption = { id: string; name: string; creditCode: string; address: string | null; contactName: string | null; contactPhone: string | null }
type InspectionOption = { id: string; enterprise: { id: string; name: string; creditCode: string; address: string | null }; inspectionDate: string | null; plannedDate: string; resultLabel: string | null; findings: string | null }

/**
 * 线索登记: a lead becomes a case in `registered`; the officer then submits it for 立案审批. The
 * party can be typed in or taken from the enterprise register (or from the inspection that found it).
 */
export function NewCasePage() {
  const navigate = useNavigate()
  const { message } = App.useApp()
  const me = useQueryClient().getQueryData<Me>(['me'])
  const [form] = Form.useForm<Values>()
  const source = Form.useWatch('source', form)
  const partyKind = Form.useWatch('partyKind', form)
  const items = usePenaltyItems()
  const officers = useCertifiedOfficers(me?.orgId)
  const [search, setSearch] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const enterprises = useQuery({
    queryKey: ['enterprises', 'pick', search],
    enabled: partyKind === 'organization',
    queryFn: () => api.get<Page<EnterpriseOption>>('/api/enterprises', { q: search, pageSize: 30 }),
  })
  const inspections = useQuery({
    queryKey: ['inspections', 'for-case'],
    enabled: source === 'inspection',
    queryFn: () => api.get<Page<InspectionOption>>('/api/inspections', { status: 'completed', pageSize: 100 }),
  })

  const pickEnterprise = (e: EnterpriseOption | undefined) => {
    if (!e) return
    form.setFieldsValue({ enterpriseId: e.id, partyName: e.name, partyCreditCode: e.creditCode, partyAddress: e.address ?? undefined, partyPhone: e.contactPhone ?? undefined })
  }
  const pickInspection = (id: string) => {
    const i = inspections.data?.items.find((x) => x.id === id)
    if (!i) return
    form.setFieldsValue({ partyKind: 'organization', enterpriseId: i.enterprise.id, partyName: i.enterprise.name, partyCreditCode: i.enterprise.creditCode, partyAddress: i.enterprise.address ?? undefined })
    // The inspection saw the act on its day; the officer corrects it when the act began earlier.
    if (i.inspectionDate && !form.getFieldValue('actDate')) form.setFieldValue('actDate', dayjs(i.inspectionDate))
    if (i.findings && !form.getFieldValue('facts')) form.setFieldValue('facts', i.findings)
  }

  const submit = async (v: Values) => {
    setBusy(true)
    setError(null)
    try {
      const body = {
        source: v.source,
        sourceNote: v.sourceNote || null,
        inspectionId: v.source === 'inspection' ? v.inspectionId : null,
        powerItemId: v.powerItemId,
        title: v.title,
        party: partyOf(v),
        enterpriseId: v.partyKind === 'organization' ? v.enterpriseId || null : null,
        actDate: dateOf(v.actDate),
        actEndDate: dateOf(v.actEndDate),
        actPlace: v.actPlace || null,
        harmToSafety: v.harmToSafety ?? false,
        facts: v.facts,
        officerIds: v.officerIds,
        major: v.major ?? false,
      }
      const { case: created } = await api.post<{ case: { id: string } }>('/api/cases', body)
      message.success('线索已登记')
      navigate(`/cases/${created.id}`)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title="线索登记（普通程序）" extra={<Button onClick={() => navigate('/cases')}>返回案件列表</Button>}>
      <Form<Values> form={form} layout="vertical" initialValues={{ source: 'discovery', partyKind: 'organization', harmToSafety: false, major: false }} onFinish={submit} style={{ maxWidth: 900 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="source" label="案件来源" rules={[{ required: true }]}>
              <Select options={caseSources.map((s) => ({ value: s, label: labels.caseSource[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {source === 'inspection' ? (
              <Form.Item name="inspectionId" label="发现问题的检查" rules={[{ required: true, message: '请选择检查记录' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={inspections.isLoading}
                  onChange={pickInspection}
                  options={(inspections.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.inspectionDate ?? i.plannedDate} ${i.enterprise.name}${i.resultLabel ? `（${i.resultLabel}）` : ''}` }))}
                />
              </Form.Item>
            ) : (
              <Form.Item name="sourceNote" label="来源说明" extra="如举报编号、移送函文号、交办文件">
                <Input maxLength={200} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="powerItemId" label="违法行为对应的处罚事项（本单位权责清单）" rules={[{ required: true, message: '请选择处罚事项' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} />
        </Form.Item>
        <Form.Item name="title" label="案由" rules={[{ required: true, min: 4, message: '请填写案由，如“未取得施工许可证擅自施工案”' }]}>
          <Input maxLength={100} placeholder="如：某公司未取得施工许可证擅自施工案" />
        </Form.Item>

        <Form.Item name="partyKind" label="当事人类别" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'organization', label: labels.partyKind.organization }, { value: 'person', label: labels.partyKind.person }]} />
        </Form.Item>
        {partyKind === 'organization' && (
          <Form.Item name="enterpriseId" label="从市场主体名录选择（可选）">
            <Select
              allowClear
              showSearch={{ filterOption: false, onSearch: setSearch }}
              onChange={(id: string | undefined) => pickEnterprise(enterprises.data?.items.find((e) => e.id === id))}
              options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <PartyFields partyKind={partyKind} withPhone />
        </Row>

        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="actDate" label="违法行为发生日" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="actEndDate" label="行为终了日（连续或继续状态）" extra="追责时效从终了之日起算（第三十六条）">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="actPlace" label="违法地点">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="harmToSafety" valuePropName="checked" extra="涉及公民生命健康安全、金融安全且有危害后果的，追责时效为五年（第三十六条）">
          <Checkbox>涉及生命健康安全或金融安全且有危害后果</Checkbox>
        </Form.Item>
        <Form.Item name="facts" label="违法事实（初步）" rules={[{ required: true, min: 10, message: '请写明初步查明的事实（至少10个字）' }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item
          name="officerIds"
          label="承办人（至少两名持有效执法证的本单位执法人员，第一位为主办人）"
          rules={[{ required: true, type: 'array', min: 2, message: '请选择至少两名执法人员（第四十二条）' }]}
        >
          <Select mode="multiple" options={officers} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="major" valuePropName="checked" extra="情节复杂或者重大违法行为给予行政处罚的，须经负责人集体讨论决定（第五十七条）">
          <Checkbox>情节复杂或重大违法案件</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          登记线索
        </Button>
      </Form>
    </Card>
  )
}
