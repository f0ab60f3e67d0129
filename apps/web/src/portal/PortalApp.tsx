import { MenuOutlined } from '@ant-design/icons'
import { Button, Card, Col, Drawer, Grid, Layout, Menu, Result, Row, Typography } from 'antd'
import { useState } from 'react'
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router'
import { portalPages } from './nav'

/** 执法公示门户: public, no login, usable on a phone. */
export function PortalApp() {
  const navigate = useNavigate()
  const location = useLocation()
  const menuPages = portalPages.filter((p) => p.inMenu)
  const wide = Grid.useBreakpoint().md !== false
  const [drawer, setDrawer] = useState(false)
  const selectedKeys = menuPages.filter((p) => location.pathname === p.path || location.pathname.startsWith(`${p.path}/`)).map((p) => p.path)
  const items = menuPages.map((p) => ({ key: p.path, label: p.label }))
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <Layout.Header style={{ background: '#c8102e', display: 'flex', alignItems: 'center', padding: '0 16px', gap: 16 }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
          阳光执法 · 执法公示
        </Link>
        {wide ? (
          <Menu
            mode="horizontal"
            theme="dark"
            style={{ background: 'transparent', flex: 1, minWidth: 0 }}
            selectedKeys={selectedKeys}
            items={items}
            onClick={(e) => navigate(e.key)}
          />
        ) : (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            aria-label="栏目"
            style={{ marginLeft: 'auto' }}
            onClick={() => setDrawer(true)}
          />
        )}
      </Layout.Header>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="right" size={240} title="栏目">
        <Menu
          mode="inline"
          selectedKeys={selectedKeys}
          items={items}
          onClick={(e) => {
            navigate(e.key)
            setDrawer(false)
          }}
          style={{ borderInlineEnd: 0 }}
        />
      </Drawer>
      <Layout.Content style={{ padding: wide ? 16 : 10, maxWidth: 1200, width: '100%', margin: '0 auto', boxSizing: 'border-box', overflowX: 'hidden' }}>
        <Routes>
          <Route path="/" element={<PortalHome />} />
          {portalPages.map((p) => (
            <Route key={p.path} path={p.path} element={p.element} />
          ))}
          <Route path="*" element={<Result status="404" title="页面不存在" extra={<Link to="/">返回首页</Link>} />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>禄丰市行政执法和监督平台 · 执法信息依法公示 · <a href="/">工作人员登录</a></Layout.Footer>
    </Layout>
  )
}

function PortalHome() {
  return (
    <>
      <Typography.Title level={3}>行政执法公示</Typography.Title>
      <Typography.Paragraph type="secondary">公开执法主体、执法人员、权责清单和履职事项，让执法权力在阳光下运行。</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {portalPages
          .filter((p) => p.inMenu)
          .map((p) => (
            <Col xs={24} sm={12} md={8} key={p.path}>
              <Link to={p.path}>
                <Card hoverable title={p.label}>
                  {p.description}
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
    </>
  )
}
