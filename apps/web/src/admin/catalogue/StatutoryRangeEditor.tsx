import { labels, type PartyKind, type PenaltyKind, penaltyKinds, type StatutoryFine, type StatutoryPenaltyRange } from '@yangguang/core'
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd'

/** One fine band as the form holds it: amounts in yuan, multiples as numbers (0.01 = 1%). */
type BandValues = {
  kind: StatutoryFine['kind']
  party?: PartyKind | null
  minYuan?: number | null
  maxYuan?: number | null
  base?: string
  unit?: string
  min?: number | null
  max?: number | null
  fallbackWhen?: string
  fallbackMinYuan?: number | null
  fallbackMaxYuan?: number | null
  fallbackBelowYuan?: number | null
}

/** The form's 法定处罚幅度. */
export type RangeValues = { law?: string; article?: string; kinds?: PenaltyKind[]; mandatory?: PenaltyKind[]; fines?: BandValues[]; note?: string }

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100))
const yuanOf = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fen / 100)

/** A stored range → the form's values. */
export function rangeFormValues(range: StatutoryPenaltyRange | null): RangeValues | undefined {
  if (!range) return undefined
  return {
    law: range.basis.law,
    article: range.basis.article,
    kinds: range.kinds,
    mandatory: range.mandatory ?? [],
    note: range.note ?? undefined,
    fines: range.fines.map((f) =>
      f.kind === 'fixed'
        ? { kind: f.kind, party: f.party ?? null, minYuan: yuanOf(f.minFen), maxYuan: yuanOf(f.maxFen) }
        : f.kind === 'per_unit'
          ? { kind: f.kind, party: f.party ?? null, base: f.base, unit: f.unit, minYuan: yuanOf(f.minFenPerUnit), maxYuan: yuanOf(f.maxFenPerUnit) }
          : {
              kind: f.kind,
              party: f.party ?? null,
              base: f.base,
              min: f.min,
              max: f.max,
              fallbackWhen: f.fallback?.when,
              fallbackMinYuan: yuanOf(f.fallback?.minFen),
              fallbackMaxYuan: yuanOf(f.fallback?.maxFen),
              fallbackBelowYuan: yuanOf(f.fallback?.belowFen),
            },
    ),
  }
}

/** The form's values → the API's `statutoryRange` (null when no provision is named). */
export function rangeBody(v: RangeValues | undefined): StatutoryPenaltyRange | null {
  if (!v?.law?.trim() || !v.article?.trim()) return null
  return {
    basis: { law: v.law.trim(), article: v.article.trim() },
    kinds: v.kinds ?? [],
    mandatory: v.mandatory ?? [],
    note: v.note?.trim() || null,
    fines: (v.fines ?? []).map((b): StatutoryFine => {
      const party = b.party ?? null
      if (b.kind === 'fixed') return { kind: 'fixed', party, minFen: fen(b.minYuan) ?? 0, maxFen: fen(b.maxYuan) }
      if (b.kind === 'per_unit') return { kind: 'per_unit', party, base: b.base ?? '', unit: b.unit ?? '', minFenPerUnit: fen(b.minYuan) ?? 0, maxFenPerUnit: fen(b.maxYuan) }
      const fallback = b.fallbackWhen?.trim() ? { when: b.fallbackWhen.trim(), minFen: fen(b.fallbackMinYuan) ?? 0, maxFen: fen(b.fallbackMaxYuan), belowFen: fen(b.fallbackBelowYuan) } : null
      return { kind: 'multiple', party, base: b.base ?? '', min: b.min ?? 0, max: b.max ?? null, fallback }
    }),
  }
}

const kindOptions = penaltyKinds.map((k) => ({ value: k, label: labels.penaltyKind[k] }))
const bandKinds = [
  { value: 'fixed', label: '固定数额' },
  { value: 'multiple', label: '基数的倍数（违法所得、货值金额、合同价款…）' },
  { value: 'per_unit', label: '按单位数量（每平方米…）' },
]

/**
 * 法定处罚幅度 of a penalty item, as the 罚则 words it: the provision, the kinds (and which are
 * mandatory), and up to two fine bands (对单位 / 对个人, or one for both). Proposals and decisions
 * outside it are refused; the server checks that the parts hold together.
 */
