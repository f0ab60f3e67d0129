import { type RemedyOutcome, remedyOutcomeNames, remedyOutcomes } from '@yangguang/core'
import { Form, Input, Select } from 'antd'

type Values = Record<string, unknown>

/**
 * 复议/诉讼的结果 when it ends: the outcome, the 复议机关 or court and its document number. Every outcome but
 * 维持 withdraws the published decision within three working days (行政处罚法 第四十八条第二款、第八十五条).
 */
export function RemedyOutcomeFields() {
  return (
    <>
      <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择结果' }]} extra="变更、撤销、确认违法、确认无效的，已公示的处罚决定须在三个工作日内撤回并说明理由（第四十八条第二款）">
        <Select options={remedyOutcomes.map((k) => ({ value: k, label: remedyOutcomeNames[k] }))} />
      </Form.Item>
      <Form.Item name="organ" label="复议机关或人民法院" rules={[{ required: true, message: '请填写复议机关或人民法院' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="documentNo" label="复议决定书或判决书文号" rules={[{ required: true, message: '请填写文书编号' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="result" label="说明">
        <Input maxLength={1000} placeholder="如：复议机关认为罚款数额明显不当，变更为罚款五千元" />
      </Form.Item>
    </>
  )
}

/** Form values → the ended remedy's result fields. */
export function remedyOutcomeBody(v: Values) {
  const text = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null)
  const outcome = v.outcome as RemedyOutcome
  return { result: text(v.result) ?? remedyOutcomeNames[outcome], outcome, organ: text(v.organ), documentNo: text(v.documentNo) }
}
