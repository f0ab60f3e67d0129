import type { Kysely } from 'kysely'
import type { Actor } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'

/** One thing waiting for the signed-in user. */
export type TodoItem = {
  /** Stable key of the kind, e.g. 'entity.audit'. */
  kind: string
  /** Menu section the item belongs to, e.g. 'registry' — the menu shows counts per section. */
  section: string
  title: string
  /** Admin-app route that opens the record. */
  link: string
  /** ISO date the item is due, if any. */
  dueDate?: string | null
  urgent?: boolean
}

/** A capability contributes its waiting items through a provider. */
export type TodoProvider = (db: Kysely<DB>, actor: Actor, now: Date) => Promise<TodoItem[]>

const providers: TodoProvider[] = []

/** Registers a provider; modules call this once at import time. */
export function registerTodoProvider(provider: TodoProvider): void {
  providers.push(provider)
}

export async function collectTodos(db: Kysely<DB>, actor: Actor, now: Date): Promise<TodoItem[]> {
  const lists = await Promise.all(providers.map((p) => p(db, actor, now)))
  return lists.flat().sort((a, b) => Number(Boolean(b.urgent)) - Number(Boolean(a.urgent)) || (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9'))
}