export function StatutoryRangeEditor() {
  return (
    <Card size="small" title="法定处罚幅度（罚则）" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        超出法定幅度的处罚建议和决定一律不予通过。条文未规定罚款数额的，上限留空。倍数按小数填写（百分之一填 0.01）。
      </Typography.Paragraph>
      <Space wrap align="start">
        <Form.Item name={['statutoryRange', 'law']} label="罚则所在法律法规">
          <Input style={{ width: 260 }} placeholder="城镇燃气管理条例" />
        </Form.Item>
        <Form.Item name={['statutoryRange', 'article']} label="条款">
          <Input style={{ width: 200 }} placeholder="第四十五条第一款" />
        </Form.Item>
      </Space>
      <Form.Item name={['statutoryRange', 'kinds']} label="法定处罚种类">
        <Select mode="multiple" options={kindOptions} />
      </Form.Item>
      <Form.Item name={['statutoryRange', 'mandatory']} label="应当给予的种类（“处”“并处”，无“可以”）">
        <Select mode="multiple" options={kindOptions} />
      </Form.Item>
      <Form.List name={['statutoryRange', 'fines']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }} extra={<Button size="small" onClick={() => remove(field.name)}>删除</Button>}>
                <Space wrap align="start">
                  <Form.Item name={[field.name, 'kind']} label="罚款方式" rules={[{ required: true }]}>
                    <Select options={bandKinds} style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'party']} label="适用于">
                    <Select allowClear placeholder="单位和个人" style={{ width: 140 }} options={[{ value: 'organization', label: '对单位' }, { value: 'person', label: '对个人' }]} />
                  </Form.Item>
                </Space>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['statutoryRange', 'fines', field.name, 'kind']) as StatutoryFine['kind'] | undefined
                    if (kind === 'multiple') {
                      return (
                        <Space wrap align="start">
                          <Form.Item name={[field.name, 'base']} label="计罚基数" rules={[{ required: true, message: '请填写计罚基数' }]}>
                            <Input style={{ width: 180 }} placeholder="违法所得" />
                          </Form.Item>
                          <Form.Item name={[field.name, 'min']} label="倍数下限">
                            <InputNumber min={0} step={0.01} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'max']} label="倍数上限">
                            <InputNumber min={0} step={0.01} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'fallbackWhen']} label="无法计算基数时（如：没有违法所得的）">
                            <Input style={{ width: 220 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'fallbackMinYuan']} label="其下限（元）">
                            <InputNumber min={0} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'fallbackMaxYuan']} label="其上限（元）">
                            <InputNumber min={0} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'fallbackBelowYuan']} label="基数不足（元）时也适用">
                            <InputNumber min={0} />
                          </Form.Item>
                        </Space>
                      )
                    }
                    return (
                      <Space wrap align="start">
                        {kind === 'per_unit' && (
                          <>
                            <Form.Item name={[field.name, 'base']} label="计量对象" rules={[{ required: true, message: '请填写计量对象' }]}>
                              <Input style={{ width: 180 }} placeholder="非法占用土地面积" />
                            </Form.Item>
                            <Form.Item name={[field.name, 'unit']} label="单位" rules={[{ required: true, message: '请填写单位' }]}>
                              <Input style={{ width: 100 }} placeholder="平方米" />
                            </Form.Item>
                          </>
                        )}
                        <Form.Item name={[field.name, 'minYuan']} label={kind === 'per_unit' ? '每单位下限（元）' : '下限（元）'}>
                          <InputNumber min={0} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'maxYuan']} label={kind === 'per_unit' ? '每单位上限（元）' : '上限（元，未规定留空）'}>
                          <InputNumber min={0} />
                        </Form.Item>
                      </Space>
                    )
                  }}
                </Form.Item>
              </Card>
            ))}
            {fields.length < 2 && (
              <Button onClick={() => add({ kind: 'fixed' })} style={{ marginBottom: 16 }}>
                添加罚款幅度
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item name={['statutoryRange', 'note']} label="说明（条文的分项、适用条件）">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
      </Form.Item>
    </Card>
  )
}
