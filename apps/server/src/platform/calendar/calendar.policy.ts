import type { Role } from '@yangguang/core'
import type { Actor } from '../auth/actor'

export type CalendarAction = 'read' | 'update'

const staffRoles: readonly Role[] = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer']

/**
 * The holiday calendar: every staff member reads it (deadlines are shown with it); only the
 * 系统管理员 enters a year, because one wrong date moves every legal deadline that crosses it.
 */
export function canCalendar(actor: Actor, action: CalendarAction): boolean {
  if (action === 'read') return staffRoles.includes(actor.role)
  return actor.role === 'admin'
}

export function calendarActions(actor: Actor): CalendarAction[] {
  return canCalendar(actor, 'update') ? ['update'] : []
}
