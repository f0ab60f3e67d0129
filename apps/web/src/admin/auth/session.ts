import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Role } from '@yangguang/core'
import { useEffect } from 'react'
import { api, ApiError, authEvents } from '../../shared/api'

export type Me = {
  id: string
  username: string
  displayName: string
  role: Role
  roleLabel: string
  orgId: string | null
  orgName: string | null
  regionCode: string | null
  mustChangePassword: boolean
}

/** The signed-in user, or null when signed out. */
export function useMe() {
  const client = useQueryClient()
  useEffect(() => {
    const onUnauthorized = () => client.setQueryData(['me'], null)
    authEvents.addEventListener('unauthorized', onUnauthorized)
    return () => authEvents.removeEventListener('unauthorized', onUnauthorized)
  }, [client])
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await api.get<{ user: Me }>('/api/auth/me')).user
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/**
 * Switches the cached session to `user` (null = signed out) and drops every other cached
 * answer, which belonged to the previous user. The `me` query itself is kept, not cleared, so
 * the components watching it see the change.
 */
export function switchSession(client: QueryClient, user: Me | null) {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' })
  client.setQueryData(['me'], user)
}
