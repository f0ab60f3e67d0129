import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { orgKinds, labels } from '@yangguang/core'
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { useMe } from '../auth/session'
import { EntityStatusTag, errorText, ReasonDialog, type ReasonRequest, useRegionOptions, useScopedOrgs, useTownshipOptions } from './registry-shared'
import type { Org, OrgSummary } from './registry-types'

type Filter = { q?: string; kind?: string; regionCode?: string; onboarded?: string; page: number }

const kindOptions = orgKinds.map((k) => ({ value: k, label: labels.orgKind[k] }))

// The server's checks (orgs.schema.ts), repeated so the form says what is wrong before sending.
const contactRules = {
  address: [{ min: 4, max: 200, message: '地址过短，请填写到门牌号' }],
  postalCode: [{ pattern: /^\d{6}$/, message: '邮政编码须为 6 位数字' }],
  contactPhone: [{ pattern: /^(0\d{2,3}-\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4})$/, message: '固定电话请带区号，如 0878-4121234；或填写 11 位手机号码' }],
}

type ContactValues = { address?: string; postalCode?: string; contactPhone?: string }

/** An emptied field clears the stored value. */
function contactBody(v: ContactValues) {
  const clean = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null)
  return { address: clean(v.address), postalCode: clean(v.postalCode), contactPhone: clean(v.contactPhone) }
}

/** 通信地址、邮政编码、联系电话: printed on the unit's 告知书 and 决定书 for the party to reach it. */
function ContactFields() {
  return (
    <>
      <Form.Item name="address" label="通信地址" extra="印在事先告知书、决定书上，当事人据此提交陈述申辩材料" rules={contactRules.address}>
        <Input placeholder="如 云南省楚雄彝族自治州禄丰市金山镇龙城路118号" />
      </Form.Item>
      <Form.Item name="postalCode" label="邮政编码" rules={contactRules.postalCode}>
        <Input maxLength={6} placeholder="如 651200" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="contactPhone" label="联系电话" rules={contactRules.contactPhone}>
        <Input placeholder="如 0878-4121236" style={{ width: 240 }} />
      </Form.Item>
    </>
  )
}

