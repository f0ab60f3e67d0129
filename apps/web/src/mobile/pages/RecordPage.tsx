import { useEffect, useState } from 'react'
import { type Draft, sha256Hex, store, syncOutbox } from '../offline'
import { navigate } from '../router'
import { beijingDateTime, beijingTime } from '../time'

const outcomes = [
  ['ok', '符合'],
  ['issue', '发现问题'],
  ['not_applicable', '不适用'],
] as const
const results = [
  ['no_issue', '未发现问题'],
  ['correct', '责令改正'],
  ['transfer', '移送立案'],
] as const

/**
 * 现场检查笔录 on the phone: the checklist, photos hashed at capture, findings, the result, and
 * the enterprise representative's confirmation on the same phone. Everything is kept on the
 * phone as it is typed; submitting queues it for the server.
 */
export function RecordPage({ clientKey }: { clientKey: string }) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined)
  const [urls, setUrls] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [hashing, setHashing] = useState(false)

  useEffect(() => {
    store.draft(clientKey).then(async (d) => {
      setDraft(d ?? null)
      for (const p of d?.photos ?? []) {
        const blob = await store.photo(p.sha256)
        if (blob) setUrls((u) => ({ ...u, [p.sha256]: URL.createObjectURL(blob) }))
      }
    })
  }, [clientKey])

  if (draft === undefined) return <p className="muted center">正在打开记录…</p>
  if (draft === null) return <p className="card error">本机没有这条记录。</p>
  if (draft.submitted)
    return (
      <div className="card stack">
        <p>{draft.syncedAt ? '记录已同步到平台。' : '记录已保存在本机，联网后自动同步。'}</p>
        <button type="button" onClick={() => navigate('/m/', true)}>
          返回首页
        </button>
      </div>
    )

  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    store.saveDraft(next)
  }

  const addPhoto = async (file: File | undefined) => {
    if (!file) return
    setHashing(true)
    try {
      // The hash is taken the moment the photo reaches the app, and travels with the record.
      const capturedAt = new Date().toISOString()
      const sha256 = await sha256Hex(file)
      await store.savePhoto(sha256, file)
      setUrls((u) => ({ ...u, [sha256]: URL.createObjectURL(file) }))
      if (!draft.photos.some((p) => p.sha256 === sha256)) update({ photos: [...draft.photos, { sha256, capturedAt, byteSize: file.size, mediaType: file.type || 'image/jpeg' }] })
    } catch {
      setError('无法计算照片哈希：请在 HTTPS 安全连接下使用')
    } finally {
      setHashing(false)
    }
  }

  const confirm = () => update({ representativeConfirmedAt: new Date().toISOString() })

  const submit = async () => {
    setError(null)
    if (draft.items.some((i) => !i.outcome)) return setError('请逐项填写检查清单')
    if (!draft.findings.trim()) return setError('请填写检查情况')
    if (!draft.result) return setError('请选择检查结果')
    if (draft.result === 'correct' && !draft.correctionDeadline) return setError('责令改正须写明改正期限')
    if (!draft.representativeConfirmedAt || draft.representativeName.trim().length < 2) return setError('请企业现场负责人签名确认')
    if ((draft.certificatesShown ?? []).length < 2) return setError('没有两名执法人员的亮证记录，不能提交：请重新扫码，亮证后开始检查')
    const completedAt = new Date().toISOString()
    const body = {
      clientKey,
      items: draft.items.map((i) => ({ powerItemId: i.powerItemId, outcome: i.outcome, note: i.note || null })),
      findings: draft.findings,
      result: draft.result,
      correctionDeadline: draft.result === 'correct' ? draft.correctionDeadline : null,
      photos: draft.photos,
      representativeName: draft.representativeName.trim(),
      representativeConfirmedAt: draft.representativeConfirmedAt,
      completedAt,
      certificatesShown: (draft.certificatesShown ?? []).map((c) => ({ personId: c.personId, certNo: c.certNo, shownAt: c.shownAt })),
    }
    for (const p of draft.photos) await store.enqueue({ kind: 'photo', clientKey, sha256: p.sha256, mediaType: p.mediaType, queuedAt: completedAt })
    await store.enqueue({ kind: 'complete', clientKey, body, queuedAt: completedAt })
    update({ submitted: true })
    if (navigator.onLine) await syncOutbox()
    navigate('/m/', true)
  }

  const confirmed = Boolean(draft.representativeConfirmedAt)
  return (
    <div className="stack">
      <section className="card">
        <h1>{draft.enterprise.name}</h1>
        <p className="muted">
          {draft.orgName} · 入企 {beijingDateTime(draft.scannedAt)}
        </p>
        {(draft.certificatesShown ?? []).map((c) => (
          <p key={c.personId} className="muted" data-testid="shown-record">
            亮证：{c.name} 执法证 {c.certNo} · {beijingTime(c.shownAt)}
          </p>
        ))}
        {draft.startState === 'queued' && <p className="warn">开始检查的记录尚未同步，联网后由平台核验规则。</p>}
        {draft.refusal && <p className="error">{draft.refusal}</p>}
      </section>
      <section className="card stack">
        <h2>检查清单</h2>
        {draft.items.map((item, n) => (
          <fieldset key={item.powerItemId} className="item" disabled={confirmed}>
            <legend>
              {n + 1}. {item.name}
            </legend>
            <div className="segmented">
              {outcomes.map(([value, label]) => (
                <label key={value} className={item.outcome === value ? 'on' : ''}>
                  <input type="radio" name={`o-${item.powerItemId}`} checked={item.outcome === value} onChange={() => update({ items: draft.items.map((x) => (x.powerItemId === item.powerItemId ? { ...x, outcome: value } : x)) })} />
                  {label}
                </label>
              ))}
            </div>
            {item.outcome === 'issue' && (
              <input placeholder="问题说明" value={item.note} onChange={(e) => update({ items: draft.items.map((x) => (x.powerItemId === item.powerItemId ? { ...x, note: e.target.value } : x)) })} />
            )}
          </fieldset>
        ))}
      </section>
      <section className="card stack">
        <h2>现场照片</h2>
        <div className="photos">
          {draft.photos.map((p) => (
            <figure key={p.sha256}>
              {urls[p.sha256] && <img src={urls[p.sha256]} alt="现场照片" />}
              <figcaption title={p.sha256}>SHA-256 {p.sha256.slice(0, 12)}…</figcaption>
            </figure>
          ))}
        </div>
        {!confirmed && (
          <label className="button">
            {hashing ? '正在计算哈希…' : '拍照'}
            <input type="file" accept="image/*" capture="environment" hidden onChange={(e) => addPhoto(e.target.files?.[0])} data-testid="photo-input" />
          </label>
        )}
      </section>
      <section className="card stack">
        <h2>检查情况</h2>
        <textarea rows={4} value={draft.findings} disabled={confirmed} placeholder="如实记录现场检查情况" onChange={(e) => update({ findings: e.target.value })} aria-label="检查情况" />
        <h2>检查结果</h2>
        <div className="segmented">
          {results.map(([value, label]) => (
            <label key={value} className={draft.result === value ? 'on' : ''}>
              <input type="radio" name="result" disabled={confirmed} checked={draft.result === value} onChange={() => update({ result: value })} />
              {label}
            </label>
          ))}
        </div>
        {draft.result === 'correct' && (
          <label>
            改正期限
            <input type="date" value={draft.correctionDeadline} disabled={confirmed} onChange={(e) => update({ correctionDeadline: e.target.value })} />
          </label>
        )}
      </section>
      <section className="card stack">
        <h2>企业确认</h2>
        <p className="muted">请企业现场负责人核对以上记录后签名确认。</p>
        <label>
          企业现场负责人姓名
          <input value={draft.representativeName} disabled={confirmed} onChange={(e) => update({ representativeName: e.target.value })} />
        </label>
        {confirmed ? (
          <p className="ok">已确认 {beijingTime(draft.representativeConfirmedAt!)}</p>
        ) : (
          <button type="button" onClick={confirm} disabled={draft.representativeName.trim().length < 2}>
            本人已核对，确认记录属实
          </button>
        )}
      </section>
      {error && <p className="card error">{error}</p>}
      <button type="button" className="primary big" onClick={submit} disabled={!confirmed}>
        提交检查记录
      </button>
    </div>
  )
}
