import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { entityStatuses, entityTypes, labels } from '@yangguang/core'
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Form, Input, Modal, Row, Select, Space, Statistic, Steps, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { useMe } from '../auth/session'
import { DelegationForm } from './DelegationForm'
import { EntityStatusTag, errorText, ReasonDialog, type ReasonRequest, useOpenParam, useRegionOptions, useScopedOrgs, useTownshipOptions } from './registry-shared'
import type { Delegation, Entity, EntitySummary } from './registry-types'

type Filter = { q?: string; status?: string; entityType?: string; regionCode?: string; page: number }

const typeOptions = entityTypes.map((t) => ({ value: t, label: labels.entityType[t] }))
const statusOptions = entityStatuses.map((s) => ({ value: s, label: labels.entityStatus[s] }))

/** 执法主体: register, audit, confirm (another supervisor), publish; return or withdraw with a reason. */
export function EntitiesPage() {
  const me = useMe().data
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const [openId, setOpenId] = useOpenParam()
  const [editing, setEditing] = useState<Entity | 'new' | null>(null)
  const townships = useTownshipOptions()
  const list = useQuery({ queryKey: ['entities', 'list', filter], queryFn: () => api.get<Page<Entity>>('/api/entities', { ...filter, pageSize: 20 }) })
  const summary = useQuery({ queryKey: ['entities', 'summary'], queryFn: () => api.get<EntitySummary>('/api/entities/summary') })
  const canCreate = me?.role === 'admin' || me?.role === 'supervisor' || me?.role === 'unit_head'

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="公示中" value={summary.data?.publiclyShown ?? '—'} suffix="个" styles={{ content: { color: '#3f8600' } }} />
          </Card>
        </Col>
        {summary.data?.byStatus.map((s) => (
          <Col xs={12} md={5} key={s.status}>
            <Card size="small" hoverable onClick={() => setFilter({ ...filter, status: s.status, page: 1 })}>
              <Statistic title={s.statusLabel} value={s.count} suffix="个" />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title="执法主体"
        extra={
          canCreate && (
            <Button type="primary" onClick={() => setEditing('new')}>
              登记执法主体
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="主体或单位名称" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 220 }} />
          <Select placeholder="状态" allowClear value={filter.status} options={statusOptions} style={{ width: 120 }} onChange={(status) => setFilter({ ...filter, status, page: 1 })} />
          <Select placeholder="主体类型" allowClear options={typeOptions} style={{ width: 170 }} onChange={(entityType) => setFilter({ ...filter, entityType, page: 1 })} />
          <Select placeholder="区域（乡镇）" allowClear options={townships} style={{ width: 170 }} onChange={(regionCode) => setFilter({ ...filter, regionCode, page: 1 })} />
        </Space>
        <Table<Entity>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          onRow={(e) => ({ onClick: () => setOpenId(e.id), style: { cursor: 'pointer' } })}
          pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 个` }}
          columns={[
            { title: '执法主体名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'entityTypeLabel', width: 150 },
            { title: '区域', dataIndex: 'regionName', width: 100 },
            { title: '状态', width: 100, render: (_, e) => <EntityStatusTag status={e.status} label={e.statusLabel} /> },
            { title: '版本', width: 170, render: (_, e) => <VersionNote entity={e} /> },
            { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: formatTime },
          ]}
        />
      </Card>
      {openId && <EntityDrawer id={openId} onClose={() => setOpenId(null)} onEdit={setEditing} />}
      {editing && <EntityForm entity={editing} onClose={() => setEditing(null)} />}
    </Space>
  )
}

function VersionNote({ entity: e }: { entity: Entity }) {
  if (e.publishedVersion && e.publishedVersion !== e.version) {
    return (
      <Typography.Text type="secondary">
        第 {e.version} 版待审 · 公示第 {e.publishedVersion} 版
      </Typography.Text>
    )
  }
  return <Typography.Text type="secondary">第 {e.version} 版</Typography.Text>
}

const stepIndex: Record<Entity['status'], number> = { draft: 0, audited: 1, confirmed: 2, published: 3 }

function EntityDrawer({ id, onClose, onEdit }: { id: string; onClose: () => void; onEdit: (e: Entity) => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [reason, setReason] = useState<ReasonRequest | null>(null)
  const [delegating, setDelegating] = useState(false)
  const detail = useQuery({ queryKey: ['entities', 'one', id], queryFn: () => api.get<{ entity: Entity }>(`/api/entities/${id}`) })
  const delegations = useQuery({ queryKey: ['delegations', 'of', id], queryFn: () => api.get<Page<Delegation>>('/api/delegations', { entityId: id, pageSize: 100 }) })
  const refresh = () => client.invalidateQueries({ queryKey: ['entities'] })
  const act = useMutation({
    mutationFn: (action: string) => api.post(`/api/entities/${id}/${action}`),
    onSuccess: () => {
      message.success('已完成')
      refresh()
    },
    onError: (e) => message.error(errorText(e)),
  })
  const e = detail.data?.entity
  const has = (a: string) => Boolean(e?.actions.includes(a))

  return (
    <Drawer open onClose={onClose} size={720} title={e?.name ?? '执法主体'} loading={detail.isLoading}>
      {detail.isError && <Alert type="error" title={errorText(detail.error)} />}
      {e && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Steps
            size="small"
            // The step waiting for its actor is current; a published entity has finished them all.
            current={e.status === 'published' ? 3 : stepIndex[e.status] + 1}
            status={e.status === 'published' ? 'finish' : 'process'}
            items={[
              { title: '草稿', content: `第 ${e.version} 版` },
              { title: '已审核', content: e.auditedByName ? `${e.auditedByName}` : undefined },
              { title: '已确认', content: e.confirmedByName ?? undefined },
              { title: '已公示', content: e.status === 'published' && e.publishedAt ? formatTime(e.publishedAt) : undefined },
            ]}
          />
          {e.statusNote && e.status === 'draft' && <Alert type="warning" showIcon title={e.statusNote} />}
          {e.publishedVersion && e.publishedVersion !== e.version && (
            <Alert type="info" showIcon title={`门户仍公示第 ${e.publishedVersion} 版；第 ${e.version} 版经审核、确认、公示后替换。`} />
          )}
          <Space wrap>
            {has('update') && <Button onClick={() => onEdit(e)}>{e.status === 'published' ? '修改（生成新版本）' : '修改'}</Button>}
            {has('audit') && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate('audit')}>
                审核通过
              </Button>
            )}
            {has('confirm') && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate('confirm')}>
                确认
              </Button>
            )}
            {has('publish') && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate('publish')}>
                公示
              </Button>
            )}
            {has('return') && (
              <Button danger onClick={() => setReason({ title: '退回草稿', okText: '退回', danger: true, run: (r) => api.post(`/api/entities/${id}/return`, { reason: r }) })}>
                退回草稿
              </Button>
            )}
            {has('withdraw') && (
              <Button
                danger
                onClick={() => setReason({ title: '撤销公示', okText: '撤销公示', danger: true, hint: '撤销后门户不再显示该执法主体', run: (r) => api.post(`/api/entities/${id}/withdraw`, { reason: r }) })}
              >
                撤销公示
              </Button>
            )}
          </Space>
          {e.status === 'audited' && !has('confirm') && e.actions.includes('return') && (
            <Typography.Text type="secondary">审核人与确认人不能为同一人，请由另一名监督人员确认。</Typography.Text>
          )}
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'type', label: '主体类型', children: e.entityTypeLabel },
              { key: 'org', label: '所属单位', children: `${e.orgName}（${e.orgCode}）` },
              { key: 'region', label: '区域', children: e.regionName },
              { key: 'basis', label: '设立/授权依据', children: <Typography.Paragraph style={{ margin: 0 }}>{e.legalBasis}</Typography.Paragraph> },
              { key: 'person', label: '负责人', children: e.responsiblePerson ?? '—' },
              { key: 'address', label: '地址', children: e.address ?? '—' },
              { key: 'phone', label: '联系电话', children: e.phone ?? '—' },
              { key: 'status', label: '状态', children: <EntityStatusTag status={e.status} label={e.statusLabel} /> },
              { key: 'audited', label: '审核', children: e.auditedByName ? `${e.auditedByName} · ${formatTime(e.auditedAt)}` : '—' },
              { key: 'confirmed', label: '确认', children: e.confirmedByName ? `${e.confirmedByName} · ${formatTime(e.confirmedAt)}` : '—' },
              { key: 'published', label: '最近公示', children: e.publishedAt ? `${formatTime(e.publishedAt)}（第 ${e.publishedVersion ?? '—'} 版）` : '—' },
            ]}
          />
          <Card
            size="small"
            title="委托"
            extra={
              has('delegate') && (
                <Button size="small" onClick={() => setDelegating(true)}>
                  登记委托
                </Button>
              )
            }
          >
            <Table<Delegation>
              rowKey="id"
              size="small"
              pagination={false}
              loading={delegations.isLoading}
              dataSource={delegations.data?.items}
              locale={{ emptyText: '暂无委托' }}
              columns={[
                { title: '文号', dataIndex: 'documentNo' },
                { title: '受委托单位', dataIndex: 'agentName' },
                { title: '期限', render: (_, d) => `${d.validFrom} 至 ${d.validTo}` },
                { title: '状态', render: (_, d) => <Tag color={d.effectiveStatus === 'active' ? 'green' : d.effectiveStatus === 'revoked' ? 'default' : 'orange'}>{d.statusLabel}</Tag> },
              ]}
            />
          </Card>
        </Space>
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
      {delegating && e && (
        <DelegationForm
          principal={{ id: e.id, name: e.name }}
          onClose={() => setDelegating(false)}
          onSaved={() => {
            setDelegating(false)
            client.invalidateQueries({ queryKey: ['delegations'] })
          }}
        />
      )}
    </Drawer>
  )
}

function EntityForm({ entity, onClose }: { entity: Entity | 'new'; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const orgs = useScopedOrgs()
  const regions = useRegionOptions()
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => (entity === 'new' ? api.post('/api/entities', v) : api.patch(`/api/entities/${entity.id}`, { ...v, orgId: undefined })),
    onSuccess: () => {
      message.success(entity !== 'new' && entity.status === 'published' ? '已保存为新版本草稿，门户仍公示原版本' : '已保存')
      client.invalidateQueries({ queryKey: ['entities'] })
      client.invalidateQueries({ queryKey: ['orgs'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  const orgOptions = (orgs.data?.items ?? []).filter((o) => !o.entityId).map((o) => ({ value: o.id, label: o.name }))
  return (
    <Modal open title={entity === 'new' ? '登记执法主体' : `修改 ${entity.name}`} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      {entity !== 'new' && entity.status === 'published' && <Alert style={{ marginBottom: 16 }} type="info" showIcon title="该主体已公示。修改后将生成新版本草稿，须重新审核、确认、公示；在此之前门户继续公示原版本。" />}
      <Form
        layout="vertical"
        initialValues={
          entity === 'new'
            ? { entityType: 'administrative_organ' }
            : {
                name: entity.name,
                entityType: entity.entityType,
                regionCode: entity.regionCode,
                legalBasis: entity.legalBasis,
                responsiblePerson: entity.responsiblePerson,
                address: entity.address,
                phone: entity.phone,
              }
        }
        onFinish={(v) => save.mutate(v)}
      >
        {entity === 'new' && (
          <Form.Item name="orgId" label="所属单位" extra="每个单位登记一个执法主体" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={orgOptions} notFoundContent="管辖范围内的单位均已登记" />
          </Form.Item>
        )}
        <Form.Item name="name" label="执法主体名称" rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="entityType" label="主体类型" rules={[{ required: true }]}>
          <Select options={typeOptions} />
        </Form.Item>
        <Form.Item name="regionCode" label="区域" extra={entity === 'new' ? '不选则为所属单位的区域' : undefined}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={regions} />
        </Form.Item>
        <Form.Item name="legalBasis" label="设立或授权依据" rules={[{ required: true, min: 4, message: '请填写设立或授权依据' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="负责人">
          <Input />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          保存
        </Button>
      </Form>
    </Modal>
  )
}
