import { labelOf } from '@yangguang/core'
import { Card, Collapse, Empty, Flex, Space, Tag, Typography } from 'antd'
import type { CSSProperties, ReactNode } from 'react'

// Types and views of the 权责清单 shared by the portal and the admin console (they read the same
// shapes: the admin API returns a superset of the public one).

export type LegalBasis = { law: string; article: string; text: string }

/** An item as it stands in one catalogue version. */
export type CatalogueItem = {
  code: string
  name: string
  kind: string
  kindLabel: string
  domain: string
  legalBasis: LegalBasis[]
  holderNames: string[]
}

export type FieldChange =
  | { field: 'name' | 'kind' | 'domain'; before: string; after: string }
  | { field: 'legalBasis'; before: LegalBasis[]; after: LegalBasis[] }
  | { field: 'holderNames'; before: string[]; after: string[]; added: string[]; removed: string[] }

export type VersionSummary = { id: string; title: string; year: number; status: string; statusLabel: string }

export type CatalogueDiff = {
  from: VersionSummary
  to: VersionSummary
  added: CatalogueItem[]
  removed: CatalogueItem[]
  modified: Array<{ code: string; before: CatalogueItem; after: CatalogueItem; changes: FieldChange[] }>
  unchangedCount: number
}

export const diffColors = {
  added: { background: '#f6ffed', border: '#b7eb8f', tag: 'green', label: '新增' },
  removed: { background: '#fff1f0', border: '#ffa39e', tag: 'red', label: '取消' },
  modified: { background: '#fffbe6', border: '#ffe58f', tag: 'orange', label: '变更' },
} as const

const fieldLabels: Record<FieldChange['field'], string> = { name: '事项名称', kind: '事项类别', domain: '所属领域', legalBasis: '法律依据', holderNames: '实施主体' }

/** 《法律名称》第X条 */
export function citation(b: LegalBasis): string {
  return `《${b.law}》${b.article}`
}

/** The legal bases of an item: law, article and the quoted text. */
export function LegalBasisList({ bases, strike }: { bases: LegalBasis[]; strike?: boolean }) {
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      {bases.map((b, i) => (
        <div key={i} style={{ textDecoration: strike ? 'line-through' : undefined }}>
          <Typography.Text strong>{citation(b)}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', whiteSpace: 'pre-line', fontSize: 13 }}>
            {b.text}
          </Typography.Paragraph>
        </div>
      ))}
    </Space>
  )
}

/**
 * Holders in a short form: the 14 township governments read as "14个乡镇人民政府" rather than a
 * list of fourteen names.
 */
export function summarizeHolders(names: string[]): string {
  const townships = names.filter((n) => /[镇乡]人民政府$/.test(n))
  const others = names.filter((n) => !townships.includes(n))
  return [...others, ...(townships.length > 3 ? [`${townships.length}个乡镇人民政府`] : townships)].join('、') || '—'
}

