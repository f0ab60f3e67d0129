import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { enforcementAreas } from '@yangguang/core'
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Space, Timeline, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { api } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { PersonForm } from './PersonForm'
import { CertificateStatusTag, errorText, ReasonDialog, type ReasonRequest } from './registry-shared'
import type { Certificate, PersonDetail } from './registry-types'

const areaOptions = enforcementAreas.map((a) => ({ value: a, label: a }))

/** An officer with their certificates, each with its QR code, actions and history. */
export function PersonDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [editing, setEditing] = useState(false)
  const [issuing, setIssuing] = useState(false)
  const [reason, setReason] = useState<ReasonRequest | null>(null)
  const detail = useQuery({ queryKey: ['persons', 'one', id], queryFn: () => api.get<PersonDetail>(`/api/persons/${id}`) })
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['persons'] })
    client.invalidateQueries({ queryKey: ['certificates'] })
    client.invalidateQueries({ queryKey: ['orgs'] })
    client.invalidateQueries({ queryKey: ['todos'] })
  }
  const p = detail.data?.person
  const has = (a: string) => Boolean(p?.actions.includes(a))
  return (
    <Drawer open onClose={onClose} size={760} title={p ? `${p.name} · ${p.orgName}` : '执法人员'} loading={detail.isLoading}>
      {detail.isError && <Alert type="error" title={errorText(detail.error)} />}
      {p && detail.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            {has('update') && <Button onClick={() => setEditing(true)}>修改</Button>}
            {has('issue_certificate') && (
              <Button type="primary" onClick={() => setIssuing(true)}>
                核发执法证
              </Button>
            )}
            {has('leave') && (
              <Button danger onClick={() => setReason({ title: `${p.name} 离岗`, okText: '标记离岗', danger: true, hint: '离岗后请由司法局注销其执法证', run: (r) => api.post(`/api/persons/${id}/leave`, { reason: r }) })}>
                标记离岗
              </Button>
            )}
            {has('rejoin') && <Button onClick={() => setReason({ title: `${p.name} 返岗`, okText: '标记返岗', run: (r) => api.post(`/api/persons/${id}/rejoin`, { reason: r }) })}>标记返岗</Button>}
          </Space>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'name', label: '姓名', children: p.name },
              { key: 'sex', label: '性别', children: p.sexLabel },
              { key: 'id', label: '身份证号', span: 2, children: <Typography.Text code copyable={Boolean(p.idNumber)}>{p.idNumber ?? p.idNumberMasked}</Typography.Text> },
              { key: 'org', label: '单位', span: 2, children: p.orgName },
              { key: 'position', label: '职务', children: p.position ?? '—' },
              { key: 'phone', label: '手机', children: p.phone ?? '—' },
              { key: 'user', label: '平台账号', children: p.username ?? '未关联' },
              { key: 'status', label: '状态', children: p.statusLabel },
              { key: 'legal', label: '法律职业资格', span: 2, children: p.legalQualificationNo ? `${p.legalQualificationNo}（${p.legalQualificationOn} 取得）` : '未登记' },
              ...(p.legalReviewSince ? [{ key: 'legalSince', label: '从事法制审核工作起始日期', span: 2, children: p.legalReviewSince }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            执法证
          </Typography.Title>
          {detail.data.certificates.length === 0 && <Empty description="尚未核发执法证" />}
          {detail.data.certificates.map((c) => (
            <CertificateCard key={c.id} cert={c} onAction={setReason} onChanged={refresh} />
          ))}
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
      {editing && p && <PersonForm person={p} onClose={() => setEditing(false)} />}
      {issuing && p && (
        <IssueForm
          personId={id}
          onClose={() => setIssuing(false)}
          onSaved={() => {
            setIssuing(false)
            refresh()
          }}
        />
      )}
    </Drawer>
  )
}

function CertificateCard({ cert: c, onAction, onChanged }: { cert: Certificate; onAction: (r: ReasonRequest) => void; onChanged: () => void }) {
  const [changing, setChanging] = useState(false)
  const [renewing, setRenewing] = useState(false)
  const has = (a: string) => c.actions.includes(a)
  const url = `/api/certificates/${c.id}`
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{c.certNo}</span>
          <CertificateStatusTag status={c.effectiveStatus} label={c.statusLabel} />
          {c.effectiveStatus === 'valid' && c.daysLeft <= 30 && <Typography.Text type="danger">剩 {c.daysLeft} 天到期</Typography.Text>}
        </Space>
      }
      extra={
        <Button size="small" onClick={() => printQr(c)}>
          打印二维码
        </Button>
      }
    >
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <img src={c.qrSvgUrl} alt={`执法证 ${c.certNo} 查验二维码`} width={132} height={132} style={{ border: '1px solid #f0f0f0' }} />
        <div style={{ flex: 1, minWidth: 260 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'areas', label: '执法领域', children: c.areas.join('、') },
              { key: 'issuer', label: '发证机关', children: c.issuer },
              { key: 'term', label: '有效期', children: `${c.validFrom} 至 ${c.validTo}` },
              { key: 'url', label: '查验地址', children: <Typography.Link href={c.checkUrl} target="_blank">{c.checkUrl}</Typography.Link> },
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            {has('change') && (
              <Button size="small" onClick={() => setChanging(true)}>
                变更
              </Button>
            )}
            {has('renew') && (
              <Button size="small" onClick={() => setRenewing(true)}>
                换证/延续
              </Button>
            )}
            {has('suspend') && (
              <Button size="small" danger onClick={() => onAction({ title: `暂扣执法证 ${c.certNo}`, okText: '暂扣', danger: true, run: (r) => api.post(`${url}/suspend`, { reason: r }) })}>
                暂扣
              </Button>
            )}
            {has('restore') && (
              <Button size="small" onClick={() => onAction({ title: `恢复执法证 ${c.certNo}`, okText: '恢复', run: (r) => api.post(`${url}/restore`, { reason: r }) })}>
                恢复
              </Button>
            )}
            {has('cancel') && (
              <Button size="small" danger onClick={() => onAction({ title: `注销执法证 ${c.certNo}`, okText: '注销', danger: true, hint: '注销后不可恢复，如需继续执法须重新发证', run: (r) => api.post(`${url}/cancel`, { reason: r }) })}>
                注销
              </Button>
            )}
          </Space>
        </div>
      </div>
      {c.events && c.events.length > 0 && (
        <Timeline
          style={{ marginTop: 16 }}
          items={c.events.map((e) => ({
            key: e.id,
            color: e.action === 'cancel' || e.action === 'suspend' ? 'red' : e.action === 'issue' ? 'green' : 'blue',
            title: `${e.actionLabel} · ${formatTime(e.at)}`,
            content: `${e.reason}${e.actorName ? `（${e.actorName}）` : ''}`,
          }))}
        />
      )}
      {changing && <ChangeForm cert={c} onClose={() => setChanging(false)} onSaved={() => { setChanging(false); onChanged() }} />}
      {renewing && <RenewForm cert={c} onClose={() => setRenewing(false)} onSaved={() => { setRenewing(false); onChanged() }} />}
    </Card>
  )
}

