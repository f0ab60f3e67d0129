import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { labels, roles, type Role } from '@yangguang/core'
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { api, ApiError, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { useOrgOptions } from '../shared/useOrgOptions'

type User = {
  id: string
  username: string
  displayName: string
  role: Role
  roleLabel: string
  orgId: string | null
  orgName: string | null
  status: 'active' | 'disabled'
  locked: boolean
  mustChangePassword: boolean
  lastLoginAt: string | null
  actions: string[]
}

const roleOptions = roles.map((r) => ({ value: r, label: labels.role[r] }))

/** 账号管理: admins create, edit, disable and reset; supervisors read. */
export function UsersPage() {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const [filter, setFilter] = useState<{ q?: string; role?: string; status?: string; page: number }>({ page: 1 })
  const [editing, setEditing] = useState<User | 'new' | null>(null)
  const [resetting, setResetting] = useState<User | null>(null)
  const orgs = useOrgOptions()
  const list = useQuery({ queryKey: ['users', filter], queryFn: () => api.get<Page<User>>('/api/users', { ...filter, pageSize: 20 }) })
  const me = client.getQueryData<{ role: Role }>(['me'])
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] })
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')

  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new' ? api.post('/api/users', v) : api.patch(`/api/users/${(editing as User).id}`, { displayName: v.displayName, role: v.role, orgId: v.orgId ?? null }),
    onSuccess: () => {
      message.success('已保存')
      setEditing(null)
      refresh()
    },
    onError: fail,
  })

  const setStatus = (u: User, action: 'disable' | 'enable') => {
    let reason = ''
    modal.confirm({
      title: `${action === 'disable' ? '停用' : '启用'}账号 ${u.username}`,
      content: <Input.TextArea placeholder="请填写原因" onChange={(e) => (reason = e.target.value)} />,
      onOk: () =>
        api
          .post(`/api/users/${u.id}/${action}`, { reason })
          .then(() => {
            message.success('已完成')
            refresh()
          })
          .catch((e) => {
            fail(e)
            throw e
          }),
    })
  }

  return (
    <Card
      title="账号管理"
      extra={
        me?.role === 'admin' && (
          <Button type="primary" onClick={() => setEditing('new')}>
            新建账号
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="用户名或姓名" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 220 }} />
        <Select placeholder="角色" allowClear options={roleOptions} style={{ width: 150 }} onChange={(role) => setFilter({ ...filter, role, page: 1 })} />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={[
            { value: 'active', label: '正常' },
            { value: 'disabled', label: '已停用' },
          ]}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
      </Space>
      <Table<User>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 900 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '所属单位', dataIndex: 'orgName', render: (v) => v ?? '—' },
          {
            title: '状态',
            render: (_, u) => (
              <Space size={4}>
                {u.status === 'active' ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>}
                {u.locked && <Tag color="red">已锁定</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
              </Space>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: formatTime },
          {
            title: '操作',
            render: (_, u) => (
              <Space size={0} wrap>
                {u.actions.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    编辑
                  </Button>
                )}
                {u.actions.includes('reset_password') && (
                  <Button type="link" size="small" onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                )}
                {u.actions.includes('disable') && (
                  <Button type="link" size="small" danger onClick={() => setStatus(u, 'disable')}>
                    停用
                  </Button>
                )}
                {u.actions.includes('enable') && (
                  <Button type="link" size="small" onClick={() => setStatus(u, 'enable')}>
                    启用
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <Modal open title={editing === 'new' ? '新建账号' : `编辑账号 ${editing.username}`} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
          <Form
            layout="vertical"
            initialValues={editing === 'new' ? { role: 'officer' } : { displayName: editing.displayName, role: editing.role, orgId: editing.orgId }}
            onFinish={(v) => save.mutate(v)}
          >
            {editing === 'new' && (
              <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: /^[a-z0-9_.-]{3,32}$/, message: '3–32 位小写字母、数字或 _ . -' }]}>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="displayName" label="姓名" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="role" label="角色" rules={[{ required: true }]}>
              <Select options={roleOptions} />
            </Form.Item>
            <Form.Item name="orgId" label="所属单位">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgs} />
            </Form.Item>
            {editing === 'new' && (
              <Form.Item name="password" label="初始密码" extra="用户首次登录须修改" rules={[{ required: true }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={save.isPending} block>
              保存
            </Button>
          </Form>
        </Modal>
      )}
      {resetting && (
        <Modal open title={`重置 ${resetting.username} 的密码`} onCancel={() => setResetting(null)} footer={null} destroyOnHidden>
          <Form
            layout="vertical"
            onFinish={(v: { newPassword: string }) =>
              api
                .post(`/api/users/${resetting.id}/reset-password`, v)
                .then(() => {
                  message.success('密码已重置，用户下次登录须修改')
                  setResetting(null)
                  refresh()
                })
                .catch(fail)
            }
          >
            <Form.Item name="newPassword" label="临时密码" rules={[{ required: true }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              重置
            </Button>
          </Form>
        </Modal>
      )}
    </Card>
  )
}
