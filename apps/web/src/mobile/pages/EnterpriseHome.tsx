import { labels } from '@yangguang/core'
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { beijingTime } from '../time'

type Inspection = {
  id: string
  orgName: string
  kind: keyof typeof labels.inspectionKind
  trigger: keyof typeof labels.inspectionTrigger | null
  status: string
  inspectionDate: string
  scannedAt: string | null
  scanMethod: 'qr' | 'typed' | null
  result: keyof typeof labels.inspectionResult | null
  correctionDeadline: string | null
  findings: string | null
  officers: Array<{ name: string; role: string; certNo: string | null; validOnInspectionDay: boolean; validToday: boolean; shown: { certNo: string; shownAt: string } | null }>
  items: Array<{ code: string; name: string; outcome: string | null }>
  rating: { score: number; comment: string | null } | null
  canRate: boolean
}

/** The enterprise's side: every inspection of itself, the officers' certificates, a rating, a complaint. */
export function EnterpriseHome() {
  const [data, setData] = useState<{ enterprise: { name: string; creditCode: string }; items: Inspection[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    api
      .get<{ enterprise: { name: string; creditCode: string }; items: Inspection[] }>('/api/my-enterprise/inspections')
      .then(setData)
      .catch((e) => setError(e instanceof ApiError ? e.message : '无法加载，请检查网络'))
  }, [])
  useEffect(load, [load])
  if (error) return <p className="card error">{error}</p>
  if (!data) return <p className="muted center">正在加载…</p>
  return (
    <div className="stack">
      <section className="card">
        <h1>{data.enterprise.name}</h1>
        <p className="muted">统一社会信用代码 {data.enterprise.creditCode}</p>
        <p className="muted">共 {data.items.length} 次检查。个别评价和投诉只送司法局，检查单位只能看到汇总。</p>
      </section>
      {data.items.map((i) => (
        <InspectionCard key={i.id} inspection={i} onChange={load} />
      ))}
      <ComplaintForm inspections={data.items} />
    </div>
  )
}

function InspectionCard({ inspection: i, onChange }: { inspection: Inspection; onChange: () => void }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const rate = async () => {
    try {
      await api.post(`/api/my-enterprise/inspections/${i.id}/rating`, { score, comment: comment || null })
      onChange()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败')
    }
  }
  return (
    <article className="card stack" data-testid="enterprise-inspection">
      <h2>
        {i.inspectionDate} · {i.orgName}
      </h2>
      <p className="muted">
        {labels.inspectionKind[i.kind]}
        {i.trigger ? `（${labels.inspectionTrigger[i.trigger]}）` : ''} · {i.scanMethod === 'qr' ? '扫码入企' : '未扫码（手工输入）'}
        {i.scannedAt ? ` · ${beijingTime(i.scannedAt)}` : ''}
      </p>
      <div>
        <strong>检查人员</strong>
        {i.officers.map((o) => (
          <div key={o.certNo ?? o.name}>
            {o.name} · 执法证 {o.certNo ?? '—'}{' '}
            <span className={o.validOnInspectionDay ? 'ok' : 'error'}>{o.validOnInspectionDay ? '检查当日有效' : '检查当日无效'}</span>{' '}
            <span className="muted">{o.shown ? `亮证 ${beijingTime(o.shown.shownAt)}` : i.status === 'completed' ? '无亮证记录' : ''}</span>
            {o.certNo && (
              <a href={`/portal/certificates/${encodeURIComponent(o.certNo)}`} className="link">
                {' '}
                核验
              </a>
            )}
          </div>
        ))}
      </div>
      <div>
        <strong>检查事项</strong>
        <ul>
          {i.items.map((item) => (
            <li key={item.code}>{item.name}</li>
          ))}
        </ul>
      </div>
      <p>
        <strong>结果：</strong>
        {i.result ? labels.inspectionResult[i.result] : '检查中'}
        {i.correctionDeadline ? `（改正期限 ${i.correctionDeadline}）` : ''}
      </p>
      {i.findings && <p className="muted">{i.findings}</p>}
      {i.rating ? (
        <p className="ok">已评价：{'★'.repeat(i.rating.score)}{'☆'.repeat(5 - i.rating.score)}</p>
      ) : i.canRate ? (
        <div className="stack">
          <div className="stars" role="radiogroup" aria-label="评分">
            {[1, 2, 3, 4, 5].map((s) => (
              <button type="button" key={s} aria-label={`${s} 分`} className={s <= score ? 'on' : ''} onClick={() => setScore(s)}>
                ★
              </button>
            ))}
          </div>
          <input placeholder="评价意见（选填）" value={comment} onChange={(e) => setComment(e.target.value)} />
          {error && <p className="error">{error}</p>}
          <button type="button" className="primary" disabled={score === 0} onClick={rate}>
            提交评价
          </button>
        </div>
      ) : null}
    </article>
  )
}

function ComplaintForm({ inspections }: { inspections: Inspection[] }) {
  const [done, setDone] = useState<string | null>(null)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    try {
      await api.post('/api/my-enterprise/complaints', { inspectionId: f.get('inspectionId') || null, content: f.get('content'), anonymous: f.get('anonymous') === 'on' })
      setDone('投诉已送达司法局。')
    } catch (err) {
      setDone(err instanceof ApiError ? err.message : '提交失败')
    }
  }
  if (done) return <p className="card">{done}</p>
  return (
    <form className="card stack" onSubmit={submit}>
      <h2>向司法局投诉</h2>
      <select name="inspectionId" aria-label="投诉的检查">
        {inspections.map((i) => (
          <option key={i.id} value={i.id}>
            {i.inspectionDate} {i.orgName}
          </option>
        ))}
      </select>
      <textarea name="content" rows={3} required minLength={5} placeholder="请具体描述问题" />
      <label className="choice">
        <input type="checkbox" name="anonymous" defaultChecked />
        <span>匿名投诉（不保留本企业和账号信息，只记录被投诉单位）</span>
      </label>
      <button>提交投诉</button>
    </form>
  )
}
