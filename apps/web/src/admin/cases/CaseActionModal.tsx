import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type CaseAction, deliveryMethods, evidenceKinds, labels, preservationOutcomes } from '@yangguang/core'
import { Alert, Button, Checkbox, DatePicker, Form, type FormInstance, Input, InputNumber, Modal, Radio, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { type ReactNode, useState } from 'react'
import { api } from '../../shared/api'
import type { Me } from '../auth/session'
import { LegalReviewOpinionFields, legalReviewBody, legalReviewInitial } from './LegalReviewOpinion'
import { ProposalFields, outcomeBody, outcomeFormValues } from './ProposalFields'
import { RemedyOutcomeFields, remedyOutcomeBody } from './RemedyOutcomeFields'
import { dateOf, errorText, toFen, useCertifiedOfficers, yuanRule } from './case-shared'
import type { CaseDetail } from './case-types'

type Values = Record<string, unknown>
type Spec = {
  /** Form items of the action's body. */
  fields: (ctx: FieldContext) => ReactNode
  /** Form values → the request body. */
  body: (v: Values, c: CaseDetail) => Record<string, unknown>
  initial?: (c: CaseDetail, preset: Record<string, unknown>) => Values
  /** A wider dialog for long forms. */
  wide?: boolean
  /** The form field holding the act's own legal date (送达日、缴款日…), sent as `onDate` too. */
  dateFrom?: string
}
type FieldContext = { c: CaseDetail; form: FormInstance<Values>; officers: Array<{ value: string; label: string; disabled?: boolean }>; preset: Record<string, unknown> }

const today = () => dayjs()
const d = (v: unknown) => dateOf(v as Dayjs | null | undefined)
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)

const noteField = (label = '意见', required = false) => (
  <Form.Item name="note" label={label} rules={required ? [{ required: true, min: 2, message: `请填写${label}` }] : []}>
    <Input.TextArea rows={3} maxLength={2000} />
  </Form.Item>
)
const reasonField = (label = '理由') => (
  <Form.Item name="reason" label={label} rules={[{ required: true, min: 2, message: `请填写${label}（至少2个字）` }]}>
    <Input.TextArea rows={3} maxLength={2000} showCount />
  </Form.Item>
)
const dateField = (name: string, label: string, required = true) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
    <DatePicker style={{ width: '100%' }} />
  </Form.Item>
)

const onlyNote: Spec = { fields: () => noteField('说明'), body: (v) => ({ note: text(v.note) }) }

/**
 * The body of every act, as a form; each act sends the sections `actionBodySchemas` in
 * cases.schema.ts requires. Acts that need nothing but a confirmation still get a note: it lands
 * on the case's timeline.
 */
