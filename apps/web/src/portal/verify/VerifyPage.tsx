import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, MinusCircleFilled, QuestionCircleFilled, UploadOutlined } from '@ant-design/icons'
import { encodeReceiptCode, type ReceiptCode } from '@yangguang/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Collapse, Descriptions, Form, Input, InputNumber, Space, Spin, Tabs, Typography, Upload } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { ApiError } from '../../shared/api'
import {
  type Check,
  checkDocumentFile,
  type DocumentCode,
  encodeDocumentCode,
  fetchPublicDocument,
  readDocumentCode,
  readReceipt,
  verifyDocument,
  type VerifyOutcome,
  verifyRecord,
} from './verify-record'

/**
 * 存证核验 — the public verification page (no login). A citizen, a party or a court types a
 * receipt, opens the QR code of a document (`/verify?r=…`), or uploads the QR image; the page
 * checks in this browser that the record is in the signed, witnessed log, and says plainly what
 * was proven and what was not. With the original file and the salt it also checks the content.
 * A document's QR code (`/verify?d=<verify id>.<salt>`) opens the document's public facts and lets
 * the holder drop the PDF: its digest is computed here and compared with the registered one.
 */
export function VerifyPage() {
  const [params, setParams] = useSearchParams()
  const [original, setOriginal] = useState<File | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const run = useMutation({ mutationFn: ({ receipt, file }: { receipt: ReceiptCode; file?: File }) => verifyRecord(receipt, file) })
  const code = params.get('r')
  const documentCode = params.get('d')
  const started = useRef<string | null>(null)

  useEffect(() => {
    if (!code || started.current === code) return
    started.current = code
    const receipt = readReceipt(code)
    if (!receipt) setFormError('链接中的回执编号格式不正确，请核对或手动输入。')
    else run.mutate({ receipt })
  }, [code, run])

  // A typed code, an address or a scanned QR code may be a document's: that opens the document view.
  const submitText = (text: string) => {
    const doc = readDocumentCode(text)
    if (doc) {
      setFormError(null)
      setParams({ d: encodeDocumentCode(doc) }, { replace: true })
      return
    }
    submit(readReceipt(text))
  }

  const submit = (receipt: ReceiptCode | null, file = original) => {
    if (!receipt) {
      setFormError('回执格式不正确：应为“1.序号.记录哈希.盐值”形式的回执编号、核验网址，或 64 位十六进制记录哈希。')
      return
    }
    setFormError(null)
    started.current = encodeReceiptCode(receipt)
    setParams({ r: encodeReceiptCode(receipt) }, { replace: true })
    run.mutate({ receipt, file })
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          存证核验
        </Typography.Title>
        <Typography.Text type="secondary">核验一条执法记录是否已登记在本平台的存证日志中、且登记后未被篡改。全部核验在您的浏览器中完成，文件不会上传。</Typography.Text>
      </div>

      {documentCode && <DocumentVerification key={documentCode} text={documentCode} />}

      {run.isPending && (
        <Card>
          <Spin /> 正在核验 …
        </Card>
      )}
      {run.data && <Result outcome={run.data} onRetry={() => run.variables && run.mutate(run.variables)} />}
      {run.isError && (
        <Alert type="error" showIcon title="核验未能完成" description={run.error instanceof ApiError ? run.error.message : '网络或服务异常，请稍后重试。'} />
      )}
      {formError && <Alert type="warning" showIcon title={formError} />}

      <Card size="small" title="输入回执">
        <Tabs
          items={[
            { key: 'code', label: '回执编号', children: <CodeForm initial={code ?? ''} onSubmit={submitText} /> },
            { key: 'fields', label: '逐项填写', children: <FieldsForm onSubmit={submit} /> },
            { key: 'qr', label: '二维码或文件', children: <QrUpload onCode={submitText} onError={setFormError} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          可选：选择原件（如文书 PDF），在本机计算其摘要并与登记内容比对（需要回执中的盐值）。
        </Typography.Paragraph>
        <Upload
          maxCount={1}
          beforeUpload={(file) => {
            setOriginal(file)
            return false
          }}
          onRemove={() => setOriginal(undefined)}
        >
          <Button icon={<UploadOutlined />}>选择原件（不上传）</Button>
        </Upload>
      </Card>

      <Collapse
        size="small"
        items={[
          {
            key: 'how',
            label: '核验的原理',
            children: (
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                平台把每一项执法记录的摘要（不含个人信息）按顺序写入一棵只能追加的默克尔树（RFC 9162），定期用日志密钥签署树根（检查点），并由其他机关运行的见证方核对“新树包含旧树”后联署。
                本页取得检查点和包含证明后，在您的设备上核对：检查点的签名、见证方的联署、以及该记录确在树中。若平台事后修改或删除了记录，树根就会改变，签名和联署便无法通过。
                日志公钥以本站公布为准；如需完全独立的核验，请与政府信息公开渠道公布的公钥比对。
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Space>
  )
}

/**
 * A document opened from its QR code: its public facts, the log checks of its leaf, and a place to
 * drop the PDF, whose SHA-256(salt ‖ bytes) is computed on this device and compared.
 */
function DocumentVerification({ text }: { text: string }) {
  const code = readDocumentCode(text)
  const doc = useQuery({ queryKey: ['public', 'document', code?.verifyId], queryFn: () => fetchPublicDocument((code as DocumentCode).verifyId), enabled: !!code, retry: false })
  const ledger = useMutation({ mutationFn: (file?: File) => verifyDocument(doc.data!, code as DocumentCode, file) })
  const [fileCheck, setFileCheck] = useState<Check | null>(null)
  const started = useRef(false)
  useEffect(() => {
    if (!doc.data || started.current) return
    started.current = true
    ledger.mutate(undefined)
  }, [doc.data, ledger])

  if (!code) return <Alert type="warning" showIcon title="链接中的文书核验码格式不正确，请重新扫描文书上的二维码。" />
  if (doc.isLoading) return <Card><Spin /> 正在查找文书 …</Card>
  if (doc.isError || !doc.data) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="document-not-found"
        title={doc.error instanceof ApiError && doc.error.status === 404 ? '未找到该文书：核验编号不存在，文书可能是伪造的' : '文书信息加载失败，请稍后重试'}
      />
    )
  }
  const d = doc.data
  const onFile = (file: File) => {
    setFileCheck(null)
    void checkDocumentFile(d, code, file).then(setFileCheck)
    ledger.mutate(file)
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title="文书信息（公开部分）" data-testid="document-facts">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'title', label: '文书', children: d.title },
            { key: 'number', label: '文号', children: d.number ?? '（无文号）' },
            { key: 'organ', label: '制作机关', children: d.organ },
            { key: 'date', label: '签发日期', children: d.issuedOn },
            { key: 'ledger', label: '存证', children: d.ledger.status === 'integrated' ? `已纳入日志（第 ${d.ledger.index} 条）${d.ledger.inPublishedCheckpoint ? '，已在签署的检查点中' : '，尚未进入已签署的检查点'}` : '已登记，尚未纳入日志' },
          ]}
        />
        <Upload.Dragger
          accept=".pdf,application/pdf"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            onFile(file)
            return false
          }}
        >
          <p style={{ margin: 0 }}>
            <UploadOutlined /> 拖入或选择您持有的文书 PDF，核对是否为签发的原件（在本机计算，文件不上传）
          </p>
        </Upload.Dragger>
        {fileCheck && (
          <Alert
            style={{ marginTop: 12 }}
            data-testid="document-file-check"
            type={fileCheck.ok === true ? 'success' : fileCheck.ok === false ? 'error' : 'warning'}
            showIcon
            title={fileCheck.ok === true ? '文件与登记的文书一致' : fileCheck.ok === false ? '文件与登记的文书不一致' : '无法比对文件'}
            description={fileCheck.detail}
          />
        )}
      </Card>
      {ledger.isPending && (
        <Card>
          <Spin /> 正在核验存证 …
        </Card>
      )}
      {ledger.data && <Result outcome={ledger.data} onRetry={() => ledger.mutate(ledger.variables)} />}
      {ledger.isError && <Alert type="error" showIcon title="存证核验未能完成" description={ledger.error instanceof ApiError ? ledger.error.message : '网络或服务异常，请稍后重试。'} />}
    </Space>
  )
}

