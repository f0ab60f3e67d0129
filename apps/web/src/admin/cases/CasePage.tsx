import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type CaseAction, type CaseStatus, labels } from '@yangguang/core'
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, List, Row, Space, Spin, Steps, Table, Tag, Timeline, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { api } from '../../shared/api'
import { formatTime } from '../../shared/format'
import { CaseActionModal } from './CaseActionModal'
import { ProposalReviewPanel } from './ProposalReviewPanel'
import { EvidenceFiles } from './EvidenceFiles'
import { CaseStatusTag, daysLeftText, deadlineColor, errorText, yuan } from './case-shared'
import type { CaseActionView, CaseDeadline, CaseDetail, CaseDocument, CaseEvent, Publication } from './case-types'

/** The main line of the general procedure, as the progress bar shows it. */
const mainLine: CaseStatus[] = ['registered', 'filing_approval', 'investigating', 'under_review', 'notified', 'legal_review', 'pending_decision', 'decided', 'executing', 'closed', 'archived']
/** Statuses shown on the step of another: 听证 belongs to 告知, 催告 to 执行. */
const stepOf: Partial<Record<CaseStatus, CaseStatus>> = { hearing: 'notified', enforcement: 'executing' }
const exits: CaseStatus[] = ['not_filed', 'terminated', 'transferred', 'suspended', 'revoked']