const specs: Record<CaseAction, Spec> = {
  submit_filing: onlyNote,
  approve_filing: { fields: () => noteField('审批意见'), body: (v) => ({ note: text(v.note) }) },
  reject_filing: { fields: () => reasonField('不予立案理由'), body: (v) => ({ reason: text(v.reason) }) },
  terminate: { fields: () => reasonField('终止理由'), body: (v) => ({ reason: text(v.reason) }) },
  suspend: { fields: () => reasonField('中止理由'), body: (v) => ({ reason: text(v.reason) }) },
  revoke_decision: { fields: () => reasonField('撤销理由'), body: (v) => ({ reason: text(v.reason) }) },
  return_investigation: { fields: () => reasonField('退回理由（须补充调查的事项）'), body: (v) => ({ reason: text(v.reason) }) },
  resume: onlyNote,
  close: { fields: () => noteField('结案报告要点'), body: (v) => ({ note: text(v.note) }) },
  archive: onlyNote,
  conclude_statements: onlyNote,
  record_waiver: {
    fields: () => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="当事人以书面形式明确放弃陈述、申辩（和听证）权利的，登记放弃日期为办理日期。" />
        {noteField('说明')}
      </>
    ),
    body: (v) => ({ note: text(v.note) }),
  },
  add_officer: {
    fields: ({ officers, c }) => (
      <Form.Item name="personIds" label="执法人员" rules={[{ required: true, type: 'array', min: 1, message: '请选择执法人员' }]}>
        <Select mode="multiple" options={officers.filter((o) => !c.officers.some((x) => x.personId === o.value))} optionFilterProp="label" />
      </Form.Item>
    ),
    body: (v) => ({ officers: { personIds: v.personIds } }),
  },
  extend_deadline: {
    // Only the periods the region's rules let be extended, before they run out (the server refuses the rest);
    // a further extension carries the 集体讨论 record. Payment is never extended (art. 66: 暂缓或者分期缴纳).
    fields: ({ c, preset }) => {
      const extendable = c.deadlines.filter((x) => x.status === 'open' && x.extendable)
      return (
        <>
          <Form.Item name="kind" label="期限" rules={[{ required: true, message: '请选择期限' }]}>
            <Select options={extendable.map((x) => ({ value: x.kind, label: `${x.label}（${x.dueOn} 届满${x.extendable?.maxDays ? `，最多延长 ${x.extendable.maxDays}${x.unit === 'working_days' ? '个工作日' : '日'}` : ''}）` }))} disabled={Boolean(preset.kind)} />
          </Form.Item>
          <Form.Item name="days" label="延长天数" rules={[{ required: true, message: '请填写延长天数' }]}>
            <InputNumber min={1} max={365} />
          </Form.Item>
          {reasonField('延长理由（留痕审计）')}
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) =>
              extendable.find((x) => x.kind === getFieldValue('kind'))?.extendable?.needsDiscussion ? (
                <>
                  <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已经负责人批准延长过，再次延长须经负责人集体讨论决定，并附集体讨论记录。" />
                  {dateField('heldOn', '集体讨论日期')}
                  <Form.Item name="attendees" label="参加人员（至少三人）" rules={[{ required: true, type: 'array', min: 3, message: '集体讨论至少三人参加' }]}>
                    <Select mode="tags" tokenSeparators={['，', ',', '、', ' ']} open={false} placeholder="输入姓名后回车" />
                  </Form.Item>
                  <Form.Item name="conclusion" label="讨论结论" rules={[{ required: true, message: '请填写讨论结论' }]}>
                    <Input.TextArea rows={3} maxLength={5000} />
                  </Form.Item>
                </>
              ) : null
            }
          </Form.Item>
        </>
      )
    },
    body: (v) => ({
      reason: text(v.reason),
      extension: { kind: v.kind, days: v.days, ...(v.attendees ? { discussion: { heldOn: d(v.heldOn), attendees: v.attendees, conclusion: text(v.conclusion) } } : {}) },
    }),
    initial: (_, preset) => ({ kind: preset.kind, heldOn: today() }),
  },
  record_evidence: {
    dateFrom: 'collectedOn',
    wide: true,
    fields: ({ officers, c }) => (
      <>
        <Form.Item name="kind" label="证据种类" rules={[{ required: true }]}>
          <Select options={evidenceKinds.map((k) => ({ value: k, label: labels.evidenceKind[k] }))} />
        </Form.Item>
        <Form.Item name="title" label="证据名称" rules={[{ required: true, message: '请填写证据名称' }]}>
          <Input maxLength={200} placeholder="如：对当事人的询问笔录、现场照片" />
        </Form.Item>
        <Form.Item name="description" label="证明对象与内容">
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        {dateField('collectedOn', '取得日期')}
        <Form.Item name="officerIds" label="取证执法人员（至少两名持证）" rules={[{ required: true, type: 'array', min: 2, message: '请选择至少两名执法人员（第四十二条）' }]}>
          <Select mode="multiple" options={officers.filter((o) => c.officers.some((x) => x.personId === o.value))} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="record" label="笔录">
          <Radio.Group
            options={[
              { value: 'none', label: '不制作笔录' },
              { value: 'inquiry', label: '询问笔录' },
              { value: 'on_site', label: '现场检查（勘验）笔录' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.record !== b.record}>
          {({ getFieldValue }) =>
            getFieldValue('record') === 'inquiry' ? (
              <>
                <Form.Item name="interviewee" label="被询问人" rules={[{ required: true, message: '请填写被询问人' }]}>
                  <Input maxLength={50} />
                </Form.Item>
                <QaRows />
              </>
            ) : getFieldValue('record') === 'on_site' ? (
              <>
                <Form.Item name="sitePlace" label="检查（勘验）地点" rules={[{ required: true, message: '请填写地点' }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="siteFindings" label="现场检查情况" rules={[{ required: true, message: '请填写现场检查情况' }]}>
                  <Input.TextArea rows={4} maxLength={5000} />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
      </>
    ),
    body: (v) => ({
      evidence: {
        kind: v.kind,
        title: text(v.title),
        description: text(v.description),
        collectedOn: d(v.collectedOn),
        officerIds: v.officerIds,
        inquiry: v.record === 'inquiry' ? { person: text(v.interviewee), qa: ((v.qa as Array<{ q: string; a: string }> | undefined) ?? []).map((r) => ({ q: r.q.trim(), a: (r.a ?? '').trim() })) } : null,
        onSite: v.record === 'on_site' ? { place: text(v.sitePlace), findings: text(v.siteFindings) } : null,
      },
    }),
    initial: (c) => ({
      kind: 'party_statement',
      collectedOn: today(),
      record: 'inquiry',
      interviewee: c.case.party.kind === 'organization' ? (c.case.party.legalRep ?? '') : c.case.party.name,
      officerIds: c.officers.slice(0, 2).map((o) => o.personId),
      qa: [{ q: '', a: '' }],
    }),
  },
  finish_investigation: {
    wide: true,
    fields: (ctx) => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="调查终结，提出处理意见（处罚建议）；事先告知按此告知当事人。" />
        <ProposalFields c={ctx.c.case} form={ctx.form} />
        {noteField('调查终结报告要点')}
      </>
    ),
    body: (v) => ({ proposal: outcomeBody(v), note: text(v.note) }),
    initial: (c) => outcomeFormValues(c.case.proposal),
  },
  notify: {
    dateFrom: 'servedOn',
    wide: true,
    fields: (ctx) => (
      <>
        <ProposalFields c={ctx.c.case} form={ctx.form} />
        <Form.Item name="method" label="送达方式" rules={[{ required: true }]}>
          <Select options={deliveryMethods.map((m) => ({ value: m, label: labels.deliveryMethod[m] }))} />
        </Form.Item>
        <ServiceDateFields name="servedOn" label="告知书送达日期" />
      </>
    ),
    body: (v) => ({ proposal: outcomeBody(v), notice: v.method === 'announcement' ? { method: v.method, announcement: announcementBody(v) } : { servedOn: d(v.servedOn), method: v.method } }),
    initial: (c) => ({ ...outcomeFormValues(c.case.proposal), servedOn: today(), method: 'direct' }),
  },
  submit_legal_review: onlyNote,
  record_statement: {
    fields: () => (
      <>
        <Form.Item name="statement" label="当事人陈述申辩的内容" rules={[{ required: true, message: '请填写陈述申辩内容' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="adopted" label="是否采纳" rules={[{ required: true, message: '请选择是否采纳' }]}>
          <Radio.Group options={[{ value: true, label: '采纳' }, { value: false, label: '不采纳' }]} />
        </Form.Item>
        <Form.Item name="response" label="复核意见（采纳或不采纳的理由）" rules={[{ required: true, message: '请填写复核意见' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ statement: { text: text(v.statement), adopted: v.adopted, response: text(v.response) } }),
  },
  request_hearing: {
    dateFrom: 'requestedOn',
    fields: () => dateField('requestedOn', '当事人申请听证日期'),
    body: (v) => ({ hearing: { requestedOn: d(v.requestedOn) } }),
    initial: () => ({ requestedOn: today() }),
  },
  schedule_hearing: {
    fields: ({ c }) => (
      <>
        {dateField('date', '听证日期')}
        <Form.Item name="place" label="听证地点" rules={[{ required: true, message: '请填写地点' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <PresidingField c={c} />
        {dateField('noticeServedOn', '听证通知书送达日期（须在听证七日前）')}
      </>
    ),
    body: (v) => ({ hearing: { date: d(v.date), place: text(v.place), presidingPersonId: v.presidingPersonId, noticeServedOn: d(v.noticeServedOn) } }),
    initial: () => ({ noticeServedOn: today() }),
  },
  hold_hearing: {
    dateFrom: 'heldOn',
    fields: () => (
      <>
        {dateField('heldOn', '举行日期')}
        <Form.Item name="absent" valuePropName="checked">
          <Checkbox>当事人无正当理由拒不出席或中途退出（视为放弃听证，第六十五条）</Checkbox>
        </Form.Item>
        <Form.Item name="summary" label="听证情况（笔录要点）" rules={[{ required: true, message: '请填写听证情况' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ hearing: { heldOn: d(v.heldOn), absent: v.absent ?? false, summary: text(v.summary) } }),
    initial: () => ({ heldOn: today() }),
  },
  // 第五十八条: a structured opinion on the seven points, with the proposal under review below it.
  pass_legal_review: {
    wide: true,
    fields: ({ c }) => <LegalReviewOpinionFields c={c} pass />,
    body: (v) => ({ review: legalReviewBody(v, true) }),
    initial: () => legalReviewInitial(true),
  },
  fail_legal_review: {
    wide: true,
    fields: ({ c }) => (
      <>
        <LegalReviewOpinionFields c={c} pass={false} />
        {reasonField('不通过的理由')}
      </>
    ),
    body: (v) => ({ reason: text(v.reason), review: legalReviewBody(v, false) }),
    initial: () => legalReviewInitial(false),
  },
  record_collective_discussion: {
    dateFrom: 'heldOn',
    fields: () => (
      <>
        {dateField('heldOn', '讨论日期')}
        <Form.Item name="attendees" label="参加人员（至少三人）" rules={[{ required: true, type: 'array', min: 3, message: '集体讨论至少三人参加' }]}>
          <Select mode="tags" tokenSeparators={['，', ',', '、', ' ']} open={false} placeholder="输入姓名后回车" />
        </Form.Item>
        <Form.Item name="conclusion" label="讨论结论" rules={[{ required: true, message: '请填写讨论结论' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ discussion: { heldOn: d(v.heldOn), attendees: v.attendees, conclusion: text(v.conclusion) } }),
    initial: () => ({ heldOn: today() }),
  },
  decide: {
    wide: true,
    fields: (ctx) => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已按告知的处罚内容预填；不得因当事人陈述申辩而给予更重的处罚（第四十五条）。" />
        <ProposalFields c={ctx.c.case} form={ctx.form} decision />
      </>
    ),
    body: (v) => ({ decision: outcomeBody(v, true) }),
    initial: (c) => outcomeFormValues(c.case.notifiedProposal ?? c.case.proposal),
  },
  deliver: {
    dateFrom: 'deliveredOn',
    fields: () => (
      <>
        <Form.Item name="method" label="送达方式" rules={[{ required: true }]}>
          <Select options={deliveryMethods.map((m) => ({ value: m, label: labels.deliveryMethod[m] }))} />
        </Form.Item>
        <ServiceDateFields name="deliveredOn" label="送达日期" />
        <Form.Item noStyle shouldUpdate={(a, b) => a.method !== b.method}>
          {({ getFieldValue }) =>
            getFieldValue('method') !== 'announcement' && (
              <Form.Item name="receiver" label="受送达人（签收人）" rules={[{ required: true, message: '请填写受送达人' }]}>
                <Input maxLength={50} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.method !== b.method}>
          {({ getFieldValue }) =>
            getFieldValue('method') === 'electronic' && (
              <Form.Item
                name="consentForElectronic"
                valuePropName="checked"
                rules={[
                  {
                    validator: async (_, checked: unknown) => {
                      if (!checked) throw new Error('电子送达须经当事人同意并签订确认书（第六十一条）')
                    },
                  },
                ]}
              >
                <Checkbox>当事人已同意并签订电子送达地址确认书</Checkbox>
              </Form.Item>
            )
          }
        </Form.Item>
      </>
    ),
    body: (v) =>
      v.method === 'announcement'
        ? { delivery: { method: v.method, announcement: announcementBody(v) } }
        : { delivery: { method: v.method, deliveredOn: d(v.deliveredOn), receiver: text(v.receiver), consentForElectronic: v.method === 'electronic' && Boolean(v.consentForElectronic) } },
    initial: (c) => ({ method: 'direct', deliveredOn: today(), receiver: c.case.party.kind === 'organization' ? (c.case.party.legalRep ?? '') : c.case.party.name }),
  },
  record_payment: {
    dateFrom: 'paidOn',
    fields: () => (
      <>
        <Form.Item name="kind" label="款项" rules={[{ required: true }]}>
          <Select options={(['fine', 'late_fee', 'confiscation'] as const).map((k) => ({ value: k, label: labels.paymentKind[k] }))} />
        </Form.Item>
        <Form.Item name="amountYuan" label="金额（元）" rules={[yuanRule(true)]}>
          <Input suffix="元" inputMode="decimal" style={{ maxWidth: 240 }} />
        </Form.Item>
        {dateField('paidOn', '缴款日期')}
        <Form.Item name="receiptNo" label="缴款书或票据号码">
          <Input maxLength={50} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ payment: { kind: v.kind, amountFen: toFen(v.amountYuan as string), paidOn: d(v.paidOn), receiptNo: text(v.receiptNo) } }),
    initial: (c) => {
      const rest = c.execution ? c.execution.fineFen - c.execution.finePaidFen : c.case.fineFen
      return { kind: 'fine', paidOn: today(), amountYuan: rest > 0 ? (rest / 100).toFixed(2) : undefined }
    },
  },
  grant_deferral: {
    wide: true,
    fields: () => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="当事人确有经济困难的，经申请和批准，可以暂缓或者分期缴纳（第六十六条）。暂缓缴纳登记一期。" />
        <InstalmentRows />
        {reasonField('理由')}
      </>
    ),
    body: (v) => ({
      reason: text(v.reason),
      deferral: { instalments: ((v.instalments as Array<{ dueOn: Dayjs; amountYuan: string }> | undefined) ?? []).map((r) => ({ dueOn: d(r.dueOn), amountFen: toFen(r.amountYuan) })) },
    }),
    initial: () => ({ instalments: [{}] }),
  },
  record_remedy: {
    fields: ({ c }) => (
      <>
        <Form.Item name="remedyId" label="登记">
          <Select
            options={[
              { value: '', label: '新提起的复议或诉讼' },
              ...c.remedies.filter((r) => !r.endedOn).map((r) => ({ value: r.id, label: `${labels.remedyKind[r.kind]}（${r.startedOn} 起）终结` })),
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.remedyId !== b.remedyId}>
          {({ getFieldValue }) =>
            getFieldValue('remedyId') ? (
              <>
                {dateField('endedOn', '终结日期')}
                <RemedyOutcomeFields />
              </>
            ) : (
              <>
                <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
                  <Radio.Group options={(['reconsideration', 'litigation'] as const).map((k) => ({ value: k, label: labels.remedyKind[k] }))} />
                </Form.Item>
                {dateField('startedOn', '提起日期')}
              </>
            )
          }
        </Form.Item>
      </>
    ),
    body: (v, c) => {
      const open = c.remedies.find((r) => r.id === v.remedyId)
      return open
        ? { remedy: { kind: open.kind, startedOn: open.startedOn, endedOn: d(v.endedOn), ...remedyOutcomeBody(v) } }
        : { remedy: { kind: v.kind, startedOn: d(v.startedOn), endedOn: null, result: null } }
    },
    initial: () => ({ remedyId: '', kind: 'reconsideration', startedOn: today() }),
  },
  record_simple_filing: {
    dateFrom: 'recordedOn',
    fields: () => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="当场作出的行政处罚决定，应当报所属行政机关备案（第五十二条第三款）。逾期备案的，期限显示为逾期完成。" />
        <Form.Item name="recordedWith" label="备案机构或人员" rules={[{ required: true, message: '请填写备案机构或人员' }]}>
          <Input maxLength={100} placeholder="如：本局法制股、案件管理员某某" />
        </Form.Item>
        {dateField('recordedOn', '备案日期')}
      </>
    ),
    body: (v) => ({ simpleFiling: { recordedWith: text(v.recordedWith), recordedOn: d(v.recordedOn) } }),
    initial: () => ({ recordedWith: '本单位法制机构', recordedOn: today() }),
  },
  preserve_evidence: {
    wide: true,
    fields: () => (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="证据可能灭失或者以后难以取得的，经行政机关负责人批准，可以先行登记保存，并应当在七日（工作日，第八十五条）内作出处理决定（第五十六条）。办理日期即负责人批准日期。" />
        <Form.Item name="grounds" label="证据可能灭失或者以后难以取得的情形" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {dateField('preservedOn', '先行登记保存日期')}
        <Form.Item name="place" label="保存地点" rules={[{ required: true, message: '请填写保存地点' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="custody" label="保存方式" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'on_site', label: '就地保存' }, { value: 'agency', label: '异地保存（本机关保管）' }]} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.custody !== b.custody}>
          {({ getFieldValue }) =>
            getFieldValue('custody') === 'on_site' && (
              <Form.Item name="custodian" label="保管人" rules={[{ required: true, message: '请填写保管人' }]}>
                <Input maxLength={100} />
              </Form.Item>
            )
          }
        </Form.Item>
        <PreservedItemRows />
      </>
    ),
    body: (v) => ({
      preservation: {
        preservedOn: d(v.preservedOn),
        place: text(v.place),
        custody: v.custody,
        custodian: v.custody === 'on_site' ? text(v.custodian) : null,
        grounds: text(v.grounds),
        items: ((v.items as Values[] | undefined) ?? []).map((i) => ({ name: text(i.name), spec: text(i.spec), quantity: text(i.quantity), unit: text(i.unit), note: text(i.note) })),
      },
    }),
    initial: () => ({ preservedOn: today(), custody: 'agency', items: [{ name: '', quantity: '', unit: '' }] }),
  },
  resolve_preservation: {
    wide: true,
    fields: ({ c }) => <PreservationResolutionFields c={c} />,
    body: (v, c) => {
      const p = c.preservations.find((x) => x.id === v.preservationId)
      const items = (p?.items ?? []).filter((i) => v[`outcome_${i.id}`])
      return {
        note: text(v.note),
        preservationResolution: { preservationId: v.preservationId, items: items.map((i) => ({ itemId: i.id, outcome: v[`outcome_${i.id}`], transferTo: text(v[`transferTo_${i.id}`]) })) },
      }
    },
    initial: (c) => ({ preservationId: c.preservations.find((p) => p.resolvedOn === null || p.items.some((i) => i.status === 'held_for_decision'))?.id }),
  },
  remind: {
    dateFrom: 'servedOn',
    fields: () => dateField('servedOn', '催告书送达日期'),
    body: (v) => ({ reminder: { servedOn: d(v.servedOn) } }),
    initial: () => ({ servedOn: today() }),
  },
  apply_court: {
    dateFrom: 'appliedOn',
    fields: () => (
      <>
        <Form.Item name="court" label="受理法院" rules={[{ required: true, message: '请填写法院' }]}>
          <Input maxLength={100} />
        </Form.Item>
        {dateField('appliedOn', '申请日期')}
      </>
    ),
    body: (v) => ({ court: { court: text(v.court), appliedOn: d(v.appliedOn) } }),
    initial: () => ({ appliedOn: today(), court: '禄丰市人民法院' }),
  },
  transfer: {
    fields: () => <TransferFields />,
    body: (v) => ({
      reason: text(v.reason),
      transfer: v.target === 'judicial' ? { judicial: true, toName: text(v.toName), toOrgId: null } : { judicial: false, toOrgId: v.toOrgId, toName: null },
    }),
    initial: () => ({ target: 'unit' }),
  },
}

/** A dialog with the form of one act; the server's refusal (every failed guard) is shown in it. */
export function CaseActionModal({ c, action, label, preset = {}, onClose, onDone }: { c: CaseDetail; action: CaseAction; label: string; preset?: Record<string, unknown>; onClose: () => void; onDone: () => void }) {
  const me = useQueryClient().getQueryData<Me>(['me'])
  const officers = useCertifiedOfficers(me?.orgId ?? c.case.orgId)
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; refusals: string[] } | null>(null)
  const spec = specs[action]
  const submit = async (v: Values) => {
    setBusy(true)
    setError(null)
    try {
      await api.post(`/api/cases/${c.case.id}/actions/${action}`, { ...spec.body(v, c), onDate: d(v[spec.dateFrom ?? 'onDate']) ?? undefined })
      onDone()
    } catch (e) {
      const refusals = (e as { details?: { refusals?: Array<{ message: string }> } }).details?.refusals?.map((r) => r.message) ?? []
      setError({ message: errorText(e), refusals })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open title={label} onCancel={onClose} footer={null} destroyOnHidden width={spec.wide ? 760 : 520} maskClosable={false}>
      <Form<Values> form={form} layout="vertical" initialValues={{ onDate: today(), ...spec.initial?.(c, preset) }} onFinish={submit}>
        {spec.fields({ c, form, officers, preset })}
        {!spec.dateFrom && (
          <Form.Item name="onDate" label="办理日期" extra="事后补录的，填写实际办理的日期" rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={error.message}
            description={error.refusals.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 16 }}>{error.refusals.map((r) => <li key={r}>{r}</li>)}</ul> : undefined}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认{label}
        </Button>
      </Form>
    </Modal>
  )
}

function QaRows() {
  return (
    <Form.List name="qa">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }} wrap>
              <Form.Item name={[f.name, 'q']} label={`问${i + 1}`} rules={[{ required: true, message: '请填写问题' }]}>
                <Input.TextArea rows={1} style={{ width: 300 }} autoSize />
              </Form.Item>
              <Form.Item name={[f.name, 'a']} label={`答${i + 1}`} rules={[{ required: true, message: '请填写回答' }]}>
                <Input.TextArea rows={1} style={{ width: 300 }} autoSize />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} aria-label="删除此问答" />}
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ q: '', a: '' })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
            增加问答
          </Button>
        </>
      )}
    </Form.List>
  )
}

function InstalmentRows() {
  return (
    <Form.List name="instalments">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item name={[f.name, 'dueOn']} label={`第${i + 1}期缴纳期限`} rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name={[f.name, 'amountYuan']} label="金额（元）" rules={[yuanRule(true)]}>
                <Input suffix="元" style={{ width: 160 }} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} />}
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
            增加一期
          </Button>
        </>
      )}
    </Form.List>
  )
}

/** 听证主持人: a certified officer of the unit who did not investigate the case (art. 64(4)). */
function PresidingField({ c }: { c: CaseDetail }) {
  const officers = useCertifiedOfficers(c.case.orgId)
  return (
    <Form.Item name="presidingPersonId" label="听证主持人（非本案调查人员）" rules={[{ required: true, message: '请选择主持人' }]}>
      <Select options={officers.filter((o) => !c.officers.some((x) => x.personId === o.value))} optionFilterProp="label" showSearch />
    </Form.Item>
  )
}

function TransferFields() {
  const orgs = useQuery({ queryKey: ['orgs', 'options'], queryFn: () => api.get<{ items: Array<{ id: string; name: string }> }>('/api/orgs/options'), staleTime: 300_000 })
  return (
    <>
      <Form.Item name="target" label="移送至" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'unit', label: '有管辖权的行政机关' }, { value: 'judicial', label: '司法机关（涉嫌犯罪）' }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.target !== b.target}>
        {({ getFieldValue }) =>
          getFieldValue('target') === 'judicial' ? (
            <Form.Item name="toName" label="接收机关" rules={[{ required: true, message: '请填写接收的司法机关' }]}>
              <Input maxLength={100} placeholder="如：禄丰市公安局" />
            </Form.Item>
          ) : (
            <Form.Item name="toOrgId" label="接收单位" rules={[{ required: true, message: '请选择接收单位' }]}>
              <Select showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          )
        }
      </Form.Item>
      {reasonField('移送理由')}
    </>
  )
}

