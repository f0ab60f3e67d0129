import { type FormEvent, useEffect, useRef, useState } from 'react'
import { navigate } from '../router'

type Detector = { detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>> }
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => Detector
  }
}

/** The token in a poster's link: `${PUBLIC_URL}/m/scan/<token>`. */
export function tokenOf(text: string): string | null {
  const match = /\/m\/scan\/([A-Za-z0-9_-]{16,200})/.exec(text.trim())
  return match ? match[1]! : null
}

/**
 * 扫码入企: reads the enterprise's poster with the camera — the browser's BarcodeDetector where it
 * exists, jsQR (loaded only then) elsewhere — or takes the credit code typed in.
 */
export function ScanPage() {
  const video = useRef<HTMLVideoElement>(null)
  const [status, setStatus] = useState('正在打开相机…')
  const [typedError, setTypedError] = useState<string | null>(null)

  useEffect(() => {
    let stream: MediaStream | null = null
    let stopped = false
    let timer = 0
    const canvas = document.createElement('canvas')
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus(window.isSecureContext ? '此浏览器不支持相机，请手工输入统一社会信用代码' : '非安全连接（HTTPS）下无法使用相机，请手工输入统一社会信用代码')
        return
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      } catch {
        setStatus('无法使用相机（未授权或不可用），请手工输入统一社会信用代码')
        return
      }
      if (stopped || !video.current) return
      video.current.srcObject = stream
      await video.current.play().catch(() => {})
      setStatus('将企业张贴的入企码放入框内')
      const detector = window.BarcodeDetector ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null
      const jsqr = detector ? null : (await import('jsqr')).default
      const tick = async () => {
        if (stopped || !video.current) return
        const v = video.current
        let text: string | null = null
        if (v.videoWidth > 0) {
          if (detector) {
            const codes = await detector.detect(v).catch(() => [])
            text = codes[0]?.rawValue ?? null
          } else if (jsqr) {
            canvas.width = v.videoWidth
            canvas.height = v.videoHeight
            const ctx = canvas.getContext('2d', { willReadFrequently: true })!
            ctx.drawImage(v, 0, 0)
            const image = ctx.getImageData(0, 0, canvas.width, canvas.height)
            text = jsqr(image.data, image.width, image.height)?.data ?? null
          }
        }
        const token = text ? tokenOf(text) : null
        if (token) {
          navigate(`/m/scan/${token}`, true)
          return
        }
        if (text) setStatus('这不是入企码，请扫描企业张贴的“扫码入企”二维码')
        timer = window.setTimeout(tick, 250)
      }
      tick()
    }
    start()
    return () => {
      stopped = true
      clearTimeout(timer)
      stream?.getTracks().forEach((t) => t.stop())
    }
  }, [])

  const typed = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const code = String(new FormData(e.currentTarget).get('code') ?? '')
      .trim()
      .toUpperCase()
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return setTypedError('统一社会信用代码应为 18 位数字或大写字母')
    navigate(`/m/typed/${code}`)
  }

  return (
    <div className="stack">
      <div className="scanner">
        <video ref={video} playsInline muted />
        <div className="frame" />
      </div>
      <p className="center muted">{status}</p>
      <form className="card stack" onSubmit={typed}>
        <h2>无法扫码时</h2>
        <p className="muted">手工输入的入企记录会标注为“未扫码”，报司法局备查。</p>
        <label>
          统一社会信用代码
          <input name="code" maxLength={18} autoCapitalize="characters" placeholder="18 位代码" />
        </label>
        {typedError && <p className="error">{typedError}</p>}
        <button>确定</button>
      </form>
    </div>
  )
}
