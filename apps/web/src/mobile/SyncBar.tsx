import { useEffect, useState } from 'react'
import { store, syncEvents, syncOutbox } from './offline'

/** How many requests wait on this phone; syncs when the network returns and every 30 seconds. */
export function SyncBar() {
  const [pending, setPending] = useState(0)
  const [syncing, setSyncing] = useState(false)
  useEffect(() => {
    const refresh = () => store.outbox().then((o) => setPending(o.length)).catch(() => {})
    const run = () => {
      if (!navigator.onLine) return refresh()
      setSyncing(true)
      syncOutbox().finally(() => setSyncing(false))
    }
    refresh()
    run()
    syncEvents.addEventListener('change', refresh)
    window.addEventListener('online', run)
    const timer = setInterval(run, 30_000)
    return () => {
      syncEvents.removeEventListener('change', refresh)
      window.removeEventListener('online', run)
      clearInterval(timer)
    }
  }, [])
  if (pending === 0) return null
  return (
    <div className="banner info" data-testid="sync-bar">
      {syncing ? '正在同步…' : `待同步 ${pending} 项`}
      <button type="button" className="link" onClick={() => syncOutbox()}>
        立即同步
      </button>
    </div>
  )
}