/** 单位管理: the 49 units, who has started using the platform ("46 of 49"), their entity and officers. */
export function OrgsPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const me = useMe().data
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const [editing, setEditing] = useState<Org | 'new' | null>(null)
  const [editingContact, setEditingContact] = useState<Org | null>(null)
  const [onboarding, setOnboarding] = useState<Org | null>(null)
  const [reason, setReason] = useState<ReasonRequest | null>(null)
  const townships = useTownshipOptions()
  const regionOptions = useRegionOptions()
  const scoped = useScopedOrgs()
  const list = useQuery({ queryKey: ['orgs', 'list', filter], queryFn: () => api.get<Page<Org>>('/api/orgs', { ...filter, pageSize: 20 }) })
  const summary = useQuery({ queryKey: ['orgs', 'summary'], queryFn: () => api.get<OrgSummary>('/api/orgs/summary') })
  const refresh = () => client.invalidateQueries({ queryKey: ['orgs'] })
  const canCreate = me?.role === 'admin' || me?.role === 'supervisor'

  const save = useMutation({
    mutationFn: (v: Record<string, unknown> & ContactValues) => {
      const body = { ...v, ...contactBody(v) }
      return editing === 'new' ? api.post('/api/orgs', body) : api.patch(`/api/orgs/${(editing as Org).id}`, { ...body, code: undefined })
    },
    onSuccess: () => {
      message.success('已保存')
      setEditing(null)
      refresh()
    },
    onError: (e) => message.error(errorText(e)),
  })

  const saveContact = useMutation({
    mutationFn: ({ org, values }: { org: Org; values: ContactValues }) => api.patch(`/api/orgs/${org.id}/contact`, contactBody(values)),
    onSuccess: () => {
      message.success('已保存')
      setEditingContact(null)
      refresh()
    },
    onError: (e) => message.error(errorText(e)),
  })

  const onboard = useMutation({
    mutationFn: ({ org, date }: { org: Org; date: Dayjs }) => api.post(`/api/orgs/${org.id}/onboard`, { onboardedOn: date.format('YYYY-MM-DD') }),
    onSuccess: () => {
      message.success('已标记为开通使用')
      setOnboarding(null)
      refresh()
    },
    onError: (e) => message.error(errorText(e)),
  })

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {/* The counts are the bureau's view; a unit head sees only their own unit. */}
      {canCreate && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="执法单位" value={summary.data?.total ?? '—'} suffix="个" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="已开通使用平台" value={summary.data?.onboarded ?? '—'} suffix={summary.data ? `/ ${summary.data.total}` : ''} styles={{ content: { color: '#3f8600' } }} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="尚未开通" value={summary.data?.notOnboarded ?? '—'} suffix="个" styles={{ content: { color: summary.data?.notOnboarded ? '#c8102e' : undefined } }} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Typography.Text type="secondary">按类别开通</Typography.Text>
              <div style={{ marginTop: 6 }}>
                {summary.data?.byKind.map((k) => (
                  <Tag key={k.kind} style={{ marginBottom: 4 }}>
                    {k.kindLabel} {k.onboarded}/{k.total}
                  </Tag>
                ))}
              </div>
            </Card>
          </Col>
        </Row>
      )}
      <Card
        title="单位管理"
        extra={
          canCreate && (
            <Button type="primary" onClick={() => setEditing('new')}>
              新增单位
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="名称、简称或编码" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 220 }} />
          <Select placeholder="类别" allowClear options={kindOptions} style={{ width: 150 }} onChange={(kind) => setFilter({ ...filter, kind, page: 1 })} />
          <Select placeholder="区域（乡镇）" allowClear options={townships} style={{ width: 170 }} onChange={(regionCode) => setFilter({ ...filter, regionCode, page: 1 })} />
          <Select
            placeholder="开通情况"
            allowClear
            style={{ width: 130 }}
            options={[
              { value: 'true', label: '已开通' },
              { value: 'false', label: '未开通' },
            ]}
            onChange={(onboarded) => setFilter({ ...filter, onboarded, page: 1 })}
          />
        </Space>
        <Table<Org>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 1100 }}
          pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 个` }}
          columns={[
            { title: '编码', dataIndex: 'code', width: 100 },
            { title: '单位名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kindLabel', width: 120 },
            { title: '区域', dataIndex: 'regionName', width: 100 },
            {
              title: '通信地址',
              width: 260,
              render: (_, o) =>
                o.address || o.postalCode || o.contactPhone ? (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {[o.address, o.postalCode && `邮编 ${o.postalCode}`, o.contactPhone].filter(Boolean).join('　')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="warning">未填写（文书不印地址）</Typography.Text>
                ),
            },
            {
              title: '开通使用',
              width: 150,
              render: (_, o) => (o.onboarded ? <Tag color="green">已开通 {o.onboardedOn}</Tag> : <Tag color="red">未开通</Tag>),
            },
            { title: '执法主体', width: 100, render: (_, o) => (o.entityStatus && o.entityStatusLabel ? <EntityStatusTag status={o.entityStatus} label={o.entityStatusLabel} /> : '—') },
            { title: '在岗人员', dataIndex: 'personCount', width: 90, align: 'right' },
            { title: '有效执法证', dataIndex: 'validCertificateCount', width: 100, align: 'right' },
            {
              title: '操作',
              width: 200,
              render: (_, o) => (
                <Space size={0} wrap>
                  {o.actions.includes('update') && (
                    <Button type="link" size="small" onClick={() => setEditing(o)}>
                      编辑
                    </Button>
                  )}
                  {!o.actions.includes('update') && o.actions.includes('update_contact') && (
                    <Button type="link" size="small" onClick={() => setEditingContact(o)}>
                      修改通信地址
                    </Button>
                  )}
                  {o.actions.includes('onboard') && (
                    <Button type="link" size="small" onClick={() => setOnboarding(o)}>
                      标记开通
                    </Button>
                  )}
                  {o.actions.includes('offboard') && (
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => setReason({ title: `标记 ${o.name} 未开通`, okText: '标记未开通', danger: true, run: (r) => api.post(`/api/orgs/${o.id}/offboard`, { reason: r }) })}
                    >
                      标记未开通
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <Modal open title={editing === 'new' ? '新增执法单位' : `编辑 ${editing.name}`} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
          <Form
            layout="vertical"
            initialValues={
              editing === 'new'
                ? { kind: 'department', regionCode: '532331' }
                : { code: editing.code, name: editing.name, shortName: editing.shortName, kind: editing.kind, regionCode: editing.regionCode, parentId: editing.parentId, contactPhone: editing.contactPhone, address: editing.address, postalCode: editing.postalCode }
            }
            onFinish={(v) => save.mutate(v)}
          >
            <Form.Item name="code" label="单位编码" rules={[{ required: true, pattern: /^[A-Za-z0-9-]{2,32}$/, message: '2–32 位字母、数字或 -' }]}>
              <Input disabled={editing !== 'new'} placeholder="如 LF-ZJJ" />
            </Form.Item>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="shortName" label="简称" extra="用于文书编号，如 禄住建" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Select options={kindOptions} />
            </Form.Item>
            <Form.Item name="regionCode" label="所在区域" rules={[{ required: true }]}>
              <Select options={regionOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="parentId" label="上级单位">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(scoped.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
            <ContactFields />
            <Button type="primary" htmlType="submit" loading={save.isPending} block>
              保存
            </Button>
          </Form>
        </Modal>
      )}
      {editingContact && (
        <Modal open title={`${editingContact.name} 的通信地址`} onCancel={() => setEditingContact(null)} footer={null} destroyOnHidden>
          <Form
            layout="vertical"
            initialValues={{ address: editingContact.address, postalCode: editingContact.postalCode, contactPhone: editingContact.contactPhone }}
            onFinish={(values: ContactValues) => saveContact.mutate({ org: editingContact, values })}
          >
            <ContactFields />
            <Button type="primary" htmlType="submit" loading={saveContact.isPending} block>
              保存
            </Button>
          </Form>
        </Modal>
      )}
      {onboarding && (
        <Modal open title={`标记 ${onboarding.name} 已开通使用平台`} onCancel={() => setOnboarding(null)} footer={null} destroyOnHidden>
          <Form layout="vertical" initialValues={{ date: dayjs() }} onFinish={(v: { date: Dayjs }) => onboard.mutate({ org: onboarding, date: v.date })}>
            <Form.Item name="date" label="开通日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Typography.Paragraph type="secondary">计入“已开通使用平台”统计。</Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={onboard.isPending} block>
              确定
            </Button>
          </Form>
        </Modal>
      )}
      <ReasonDialog
        request={reason}
        onClose={() => setReason(null)}
        onDone={() => {
          message.success('已完成')
          setReason(null)
          refresh()
        }}
      />
    </Space>
  )
}
