import { Result, Spin } from 'antd'
import { Link, Route, Routes } from 'react-router'
import { AdminLayout } from './AdminLayout'
import { ChangePasswordPage } from './auth/ChangePasswordPage'
import { LoginPage } from './auth/LoginPage'
import { useMe } from './auth/session'
import { adminPages } from './nav'

export function AdminApp() {
  const me = useMe()
  if (me.isLoading) return <Spin fullscreen />
  if (me.isError) return <Result status="error" title="无法连接服务器" subTitle="请检查网络后刷新页面" />
  if (!me.data) return <LoginPage />
  if (me.data.mustChangePassword) return <ChangePasswordPage forced />
  const user = me.data
  return (
    <AdminLayout me={user}>
      <Routes>
        {adminPages
          .filter((p) => p.roles.includes(user.role))
          .map((p) => (
            <Route key={p.path} path={p.path} element={p.element} />
          ))}
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AdminLayout>
  )
}

function NotFound() {
  return <Result status="404" title="页面不存在或无权访问" extra={<Link to="/">返回首页</Link>} />
}