/**
 * The service date, or for 公告送达 the announcement (民事诉讼法 第九十五条): its day and medium, and the
 * failed attempts before it or that the whereabouts are unknown. The server computes the deemed day.
 */
function ServiceDateFields({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item noStyle shouldUpdate={(a, b) => a.method !== b.method}>
      {({ getFieldValue }) =>
        getFieldValue('method') !== 'announcement' ? (
          dateField(name, label)
        ) : (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="公告送达只能在受送达人下落不明，或者其他方式无法送达时采用；自发出公告之日起经过三十日视为送达，此后的期限（陈述申辩、听证、缴款、复议、诉讼）自视为送达之日起计算。" />
            {dateField('announcedOn', '公告日期')}
            <Form.Item name="medium" label="公告方式" rules={[{ required: true, message: '请填写公告方式' }]}>
              <Input maxLength={200} placeholder="如：禄丰市人民政府门户网站、当事人住所地公告栏" />
            </Form.Item>
            <Form.Item name="whereaboutsUnknown" valuePropName="checked">
              <Checkbox>受送达人下落不明</Checkbox>
            </Form.Item>
            <Form.List name="attempts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" style={{ display: 'flex' }} wrap>
                      <Form.Item name={[f.name, 'method']} label={`送达尝试${i + 1}`} rules={[{ required: true, message: '请选择方式' }]}>
                        <Select style={{ width: 130 }} options={deliveryMethods.filter((m) => m !== 'announcement').map((m) => ({ value: m, label: labels.deliveryMethod[m] }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'on']} label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                        <DatePicker />
                      </Form.Item>
                      <Form.Item name={[f.name, 'result']} label="结果" rules={[{ required: true, message: '请填写结果' }]}>
                        <Input maxLength={200} style={{ width: 220 }} placeholder="如：查无此人，邮件退回" />
                      </Form.Item>
                      <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} aria-label="删除此送达尝试" />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ method: 'post' })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
                    增加此前的送达尝试
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )
      }
    </Form.Item>
  )
}