/** 案件详情: everything about one case, and the acts the server says the caller may take now. */
export function CasePage() {
  const { id = '' } = useParams()
  const client = useQueryClient()
  const detail = useQuery({ queryKey: ['cases', 'one', id], queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`) })
  const documents = useQuery({ queryKey: ['cases', 'documents', id], queryFn: () => api.get<{ items: CaseDocument[] }>(`/api/cases/${id}/documents`) })
  const [acting, setActing] = useState<{ action: CaseAction; preset?: Record<string, unknown> } | null>(null)
  const refresh = () => client.invalidateQueries({ queryKey: ['cases'] })
  if (detail.isLoading) return <Spin />
  if (detail.isError || !detail.data) return <Alert type="error" showIcon title={errorText(detail.error)} action={<Link to="/cases">返回案件列表</Link>} />
  const d = detail.data
  const c = d.case
  const extendAllowed = d.actions.some((a) => a.action === 'extend_deadline' && a.allowed)

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="case-no">{c.caseNo ?? '（未立案）'}</span>
            <span data-testid="case-status">
              <CaseStatusTag status={c.status} label={c.statusLabel} />
            </span>
            <Tag>{c.procedureLabel}</Tag>
            {c.major && <Tag color="red">重大案件</Tag>}
            {c.outsideBenchmark && <Tag color="volcano">超出裁量基准</Tag>}
          </Space>
        }
        extra={<Link to="/cases">返回案件列表</Link>}
      >
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {c.title}
        </Typography.Title>
        <CaseSteps d={d} />
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="当事人">
            {c.party.name}（{c.party.kindLabel}）
          </Descriptions.Item>
          <Descriptions.Item label={c.party.kind === 'person' ? '公民身份号码' : '统一社会信用代码'}>{c.party.kind === 'person' ? (c.party.idNumber ?? '—') : (c.party.creditCode ?? '—')}</Descriptions.Item>
          {c.party.kind === 'organization' && <Descriptions.Item label="法定代表人">{c.party.legalRep ?? '—'}</Descriptions.Item>}
          <Descriptions.Item label="处罚事项">
            {c.powerItem.code} {c.powerItem.name}
          </Descriptions.Item>
          <Descriptions.Item label="案件来源">
            {c.sourceLabel}
            {c.sourceNote ? `（${c.sourceNote}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="办案单位">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="违法行为发生日">
            {c.actDate}
            {c.actEndDate ? ` 至 ${c.actEndDate}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="违法地点">{c.actPlace ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="立案日">{c.filedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="法制审核">{c.legalReviewRequired ? `须经法制审核${c.legalReviewReasons.length ? `（${c.legalReviewReasons.join('；')}）` : ''}` : '不需要'}</Descriptions.Item>
          {c.decision && (
            <Descriptions.Item label="处罚决定">
              {c.decision.outcome ? labels.decisionOutcome[c.decision.outcome] : ''}
              {(c.decision.kinds ?? []).length > 0 && `：${(c.decision.kinds ?? []).map((k) => labels.penaltyKind[k]).join('、')}`}
              {c.fineFen > 0 && ` 罚款 ${yuan(c.fineFen)}`}
              {c.decidedOn && `（${c.decidedOn}）`}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="违法事实" span="filled">
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.facts ?? '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <ActionsPanel actions={d.actions} onAct={(action) => setActing({ action })} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="期限" size="small">
            <DeadlineTable deadlines={d.deadlines} extendAllowed={extendAllowed} onExtend={(x) => setActing({ action: 'extend_deadline', preset: { kind: x.kind } })} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="承办人" size="small">
            <List
              size="small"
              dataSource={d.officers}
              renderItem={(o) => (
                <List.Item>
                  {o.name} {o.role === 'lead' && <Tag color="blue">主办</Tag>}
                  <span style={{ color: o.certValid ? '#888' : '#c8102e' }}>
                    执法证 {o.certNo ?? '—'}
                    {!o.certValid && '（无效）'}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="证据" size="small">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.evidence}
              locale={{ emptyText: '尚未登记证据' }}
              columns={[
                { title: '种类', width: 120, render: (_, e) => e.kindLabel },
                { title: '名称', render: (_, e) => <Tooltip title={e.description}>{e.title}</Tooltip> },
                { title: '取得日期', dataIndex: 'collectedOn', width: 110 },
                { title: '执法人员', render: (_, e) => e.officerIds.map((pid) => d.officers.find((o) => o.personId === pid)?.name ?? '—').join('、') },
                { title: '文件', render: (_, e) => <EvidenceFiles caseId={c.id} evidenceId={e.id} files={e.files} mayAttach={d.mayAttachEvidenceFiles} onAttached={refresh} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="文书" size="small">
            {documents.isError && <Alert type="error" title={errorText(documents.error)} />}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              loading={documents.isLoading}
              dataSource={documents.data?.items}
              locale={{ emptyText: '尚无文书' }}
              columns={[
                { title: '文书', render: (_, d) => d.title },
                { title: '文号', render: (_, d) => d.number ?? '—' },
                { title: '日期', width: 110, dataIndex: 'issuedOn' },
                {
                  title: '',
                  width: 90,
                  render: (_, d) => (
                    <a href={d.pdfUrl} download title={`SHA-256 ${d.sha256}；核验编号 ${d.verifyId}`}>
                      下载 PDF
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      {c.proposal && <ProposalReviewPanel caseId={c.id} />}

      {(c.fineFen > 0 || d.payments.length > 0 || d.remedies.length > 0) && <PaymentsCard d={d} />}

      {c.decidedOn && <PublicationCard caseId={c.id} />}

      {d.preservations.length > 0 && <PreservationsCard d={d} />}

      <Card title="办理记录" size="small">
        {d.events.length === 0 ? (
          <Empty />
        ) : (
          <Timeline
            items={d.events.map((e) => ({
              key: e.seq,
              // A move of the case is green, a side exit red, a record on the case (evidence, payment…) grey.
              color: exits.includes(e.toStatus as CaseStatus) && e.fromStatus !== e.toStatus ? 'red' : e.fromStatus !== e.toStatus ? 'green' : 'gray',
              title: `${e.label} · ${e.actorName} · ${formatTime(e.at)}`,
              content: (
                <>
                  {e.fromStatus !== e.toStatus && (
                    <span style={{ color: '#888' }}>
                      {e.fromStatusLabel} → {e.toStatusLabel}
                      {e.onDate ? `（${e.onDate}）` : ''}
                    </span>
                  )}
                  {eventSummary(e) && <div>{eventSummary(e)}</div>}
                  {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                </>
              ),
            }))}
          />
        )}
      </Card>

      {acting && (
        <CaseActionModal
          c={d}
          action={acting.action}
          label={d.actions.find((a) => a.action === acting.action)?.label ?? labels.caseAction[acting.action]}
          preset={acting.preset}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null)
            void refresh()
          }}
        />
      )}
    </Space>
  )
}

function CaseSteps({ d }: { d: CaseDetail }) {
  const c = d.case
  const exited = exits.includes(c.status)
  // A side exit shows where the case left the main line: the status it had before the exit.
  const lastMain = exited ? ([...d.events].reverse().find((e) => e.toStatus === c.status)?.fromStatus as CaseStatus | undefined) : c.status
  const at = mainLine.indexOf(stepOf[lastMain ?? 'registered'] ?? lastMain ?? 'registered')
  const steps = c.procedure === 'simple' ? (['decided', 'executing', 'closed', 'archived'] as CaseStatus[]) : mainLine
  const current = Math.max(0, steps.indexOf(mainLine[at] ?? 'registered'))
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      responsive
      current={current}
      status={exited ? 'error' : c.status === 'archived' ? 'finish' : 'process'}
      items={steps.map((s, i) => ({
        title: s === 'notified' ? '告知与听证' : labels.caseStatus[s],
        content: i === current && exited ? labels.caseStatus[c.status] : undefined,
      }))}
    />
  )
}

function ActionsPanel({ actions, onAct }: { actions: CaseActionView[]; onAct: (action: CaseAction) => void }) {
  if (actions.length === 0) return null
  const allowed = actions.filter((a) => a.allowed)
  // Acts that belong to someone else (the head, the legal reviewer…) are listed as who acts next;
  // acts the caller could take but a rule blocks are greyed buttons with the rule's message.
  const othersOnly = actions.filter((a) => !a.allowed && a.refusals.every((r) => r.guard === 'policy'))
  const blocked = actions.filter((a) => !a.allowed && !othersOnly.includes(a))
  return (
    <Card title="可办理的事项" size="small" data-testid="case-actions">
      <Space wrap>
        {allowed.map((a) => (
          <Button key={a.action} type={moves.has(a.action) ? 'primary' : 'default'} danger={dangerous.has(a.action)} onClick={() => onAct(a.action)}>
            {a.label}
          </Button>
        ))}
        {blocked.map((a) => (
          <Tooltip
            key={a.action}
            title={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {a.refusals.map((r) => (
                  <li key={r.guard}>{r.message}</li>
                ))}
              </ul>
            }
          >
            <Button disabled>{a.label}</Button>
          </Tooltip>
        ))}
        {allowed.length === 0 && blocked.length === 0 && <span style={{ color: '#888' }}>当前没有由您办理的事项</span>}
      </Space>
      {blocked.length > 0 && (
        <details style={{ marginTop: 8, color: '#888' }}>
          <summary>暂不能办理的原因</summary>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {blocked.flatMap((a) =>
              a.refusals.map((r) => (
                <li key={`${a.action}-${r.guard}`}>
                  {a.label}：{r.message}
                </li>
              )),
            )}
          </ul>
        </details>
      )}
      {othersOnly.length > 0 && (
        <div style={{ marginTop: 8, color: '#888', fontSize: 12 }} data-testid="others-acts">
          由他人办理：{othersOnly.map((a) => a.refusals[0]?.message.replace(/^“(.+)”须由(.+)进行$/, '$1（$2）') ?? a.label).join('；')}
        </div>
      )}
    </Card>
  )
}

const moves = new Set<CaseAction>(['submit_filing', 'approve_filing', 'finish_investigation', 'notify', 'conclude_statements', 'submit_legal_review', 'pass_legal_review', 'decide', 'deliver', 'close', 'archive', 'resume', 'request_hearing', 'remind'])
const dangerous = new Set<CaseAction>(['reject_filing', 'terminate', 'suspend', 'revoke_decision', 'fail_legal_review', 'return_investigation', 'transfer'])

function DeadlineTable({ deadlines, extendAllowed, onExtend }: { deadlines: CaseDeadline[]; extendAllowed: boolean; onExtend: (d: CaseDeadline) => void }) {
  return (
    <Table<CaseDeadline>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={deadlines}
      locale={{ emptyText: '暂无期限' }}
      scroll={{ x: 560 }}
      columns={[
        {
          title: '期限',
          render: (_, d) => (
            <>
              <Tooltip title={d.reason ? `延长理由：${d.reason}` : undefined}>{d.label}</Tooltip>
              {d.extension && (
                <div style={{ color: d.extension.lawful ? '#888' : '#c8102e', fontSize: 12 }}>
                  {d.extension.groundLabel}（{d.extension.extendedOn}，自 {d.extension.fromDueOn}）{d.extension.lawful ? '' : '：记录于期限届满之后，不计入'}
                </div>
              )}
              {d.originalDueOn !== d.dueOn && <div style={{ color: '#888', fontSize: 12 }}>法定届满日 {d.originalDueOn}</div>}
              {d.outcome === 'met_late' && <Tag color="red">逾期办理（{d.metOn}）</Tag>}
              <div style={{ color: '#888', fontSize: 12 }}>
                {d.basis}（{d.days}{d.unit === 'working_days' ? '个工作日' : '日'}）
              </div>
            </>
          ),
        },
        {
          title: '届满日',
          width: 150,
          render: (_, d) => (
            <Space size={4}>
              {d.dueOn}
              {d.provisional && (
                <Tooltip title="涉及尚未公布节假日安排的年份，为暂定期限">
                  <Tag color="warning">暂定</Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        {
          title: '剩余',
          width: 170,
          render: (_, d) =>
            d.status === 'open' ? (
              <Space size={4} wrap>
                <Tag color={deadlineColor(d.state, d.daysLeft) ?? 'default'}>{daysLeftText(d.daysLeft)}</Tag>
                {d.unit === 'working_days' && d.workingDaysLeft !== null && d.workingDaysLeft >= 0 && <span style={{ color: '#888' }}>{d.workingDaysLeft} 个工作日</span>}
              </Space>
            ) : (
              '—'
            ),
        },
        { title: '状态', width: 90, render: (_, d) => <Tag color={d.status === 'missed' ? 'red' : d.status === 'met' ? 'green' : d.status === 'open' ? 'blue' : 'default'}>{deadlineStatusLabels[d.status]}</Tag> },
        ...(extendAllowed
          ? [
              {
                title: '',
                width: 70,
                render: (_: unknown, d: CaseDeadline) =>
                  d.status === 'open' && d.extendable && (
                    <Button size="small" type="link" onClick={() => onExtend(d)}>
                      延长
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  )
}

const deadlineStatusLabels: Record<CaseDeadline['status'], string> = { open: '进行中', met: '已完成', missed: '已超期', superseded: '已延长', cancelled: '已取消' }

function PaymentsCard({ d }: { d: CaseDetail }) {
  const c = d.case
  const x = d.execution
  return (
    <Card title="执行" size="small">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="罚款">{yuan(c.fineFen)}</Descriptions.Item>
        {x && <Descriptions.Item label="已缴罚款">{yuan(x.finePaidFen)}</Descriptions.Item>}
        <Descriptions.Item label="缴款期限">{c.paymentDueOn ?? '—'}</Descriptions.Item>
        {c.confiscateFen > 0 && <Descriptions.Item label="没收违法所得">{yuan(c.confiscateFen)}</Descriptions.Item>}
        {x && (
          <Descriptions.Item label={`加处罚款（截至 ${x.asOf}）`}>
            <span data-testid="late-fee">{yuan(x.lateFeeFen)}</span>
            {x.lateFeeDays > 0 && `（${x.lateFeeDays} 日）`}
            {x.paused && <Tag style={{ marginInlineStart: 8 }}>复议或诉讼期间暂停计算</Tag>}
          </Descriptions.Item>
        )}
        {x && d.instalments.length > 0 && <Descriptions.Item label="已到期未缴罚款">{yuan(x.overdueFineFen)}</Descriptions.Item>}
        {x && <Descriptions.Item label="尚欠">{yuan(x.outstandingFen)}</Descriptions.Item>}
        {x && <Descriptions.Item label="执行情况">{x.complete ? <Tag color="green">执行完毕</Tag> : <Tag color="orange">未执行完毕</Tag>}</Descriptions.Item>}
      </Descriptions>
      {d.instalments.length > 0 && (
        <>
          <Typography.Text strong>暂缓或分期缴纳</Typography.Text>
          <List size="small" dataSource={d.instalments} renderItem={(i) => <List.Item>第 {i.seq} 期 {i.dueOn} 前缴纳 {yuan(i.amountFen)}</List.Item>} />
        </>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.payments}
        locale={{ emptyText: '尚无缴款记录' }}
        columns={[
          { title: '款项', render: (_, p) => labels.paymentKind[p.kind] },
          { title: '金额', render: (_, p) => yuan(p.amountFen) },
          { title: '缴款日', dataIndex: 'paidOn' },
          { title: '票据号', render: (_, p) => p.receiptNo ?? '—' },
        ]}
      />
      {d.remedies.length > 0 && (
        <>
          <Typography.Text strong>复议与诉讼</Typography.Text>
          <List
            size="small"
            dataSource={d.remedies}
            renderItem={(r) => (
              <List.Item>
                {labels.remedyKind[r.kind]} {r.startedOn} 起{r.endedOn ? `，${r.endedOn} 终结${r.result ? `：${r.result}` : ''}` : '，进行中'}
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  )
}

/** 双公示: the decision's publication on the portal — due date, publish, withdraw with a note. */
function PublicationCard({ caseId }: { caseId: string }) {
  const { message, modal } = App.useApp()
  const client = useQueryClient()
  const q = useQuery({ queryKey: ['cases', 'publication', caseId], queryFn: () => api.get<Publication>(`/api/cases/${caseId}/publication`) })
  const p = q.data
  if (!p || p.status === 'none') return null
  const done = () => client.invalidateQueries({ queryKey: ['cases'] })
  const publish = () =>
    modal.confirm({
      title: '公示处罚决定',
      content: '将在公示门户公开决定书的公开字段（自然人信息脱敏），公示后不能修改。',
      onOk: () =>
        api
          .post(`/api/cases/${caseId}/publication`)
          .then(() => (message.success('已公示'), done()))
          .catch((e) => (message.error(errorText(e)), Promise.reject(e))),
    })
  const withdraw = () => {
    let note = ''
    modal.confirm({
      title: '撤下公示',
      content: <Input.TextArea placeholder="撤下的理由（必填）" onChange={(e) => (note = e.target.value)} />,
      onOk: () =>
        api
          .post(`/api/cases/${caseId}/publication/withdraw`, { note })
          .then(() => (message.success('已撤下'), done()))
          .catch((e) => (message.error(errorText(e)), Promise.reject(e))),
    })
  }
  return (
    <Card
      title="公示"
      size="small"
      extra={
        <Space>
          {p.actions.includes('publish') && (
            <Button type="primary" size="small" onClick={publish}>
              公示
            </Button>
          )}
          {p.actions.includes('withdraw') && (
            <Button danger size="small" onClick={withdraw}>
              撤下公示
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="状态">{labels.casePublicationStatus[p.status]}</Descriptions.Item>
        {p.status === 'pending' && p.dueOn && (
          <Descriptions.Item label="公示期限">
            <Space size={4}>
              {p.dueOn}
              <Tag color={deadlineColor(null, p.daysLeft) ?? 'default'}>{daysLeftText(p.daysLeft)}</Tag>
              {p.dueProvisional && <Tag color="warning">暂定</Tag>}
            </Space>
          </Descriptions.Item>
        )}
        {p.publishedAt && <Descriptions.Item label="公示时间">{formatTime(p.publishedAt)}</Descriptions.Item>}
        {p.withdrawDueOn && !p.withdrawnAt && (
          <Descriptions.Item label="撤下期限">
            {p.withdrawDueOn} <Tag color={deadlineColor(null, p.withdrawDaysLeft) ?? 'default'}>{daysLeftText(p.withdrawDaysLeft)}</Tag>
          </Descriptions.Item>
        )}
        {p.withdrawnAt && <Descriptions.Item label="撤下">{`${formatTime(p.withdrawnAt)}${p.withdrawalNote ? `：${p.withdrawalNote}` : ''}`}</Descriptions.Item>}
      </Descriptions>
    </Card>
  )
}

/** What an event recorded, in a line, from the data the server keeps with it (key facts only). */
function eventSummary(e: CaseEvent): string | null {
  const data = e.data as {
    caseNo?: string
    title?: string
    servedOn?: string
    delivery?: { method?: keyof typeof labels.deliveryMethod; deliveredOn?: string; receiver?: string }
    payment?: { kind?: keyof typeof labels.paymentKind; amountFen?: number; paidOn?: string }
    decision?: { outcome?: keyof typeof labels.decisionOutcome; fineFen?: number }
    proposal?: { fineFen?: number; kinds?: string[] }
  }
  switch (e.action) {
    case 'approve_filing':
      return data.caseNo ? `立案编号 ${data.caseNo}` : null
    case 'record_evidence':
      return data.title ?? null
    case 'notify':
      return data.servedOn ? `告知书 ${data.servedOn} 送达${data.proposal?.fineFen ? `，拟罚款 ${yuan(data.proposal.fineFen)}` : ''}` : null
    case 'decide':
      return data.decision?.outcome ? `${labels.decisionOutcome[data.decision.outcome]}${data.decision.fineFen ? `，罚款 ${yuan(data.decision.fineFen)}` : ''}` : null
    case 'deliver':
      return data.delivery?.method ? `${labels.deliveryMethod[data.delivery.method]}，${data.delivery.deliveredOn ?? ''} ${data.delivery.receiver ?? ''} 签收` : null
    case 'record_payment':
      return data.payment?.kind && data.payment.amountFen ? `${labels.paymentKind[data.payment.kind]} ${yuan(data.payment.amountFen)}（${data.payment.paidOn ?? ''}）` : null
    default:
      return null
  }
}

/** 先行登记保存 (art. 56): each preservation with its deadline and every item's 处理. */
function PreservationsCard({ d }: { d: CaseDetail }) {
  return (
    <Card title="先行登记保存" size="small">
      {d.preservations.map((p) => (
        <div key={p.id} style={{ marginBottom: 12 }}>
          <Typography.Text>
            第{p.seq}次：{p.preservedOn} 于{p.place}（{p.custody === 'on_site' ? `就地保存，保管人${p.custodian ?? ''}` : '异地保存'}），{p.approverName} {p.approvedOn} 批准；
            {p.resolvedOn ? `${p.resolvedOn} 作出处理决定` : `应于 ${p.dueOn ?? '—'} 前作出处理决定`}
          </Typography.Text>
          {p.late && <Tag color="red" style={{ marginInlineStart: 8 }}>逾期处理</Tag>}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.items}
            columns={[
              { title: '物品', render: (_, i) => `${i.name}${i.spec ? `（${i.spec}）` : ''}` },
              { title: '数量', width: 90, render: (_, i) => `${i.quantity}${i.unit}` },
              { title: '处理', width: 200, render: (_, i) => `${i.statusLabel}${i.transferTo ? `：${i.transferTo}` : ''}${i.outcomeOn ? `（${i.outcomeOn}）` : ''}` },
            ]}
          />
        </div>
      ))}
    </Card>
  )
}
