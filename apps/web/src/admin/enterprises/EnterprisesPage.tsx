import { UploadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { enterpriseKinds, labels, type Role } from '@yangguang/core'
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { api, ApiError, type Page } from '../../shared/api'
import { formatTime } from '../../shared/format'

/** What issuing an activation code returned when a sender (SMS/e-mail) is configured; otherwise the answer is the sealed letter PDF. */
type ActivationNotified = { delivery: 'notified'; channelLabel: string; maskedRecipient: string; expiresAt: string; enterprise: { name: string; creditCode: string } }

/**
 * Issues an activation code. The code never reaches this screen: it is sent to the enterprise's
 * registered contact, or comes back printed on a 激活码密封函 PDF, which is saved for printing,
 * sealing and posting.
 */
async function issueActivation(enterprise: Enterprise): Promise<ActivationNotified | null> {
  const res = await fetch(`/api/enterprises/${enterprise.id}/activation-codes`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' })
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string }
    throw new ApiError(res.status, body.code ?? 'HTTP_ERROR', body.message ?? `请求失败（${res.status}）`)
  }
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) return (await res.json()) as ActivationNotified
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = `企业账号激活码密封函（${enterprise.name}）.pdf`
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return null
}

export type Enterprise = {
  id: string
  creditCode: string
  name: string
  kind: (typeof enterpriseKinds)[number]
  kindLabel: string
  address: string | null
  townshipCode: string | null
  townshipName: string | null
  industry: string | null
  contactName: string | null
  contactPhone: string | null
  /** Contact data is shown only to the registering unit, the county bureau and admins. */
  contactVisible: boolean
  hasQr: boolean
  qrIssuedAt: string | null
  qrVersion: number
  accounts: number
  actions: string[]
}

type Poster = { token: string; url: string; svg: string; version: number; enterprise: { name: string; creditCode: string } }
type ImportError = { row: number; column: string | null; message: string }

const kindOptions = enterpriseKinds.map((k) => ({ value: k, label: labels.enterpriseKind[k] }))

