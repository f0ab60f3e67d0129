import { DownloadOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { api, ApiError } from '../../shared/api'

/** What `POST /api/public/case-lookup` answers. */
type LookupResult = {
  caseNo: string
  title: string
  status: string
  statusLabel: string
  organ: string
  organPhone: string | null
  decidedOn: string | null
  fineFen: number
  today: string
  deadlines: Array<{ kind: string; label: string; dueOn: string; basis: string; provisional: boolean; daysLeft: number }>
  documents: Array<{ id: string; kind: string; title: string; number: string | null; issuedOn: string }>
}

type Credentials = { caseNo: string; code: string }

/**
 * 案件查询 — the party looks up their own case without an account, with the case number and the
 * query code printed on the documents delivered to them: status, deadlines with days left, and
 * those documents to download. The code is sent in the request body, never in the address.
 */
export function CaseLookupPage() {
  const [credentials, setCredentials] = useState<Credentials | null>(null)
  const lookup = useMutation({ mutationFn: (c: Credentials) => api.post<LookupResult>('/api/public/case-lookup', c) })
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          案件查询
        </Typography.Title>
        <Typography.Text type="secondary">当事人凭送达文书上打印的案件编号和查询码，查看本案办理进度、期限和送达给您的文书。查询码请勿告知他人。</Typography.Text>
      </div>
      <Card size="small">
        <Form<Credentials>
          layout="vertical"
          onFinish={(v) => {
            const c = { caseNo: v.caseNo.trim(), code: v.code.trim() }
            setCredentials(c)
            lookup.mutate(c)
          }}
        >
          <Form.Item label="案件编号" name="caseNo" rules={[{ required: true, message: '请输入案件编号' }]}>
            <Input placeholder="如 禄住建立〔2026〕3号" autoComplete="off" />
          </Form.Item>
          <Form.Item label="查询码" name="code" rules={[{ required: true, message: '请输入查询码' }]}>
            <Input placeholder="文书上的 8 位查询码" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isPending}>
            查询
          </Button>
        </Form>
      </Card>
      {lookup.isError && (
        <Alert type="error" showIcon title={lookup.error instanceof ApiError ? lookup.error.message : '查询失败，请稍后重试'} data-testid="lookup-error" />
      )}
      {lookup.data && credentials && <Result result={lookup.data} credentials={credentials} />}
    </Space>
  )
}

function Result({ result, credentials }: { result: LookupResult; credentials: Credentials }) {
  const [error, setError] = useState<string | null>(null)
  const download = async (doc: LookupResult['documents'][number]) => {
    setError(null)
    const res = await fetch(`/api/public/case-lookup/documents/${doc.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    })
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { message?: string }
      setError(body.message ?? '下载失败')
      return
    }
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = `${doc.title}${doc.number ? `（${doc.number}）` : ''}.pdf`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return (
    <Card size="small" data-testid="lookup-result" title={result.title}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'no', label: '案件编号', children: result.caseNo },
          { key: 'status', label: '办理状态', children: <Tag color="blue">{result.statusLabel}</Tag> },
          { key: 'organ', label: '办理机关', children: `${result.organ}${result.organPhone ? `（${result.organPhone}）` : ''}` },
          ...(result.decidedOn ? [{ key: 'decided', label: '决定日期', children: result.decidedOn }] : []),
        ]}
      />
      {result.deadlines.length > 0 && (
        <>
          <Typography.Title level={5}>期限</Typography.Title>
          <List
            size="small"
            dataSource={result.deadlines}
            renderItem={(d) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                    <span>{d.label}</span>
                    <span>
                      {d.dueOn} <Tag color={d.daysLeft < 0 ? 'red' : d.daysLeft <= 3 ? 'orange' : 'green'}>{d.daysLeft < 0 ? `已过 ${-d.daysLeft} 天` : d.daysLeft === 0 ? '今天到期' : `还剩 ${d.daysLeft} 天`}</Tag>
                      {d.provisional && <Tag color="warning">暂定</Tag>}
                    </span>
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.basis}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Title level={5}>送达给您的文书</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={result.documents}
        locale={{ emptyText: '暂无' }}
        renderItem={(doc) => (
          <List.Item actions={[<Button key="dl" size="small" icon={<DownloadOutlined />} onClick={() => void download(doc)}>下载</Button>]}>
            <List.Item.Meta title={doc.title} description={`${doc.number ?? ''} ${doc.issuedOn}`} />
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        每份文书右下角的二维码可在“存证核验”页核验真伪：选择下载的 PDF 文件，浏览器会计算其摘要并与登记的存证比对。
      </Typography.Paragraph>
    </Card>
  )
}
