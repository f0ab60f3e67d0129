import { api } from '../shared/api'

export type Task = {
  id: string
  orgName: string
  enterprise: { id: string; name: string; creditCode: string; address: string | null }
  kindLabel: string
  planTitle: string | null
  status: string
  statusLabel: string
  plannedDate: string
  assigned: Array<{ id: string; name: string }>
  items: Array<{ powerItemId: string; code: string; name: string; domain: string }>
  clientKey: string | null
  actions: string[]
}

export type Today = {
  today: string
  person: { id: string; name: string; orgName: string }
  certificate: { certNo: string; areas: string[]; validFrom: string; validTo: string; qrSvg: string } | null
  colleagues: Array<{ id: string; name: string; certNo: string | null; areas: string[] }>
  tasks: Task[]
}

/** Today's work, from the server when online and from the last copy on this phone when not. */
export async function loadToday(): Promise<{ data: Today | null; cached: boolean }> {
  try {
    const data = await api.get<Today>('/api/m/today')
    localStorage.setItem('yg-m-today', JSON.stringify(data))
    return { data, cached: false }
  } catch (error) {
    const cached = localStorage.getItem('yg-m-today')
    if (cached && !(error instanceof Error && 'status' in error)) return { data: JSON.parse(cached) as Today, cached: true }
    throw error
  }
}