/** 市场主体: search, register, import (CSV/XLSX), QR posters (扫码入企) and enterprise account activation codes. */
export function EnterprisesPage() {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [filter, setFilter] = useState<{ q?: string; townshipCode?: string; kind?: string; page: number }>({ page: 1 })
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null)
  const [poster, setPoster] = useState<Poster | null>(null)
  const [activation, setActivation] = useState<ActivationNotified | { delivery: 'sealed_letter'; enterprise: Enterprise } | null>(null)
  const [importErrors, setImportErrors] = useState<{ message: string; errors: ImportError[] } | null>(null)
  const me = client.getQueryData<{ role: Role }>(['me'])
  const list = useQuery({ queryKey: ['enterprises', filter], queryFn: () => api.get<Page<Enterprise>>('/api/enterprises', { ...filter, pageSize: 20 }) })
  const regions = useQuery({ queryKey: ['regions', 'townships'], queryFn: () => api.get<{ items: Array<{ code: string; name: string; level: string }> }>('/api/regions').catch(() => ({ items: [] })), staleTime: 600_000 })
  const townships = (regions.data?.items ?? []).filter((r) => r.level === 'township').map((r) => ({ value: r.code, label: r.name }))
  const refresh = () => client.invalidateQueries({ queryKey: ['enterprises'] })
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败')

  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => (editing === 'new' ? api.post('/api/enterprises', v) : api.patch(`/api/enterprises/${(editing as Enterprise).id}`, { ...v, creditCode: undefined })),
    onSuccess: () => {
      message.success('已保存')
      setEditing(null)
      refresh()
    },
    onError: fail,
  })

  const issueQr = (e: Enterprise) =>
    Modal.confirm({
      title: e.hasQr ? `重新生成 ${e.name} 的入企码？` : `生成 ${e.name} 的入企码`,
      content: e.hasQr ? '旧的二维码将立即失效，请用新海报替换企业现场张贴的旧码。' : '生成后请打印海报交企业张贴在经营场所入口。',
      onOk: () =>
        api
          .post<Poster>(`/api/enterprises/${e.id}/qr-token`)
          .then((p) => {
            setPoster(p)
            refresh()
          })
          .catch(fail),
    })

  const upload = async (file: File) => {
    const type = file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv'
    const res = await fetch('/api/enterprises/import', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': type }, body: file })
    const body = await res.json()
    if (!res.ok) {
      setImportErrors({ message: body.message, errors: body.details?.errors ?? [] })
      return
    }
    setImportErrors(null)
    message.success(`导入完成：新增 ${body.created}，更新 ${body.updated}，未变 ${body.unchanged}`)
    refresh()
  }

  const canImport = me && ['admin', 'supervisor', 'unit_head'].includes(me.role)
  return (
    <Card
      title="市场主体"
      extra={
        <Space wrap>
          {canImport && (
            <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => (upload(f), false)}>
              <Button icon={<UploadOutlined />}>导入 CSV / Excel</Button>
            </Upload>
          )}
          <Button type="primary" onClick={() => setEditing('new')}>
            登记市场主体
          </Button>
        </Space>
      }
    >
      {importErrors && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors(null)}
          style={{ marginBottom: 16 }}
          title={importErrors.message}
          description={
            <Table<ImportError>
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              pagination={{ pageSize: 10 }}
              dataSource={importErrors.errors}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', dataIndex: 'column', width: 140 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          }
        />
      )}
      <Typography.Paragraph type="secondary">导入文件首行为表头：统一社会信用代码、名称、类别、地址、乡镇、行业、联系人、联系电话。按信用代码去重更新；任何一行有误则整批不写入。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="名称、信用代码或地址" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 240 }} />
        <Select placeholder="乡镇" allowClear options={townships} style={{ width: 140 }} onChange={(townshipCode) => setFilter({ ...filter, townshipCode, page: 1 })} />
        <Select placeholder="类别" allowClear options={kindOptions} style={{ width: 140 }} onChange={(kind) => setFilter({ ...filter, kind, page: 1 })} />
      </Space>
      <Table<Enterprise>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 户` }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v) => <Typography.Text copyable>{v}</Typography.Text> },
          { title: '类别', dataIndex: 'kindLabel', width: 100 },
          { title: '乡镇', dataIndex: 'townshipName', width: 100, render: (v) => v ?? '—' },
          { title: '行业', dataIndex: 'industry', render: (v) => v ?? '—' },
          { title: '入企码', render: (_, e) => (e.hasQr ? <Tag color="green">第 {e.qrVersion} 版</Tag> : <Tag>未生成</Tag>) },
          { title: '企业账号', dataIndex: 'accounts', width: 90 },
          {
            title: '操作',
            render: (_, e) => (
              <Space size={0} wrap>
                {e.actions.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(e)}>
                    编辑
                  </Button>
                )}
                {e.actions.includes('issue_qr') && (
                  <Button type="link" size="small" onClick={() => issueQr(e)}>
                    {e.hasQr ? '重新生成入企码' : '生成入企码'}
                  </Button>
                )}
                {e.actions.includes('issue_activation') && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      Modal.confirm({
                        title: `为 ${e.name} 生成企业账号激活码？`,
                        content: '激活码只送达企业登记的联系人：未配置短信发送时，将下载《企业账号激活码密封函》，请打印后密封寄送，不要拆阅或转告。',
                        okText: '生成',
                        cancelText: '取消',
                        onOk: () =>
                          issueActivation(e)
                            .then((notified) => setActivation(notified ?? { delivery: 'sealed_letter', enterprise: e }))
                            .catch(fail),
                      })
                    }
                  >
                    账号激活码
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <Modal open title={editing === 'new' ? '登记市场主体' : `编辑 ${editing.name}`} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
          <Form layout="vertical" initialValues={editing === 'new' ? { kind: 'enterprise' } : editing} onFinish={(v) => save.mutate(v)}>
            <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, len: 18, message: '18 位' }]}>
              <Input disabled={editing !== 'new'} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
            <Form.Item name="name" label="名称" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Select options={kindOptions} />
            </Form.Item>
            <Form.Item name="townshipCode" label="所在乡镇">
              <Select allowClear options={townships} />
            </Form.Item>
            <Form.Item name="address" label="经营场所">
              <Input />
            </Form.Item>
            <Form.Item name="industry" label="行业">
              <Input />
            </Form.Item>
            <Space.Compact block>
              <Form.Item name="contactName" label="联系人" style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item name="contactPhone" label="联系电话" style={{ flex: 1 }}>
                <Input />
              </Form.Item>
            </Space.Compact>
            <Button type="primary" htmlType="submit" loading={save.isPending} block>
              保存
            </Button>
          </Form>
        </Modal>
      )}
      {poster && (
        <Modal open title="入企码海报" onCancel={() => setPoster(null)} width={480} footer={<Button onClick={() => printPoster(poster)}>打印海报</Button>}>
          <Alert type="warning" showIcon title="二维码只在此显示一次（平台只保存其哈希）。请立即打印；遗失或泄露时重新生成，旧码即失效。" style={{ marginBottom: 12 }} />
          <PosterView poster={poster} />
        </Modal>
      )}
      {activation && (
        <Modal open title="企业账号激活码" onCancel={() => setActivation(null)} footer={null}>
          <Typography.Paragraph>
            {activation.enterprise.name}（{activation.enterprise.creditCode}）
          </Typography.Paragraph>
          {activation.delivery === 'notified' ? (
            <Alert
              type="success"
              showIcon
              title={`激活码已通过${activation.channelLabel}发送至企业登记联系人 ${activation.maskedRecipient}`}
              description={`一次有效，${formatTime(activation.expiresAt)} 前使用。`}
            />
          ) : (
            <Alert
              type="info"
              showIcon
              title="已下载《企业账号激活码密封函》"
              description="请打印后装入信封密封，寄送或当面交给企业登记的联系人。激活码只印在函内，平台不保存、也不再显示；如需补发，请重新生成（旧码仍在 7 日内有效）。"
            />
          )}
        </Modal>
      )}
    </Card>
  )
}

function PosterView({ poster }: { poster: Poster }) {
  return (
    <div style={{ textAlign: 'center' }}>
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        扫码入企
      </Typography.Title>
      <Typography.Text>{poster.enterprise.name}</Typography.Text>
      <div style={{ width: 260, margin: '12px auto' }} dangerouslySetInnerHTML={{ __html: poster.svg }} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        执法人员入企检查须先扫描此码并出示执法证；未扫码、未亮证或检查事项不在公布清单内的，企业有权拒绝并向禄丰市司法局投诉。
      </Typography.Paragraph>
    </div>
  )
}

function printPoster(poster: Poster) {
  const w = window.open('', '_blank', 'width=600,height=800')
  if (!w) return
  w.document.write(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>扫码入企 ${poster.enterprise.name}</title><style>body{font-family:sans-serif;text-align:center;padding:40px}svg{width:360px;height:360px}h1{font-size:40px;color:#c8102e;margin:0}p{font-size:18px}</style></head><body><h1>扫码入企</h1><p>${poster.enterprise.name}<br>${poster.enterprise.creditCode}</p>${poster.svg}<p>执法人员入企检查须先扫描此码并出示执法证。<br>未扫码、未亮证的检查，企业有权拒绝并向禄丰市司法局投诉。</p><script>window.onload=()=>window.print()</script></body></html>`,
  )
  w.document.close()
}
