import { type FormEvent, useState } from 'react'
import { api, ApiError } from '../../shared/api'

/** An enterprise opens its account with its credit code and the one-time code from the unit or the bureau. */
export function ActivatePage() {
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>
    setError(null)
    try {
      const res = await api.post<{ username: string; enterpriseName: string }>('/api/enterprise-accounts/activate', f)
      setDone(`${res.enterpriseName} 的账号 ${res.username} 已开通，请登录。`)
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '无法连接服务器')
    }
  }
  if (done)
    return (
      <div className="card stack">
        <p>{done}</p>
        <a className="button primary" href="/m/">
          去登录
        </a>
      </div>
    )
  return (
    <form className="card stack" onSubmit={submit}>
      <h1>开通企业账号</h1>
      <label>
        统一社会信用代码
        <input name="creditCode" maxLength={18} required autoCapitalize="characters" />
      </label>
      <label>
        激活码（由执法单位或司法局提供，一次有效）
        <input name="code" required autoCapitalize="characters" />
      </label>
      <label>
        用户名（小写字母、数字）
        <input name="username" required autoCapitalize="none" />
      </label>
      <label>
        联系人姓名
        <input name="displayName" required />
      </label>
      <label>
        密码（至少 8 位，含三类字符）
        <input name="password" type="password" autoComplete="new-password" required />
      </label>
      {error && <p className="error">{error}</p>}
      <button className="primary">开通</button>
    </form>
  )
}
