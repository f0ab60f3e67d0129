import { useEffect, useRef, useState } from 'react'
import { api, ApiError } from '../../shared/api'
import { type CertificateShown, type Draft, newClientKey, store, syncOutbox } from '../offline'
import { navigate } from '../router'
import { beijingTime } from '../time'
import { loadToday, type Task, type Today } from '../today'
import { CertificateCard } from './CertificateCard'

type Scan = { method: 'qr'; token: string } | { method: 'typed'; creditCode: string }
type Refusal = { message: string; overridable: boolean; taskId: string | null }

/**
 * After the scan: the enterprise and the officer's task there, the co-inspector to confirm, the
 * certificates to show (亮证, each recorded with its time) — then the server checks every rule and
 * the inspection starts. Without a
 * network the start is queued and checked when it syncs (补录, within the back-fill window).
 */
export function StartPage({ scan }: { scan: Scan }) {
  const scannedAt = useRef(new Date().toISOString())
  const [today, setToday] = useState<Today | null>(null)
  const [enterprise, setEnterprise] = useState<Task['enterprise'] | null>(null)
  const [tasks, setTasks] = useState<Task[]>([])
  const [offline, setOffline] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [taskId, setTaskId] = useState<string | null>(null)
  const [coId, setCoId] = useState<string>('')
  const [shown, setShown] = useState<CertificateShown[]>([])
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [overrideNote, setOverrideNote] = useState<string | null>(null)

  useEffect(() => {
    ;(async () => {
      const t = await loadToday().catch(() => ({ data: null, cached: true }))
      setToday(t.data)
      const mine = (list: Task[]) => list.filter((x) => x.status === 'scheduled' && (x.assigned.length === 0 || x.assigned.some((a) => a.id === t.data?.person.id)))
      try {
        if (scan.method === 'qr') {
          const res = await api.get<{ enterprise: Task['enterprise']; tasks: Task[] }>(`/api/m/scan/${scan.token}`)
          setEnterprise(res.enterprise)
          const open = res.tasks.find((x) => x.status === 'in_progress' && x.clientKey)
          if (open) return navigate(`/m/record/${open.clientKey}`, true)
          setTasks(mine(res.tasks))
        } else {
          const list = mine((t.data?.tasks ?? []).filter((x) => x.enterprise.creditCode === scan.creditCode))
          setEnterprise(list[0]?.enterprise ?? { id: '', name: `统一社会信用代码 ${scan.creditCode}`, creditCode: scan.creditCode, address: null })
          setTasks(list)
        }
      } catch (e) {
        if (e instanceof ApiError) return setError(e.message)
        // Offline: the poster cannot be checked now; choose the task, the server checks on sync.
        setOffline(true)
        setTasks(mine(t.data?.tasks ?? []))
      }
    })()
  }, [JSON.stringify(scan)])

  useEffect(() => {
    if (tasks.length === 1 && !taskId) setTaskId(tasks[0]!.id)
    const task = tasks.find((x) => x.id === taskId)
    const other = task?.assigned.find((a) => a.id !== today?.person.id)
    if (other && !coId) setCoId(other.id)
  }, [tasks, taskId, today, coId])

  if (error)
    return (
      <div className="card stack">
        <p className="error">{error}</p>
        <button type="button" onClick={() => navigate('/m/scan', true)}>
          重新扫码
        </button>
      </div>
    )
  if (!today || (!enterprise && !offline)) return <p className="muted center">正在识别企业…</p>
  const task = tasks.find((x) => x.id === taskId) ?? null
  const colleagues = today.colleagues.filter((c) => c.certNo)
  const co = colleagues.find((c) => c.id === coId)
  // 亮证 by each officer of this inspection, recorded as it happens (行政处罚法 第五十五条).
  const showing = [
    ...(today.certificate ? [{ personId: today.person.id, name: today.person.name, certNo: today.certificate.certNo }] : []),
    ...(co?.certNo ? [{ personId: co.id, name: co.name, certNo: co.certNo }] : []),
  ]
  const shownNow = shown.filter((x) => showing.some((o) => o.personId === x.personId && o.certNo === x.certNo))
  const allShown = showing.length >= 2 && showing.every((o) => shownNow.some((x) => x.personId === o.personId))
  const recordShown = (o: (typeof showing)[number]) => setShown([...shown.filter((x) => x.personId !== o.personId), { ...o, shownAt: new Date().toISOString() }])

  const begin = async () => {
    if (!task) return
    setBusy(true)
    setRefusal(null)
    const clientKey = newClientKey()
    const body = { clientKey, taskId: task.id, scan, coOfficerIds: [coId], scannedAt: scannedAt.current, offlineReason: offline ? '现场无网络，联网后补录' : null }
    const draft: Draft = {
      clientKey,
      inspectionId: null,
      enterprise: { name: task.enterprise.name, creditCode: task.enterprise.creditCode, address: task.enterprise.address },
      orgName: task.orgName,
      items: task.items.map((i) => ({ powerItemId: i.powerItemId, code: i.code, name: i.name, outcome: null, note: '' })),
      photos: [],
      findings: '',
      result: null,
      correctionDeadline: '',
      representativeName: '',
      representativeConfirmedAt: null,
      scannedAt: scannedAt.current,
      certificatesShown: shownNow,
      startState: 'queued',
      refusal: null,
      submitted: false,
      syncedAt: null,
    }
    try {
      const res = await api.post<{ inspection: { id: string } }>('/api/inspections/start', body)
      await store.saveDraft({ ...draft, inspectionId: res.inspection.id, startState: 'synced' })
      navigate(`/m/record/${clientKey}`, true)
    } catch (e) {
      if (e instanceof ApiError) {
        const d = e.details as { overridable?: boolean; taskId?: string | null }
        setRefusal({ message: e.message, overridable: Boolean(d.overridable), taskId: d.taskId ?? task.id })
      } else {
        await store.saveDraft(draft)
        await store.enqueue({ kind: 'start', clientKey, body: { ...body, offlineReason: '现场无网络，联网后补录' }, queuedAt: new Date().toISOString() })
        syncOutbox()
        navigate(`/m/record/${clientKey}`, true)
      }
    } finally {
      setBusy(false)
    }
  }

  const askOverride = async () => {
    if (!refusal?.taskId) return
    const reason = prompt('请说明必须检查的理由（报单位负责人批准，并报司法局）')
    if (!reason) return
    try {
      await api.post('/api/inspection-overrides', { taskId: refusal.taskId, date: today.today, reason })
      setOverrideNote('例外放行申请已提交单位负责人审批；批准后请重新扫码开始检查。')
    } catch (e) {
      setOverrideNote(e instanceof ApiError ? e.message : '提交失败，请联网后重试')
    }
  }

  return (
    <div className="stack">
      <section className="card">
        <h1>{enterprise?.name ?? '选择检查任务'}</h1>
        {enterprise && <p className="muted">{enterprise.creditCode}</p>}
        {enterprise?.address && <p className="muted">{enterprise.address}</p>}
        {scan.method === 'typed' && <p className="warn">手工输入代码入企，将标注为“未扫码”</p>}
        {offline && <p className="warn">离线：暂无法核验入企码和检查规则，联网后由系统核验；不符合规则的记录将被退回。</p>}
      </section>
      {tasks.length === 0 ? (
        <p className="card error">您对该企业没有今日已批准的检查任务。计划内检查须列入已公布的检查计划，临时性检查须经单位负责人批准。</p>
      ) : (
        <>
          <section className="card stack">
            <h2>检查任务</h2>
            {tasks.map((t) => (
              <label key={t.id} className="choice">
                <input type="radio" name="task" checked={taskId === t.id} onChange={() => setTaskId(t.id)} />
                <span>
                  {offline && <strong>{t.enterprise.name} · </strong>}
                  {t.kindLabel}
                  {t.planTitle ? `《${t.planTitle}》` : ''}
                  <br />
                  <span className="muted">{t.items.map((i) => i.name).join('；')}</span>
                </span>
              </label>
            ))}
          </section>
          <section className="card stack">
            <h2>同行执法人员</h2>
            <select value={coId} onChange={(e) => setCoId(e.target.value)} aria-label="同行执法人员">
              <option value="">请选择持证同事</option>
              {colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{c.certNo}）
                </option>
              ))}
            </select>
          </section>
          <CertificateCard today={today} />
          <section className="card stack" data-testid="certificates-shown">
            <h2>亮证</h2>
            <p className="muted">每位执法人员向企业出示执法证后点击记录（记录人员、证号和时间，写入现场检查笔录），并告知检查事项、频次和企业权利。</p>
            {showing.map((o) => {
              const done = shownNow.find((x) => x.personId === o.personId)
              return done ? (
                <p key={o.personId} className="ok">
                  {o.name} 已出示执法证 {o.certNo}（{beijingTime(done.shownAt)}）
                </p>
              ) : (
                <button key={o.personId} type="button" onClick={() => recordShown(o)}>
                  记录 {o.name} 已出示执法证 {o.certNo}
                </button>
              )
            })}
            {showing.length < 2 && <p className="warn">须两名持有效执法证的执法人员共同检查：请先选择同行执法人员。</p>}
          </section>
          {refusal && (
            <div className="card stack" role="alert">
              <p className="error" data-testid="refusal">
                {refusal.message}
              </p>
              {refusal.overridable && (
                <button type="button" onClick={askOverride}>
                  申请例外放行
                </button>
              )}
              {overrideNote && <p className="muted">{overrideNote}</p>}
            </div>
          )}
          <button type="button" className="primary big" disabled={!task || !coId || !allShown || busy} onClick={begin}>
            {busy ? '正在核验规则…' : '开始检查'}
          </button>
        </>
      )}
    </div>
  )
}
