import { useQuery } from '@tanstack/react-query'
import { api, type Page } from '../../shared/api'

export type OrgSummary = { id: string; code: string; name: string; kind: string; regionCode: string; regionName: string; onboarded: boolean }

/** Units the signed-in user may see, as select options. */
export function useOrgOptions() {
  const orgs = useQuery({ queryKey: ['orgs', 'all'], queryFn: () => api.get<Page<OrgSummary>>('/api/orgs', { pageSize: 200 }), staleTime: 300_000 })
  return (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))
}
