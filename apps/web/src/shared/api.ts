/** The API's error envelope, thrown by {@link api} for every non-2xx answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

type Query = Record<string, string | number | boolean | null | undefined>

/** The session expired or is missing: the admin app listens and shows the login page. */
export const authEvents = new EventTarget()

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status === 204) return undefined as T
  const text = await res.text()
  const data = text ? (JSON.parse(text) as unknown) : null
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> }
    const error = new ApiError(res.status, e.code ?? 'HTTP_ERROR', e.message ?? `请求失败（${res.status}）`, e.details ?? {})
    if (res.status === 401 && !url.endsWith('/auth/login')) authEvents.dispatchEvent(new Event('unauthorized'))
    throw error
  }
  return data as T
}

/** `?a=1&b=x` from an object, skipping empty values. */
export function toQuery(query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * Typed calls to the platform API.
 *
 * @example
 * const { items } = await api.get<Page<User>>('/api/users', { page: 1 })
 */
export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', `${url}${toQuery(query)}`),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  patch: <T>(url: string, body: unknown = {}) => request<T>('PATCH', url, body),
  /** Replaces the whole resource (e.g. one year of the holiday calendar). */
  put: <T>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number }
