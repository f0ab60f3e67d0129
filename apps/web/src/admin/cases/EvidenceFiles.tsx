import { sha256 } from '@yangguang/ledger'
import { App, Button, Space, Tag, Upload } from 'antd'
import { useState } from 'react'

/** A file attached to an evidence item, as the API presents it. */
export type EvidenceFile = { id: string; fileName: string; mediaType: string; mediaTypeLabel: string; byteSize: number; sha256: string; attachedAt: string; url: string }

/** The types the server accepts as evidence (judged by content; the picker only offers them). */
const ACCEPT = '.jpg,.jpeg,.png,.webp,.heic,.pdf,.mp3,.m4a,.mp4,image/jpeg,image/png,image/webp,image/heic,application/pdf,audio/mpeg,audio/mp4,video/mp4'

/**
 * 证据文件: the photos, scans, recordings and videos attached to one evidence item — images as small
 * thumbnails, everything else as a download link — and, while the server allows it (the case's
 * officers and unit head, before the decision), a button to attach another. The upload is the file
 * itself, named by its SHA-256; the server judges its type by its content.
 */
export function EvidenceFiles({ caseId, evidenceId, files, mayAttach, onAttached }: { caseId: string; evidenceId: string; files: EvidenceFile[]; mayAttach: boolean; onAttached?: () => void }) {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const upload = async (file: File) => {
    setBusy(true)
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const digest = await hexSha256(bytes)
      const res = await fetch(`/api/cases/${caseId}/evidence/${evidenceId}/files/${digest}?name=${encodeURIComponent(file.name.slice(0, 200))}`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: bytes,
      })
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null
        message.error(body?.message ?? `上传失败（${res.status}）`)
        return
      }
      message.success(`已附加“${file.name}”`)
      onAttached?.()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Space wrap size={[8, 4]} data-testid={`evidence-files-${evidenceId}`}>
      {files.map((f) =>
        f.mediaType.startsWith('image/') && f.mediaType !== 'image/heic' ? (
          <a key={f.id} href={f.url} target="_blank" rel="noreferrer" title={`${f.fileName}（SHA-256 ${f.sha256}）`}>
            <img src={f.url} alt={f.fileName} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4, verticalAlign: 'middle' }} />
          </a>
        ) : (
          <a key={f.id} href={f.url} title={`SHA-256 ${f.sha256}`}>
            {f.fileName} <Tag>{f.mediaTypeLabel}</Tag>
          </a>
        ),
      )}
      {mayAttach && (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file)
            return false
          }}
        >
          <Button size="small" loading={busy}>
            附加文件
          </Button>
        </Upload>
      )}
    </Space>
  )
}

/** hex SHA-256: WebCrypto in a secure context, else the library's SHA-256 (plain-HTTP intranet deployments). */
async function hexSha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = globalThis.crypto?.subtle ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)) : sha256.digest(bytes)
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
