import {
  labels,
  legalReviewAspectNames,
  legalReviewAspects,
  legalReviewConclusionNames,
  legalReviewVerdictNames,
  legalReviewVerdicts,
  type LegalReviewAspect,
  type LegalReviewConclusion,
} from '@yangguang/core'
import { Alert, Descriptions, Divider, Form, Input, Radio, Space, Typography } from 'antd'
import { yuan } from './case-shared'
import type { CaseDetail } from './case-types'

type Values = Record<string, unknown>

/**
 * 法制审核意见 (行政处罚法 第五十八条) as a form: each of the seven points (主体、权限、事实、证据、依据、
 * 程序、裁量) 合法 or 存在问题 with a note, the conclusion and the reviewer's summary, and below it the
 * proposal under review. The server refuses 同意 while a point has a problem; the form says so first.
 */
export function LegalReviewOpinionFields({ c, pass }: { c: CaseDetail; pass: boolean }) {
  return (
    <>
      {c.case.legalReviewReasons.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`须法制审核：${c.case.legalReviewReasons.join('；')}`} />}
      {legalReviewAspects.map((aspect) => (
        <AspectRow key={aspect} aspect={aspect} />
      ))}
      {pass ? (
        <Form.Item noStyle shouldUpdate>
          {({ getFieldsValue }) => {
            const flagged = flaggedAspects(getFieldsValue())
            return flagged.length > 0 ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`${flagged.join('、')}存在问题，不能作出“同意”的审核结论，请改为“审核不通过”`} /> : null
          }}
        </Form.Item>
      ) : (
        <Form.Item name="conclusion" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
          <Radio.Group options={(['amend', 'disagree'] as const).map((k) => ({ value: k, label: legalReviewConclusionNames[k] }))} />
        </Form.Item>
      )}
      <Form.Item name="opinion" label="法制审核意见" rules={[{ required: true, message: '请填写审核意见' }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      <Divider titlePlacement="start">拟作出的处理意见</Divider>
      <ProposalPanel c={c} />
    </>
  )
}

/** Form values → the request's `review`. */
export function legalReviewBody(v: Values, pass: boolean) {
  const text = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null)
  return {
    opinion: text(v.opinion),
    aspects: Object.fromEntries(legalReviewAspects.map((a) => [a, { verdict: v[`verdict_${a}`], note: text(v[`note_${a}`]) }])),
    conclusion: (pass ? 'agree' : v.conclusion) as LegalReviewConclusion,
  }
}

/** Every point starts 合法: the reviewer marks what is at issue. */
export function legalReviewInitial(pass: boolean): Values {
  return { ...Object.fromEntries(legalReviewAspects.map((a) => [`verdict_${a}`, 'lawful'])), ...(pass ? {} : { conclusion: 'amend' }) }
}

function flaggedAspects(v: Values): string[] {
  return legalReviewAspects.filter((a) => v[`verdict_${a}`] === 'problem').map((a) => `“${legalReviewAspectNames[a]}”`)
}

function AspectRow({ aspect }: { aspect: LegalReviewAspect }) {
  return (
    <Space align="start" style={{ display: 'flex' }} wrap>
      <Form.Item name={`verdict_${aspect}`} label={legalReviewAspectNames[aspect]} style={{ minWidth: 260, marginBottom: 8 }}>
        <Radio.Group optionType="button" options={legalReviewVerdicts.map((k) => ({ value: k, label: legalReviewVerdictNames[k] }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a[`verdict_${aspect}`] !== b[`verdict_${aspect}`]}>
        {({ getFieldValue }) =>
          getFieldValue(`verdict_${aspect}`) === 'problem' ? (
            <Form.Item name={`note_${aspect}`} rules={[{ required: true, min: 2, message: '请写明存在的问题' }]} style={{ minWidth: 320, marginBottom: 8 }}>
              <Input maxLength={1000} placeholder="存在的问题" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </Space>
  )
}

/** The proposal the reviewer judges (with the notified one where they differ). */
function ProposalPanel({ c }: { c: CaseDetail }) {
  const p = c.case.proposal
  if (!p) return <Typography.Text type="secondary">尚未提出处罚建议</Typography.Text>
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="当事人">{c.case.party.name}</Descriptions.Item>
      <Descriptions.Item label="违法事实">{c.case.facts ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="权力事项">{`${c.case.powerItem.name}（${c.case.powerItem.code}）`}</Descriptions.Item>
      <Descriptions.Item label="处理意见">{p.outcome ? labels.decisionOutcome[p.outcome] : '—'}</Descriptions.Item>
      <Descriptions.Item label="处罚种类">{(p.kinds ?? []).map((k) => labels.penaltyKind[k]).join('、') || '—'}</Descriptions.Item>
      {(p.fineFen ?? 0) > 0 && <Descriptions.Item label="罚款">{yuan(p.fineFen)}</Descriptions.Item>}
      {(p.confiscateFen ?? 0) > 0 && <Descriptions.Item label="没收">{yuan(p.confiscateFen)}</Descriptions.Item>}
      {p.tier && <Descriptions.Item label="裁量阶次">{labels.discretionTier[p.tier]}</Descriptions.Item>}
      {c.benchmarkCheck && <Descriptions.Item label="裁量基准">{c.benchmarkCheck.message}</Descriptions.Item>}
      {p.reason && <Descriptions.Item label="说明理由">{p.reason}</Descriptions.Item>}
      {c.case.noticeServedOn && <Descriptions.Item label="告知书送达">{c.case.noticeServedOn}</Descriptions.Item>}
    </Descriptions>
  )
}