function announcementBody(v: Values) {
  return {
    announcedOn: d(v.announcedOn),
    medium: text(v.medium),
    whereaboutsUnknown: Boolean(v.whereaboutsUnknown),
    attempts: ((v.attempts as Values[] | undefined) ?? []).map((a) => ({ method: a.method, on: d(a.on), result: text(a.result) })),
  }
}

/** 先行登记保存物品清单: one row per item. */
function PreservedItemRows() {
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }} wrap>
              <Form.Item name={[f.name, 'name']} label={`物品${i + 1}`} rules={[{ required: true, message: '请填写物品名称' }]}>
                <Input maxLength={100} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'spec']} label="规格">
                <Input maxLength={100} style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'quantity']} label="数量" rules={[{ required: true, message: '请填写数量' }]}>
                <Input maxLength={30} style={{ width: 80 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'unit']} label="单位" rules={[{ required: true, message: '请填写单位' }]}>
                <Input maxLength={20} style={{ width: 70 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'note']} label="备注">
                <Input maxLength={500} style={{ width: 130 }} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined style={{ marginTop: 38 }} onClick={() => remove(f.name)} aria-label="删除此物品" />}
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ name: '', quantity: '', unit: '' })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
            增加物品
          </Button>
        </>
      )}
    </Form.List>
  )
}