function CodeForm({ initial, onSubmit }: { initial: string; onSubmit: (text: string) => void }) {
  return (
    <Input.Search
      size="large"
      aria-label="回执编号"
      placeholder="1.序号.记录哈希.盐值，或核验网址"
      enterButton="核验"
      defaultValue={initial}
      key={initial}
      onSearch={(value) => value.trim() && onSubmit(value)}
    />
  )
}

function FieldsForm({ onSubmit }: { onSubmit: (receipt: ReceiptCode | null) => void }) {
  return (
    <Form
      layout="vertical"
      onFinish={(v: { index?: number | null; leafHash: string; salt?: string }) => {
        const leafHash = v.leafHash.trim().toLowerCase()
        const salt = v.salt?.trim().toLowerCase() || null
        if (!/^[0-9a-f]{64}$/.test(leafHash) || (salt !== null && !/^[0-9a-f]{32,128}$/.test(salt))) return onSubmit(null)
        onSubmit({ index: v.index ?? null, leafHash, salt })
      }}
    >
      <Form.Item label="日志序号（可不填）" name="index">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder="如 1024" />
      </Form.Item>
      <Form.Item label="记录哈希（64 位十六进制）" name="leafHash" rules={[{ required: true, message: '请输入记录哈希' }]}>
        <Input placeholder="如 6e340b9c…" autoComplete="off" />
      </Form.Item>
      <Form.Item label="盐值（可不填；核对原件时需要）" name="salt">
        <Input autoComplete="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        核验
      </Button>
    </Form>
  )
}

