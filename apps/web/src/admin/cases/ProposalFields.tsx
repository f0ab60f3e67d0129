import { useQuery } from '@tanstack/react-query'
import {
  type BenchmarkTier,
  type DecisionOutcome,
  type StatutoryRange,
  type DiscretionTier,
  decisionOutcomes,
  labels,
  type MitigationGround,
  mitigationGrounds,
  type NoPenaltyGround,
  noPenaltyGrounds,
  type PenaltyKind,
  penaltyKinds,
  type StatutoryPenaltyRange,
} from '@yangguang/core'
import { Alert, Checkbox, Col, Form, type FormInstance, Input, Radio, Row, Select, Spin } from 'antd'
import { api } from '../../shared/api'
import { errorText, toFen, yuan, yuanRule } from './case-shared'
import type { CaseView, Outcome } from './case-types'

type Values = Record<string, unknown>

/** A published benchmark of the case's power item, as `GET /api/discretion/benchmarks` lists it. */
export type BenchmarkOption = { id: string; code: string; violation: string; statutory: StatutoryRange; tiers: BenchmarkTier[] }
/** What the calculator answers (core's `DiscretionResult`): the lawful range for the facts chosen. */
/** The power item as the catalogue shows it: its 法定处罚幅度 (null until entered). */
type PowerItemRange = { item: { statutoryRange: StatutoryPenaltyRange | null; statutoryRangeText: string | null } }
export type LawfulRange = { tier: DiscretionTier; kinds: PenaltyKind[]; minFen: number | null; maxFen: number | null; explanation: string[]; warnings: string[] }

/**
 * The outcome of a case — 处罚建议, and the 决定 prefilled from it: outcome, kinds, amounts, the
 * benchmark tier and circumstances with the lawful range computed live by the server's calculator;
 * an amount outside that range needs a written reason (flagged to supervisors).
 */
