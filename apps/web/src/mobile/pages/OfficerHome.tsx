import { useEffect, useState } from 'react'
import { ApiError } from '../../shared/api'
import { type Draft, store, syncEvents } from '../offline'
import { navigate } from '../router'
import { loadToday, type Today } from '../today'
import { CertificateCard } from './CertificateCard'

/** The officer's day: the certificate to show (亮证), today's tasks, and records on this phone. */
export function OfficerHome() {
  const [today, setToday] = useState<Today | null>(null)
  const [cached, setCached] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [drafts, setDrafts] = useState<Draft[]>([])
  useEffect(() => {
    loadToday()
      .then((r) => {
        setToday(r.data)
        setCached(r.cached)
      })
      .catch((e) => setError(e instanceof ApiError ? e.message : '无法加载今日任务'))
    const refresh = () => store.drafts().then((d) => setDrafts(d.sort((a, b) => b.scannedAt.localeCompare(a.scannedAt)))).catch(() => {})
    refresh()
    syncEvents.addEventListener('change', refresh)
    return () => syncEvents.removeEventListener('change', refresh)
  }, [])

  if (error) return <p className="card error">{error}</p>
  if (!today) return <p className="muted center">正在加载今日任务…</p>
  const scheduled = today.tasks.filter((t) => t.status === 'scheduled')
  const open = drafts.filter((d) => !d.submitted && d.startState !== 'refused')
  const recent = drafts.filter((d) => d.submitted || d.startState === 'refused').slice(0, 10)
  return (
    <div className="stack">
      <button type="button" className="primary big" onClick={() => navigate('/m/scan')}>
        扫码入企
      </button>
      <CertificateCard today={today} />
      {open.length > 0 && (
        <section className="card">
          <h2>进行中的检查</h2>
          {open.map((d) => (
            <button type="button" key={d.clientKey} className="row" onClick={() => navigate(`/m/record/${d.clientKey}`)}>
              <strong>{d.enterprise.name}</strong>
              <span className="muted">继续记录 ›</span>
            </button>
          ))}
        </section>
      )}
      <section className="card" data-testid="today-tasks">
        <h2>
          今日任务 <span className="muted">{today.today}</span>
        </h2>
        {cached && <p className="muted">离线：显示的是上次联网时的任务</p>}
        {scheduled.length === 0 && <p className="muted">今天没有待检查的任务。</p>}
        {scheduled.map((t) => (
          <div key={t.id} className="task">
            <strong>{t.enterprise.name}</strong>
            <span className="muted">
              {t.kindLabel}
              {t.plannedDate < today.today ? ` · 计划 ${t.plannedDate}（已逾期）` : ''} · {t.items.length} 项检查事项
            </span>
            <span className="muted">{t.enterprise.address}</span>
          </div>
        ))}
      </section>
      {recent.length > 0 && (
        <section className="card">
          <h2>本机记录</h2>
          {recent.map((d) => (
            <div key={d.clientKey} className="task" data-testid="local-record">
              <strong>{d.enterprise.name}</strong>
              <span className={d.refusal ? 'error' : d.syncedAt ? 'ok' : 'warn'}>{d.refusal ? `未被接受：${d.refusal}` : d.syncedAt ? '已同步' : '待同步（保存在本机）'}</span>
            </div>
          ))}
        </section>
      )}
    </div>
  )
}
