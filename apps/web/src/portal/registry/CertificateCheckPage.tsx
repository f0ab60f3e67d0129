import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Descriptions, Input, Space, Spin, Typography } from 'antd'
import { useNavigate, useParams } from 'react-router'
import { api, ApiError } from '../../shared/api'
import { formatDate } from '../../shared/format'
import type { PublicCertificate } from './public-registry-types'

/**
 * 证件查验: what a party sees after scanning the QR code on an officer's certificate (亮证执法):
 * a large VALID / INVALID answer for today, then who holds it and what it covers.
 */
export function CertificateCheckPage() {
  const { certNo } = useParams()
  const navigate = useNavigate()
  const check = useQuery({
    queryKey: ['public', 'certificate', certNo],
    queryFn: () => api.get<{ certificate: PublicCertificate }>(`/api/public/certificates/${encodeURIComponent(certNo ?? '')}`),
    enabled: Boolean(certNo),
    retry: false,
  })
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 560, margin: '0 auto', display: 'flex' }}>
      {certNo && check.isLoading && (
        <Card>
          <Spin /> 正在查验 {certNo} …
        </Card>
      )}
      {check.data && <Verdict cert={check.data.certificate} />}
      {check.isError && <NotFound message={check.error instanceof ApiError ? check.error.message : '查验失败，请稍后重试'} />}
      <Card size="small" title={certNo ? '查验其他证件' : '执法证查验'}>
        <Typography.Paragraph type="secondary">执法人员应当主动出示执法证件。请输入证件上的执法证号，或用手机扫描证件上的二维码。</Typography.Paragraph>
        <Input.Search
          size="large"
          placeholder="执法证号，如 53233120250001"
          enterButton="查验"
          key={certNo}
          defaultValue={certNo}
          inputMode="numeric"
          onSearch={(v) => {
            const value = v.trim()
            if (value) navigate(`/certificates/${encodeURIComponent(value)}`)
          }}
        />
      </Card>
    </Space>
  )
}

function Verdict({ cert: c }: { cert: PublicCertificate }) {
  const valid = c.validToday
  const color = valid ? '#2e7d32' : '#c62828'
  return (
    <Card styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden', borderColor: color }}>
      <div data-testid="certificate-verdict" style={{ background: color, color: '#fff', textAlign: 'center', padding: '24px 12px' }}>
        {valid ? <CheckCircleFilled style={{ fontSize: 64 }} /> : <CloseCircleFilled style={{ fontSize: 64 }} />}
        <div style={{ fontSize: 34, fontWeight: 700, letterSpacing: 6, marginTop: 8 }}>{valid ? '有效' : '无效'}</div>
        <div style={{ fontSize: 18, marginTop: 4 }}>{valid ? `今日（${formatDate(c.checkedOn)}）可依法执法` : `证件状态：${c.statusLabel}`}</div>
      </div>
      <div style={{ padding: 16 }}>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {c.holderName}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {c.orgName}
        </Typography.Text>
        <Descriptions
          column={1}
          size="small"
          style={{ marginTop: 12 }}
          items={[
            { key: 'no', label: '执法证号', children: <Typography.Text strong>{c.certNo}</Typography.Text> },
            { key: 'status', label: '证件状态', children: <span style={{ color, fontWeight: 600 }}>{c.statusLabel}</span> },
            { key: 'areas', label: '执法领域', children: c.areas.join('、') },
            { key: 'to', label: '有效期至', children: formatDate(c.validTo) },
            { key: 'issuer', label: '发证机关', children: c.issuer },
            { key: 'checked', label: '查验日期', children: formatDate(c.checkedOn) },
          ]}
        />
        {!valid && (
          <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
            该证件今日不能用于执法。如对执法行为有异议，可向禄丰市司法局反映。
          </Typography.Paragraph>
        )}
      </div>
    </Card>
  )
}

function NotFound({ message }: { message: string }) {
  return (
    <Card style={{ borderColor: '#ad6800' }} styles={{ body: { textAlign: 'center' } }}>
      <QuestionCircleFilled style={{ fontSize: 56, color: '#ad6800' }} />
      <div style={{ fontSize: 24, fontWeight: 700, margin: '8px 0', color: '#ad6800' }}>未查到该证件</div>
      <Typography.Paragraph>{message}</Typography.Paragraph>
      <Button href="/portal/officers">查看执法人员名单</Button>
    </Card>
  )
}