export function ProposalFields({ c, form, decision = false }: { c: CaseView; form: FormInstance<Values>; decision?: boolean }) {
  const outcome = Form.useWatch('outcome', form) as DecisionOutcome | undefined
  const kinds = (Form.useWatch('kinds', form) as PenaltyKind[] | undefined) ?? []
  const benchmarkId = Form.useWatch('benchmarkId', form) as string | undefined
  const tier = Form.useWatch('tier', form) as DiscretionTier | undefined
  const conditions = (Form.useWatch('conditions', form) as string[] | undefined) ?? []
  const baseYuan = Form.useWatch('baseYuan', form) as string | undefined
  const fineYuan = Form.useWatch('fineYuan', form) as string | undefined
  const mitigationEffect = Form.useWatch('mitigationEffect', form) as 'lenient' | 'mitigated' | undefined

  // 法定处罚幅度 of the case's item: the outer bound no reason overrides (the server refuses outside it).
  const statutory = useQuery({
    queryKey: ['catalogue', 'power-item', c.powerItem.id],
    queryFn: () => api.get<PowerItemRange>(`/api/catalogue/power-items/${c.powerItem.id}`),
    staleTime: 300_000,
  })
  const statutoryRange = statutory.data?.item.statutoryRange ?? null
  const band = statutoryRange?.fines.find((f) => f.party === c.party.kind) ?? statutoryRange?.fines.find((f) => !f.party)

  const benchmarks = useQuery({
    queryKey: ['benchmarks', c.powerItem.id],
    queryFn: () => api.get<{ items: BenchmarkOption[] }>('/api/discretion/benchmarks', { powerItemId: c.powerItem.id, status: 'published', pageSize: 50 }),
    staleTime: 300_000,
  })
  const benchmark = benchmarks.data?.items.find((b) => b.id === benchmarkId)
  const usesMultiple = band?.kind === 'multiple' || Boolean(benchmark && (benchmark.statutory.multipleMin != null || benchmark.tiers.some((t) => t.multipleMin != null || t.multipleMax != null)))
  const baseFen = safeFen(baseYuan)
  const range = useQuery({
    queryKey: ['discretion', benchmarkId, tier ?? null, conditions, baseFen, c.party.kind],
    enabled: Boolean(benchmarkId),
    queryFn: () => api.post<LawfulRange>('/api/discretion/calculate', { benchmarkId, tier: tier ?? undefined, conditions, baseFen, partyKind: c.party.kind }),
  })
  const fineFen = safeFen(fineYuan)
  const outside = Boolean(
    range.data && !range.isFetching && fineFen !== null && kinds.includes('fine') && ((range.data.minFen !== null && fineFen < range.data.minFen) || (range.data.maxFen !== null && fineFen > range.data.maxFen)),
  )

  return (
    <>
      <Form.Item name="outcome" label={decision ? '决定' : '处理意见'} rules={[{ required: true }]}>
        <Radio.Group options={decisionOutcomes.map((o) => ({ value: o, label: labels.decisionOutcome[o] }))} />
      </Form.Item>
      {outcome === 'no_penalty' && (
        <Form.Item name="ground" label="不予处罚的理由" rules={[{ required: true, message: '请选择不予处罚的法定理由' }]}>
          <Select options={noPenaltyGrounds.map((g) => ({ value: g, label: labels.noPenaltyGround[g] }))} />
        </Form.Item>
      )}
      {outcome === 'transfer_judicial' && decision && (
        <Form.Item name="transferTo" label="移送的司法机关" rules={[{ required: true, message: '请填写司法机关' }]}>
          <Input maxLength={100} placeholder="如：禄丰市公安局" />
        </Form.Item>
      )}
      {outcome === 'penalty' && (
        <>
          <Alert
            style={{ marginBottom: 16 }}
            type={statutoryRange ? 'info' : 'error'}
            showIcon
            data-testid="statutory-range"
            title={statutory.isLoading ? '法定处罚幅度加载中…' : statutory.data?.item.statutoryRangeText ? `法定处罚幅度：${statutory.data.item.statutoryRangeText}` : '本权力事项尚未录入法定处罚幅度，不能给予行政处罚'}
            description="超出法定幅度（处罚种类或数额）的建议和决定一律不予通过；减轻处罚须选择第三十条至第三十二条的情形并写明证据。"
          />
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="benchmarkId" label="适用的裁量基准">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={benchmarks.isLoading}
                  notFoundContent={benchmarks.isError ? '裁量基准暂不可用' : '该事项暂无裁量基准'}
                  options={(benchmarks.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.code} ${b.violation}` }))}
                  onChange={() => form.setFieldsValue({ tier: undefined, conditions: [] })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="tier" label="裁量阶次" extra="不选时按所选情形确定">
                <Select allowClear disabled={!benchmark} options={(benchmark?.tiers ?? []).map((t) => ({ value: t.tier, label: labels.discretionTier[t.tier] }))} />
              </Form.Item>
            </Col>
          </Row>
          {benchmark && benchmark.tiers.some((t) => t.conditions.length > 0) && (
            <Form.Item name="conditions" label="具有的情形">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {benchmark.tiers.flatMap((t) =>
                  t.conditions.map((x) => (
                    <Checkbox key={`${t.tier}-${x}`} value={x}>
                      【{labels.discretionTier[t.tier]}】{x}
                    </Checkbox>
                  )),
                )}
              </Checkbox.Group>
            </Form.Item>
          )}
          {usesMultiple && (
            <Form.Item name="baseYuan" label={`${band?.kind === 'multiple' ? band.base : (benchmark?.statutory.multipleOf ?? '违法所得')}（计罚基数，元）`} rules={[yuanRule(false)]}>
              <Input suffix="元" style={{ maxWidth: 240 }} />
            </Form.Item>
          )}
          {band?.kind === 'per_unit' && (
            <Form.Item name="baseUnits" label={`${band.base}（${band.unit}）`} rules={[{ pattern: /^\d{1,9}$/, message: '请填写整数' }]}>
              <Input suffix={band.unit} style={{ maxWidth: 240 }} inputMode="numeric" />
            </Form.Item>
          )}
          {(usesMultiple || band?.kind === 'per_unit') && (
            <Form.Item name="baseEvidence" label="计罚基数的认定证据" extra="如：鉴定意见、合同、票据、测量记录（证据编号）">
              <Input maxLength={1000} />
            </Form.Item>
          )}
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="mitigationEffect" label="从轻、减轻（第三十条至第三十二条）">
                <Select allowClear options={(['lenient', 'mitigated'] as const).map((e) => ({ value: e, label: labels.mitigationEffect[e] }))} />
              </Form.Item>
            </Col>
            {mitigationEffect && (
              <Col xs={24} md={16}>
                <Form.Item name="mitigationGrounds" label="法定情形" rules={[{ required: true, type: 'array', min: 1, message: '请选择从轻、减轻的法定情形' }]}>
                  <Select mode="multiple" options={mitigationGrounds.map((g) => ({ value: g, label: labels.mitigationGround[g] }))} />
                </Form.Item>
              </Col>
            )}
          </Row>
          {mitigationEffect && (
            <Form.Item name="mitigationEvidence" label="情形的证据" rules={[{ required: mitigationEffect === 'mitigated', min: 2, message: '减轻处罚须写明证据' }]}>
              <Input maxLength={1000} />
            </Form.Item>
          )}
          {benchmarkId && (
            <div data-testid="lawful-range" style={{ marginBottom: 16 }}>
              {range.isFetching ? (
                <Spin size="small" />
              ) : range.isError ? (
                <Alert type="warning" showIcon title={`无法计算裁量幅度：${errorText(range.error)}`} />
              ) : range.data ? (
                <Alert
                  type={outside ? 'warning' : 'success'}
                  showIcon
                  title={`${labels.discretionTier[range.data.tier]}：罚款 ${rangeText(range.data)}${range.data.kinds.length ? `；处罚种类：${range.data.kinds.map((k) => labels.penaltyKind[k]).join('、')}` : ''}`}
                  description={
                    <>
                      {outside && <div>拟处罚款超出裁量基准幅度，须书面说明理由，并报司法局监督。</div>}
                      {[...range.data.warnings, ...range.data.explanation].map((line) => (
                        <div key={line}>{line}</div>
                      ))}
                    </>
                  }
                />
              ) : null}
            </div>
          )}
          <Form.Item name="kinds" label="处罚种类" rules={[{ required: true, type: 'array', min: 1, message: '请选择处罚种类' }]}>
            <Select mode="multiple" options={penaltyKinds.map((k) => ({ value: k, label: labels.penaltyKind[k] }))} />
          </Form.Item>
          <Row gutter={12}>
            {kinds.includes('fine') && (
              <Col xs={24} md={12}>
                <Form.Item name="fineYuan" label="罚款金额（元）" rules={[yuanRule(true)]}>
                  <Input suffix="元" inputMode="decimal" />
                </Form.Item>
              </Col>
            )}
            {kinds.includes('confiscate_gains') && (
              <Col xs={24} md={12}>
                <Form.Item name="confiscateYuan" label="没收违法所得（元）" rules={[yuanRule(true)]}>
                  <Input suffix="元" inputMode="decimal" />
                </Form.Item>
              </Col>
            )}
          </Row>
        </>
      )}
      <Form.Item
        name="reason"
        label={outside ? '超出裁量基准的理由（必填）' : '裁量理由'}
        dependencies={['fineYuan', 'tier', 'benchmarkId']}
        rules={[{ required: Boolean(outside), min: outside ? 2 : 0, message: '拟处罚款超出裁量基准幅度，须书面说明理由' }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  )
}

function safeFen(value: string | undefined): number | null {
  try {
    return toFen(value)
  } catch {
    return null
  }
}

function rangeText(r: LawfulRange): string {
  if (r.minFen === null && r.maxFen === null) return '不适用'
  return `${yuan(r.minFen ?? 0)} 至 ${r.maxFen === null ? '（无上限）' : yuan(r.maxFen)}`
}

/** The form's values → the `proposal` / `decision` section of an act's body. */
export function outcomeBody(v: Values, decision = false): Outcome {
  const outcome = v.outcome as DecisionOutcome
  const kinds = outcome === 'penalty' ? ((v.kinds as PenaltyKind[] | undefined) ?? []) : []
  return {
    outcome,
    kinds,
    fineFen: kinds.includes('fine') ? (toFen(v.fineYuan as string) ?? 0) : 0,
    confiscateFen: kinds.includes('confiscate_gains') ? (toFen(v.confiscateYuan as string) ?? 0) : 0,
    ground: outcome === 'no_penalty' ? (v.ground as NoPenaltyGround) : null,
    tier: outcome === 'penalty' ? ((v.tier as DiscretionTier | undefined) ?? null) : null,
    benchmarkId: outcome === 'penalty' ? ((v.benchmarkId as string | undefined) ?? null) : null,
    conditions: outcome === 'penalty' ? ((v.conditions as string[] | undefined) ?? []) : [],
    baseFen: outcome === 'penalty' ? toFen(v.baseYuan as string | undefined) : null,
    baseUnits: outcome === 'penalty' && typeof v.baseUnits === 'string' && v.baseUnits.trim() ? Number(v.baseUnits) : null,
    baseEvidence: outcome === 'penalty' && typeof v.baseEvidence === 'string' && v.baseEvidence.trim() ? v.baseEvidence.trim() : null,
    mitigation:
      outcome === 'penalty' && v.mitigationEffect
        ? { effect: v.mitigationEffect as 'lenient' | 'mitigated', grounds: (v.mitigationGrounds as MitigationGround[] | undefined) ?? [], evidence: typeof v.mitigationEvidence === 'string' ? v.mitigationEvidence.trim() : null }
        : null,
    reason: typeof v.reason === 'string' && v.reason.trim() ? v.reason.trim() : null,
    ...(decision && outcome === 'transfer_judicial' ? { transferTo: (v.transferTo as string | undefined) ?? null } : {}),
  }
}

const toYuanText = (fen: number | null | undefined) => (fen ? (fen / 100).toFixed(2) : undefined)

/** A stored proposal or decision → the form's values (amounts back to yuan text). */
export function outcomeFormValues(p: Partial<Outcome> | null | undefined): Values {
  if (!p) return { outcome: 'penalty', kinds: ['fine'] }
  return {
    outcome: p.outcome ?? 'penalty',
    kinds: p.kinds ?? [],
    fineYuan: toYuanText(p.fineFen),
    confiscateYuan: toYuanText(p.confiscateFen),
    ground: p.ground ?? undefined,
    tier: p.tier ?? undefined,
    benchmarkId: p.benchmarkId ?? undefined,
    conditions: p.conditions ?? [],
    baseYuan: toYuanText(p.baseFen),
    baseUnits: p.baseUnits == null ? undefined : String(p.baseUnits),
    baseEvidence: p.baseEvidence ?? undefined,
    mitigationEffect: p.mitigation?.effect,
    mitigationGrounds: p.mitigation?.grounds ?? [],
    mitigationEvidence: p.mitigation?.evidence ?? undefined,
    reason: p.reason ?? undefined,
  }
}
