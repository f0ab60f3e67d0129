import { useEffect, useState } from 'react'

/** The mobile app's few routes, read from the path under /m. */
export type Route =
  | { name: 'home' }
  | { name: 'scan' }
  | { name: 'scanned'; token: string }
  | { name: 'typed'; creditCode: string }
  | { name: 'record'; clientKey: string }
  | { name: 'activate' }

export function parseRoute(pathname: string): Route {
  const rest = pathname.replace(/^\/m\/?/, '')
  const [first, second] = rest.split('/').filter(Boolean).map(decodeURIComponent)
  if (first === 'scan' && second) return { name: 'scanned', token: second }
  if (first === 'scan') return { name: 'scan' }
  if (first === 'typed' && second) return { name: 'typed', creditCode: second }
  if (first === 'record' && second) return { name: 'record', clientKey: second }
  if (first === 'activate') return { name: 'activate' }
  return { name: 'home' }
}

const changes = new EventTarget()

/** Goes to a path under /m without reloading. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  changes.dispatchEvent(new Event('change'))
  window.scrollTo(0, 0)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname))
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname))
    window.addEventListener('popstate', update)
    changes.addEventListener('change', update)
    return () => {
      window.removeEventListener('popstate', update)
      changes.removeEventListener('change', update)
    }
  }, [])
  return route
}
