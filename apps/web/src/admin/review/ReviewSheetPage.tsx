import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Alert, Button, Card, Checkbox, Input, InputNumber, Result, Space, Statistic, Table, Tag, Typography } from 'antd'
import { labels, scoreSheet, type ReviewItem, type ReviewSheetItem } from '@yangguang/core'
import { useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { api, ApiError } from '../../shared/api'
import { EvidenceFiles } from '../cases/EvidenceFiles'
import { issueFromReviewPath } from '../supervision/supervision-shared'
import { type Sheet, gradeColor } from './review-types'

/** 评分表: item by item, deductions with reasons and evidence pages, the automatic pre-checks to confirm, live score. */
export function ReviewSheetPage() {
  const { id = '' } = useParams()
  const { message } = App.useApp()
  const client = useQueryClient()
  const navigate = useNavigate()
  const q = useQuery({ queryKey: ['review-sheet', id], queryFn: () => api.get<Sheet>(`/api/review/sheets/${id}`) })
  const [items, setItems] = useState<ReviewSheetItem[]>([])
  useEffect(() => {
    if (q.data) setItems(q.data.items)
  }, [q.data])
  const live = useMemo(() => (q.data ? scoreSheet(q.data.standard.body, { items }) : null), [q.data, items])
  if (q.isError) return <Result status="404" title="评分表不存在或无权查看" extra={<Link to="/review/my">返回我的评查</Link>} />
  if (!q.data || !live) return <Card loading />
  const sheet = q.data
  const editable = sheet.actions.includes('save')
  const entry = (code: string) => items.find((i) => i.itemCode === code)
  const update = (code: string, next: ReviewSheetItem | null) => setItems((all) => [...all.filter((i) => i.itemCode !== code), ...(next ? [next] : [])])
  const toggleDeduction = (item: ReviewItem, code: string, on: boolean) => {
    const current = entry(item.code) ?? { itemCode: item.code, deductions: [] }
    update(item.code, { ...current, deductions: on ? [...current.deductions, { code, reason: '', evidencePages: [] }] : current.deductions.filter((d) => d.code !== code) })
  }
  const patchDeduction = (itemCode: string, code: string, patch: Partial<ReviewSheetItem['deductions'][number]>) => {
    const current = entry(itemCode)
    if (current) update(itemCode, { ...current, deductions: current.deductions.map((d) => (d.code === code ? { ...d, ...patch } : d)) })
  }
  const save = () => api.patch<Sheet>(`/api/review/sheets/${id}`, { items }).then(() => message.success('已保存'))
  const submit = () =>
    api
      .patch<Sheet>(`/api/review/sheets/${id}`, { items })
      .then(() => api.post<Sheet>(`/api/review/sheets/${id}/submit`))
      .then(() => (message.success('评分表已提交'), client.invalidateQueries({ queryKey: ['review-sheet', id] })))
      .catch((e: unknown) => message.error(e instanceof ApiError ? e.message : '提交失败'))
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`评分表 · ${sheet.file.fileNo}`}
        extra={
          <Space>
            {sheet.actions.includes('supervise') && <Button onClick={() => navigate(issueFromReviewPath({ file: sheet.file.id, sheet: sheet.id }))}>制发监督文书</Button>}
            <Link to={`/review/batches/${sheet.batch.id}`}>{sheet.batch.title}</Link>
          </Space>
        }
      >
        <Space size="large" wrap>
          <span>{sheet.file.orgName}</span>
          <span>{labels.reviewFileKind[sheet.file.kind]}</span>
          <span>{sheet.file.title}</span>
          <span>结案 {sheet.file.closedOn}</span>
          <span>{labels.reviewSheetRole[sheet.role]}：{sheet.reviewerName}</span>
          <span>标准：{sheet.standard.title}（第{sheet.standard.version}版）</span>
        </Space>
        <Space size="large" style={{ marginTop: 16 }}>
          <Statistic title="当前得分" value={live.score} suffix="分" />
          {live.vetoed && <Tag color="red">触及否决项（扣分前 {live.pointsBeforeVeto} 分）</Tag>}
          {live.grade && <Tag color={gradeColor[live.grade]}>{labels.reviewGrade[live.grade]}</Tag>}
          <Typography.Text type="secondary">未评项目 {live.missingItems.length} 项</Typography.Text>
        </Space>
        {sheet.status === 'submitted' && <Alert style={{ marginTop: 12 }} type="success" message={`已提交：${sheet.score.score} 分`} />}
      </Card>
      {sheet.caseEvidence.length > 0 && (
        <Card title="案卷证据材料" size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={sheet.caseEvidence}
            columns={[
              { title: '种类', width: 140, dataIndex: 'kindLabel' },
              { title: '名称', dataIndex: 'title' },
              { title: '取得日期', width: 110, dataIndex: 'collectedOn' },
              { title: '文件', render: (_, e) => (e.files.length ? <EvidenceFiles caseId={sheet.file.caseId ?? ''} evidenceId={e.id} files={e.files} mayAttach={false} /> : '—') },
            ]}
          />
        </Card>
      )}
      {sheet.suggestions.length > 0 && (
        <Alert
          type="warning"
          message="自动预检建议（请核实后确认或忽略）"
          description={
            <ul style={{ margin: 0 }}>
              {sheet.suggestions.map((s) => (
                <li key={s.code}>
                  {s.description} —— {s.evidence}{' '}
                  {editable && !entry(s.itemCode)?.deductions.some((d) => d.code === s.deductionCode) && (
                    <Button size="small" type="link" onClick={() => {
                      const current = entry(s.itemCode) ?? { itemCode: s.itemCode, deductions: [] }
                      update(s.itemCode, { ...current, deductions: [...current.deductions, { code: s.deductionCode, reason: `自动预检：${s.evidence}`, evidencePages: [] }] })
                    }}>确认扣分</Button>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {sheet.standard.body.sections.map((section) => (
        <Card key={section.code} title={section.title} size="small">
          <Table<ReviewItem>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={section.items}
            columns={[
              { title: '项目', width: 260, render: (_, item) => <>{item.code} {item.text}{item.veto ? <Tag color="red">否决项</Tag> : <Tag>{item.maxPoints} 分</Tag>}</> },
              {
                title: '评分',
                render: (_, item) => {
                  const e = entry(item.code)
                  return (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <Checkbox disabled={!editable} checked={!!e} onChange={(ev) => update(item.code, ev.target.checked ? { itemCode: item.code, deductions: [] } : null)}>
                        {e ? (e.deductions.length === 0 ? '已评：无问题' : '已评') : '未评'}
                      </Checkbox>
                      {item.deductions.map((rule) => {
                        const chosen = e?.deductions.find((d) => d.code === rule.code)
                        return (
                          <div key={rule.code}>
                            <Checkbox disabled={!editable} checked={!!chosen} onChange={(ev) => toggleDeduction(item, rule.code, ev.target.checked)}>
                              {rule.text}{item.veto ? '' : `（${rule.points} 分）`}
                            </Checkbox>
                            {chosen && (
                              <Space wrap style={{ marginLeft: 24 }}>
                                {rule.repeatable && <InputNumber disabled={!editable} min={1} max={100} value={chosen.count ?? 1} onChange={(v) => patchDeduction(item.code, rule.code, { count: v ?? 1 })} addonAfter="处" />}
                                <Input disabled={!editable} style={{ width: 320 }} placeholder="扣分理由（必填）" value={chosen.reason} onChange={(ev) => patchDeduction(item.code, rule.code, { reason: ev.target.value })} />
                                <Input disabled={!editable} style={{ width: 160 }} placeholder="证据页码，如 3,7" value={(chosen.evidencePages ?? []).join(',')}
                                  onChange={(ev) => patchDeduction(item.code, rule.code, { evidencePages: ev.target.value.split(/[,，\s]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0) })} />
                              </Space>
                            )}
                          </div>
                        )
                      })}
                    </Space>
                  )
                },
              },
            ]}
          />
        </Card>
      ))}
      {live.problems.length > 0 && <Alert type="error" message={live.problems.map((p) => p.messageZh).join('；')} />}
      {editable && (
        <Space>
          <Button onClick={save}>保存</Button>
          <Button type="primary" disabled={!live.complete} onClick={submit}>提交评分表</Button>
          {!live.complete && <Typography.Text type="secondary">每个项目评分完毕、扣分填写理由后才能提交</Typography.Text>}
        </Space>
      )}
    </Space>
  )
}
