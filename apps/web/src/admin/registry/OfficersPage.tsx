import { useQuery } from '@tanstack/react-query'
import { Button, Card, Input, Select, Space, Table, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { useMe } from '../auth/session'
import { PersonDrawer } from './PersonDrawer'
import { PersonForm } from './PersonForm'
import { CertificateStatusTag, useOpenParam, useScopedOrgs } from './registry-shared'
import type { Certificate, Person } from './registry-types'

/** 执法人员与执法证: officers of the units in scope, their certificates, and the certificate register. */
export function OfficersPage() {
  const [openId, setOpenId] = useOpenParam()
  const [tab, setTab] = useState('persons')
  return (
    <Card title="执法人员与执法证">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'persons', label: '执法人员', children: <PersonList onOpen={setOpenId} /> },
          { key: 'certificates', label: '执法证', children: <CertificateList onOpen={setOpenId} /> },
        ]}
      />
      {openId && <PersonDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  )
}

type PersonFilter = { q?: string; orgId?: string; status?: string; certificate?: string; page: number }

function PersonList({ onOpen }: { onOpen: (id: string) => void }) {
  const me = useMe().data
  const [filter, setFilter] = useState<PersonFilter>({ page: 1 })
  const [creating, setCreating] = useState(false)
  const orgs = useScopedOrgs()
  const orgOptions = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))
  const list = useQuery({ queryKey: ['persons', 'list', filter], queryFn: () => api.get<Page<Person>>('/api/persons', { ...filter, pageSize: 20 }) })
  const canCreate = me?.role === 'admin' || me?.role === 'supervisor' || me?.role === 'unit_head'
  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search placeholder="姓名、执法证号或完整身份证号" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 260 }} />
          {orgOptions.length > 1 && (
            <Select placeholder="单位" allowClear showSearch={{ optionFilterProp: 'label' }} options={orgOptions} style={{ width: 220 }} onChange={(orgId) => setFilter({ ...filter, orgId, page: 1 })} />
          )}
          <Select
            placeholder="在岗状态"
            allowClear
            style={{ width: 110 }}
            options={[
              { value: 'active', label: '在岗' },
              { value: 'left', label: '已离岗' },
            ]}
            onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          />
          <Select
            placeholder="执法证"
            allowClear
            style={{ width: 150 }}
            options={[
              { value: 'valid', label: '持有效证件' },
              { value: 'expiring', label: '30天内到期' },
              { value: 'invalid', label: '无有效证件' },
            ]}
            onChange={(certificate) => setFilter({ ...filter, certificate, page: 1 })}
          />
        </Space>
        {canCreate && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记执法人员
          </Button>
        )}
      </Space>
      <Table<Person>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        onRow={(p) => ({ onClick: () => onOpen(p.id), style: { cursor: 'pointer' } })}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '单位', dataIndex: 'orgName' },
          { title: '性别', dataIndex: 'sexLabel', width: 60 },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: '职务', dataIndex: 'position', width: 110, render: (v) => v ?? '—' },
          {
            title: '执法证',
            width: 260,
            render: (_, p) =>
              p.currentCertificate ? (
                <Space size={4}>
                  <Typography.Text>{p.currentCertificate.certNo}</Typography.Text>
                  <CertificateStatusTag status={p.currentCertificate.effectiveStatus} label={p.currentCertificate.statusLabel} />
                </Space>
              ) : (
                <Typography.Text type="secondary">未发证</Typography.Text>
              ),
          },
          { title: '状态', dataIndex: 'statusLabel', width: 80 },
        ]}
      />
      {creating && <PersonForm onClose={() => setCreating(false)} onSaved={(id) => onOpen(id)} />}
    </>
  )
}

type CertFilter = { q?: string; status?: string; page: number }

function CertificateList({ onOpen }: { onOpen: (personId: string) => void }) {
  const [filter, setFilter] = useState<CertFilter>({ page: 1 })
  const list = useQuery({ queryKey: ['certificates', 'list', filter], queryFn: () => api.get<Page<Certificate>>('/api/certificates', { ...filter, pageSize: 20 }) })
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="执法证号或持证人" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 220 }} />
        <Select
          placeholder="今日状态"
          allowClear
          style={{ width: 150 }}
          options={[
            { value: 'valid', label: '有效' },
            { value: 'expiring', label: '30天内到期' },
            { value: 'expired', label: '已过期' },
            { value: 'suspended', label: '暂扣' },
            { value: 'cancelled', label: '注销' },
          ]}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
      </Space>
      <Table<Certificate>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        onRow={(c) => ({ onClick: () => onOpen(c.personId), style: { cursor: 'pointer' } })}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 张` }}
        columns={[
          { title: '执法证号', dataIndex: 'certNo', width: 160 },
          { title: '持证人', dataIndex: 'personName', width: 90 },
          { title: '单位', dataIndex: 'orgName' },
          { title: '执法领域', dataIndex: 'areas', render: (a: string[]) => a.join('、') },
          { title: '有效期至', dataIndex: 'validTo', width: 110 },
          {
            title: '状态',
            width: 150,
            render: (_, c) => (
              <Space size={4}>
                <CertificateStatusTag status={c.effectiveStatus} label={c.statusLabel} />
                {c.effectiveStatus === 'valid' && c.daysLeft <= 30 && <Typography.Text type="danger">剩 {c.daysLeft} 天</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </>
  )
}
