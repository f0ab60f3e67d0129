import { api, ApiError } from '../shared/api'

/**
 * The phone's own store (IndexedDB): drafts of on-site records, photos as captured, and an outbox
 * of requests that reach the server when the network does. Every request carries the record's
 * client key (or the photo's SHA-256), so a retry after a lost answer changes nothing twice.
 */
const DB_NAME = 'yangguang-m'
const VERSION = 1

export type Draft = {
  clientKey: string
  inspectionId: string | null
  enterprise: { name: string; creditCode: string; address: string | null }
  orgName: string
  items: Array<{ powerItemId: string; code: string; name: string; outcome: 'ok' | 'issue' | 'not_applicable' | null; note: string }>
  photos: Array<{ sha256: string; capturedAt: string; byteSize: number; mediaType: string }>
  findings: string
  result: 'no_issue' | 'correct' | 'transfer' | null
  correctionDeadline: string
  representativeName: string
  representativeConfirmedAt: string | null
  scannedAt: string
  /** 亮证 as it happened: which officer showed which certificate, and when (tapped on this phone). */
  certificatesShown?: CertificateShown[]
  startState: 'synced' | 'queued' | 'refused'
  refusal: string | null
  submitted: boolean
  syncedAt: string | null
}

export type CertificateShown = { personId: string; name: string; certNo: string; shownAt: string }

export type OutboxEntry =
  | { id?: number; kind: 'start'; clientKey: string; body: unknown; queuedAt: string }
  | { id?: number; kind: 'photo'; clientKey: string; sha256: string; mediaType: string; queuedAt: string }
  | { id?: number; kind: 'complete'; clientKey: string; body: unknown; queuedAt: string }

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION)
    req.onupgradeneeded = () => {
      const db = req.result
      db.createObjectStore('drafts', { keyPath: 'clientKey' })
      db.createObjectStore('photos')
      db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true })
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

async function tx<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode)
    const req = fn(t.objectStore(store))
    t.oncomplete = () => resolve(req.result)
    t.onerror = () => reject(t.error)
  })
}

export const store = {
  saveDraft: (d: Draft) => tx('drafts', 'readwrite', (s) => s.put(d)),
  draft: (clientKey: string) => tx<Draft | undefined>('drafts', 'readonly', (s) => s.get(clientKey)),
  drafts: () => tx<Draft[]>('drafts', 'readonly', (s) => s.getAll()),
  savePhoto: (sha256: string, blob: Blob) => tx('photos', 'readwrite', (s) => s.put(blob, sha256)),
  photo: (sha256: string) => tx<Blob | undefined>('photos', 'readonly', (s) => s.get(sha256)),
  enqueue: async (entry: OutboxEntry) => {
    await tx('outbox', 'readwrite', (s) => s.add(entry))
    syncEvents.dispatchEvent(new Event('change'))
  },
  outbox: () => tx<OutboxEntry[]>('outbox', 'readonly', (s) => s.getAll()),
  dequeue: (id: number) => tx('outbox', 'readwrite', (s) => s.delete(id)),
}

/** SHA-256 of the photo's bytes, computed in the browser at capture (needs a secure context). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A random client key: the record's idempotency key from its first moment on the phone. */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const syncEvents = new EventTarget()
let running: Promise<void> | null = null

/** Sends the outbox in order; stops at the first network failure and tries again later. */
export function syncOutbox(): Promise<void> {
  running ??= (async () => {
    try {
      const entries = await store.outbox()
      const blocked = new Set<string>()
      for (const entry of entries) {
        if (blocked.has(entry.clientKey)) continue
        try {
          if (entry.kind === 'photo') {
            const blob = await store.photo(entry.sha256)
            if (blob) await uploadPhoto(entry.sha256, blob)
          } else if (entry.kind === 'start') {
            const res = await api.post<{ inspection: { id: string } }>('/api/inspections/start', entry.body)
            await updateDraft(entry.clientKey, { inspectionId: res.inspection.id, startState: 'synced', refusal: null })
          } else {
            await api.post('/api/inspections/complete', entry.body)
            await updateDraft(entry.clientKey, { syncedAt: new Date().toISOString() })
          }
          await store.dequeue(entry.id!)
        } catch (error) {
          if (!(error instanceof ApiError)) break // offline: keep everything for later
          if (error.status === 401) break // signed out: the login screen shows, sync resumes after
          if (error.status === 429) break // today's upload quota is used up: keep everything for tomorrow
          // Refused by the server (a rule, a validation): keep the record, show why, stop its queue.
          blocked.add(entry.clientKey)
          await updateDraft(entry.clientKey, entry.kind === 'start' ? { startState: 'refused', refusal: error.message } : { refusal: error.message })
          await store.dequeue(entry.id!)
        }
      }
    } finally {
      running = null
      syncEvents.dispatchEvent(new Event('change'))
    }
  })()
  return running
}

async function updateDraft(clientKey: string, patch: Partial<Draft>) {
  const d = await store.draft(clientKey)
  if (d) await store.saveDraft({ ...d, ...patch })
}

// The server decides the photo's type from its bytes (JPEG, PNG, WebP, HEIC) and refuses anything
// else with a message; the label sent here only has to be one it takes in.
async function uploadPhoto(sha256: string, blob: Blob) {
  const res = await fetch(`/api/inspection-files/${sha256}`, { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': blob.type || 'application/octet-stream' }, body: blob })
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))) as { code?: string; message?: string }
    throw new ApiError(res.status, e.code ?? 'HTTP_ERROR', e.message ?? '照片上传失败')
  }
}
