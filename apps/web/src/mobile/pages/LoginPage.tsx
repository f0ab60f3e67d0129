import { type FormEvent, useState } from 'react'
import { api, ApiError } from '../../shared/api'

export function LoginPage({ onLogin }: { onLogin: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    setBusy(true)
    setError(null)
    try {
      await api.post('/api/auth/login', { username: form.get('username'), password: form.get('password') })
      onLogin()
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '无法连接服务器，请检查网络')
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card stack" onSubmit={submit}>
      <h1>登录</h1>
      <p className="muted">执法人员扫码入企、现场检查；企业查看和评价检查。</p>
      <label>
        用户名
        <input name="username" autoComplete="username" autoCapitalize="none" required />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="error">{error}</p>}
      <button className="primary" disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </button>
      <a href="/m/activate">企业首次使用？用激活码开通账号</a>
    </form>
  )
}