/** 处理决定: an outcome for each item still preserved (or held for 没收 and now released). */
function PreservationResolutionFields({ c }: { c: CaseDetail }) {
  const open = c.preservations.filter((p) => p.resolvedOn === null || p.items.some((i) => i.status === 'held_for_decision'))
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="对每一项物品作出处理：解除先行登记保存并退还、移送有关机关，或拟在行政处罚决定中没收（没收只能由处罚决定作出，物品在决定前继续保存）。" />
      <Form.Item name="preservationId" label="先行登记保存" rules={[{ required: true, message: '请选择' }]}>
        <Select options={open.map((p) => ({ value: p.id, label: `第${p.seq}次（${p.preservedOn}，${p.dueOn ? `${p.dueOn} 前处理` : ''}）` }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.preservationId !== b.preservationId || Object.keys(a).some((k) => k.startsWith('outcome_') && a[k] !== b[k])}>
        {({ getFieldValue }) => {
          const p = open.find((x) => x.id === getFieldValue('preservationId'))
          return (p?.items ?? [])
            .filter((i) => i.status === 'preserved' || i.status === 'held_for_decision')
            .map((i) => (
              <Space key={i.id} align="start" style={{ display: 'flex' }} wrap>
                <Form.Item name={`outcome_${i.id}`} label={`${i.name}（${i.quantity}${i.unit}，${i.statusLabel}）`} rules={i.status === 'preserved' ? [{ required: true, message: '请选择处理结果' }] : []}>
                  <Select style={{ width: 240 }} allowClear options={preservationOutcomes.filter((o) => i.status === 'preserved' || o !== 'confiscate').map((o) => ({ value: o, label: labels.preservationOutcome[o] }))} />
                </Form.Item>
                {getFieldValue(`outcome_${i.id}`) === 'transfer' && (
                  <Form.Item name={`transferTo_${i.id}`} label="接收机关" rules={[{ required: true, message: '请填写接收机关' }]}>
                    <Input maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                )}
              </Space>
            ))
        }}
      </Form.Item>
      {noteField('处理决定说明')}
    </>
  )
}
