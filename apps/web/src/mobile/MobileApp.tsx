import { useCallback, useEffect, useState } from 'react'
import { api, ApiError, authEvents } from '../shared/api'
import { ActivatePage } from './pages/ActivatePage'
import { EnterpriseHome } from './pages/EnterpriseHome'
import { LoginPage } from './pages/LoginPage'
import { OfficerHome } from './pages/OfficerHome'
import { RecordPage } from './pages/RecordPage'
import { ScanPage } from './pages/ScanPage'
import { StartPage } from './pages/StartPage'
import { useRoute } from './router'
import { SyncBar } from './SyncBar'

export type Me = { id: string; username: string; displayName: string; role: string; roleLabel: string; orgName: string | null }

/** 移动执法: officers inspect on a phone; enterprises see and rate their inspections. */
export function MobileApp() {
  const route = useRoute()
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [offline, setOffline] = useState(!navigator.onLine)

  const loadMe = useCallback(async () => {
    try {
      const { user } = await api.get<{ user: Me }>('/api/auth/me')
      localStorage.setItem('yg-m-me', JSON.stringify(user))
      setMe(user)
    } catch (error) {
      if (error instanceof ApiError) setMe(null)
      // Offline: trust the account last seen on this phone; the server checks again on sync.
      else setMe(JSON.parse(localStorage.getItem('yg-m-me') ?? 'null'))
    }
  }, [])

  useEffect(() => {
    loadMe()
    const onUnauthorized = () => setMe(null)
    const online = () => setOffline(false)
    const gone = () => setOffline(true)
    authEvents.addEventListener('unauthorized', onUnauthorized)
    window.addEventListener('online', online)
    window.addEventListener('offline', gone)
    return () => {
      authEvents.removeEventListener('unauthorized', onUnauthorized)
      window.removeEventListener('online', online)
      window.removeEventListener('offline', gone)
    }
  }, [loadMe])

  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => {})
    localStorage.removeItem('yg-m-me')
    localStorage.removeItem('yg-m-today')
    setMe(null)
  }

  let body
  if (route.name === 'activate') body = <ActivatePage />
  else if (me === undefined) body = <p className="muted center">正在加载…</p>
  else if (me === null) body = <LoginPage onLogin={loadMe} />
  else if (me.role === 'enterprise') body = <EnterpriseHome />
  else if (me.role !== 'officer' && me.role !== 'unit_head') body = <p className="card">移动执法供执法人员和企业使用。请在电脑上打开 <a href="/">管理端</a>。</p>
  else if (route.name === 'scan') body = <ScanPage />
  else if (route.name === 'scanned') body = <StartPage scan={{ method: 'qr', token: route.token }} />
  else if (route.name === 'typed') body = <StartPage scan={{ method: 'typed', creditCode: route.creditCode }} />
  else if (route.name === 'record') body = <RecordPage clientKey={route.clientKey} />
  else body = <OfficerHome />

  return (
    <div className="app">
      <header className="top">
        <a href="/m/" className="brand" onClick={(e) => { e.preventDefault(); history.pushState(null, '', '/m/'); dispatchEvent(new PopStateEvent('popstate')) }}>
          云执法
        </a>
        {me && (
          <span className="who">
            {me.displayName}
            <button type="button" className="link" onClick={logout}>
              退出
            </button>
          </span>
        )}
      </header>
      {!window.isSecureContext && (
        <div className="banner danger" role="alert">
          当前不是安全连接（HTTPS）：相机扫码、离线保存和照片哈希都无法使用。请联系管理员通过 HTTPS 地址访问。
        </div>
      )}
      {offline && <div className="banner warn">网络不可用：记录会保存在本机，联网后自动同步。</div>}
      {me && me.role !== 'enterprise' && <SyncBar />}
      <main>{body}</main>
    </div>
  )
}