function IssueForm({ personId, onClose, onSaved }: { personId: string; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const save = useMutation({
    mutationFn: (v: { certNo?: string; areas: string[]; issuer: string; term: [Dayjs, Dayjs]; reason?: string }) =>
      api.post(`/api/persons/${personId}/certificates`, {
        certNo: v.certNo || undefined,
        areas: v.areas,
        issuer: v.issuer,
        validFrom: v.term[0].format('YYYY-MM-DD'),
        validTo: v.term[1].format('YYYY-MM-DD'),
        reason: v.reason || undefined,
      }),
    onSuccess: () => {
      message.success('执法证已核发')
      onSaved()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title="核发执法证" onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" initialValues={{ issuer: '云南省人民政府', term: [dayjs(), dayjs().add(5, 'year').subtract(1, 'day')] }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="certNo" label="执法证号" extra="留空则自动编号：县级区域代码6位 + 年份4位 + 顺序号4位，如 53233120250001">
          <Input allowClear />
        </Form.Item>
        <Form.Item name="areas" label="执法领域" rules={[{ required: true, message: '请至少选择一个执法领域' }]}>
          <Select mode="tags" options={areaOptions} placeholder="可选择或输入" />
        </Form.Item>
        <Form.Item name="issuer" label="发证机关" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="term" label="有效期" rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="说明">
          <Input placeholder="如：经行政执法人员资格考试合格" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          核发
        </Button>
      </Form>
    </Modal>
  )
}

function ChangeForm({ cert, onClose, onSaved }: { cert: Certificate; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const save = useMutation({
    mutationFn: (v: { areas: string[]; issuer: string; reason: string }) => api.post(`/api/certificates/${cert.id}/change`, v),
    onSuccess: () => {
      message.success('已变更')
      onSaved()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title={`变更执法证 ${cert.certNo}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" initialValues={{ areas: cert.areas, issuer: cert.issuer }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="areas" label="执法领域" rules={[{ required: true }]}>
          <Select mode="tags" options={areaOptions} />
        </Form.Item>
        <Form.Item name="issuer" label="发证机关" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="变更原因" rules={[{ required: true, min: 2, message: '请填写原因' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          变更
        </Button>
      </Form>
    </Modal>
  )
}

function RenewForm({ cert, onClose, onSaved }: { cert: Certificate; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const save = useMutation({
    mutationFn: (v: { validTo: Dayjs; reason: string }) => api.post(`/api/certificates/${cert.id}/renew`, { validTo: v.validTo.format('YYYY-MM-DD'), reason: v.reason }),
    onSuccess: () => {
      message.success('有效期已延续')
      onSaved()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title={`换证/延续 ${cert.certNo}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">原有效期至 {cert.validTo}。</Typography.Paragraph>
      <Form layout="vertical" initialValues={{ validTo: dayjs(cert.validTo).add(5, 'year') }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="validTo" label="新的有效期截止日" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(cert.validTo), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写原因' }]}>
          <Input.TextArea rows={2} placeholder="如：年度审验合格" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          确定
        </Button>
      </Form>
    </Modal>
  )
}

/** Opens a print view: the QR code with the holder, number and term, sized for a card sleeve. */
function printQr(c: Certificate) {
  const w = window.open('', '_blank', 'width=420,height=560')
  if (!w) return
  const doc = w.document
  doc.title = `执法证 ${c.certNo}`
  const box = doc.createElement('div')
  box.style.cssText = 'font-family:sans-serif;text-align:center;padding:24px'
  const heading = doc.createElement('h2')
  heading.textContent = '行政执法证查验'
  const img = doc.createElement('img')
  img.src = new URL(c.qrSvgUrl, window.location.origin).toString()
  img.width = 240
  img.height = 240
  const lines = [`${c.personName} · ${c.orgName}`, `证号 ${c.certNo}`, `有效期至 ${c.validTo}`, '扫码查验证件是否有效']
  box.append(heading, img, ...lines.map((text) => Object.assign(doc.createElement('p'), { textContent: text })))
  doc.body.append(box)
  img.onload = () => w.print()
}