function QrUpload({ onCode, onError }: { onCode: (text: string) => void; onError: (message: string) => void }) {
  return (
    <Upload
      accept="image/*,.txt"
      maxCount={1}
      showUploadList={false}
      beforeUpload={(file) => {
        const read = file.type.startsWith('image/') ? decodeQrImage(file) : file.text().then((text) => text.trim().split(/\s+/)[0] ?? null)
        read.then(
          (text) => (text ? onCode(text) : onError('图片中没有识别到二维码，请拍清晰些再试。')),
          () => onError('无法读取该文件。'),
        )
        return false
      }}
    >
      <Button icon={<UploadOutlined />}>上传二维码图片或回执文件</Button>
    </Upload>
  )
}

async function decodeQrImage(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file)
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  const context = canvas.getContext('2d')
  if (!context) return null
  context.drawImage(bitmap, 0, 0)
  const image = context.getImageData(0, 0, canvas.width, canvas.height)
  const jsQR = (await import('jsqr')).default
  return jsQR(image.data, image.width, image.height)?.data ?? null
}

const verdictStyle = {
  verified: { color: '#2e7d32', icon: <CheckCircleFilled style={{ fontSize: 56 }} /> },
  failed: { color: '#c62828', icon: <CloseCircleFilled style={{ fontSize: 56 }} /> },
  pending: { color: '#ad6800', icon: <ClockCircleFilled style={{ fontSize: 56 }} /> },
  unknown: { color: '#c62828', icon: <QuestionCircleFilled style={{ fontSize: 56 }} /> },
} as const

function Result({ outcome, onRetry }: { outcome: VerifyOutcome; onRetry: () => void }) {
  const style = verdictStyle[outcome.verdict]
  const leaf = outcome.leaf
  return (
    <Card styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden', borderColor: style.color }}>
      <div data-testid="verify-verdict" style={{ background: style.color, color: '#fff', textAlign: 'center', padding: '20px 12px' }}>
        {style.icon}
        <div style={{ fontSize: 28, fontWeight: 700, letterSpacing: 4, marginTop: 6 }}>{outcome.headline}</div>
        {outcome.verdict === 'pending' && <div style={{ marginTop: 4 }}>记录已登记，通常一两秒内纳入日志并签署。</div>}
      </div>
      <div style={{ padding: 16 }}>
        {outcome.verdict === 'pending' && (
          <Button onClick={onRetry} style={{ marginBottom: 12 }}>
            重新核验
          </Button>
        )}
        {outcome.checks.length > 0 && (
          <ul data-testid="verify-checks" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {outcome.checks.map((c) => (
              <li key={c.label} style={{ display: 'flex', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                <span style={{ color: c.ok === true ? '#2e7d32' : c.ok === false ? '#c62828' : '#8c8c8c', fontSize: 18 }}>
                  {c.ok === true ? <CheckCircleFilled /> : c.ok === false ? <CloseCircleFilled /> : <MinusCircleFilled />}
                </span>
                <span>
                  <Typography.Text strong>{c.label}：</Typography.Text>
                  {c.detail}
                </span>
              </li>
            ))}
          </ul>
        )}
        {leaf && (
          <Descriptions
            column={1}
            size="small"
            style={{ marginTop: 12 }}
            title="登记的记录（公开部分，不含个人信息）"
            items={[
              { key: 'index', label: '日志序号', children: outcome.index ?? '—' },
              { key: 'act', label: '执法行为', children: String(leaf.act ?? '') },
              { key: 'type', label: '记录类型', children: String(leaf.type ?? '') },
              { key: 'id', label: '记录编号', children: <Typography.Text style={{ wordBreak: 'break-all' }}>{String(leaf.id ?? '')}</Typography.Text> },
              { key: 'ver', label: '第几次登记', children: String(leaf.ver ?? '') },
              { key: 'at', label: '登记时间', children: typeof leaf.at === 'string' ? new Date(leaf.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '' },
              { key: 'actor', label: '操作者', children: String(leaf.actor ?? '') },
            ]}
          />
        )}
        {(outcome.proven.length > 0 || outcome.notProven.length > 0) && (
          <Collapse
            size="small"
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'detail',
                label: '已证明与未证明的事项',
                children: (
                  <>
                    <Typography.Text strong>已证明</Typography.Text>
                    <ul>
                      {outcome.proven.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                    <Typography.Text strong>未证明</Typography.Text>
                    <ul style={{ marginBottom: 0 }}>
                      {outcome.notProven.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  </>
                ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12, wordBreak: 'break-all' }}>
          记录哈希 {outcome.leafHash}
          {outcome.log && (
            <>
              <br />
              日志 {outcome.log.origin} · 公钥 {outcome.log.logKey}
            </>
          )}
        </Typography.Paragraph>
      </div>
    </Card>
  )
}
