import { AuditOutlined, CheckSquareOutlined, TeamOutlined } from '@ant-design/icons'
import type { Role } from '@yangguang/core'
import type { ReactNode } from 'react'
import { AuditLogPage } from './system/AuditLogPage'
import { TodoPage } from './system/TodoPage'
import { UsersPage } from './system/UsersPage'

/** A page of the admin console: its route, its menu entry, and who may see it. */
export type AdminPage = {
  path: string
  label: string
  icon?: ReactNode
  /** Menu group title; pages without a group sit at the top level. */
  group?: string
  roles: readonly Role[]
  /** Todo section whose count the menu shows beside the entry. */
  todoSection?: string
  element: ReactNode
  /** Detail pages have a route but no menu entry. */
  hidden?: boolean
}

const staff = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer'] as const

/**
 * Every admin page, in menu order. A capability adds its pages here; the menu and the router
 * both read this list, so a page is never reachable without a menu entry for its roles.
 */
export const adminPages: AdminPage[] = [
  { path: '/', label: '我的待办', icon: <CheckSquareOutlined />, roles: [...staff, 'volunteer'], element: <TodoPage />, todoSection: '*' },
  { path: '/system/users', label: '账号管理', icon: <TeamOutlined />, group: '系统管理', roles: ['admin', 'supervisor'], element: <UsersPage /> },
  { path: '/system/audit', label: '审计日志', icon: <AuditOutlined />, group: '系统管理', roles: ['admin', 'supervisor'], element: <AuditLogPage /> },
]
