import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Descriptions, List, Spin, Tag, Typography } from 'antd'
import { api } from '../../shared/api'
import { errorText, yuan } from './case-shared'

/** `GET /api/cases/:id/proposal-review` (server: case-proposal-review.schema.ts). */
export type ProposalReview = {
  available: boolean
  stage: 'proposal' | 'decision' | null
  penalty: { outcome: string; kinds: string[]; fineFen: number; fineText: string | null; confiscateFen: number } | null
  statutory: { provision: string; lawful: string; minFen: number | null; maxFen: number | null; base: string | null; baseFen: number | null; baseUnits: number | null; baseEvidence: string | null } | null
  benchmark: { code: string | null; tier: string | null; within: boolean | null; rangeMinFen: number | null; rangeMaxFen: number | null; message: string } | null
  circumstances: { conditions: string[]; mitigation: { effect: string; grounds: string[]; evidence: string | null } | null; reason: string | null } | null
  history: { firstViolation: boolean; listed: boolean; windowFrom: string; previous: Array<{ caseId: string; caseNo: string | null; actDate: string; samePowerItem: boolean }> } | null
  departures: Array<{ level: 'refused' | 'flagged'; text: string }>
}

/**
 * 处罚建议审查: what the head, the legal reviewer and supervisors check before anyone signs — the
 * penalty, the statutory range of the cited provision and its base, the benchmark tier and the
 * calculator's check, the circumstances with their evidence, the party's earlier violations (首违),
 * and every departure in red (outside the law: refused; inside it but off the benchmark: a reason).
 */
export function ProposalReviewPanel({ caseId }: { caseId: string }) {
  const review = useQuery({ queryKey: ['cases', 'proposal-review', caseId], queryFn: () => api.get<ProposalReview>(`/api/cases/${caseId}/proposal-review`) })
  if (review.isLoading) return <Spin />
  if (review.isError) return <Alert type="warning" showIcon title={`处罚建议审查暂不可用：${errorText(review.error)}`} />
  const r = review.data
  if (!r?.available) return null
  return (
    <Card title={r.stage === 'decision' ? '处罚决定审查' : '处罚建议审查'} size="small" data-testid="proposal-review">
      {r.departures.length > 0 && (
        <List
          size="small"
          style={{ marginBottom: 12 }}
          dataSource={r.departures}
          renderItem={(x) => (
            <List.Item>
              <Typography.Text type="danger">
                <Tag color="red">{x.level === 'refused' ? '超出法定幅度' : '偏离，须说明理由'}</Tag>
                {x.text}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Descriptions size="small" column={1} bordered>
        {r.penalty && (
          <Descriptions.Item label="处罚">
            {r.penalty.outcome}
            {r.penalty.kinds.length > 0 && `：${r.penalty.kinds.join('、')}`}
            {r.penalty.fineText && `；罚款 ${r.penalty.fineText}`}
            {r.penalty.confiscateFen > 0 && `；没收 ${yuan(r.penalty.confiscateFen)}`}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="法定处罚幅度">{r.statutory ? r.statutory.provision : <Typography.Text type="danger">本权力事项尚未录入法定处罚幅度</Typography.Text>}</Descriptions.Item>
        {r.statutory && <Descriptions.Item label="本案法定幅度">{r.statutory.lawful}</Descriptions.Item>}
        {r.statutory?.base && (
          <Descriptions.Item label="计罚基数">
            {r.statutory.base}：{r.statutory.baseUnits !== null ? r.statutory.baseUnits : yuan(r.statutory.baseFen)}
            {r.statutory.baseEvidence ? `（证据：${r.statutory.baseEvidence}）` : <Typography.Text type="danger">（未写明证据）</Typography.Text>}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="裁量基准">
          {r.benchmark ? (
            <Typography.Text type={r.benchmark.within === false ? 'danger' : undefined}>
              {r.benchmark.tier ? `${r.benchmark.tier}；` : ''}
              {r.benchmark.message}
            </Typography.Text>
          ) : (
            '未适用裁量基准'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="情节">
          {r.circumstances?.conditions.length ? r.circumstances.conditions.join('；') : '未选择情形'}
          {r.circumstances?.mitigation && (
            <div>
              <Tag color={r.circumstances.mitigation.effect === '减轻处罚' ? 'red' : 'blue'}>{r.circumstances.mitigation.effect}</Tag>
              {r.circumstances.mitigation.grounds.join('；')}
              {r.circumstances.mitigation.evidence && `（证据：${r.circumstances.mitigation.evidence}）`}
            </div>
          )}
          {r.circumstances?.reason && <div>理由：{r.circumstances.reason}</div>}
        </Descriptions.Item>
        {r.history && (
          <Descriptions.Item label="违法记录（首违核查）">
            {r.history.previous.length === 0 ? '无已处罚的违法记录' : r.history.previous.map((p) => `${p.caseNo ?? '（无案号）'}，${p.actDate}${p.samePowerItem ? '，同一事项' : ''}`).join('；')}
            <div>
              {r.history.firstViolation ? `自 ${r.history.windowFrom} 起系初次违反本事项` : '非初次违反本事项'}
              {r.history.listed && '；本事项列入首违不罚清单'}
            </div>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  )
}
