import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Typography } from 'antd'
import { type ReactNode, useMemo, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { api } from '../shared/api'
import { type Me, switchSession } from './auth/session'
import { adminPages } from './nav'

type Todos = { items: unknown[]; counts: Record<string, number> }

export function AdminLayout({ me, children }: { me: Me; children: ReactNode }) {
  const navigate = useNavigate()
  const location = useLocation()
  const client = useQueryClient()
  const screens = Grid.useBreakpoint()
  const [drawer, setDrawer] = useState(false)
  const todos = useQuery({ queryKey: ['todos'], queryFn: () => api.get<Todos>('/api/todos'), refetchInterval: 60_000 })
  const total = todos.data?.items.length ?? 0

  const items = useMemo<MenuProps['items']>(() => {
    const visible = adminPages.filter((p) => !p.hidden && p.roles.includes(me.role))
    const entry = (p: (typeof visible)[number]) => {
      const count = p.todoSection === '*' ? total : p.todoSection ? (todos.data?.counts[p.todoSection] ?? 0) : 0
      return { key: p.path, icon: p.icon, label: count > 0 ? <Space>{p.label}<Badge count={count} size="small" /></Space> : p.label }
    }
    const groups = new Map<string, ReturnType<typeof entry>[]>()
    const top: MenuProps['items'] = []
    for (const p of visible) {
      if (!p.group) top.push(entry(p))
      else groups.set(p.group, [...(groups.get(p.group) ?? []), entry(p)])
    }
    return [...top, ...[...groups].map(([group, children]) => ({ key: group, label: group, type: 'group' as const, children }))]
  }, [me.role, todos.data, total])

  const selected = adminPages
    .filter((p) => !p.hidden && (location.pathname === p.path || (p.path !== '/' && location.pathname.startsWith(`${p.path}/`))))
    .map((p) => p.path)

  const logout = async () => {
    await api.post('/api/auth/logout')
    switchSession(client, null)
    navigate('/')
  }

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={(e) => {
        navigate(e.key)
        setDrawer(false)
      }}
      style={{ borderInlineEnd: 0 }}
    />
  )
  const wide = screens.lg !== false

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '18px 24px', fontWeight: 600, fontSize: 17, color: '#c8102e' }}>阳光执法</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Space>
            {!wide && <Button icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label="菜单" />}
            <Typography.Text type="secondary">{me.orgName ?? '行政执法和监督平台'}</Typography.Text>
          </Space>
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <UserOutlined />, label: '修改密码', onClick: () => navigate('/account/password') },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
              ],
            }}
          >
            <Button type="text" data-testid="user-menu">
              {me.displayName} · {me.roleLabel}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>{children}</Layout.Content>
      </Layout>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title="阳光执法">
        {menu}
      </Drawer>
    </Layout>
  )
}