/** One catalogue item as a card: name, category, domain, legal basis, holders. */
export function CatalogueItemCard({ item, extra, style }: { item: CatalogueItem; extra?: ReactNode; style?: CSSProperties }) {
  return (
    <Card size="small" style={style} styles={{ body: { padding: 12 } }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Space size={4} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.code}
          </Typography.Text>
          <Tag>{item.kindLabel}</Tag>
          <Tag color="blue">{item.domain}</Tag>
        </Space>
        {extra}
      </Flex>
      <Typography.Paragraph strong style={{ margin: '6px 0' }}>
        {item.name}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px', fontSize: 13 }}>
        法律依据：{item.legalBasis.map(citation).join('；')}
        <br />
        实施主体：{summarizeHolders(item.holderNames)}
      </Typography.Paragraph>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'basis',
            label: '查看条文与实施主体',
            children: (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <LegalBasisList bases={item.legalBasis} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  实施主体：{item.holderNames.join('、') || '—'}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  )
}

/**
 * The difference between two catalogue versions: added items on green, cancelled ones on red,
 * changed ones on yellow with each changed field before → after.
 */
export function CatalogueDiffView({ diff }: { diff: CatalogueDiff }) {
  const total = diff.added.length + diff.removed.length + diff.modified.length
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text>
        《{diff.from.title}》→《{diff.to.title}》：
        <Tag color="green">新增 {diff.added.length}</Tag>
        <Tag color="red">取消 {diff.removed.length}</Tag>
        <Tag color="orange">变更 {diff.modified.length}</Tag>
        <Tag>未变 {diff.unchangedCount}</Tag>
      </Typography.Text>
      {total === 0 && <Empty description="两个版本的事项完全相同" />}
      {diff.added.map((item) => (
        <CatalogueItemCard key={`a-${item.code}`} item={item} extra={<Tag color="green">新增</Tag>} style={boxStyle('added')} />
      ))}
      {diff.removed.map((item) => (
        <Card key={`r-${item.code}`} size="small" style={boxStyle('removed')} styles={{ body: { padding: 12 } }}>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.code} · {item.domain}
            </Typography.Text>
            <Tag color="red">取消</Tag>
          </Flex>
          <Typography.Paragraph delete style={{ margin: '6px 0 2px' }}>
            {item.name}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            原依据：{item.legalBasis.map(citation).join('；')}
          </Typography.Text>
        </Card>
      ))}
      {diff.modified.map((m) => (
        <Card key={`m-${m.code}`} size="small" style={boxStyle('modified')} styles={{ body: { padding: 12 } }}>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.code} · {m.after.domain}
            </Typography.Text>
            <Tag color="orange">变更 {m.changes.map((c) => fieldLabels[c.field]).join('、')}</Tag>
          </Flex>
          <Typography.Paragraph strong style={{ margin: '6px 0' }}>
            {m.after.name}
          </Typography.Paragraph>
          <FieldChanges changes={m.changes} />
        </Card>
      ))}
    </Space>
  )
}

/** The changed fields of one item, each before → after. */
export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {changes.map((c) => (
        <ChangeRow key={c.field} change={c} />
      ))}
    </Space>
  )
}

function ChangeRow({ change }: { change: FieldChange }) {
  const label = <Typography.Text type="secondary">{fieldLabels[change.field]}：</Typography.Text>
  if (change.field === 'legalBasis') {
    const key = (b: LegalBasis) => [b.law, b.article, b.text].map((s) => s.trim()).join('|')
    const kept = new Set(change.after.map(key))
    const had = new Set(change.before.map(key))
    const removed = change.before.filter((b) => !kept.has(key(b)))
    const added = change.after.filter((b) => !had.has(key(b)))
    const unchanged = change.after.filter((b) => had.has(key(b)))
    return (
      <div>
        {label}
        {removed.length > 0 && (
          <div style={{ background: diffColors.removed.background, padding: 6, borderRadius: 4, marginTop: 4 }}>
            <LegalBasisList bases={removed} strike />
          </div>
        )}
        {added.length > 0 && (
          <div style={{ background: diffColors.added.background, padding: 6, borderRadius: 4, marginTop: 4 }}>
            <LegalBasisList bases={added} />
          </div>
        )}
        {unchanged.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            未变：{unchanged.map(citation).join('；')}
          </Typography.Text>
        )}
      </div>
    )
  }
  if (change.field === 'holderNames') {
    return (
      <div>
        {label}
        {change.added.map((n) => (
          <Tag key={`+${n}`} color="green">
            + {n}
          </Tag>
        ))}
        {change.removed.map((n) => (
          <Tag key={`-${n}`} color="red">
            − {n}
          </Tag>
        ))}
      </div>
    )
  }
  const text = (v: string) => (change.field === 'kind' ? labelOf('powerKind', v) : v)
  return (
    <div>
      {label}
      <Typography.Text delete type="danger">
        {text(change.before)}
      </Typography.Text>
      {' → '}
      <Typography.Text type="success">{text(change.after)}</Typography.Text>
    </div>
  )
}

function boxStyle(kind: keyof typeof diffColors): CSSProperties {
  return { background: diffColors[kind].background, borderColor: diffColors[kind].border }
}
