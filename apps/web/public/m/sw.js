// 云执法 service worker: keeps the app shell and its hashed assets so the officer's phone opens
// the app without a network. API calls are never cached here: the app keeps its own records in
// IndexedDB and syncs them with idempotency keys.
const SHELL = 'yg-m-shell-v1'
const ASSETS = 'yg-m-assets-v1'

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(['/m/', '/m/manifest.webmanifest', '/m/icon.svg', '/m/icon-192.png']))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== ASSETS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.open(ASSETS).then(async (cache) => {
        const hit = await cache.match(request)
        if (hit) return hit
        const response = await fetch(request)
        if (response.ok) cache.put(request, response.clone())
        return response
      }),
    )
    return
  }
  if (request.mode === 'navigate' && (url.pathname === '/m' || url.pathname.startsWith('/m/'))) {
    // The shell: network first (a new version arrives at once), the cached one when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone()
            caches.open(SHELL).then((cache) => cache.put('/m/', copy))
          }
          return response
        })
        .catch(() => caches.open(SHELL).then((cache) => cache.match('/m/'))),
    )
  }
})
