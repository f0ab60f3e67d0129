import { useState } from 'react'
import type { Today } from '../today'

/** 亮证: the officer's certificate and its check code, shown full-screen to the enterprise. */
export function CertificateCard({ today }: { today: Today }) {
  const [big, setBig] = useState(false)
  const c = today.certificate
  if (!c) return <p className="card error">您今日没有有效的执法证，不能实施检查。</p>
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.qrSvg)}`
  return (
    <section className={big ? 'card cert big' : 'card cert'} onClick={() => setBig(!big)}>
      <img src={qr} alt="执法证核验二维码" width={big ? 260 : 72} height={big ? 260 : 72} />
      <div>
        <strong>{today.person.name}</strong>
        <div>执法证号 {c.certNo}</div>
        <div className="muted">
          {c.areas.join('、')} · 有效期至 {c.validTo}
        </div>
        <div className="muted">{big ? '请企业扫码核验 · 点击收起' : '点击放大，向企业亮证'}</div>
      </div>
    </section>
  )
}
