import { useQuery } from '@tanstack/react-query'
import { api, type Page } from '../../shared/api'
import type { HeldItem } from './inspection-types'

/** Officers of the caller's unit, as select options. */
export function useUnitOfficers(orgId: string | null | undefined) {
  const q = useQuery({
    queryKey: ['persons', 'unit', orgId],
    enabled: Boolean(orgId),
    queryFn: () => api.get<Page<{ id: string; name: string; status: string }>>('/api/persons', { orgId: orgId ?? undefined, status: 'active', pageSize: 200 }),
    staleTime: 300_000,
  })
  return (q.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))
}

export function useHeldItems(enabled: boolean) {
  const q = useQuery({ queryKey: ['inspection-plans', 'held-items'], enabled, queryFn: () => api.get<{ items: HeldItem[] }>('/api/inspection-plans/held-items'), staleTime: 300_000 })
  return q.data?.items ?? []
}
