import { addCalendarDays } from '@yangguang/core'
import type { Transaction } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import { workCalendarFor } from '../../platform/calendar/work-calendar.service'
import type { DB } from '../../platform/db/schema'
import type { SupervisionSourceKind } from '../../platform/db/supervision-schema'
import { registerDemoSeeder } from '../demo/seed-demo'
import { issueDraftInTransaction } from './supervision-documents'
import * as repo from './supervision.repository'

/**
 * 禄丰市's supervision year 2025 as the article tells it (paragraph 9): after the bimonthly reviews the
 * bureau issued 4 监督建议书 on common problems, 2 监督意见书 on individual problems and 2 监督工作提醒函
 * on poor follow-up, to more than 20 units; every problem was tracked to its closing. The problems
 * below are typical review findings (domain-research §1.8), not the bureau's actual wording, which is
 * not public. 2026 adds a few documents whose tasks are still open, answered or overdue, and the
 * 普法提示单 drawn from the frequent findings, read by some units and not yet by others.
 */

type DemoFinding = { problem: string; legalBasis: string; measure: string }
type DemoDocument = {
  type: 'suggestion' | 'opinion' | 'reminder'
  issuedOn: string
  subject: string
  source: SupervisionSourceKind
  snapshot: string
  units: string[]
  findings: DemoFinding[]
  /** What became of the tasks: closed (answered then accepted), returned once then closed, answered (awaiting), open. */
  outcome: 'closed' | 'returned_then_closed' | 'responded' | 'open'
}

const basis59 = '《中华人民共和国行政处罚法》第五十九条'
const documents2025: DemoDocument[] = [
  {
    type: 'suggestion',
    issuedOn: '2025-03-21',
    subject: '2025年第1期案卷评查发现的共性问题',
    source: 'review_finding',
    snapshot: '2025年第1期（1—2月）评查：行政处罚案卷11卷，文书填写不规范、证据目录缺失为高频扣分项',
    units: ['LF-ZJJ', 'LF-ZRZY', 'LF-SCJG', 'LF-JTYS', 'LF-NYNC', 'LF-WJJ'],
    findings: [
      { problem: '行政处罚决定书未完整载明当事人履行方式和期限、申请行政复议或者提起行政诉讼的途径和期限', legalBasis: basis59, measure: '对照第五十九条逐项规范决定书文本，对在办案件的文书进行自查补正' },
      { problem: '案卷未编制证据目录，证据材料未注明来源、收集人和收集时间', legalBasis: '《中华人民共和国行政处罚法》第四十六条', measure: '统一使用证据目录和证据说明，组织执法人员专题学习' },
    ],
    outcome: 'closed',
  },
  {
    type: 'suggestion',
    issuedOn: '2025-05-23',
    subject: '2025年第2期案卷评查发现的共性问题',
    source: 'review_finding',
    snapshot: '2025年第2期（3—4月）评查：执法人员不足两人、未出示执法证件的记录缺失',
    units: ['JS-ZFD', 'GT-ZFD', 'BC-ZFD', 'RX-ZFD', 'QF-ZFD', 'YPL-ZFD'],
    findings: [{ problem: '现场检查笔录未记载执法人员出示执法证件的情况，部分笔录仅一名执法人员签名', legalBasis: '《中华人民共和国行政处罚法》第四十二条、第五十五条', measure: '执法时不少于两名持证执法人员，笔录如实记载亮证情况并由执法人员签名' }],
    outcome: 'closed',
  },
  {
    type: 'suggestion',
    issuedOn: '2025-07-25',
    subject: '2025年第3期案卷评查发现的共性问题',
    source: 'review_finding',
    snapshot: '2025年第3期（5—6月）评查：裁量说理不充分',
    units: ['LF-LCJ', 'LF-STHJ', 'LF-WLJ', 'LF-YJGL', 'LF-SWJ'],
    findings: [{ problem: '行政处罚决定书未说明适用裁量基准的理由，从轻、从重情节认定缺少证据支撑', legalBasis: '《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）', measure: '在决定书中写明适用的裁量基准条目和情节认定依据' }],
    outcome: 'returned_then_closed',
  },
  {
    type: 'suggestion',
    issuedOn: '2025-09-26',
    subject: '2025年第4期案卷评查发现的共性问题',
    source: 'review_finding',
    snapshot: '2025年第4期（7—8月）评查：送达不规范、结案不及时',
    units: ['CY-ZFD', 'TG-ZFD', 'HJ-ZFD', 'HP-ZFD', 'LF-ZHZF'],
    findings: [{ problem: '送达回证缺少受送达人签收日期，部分案件执行完毕后超过期限未结案归档', legalBasis: '《中华人民共和国行政处罚法》第六十一条', measure: '规范送达程序，建立结案归档台账' }],
    outcome: 'closed',
  },
  {
    type: 'opinion',
    issuedOn: '2025-05-23',
    subject: '2025年第2期案卷评查发现的个性问题',
    source: 'review_finding',
    snapshot: '评查不合格卷1卷：应当听证而未告知听证权利',
    units: ['LF-ZJJ'],
    findings: [{ problem: '较大数额罚款案件未告知当事人要求听证的权利', legalBasis: '《中华人民共和国行政处罚法》第六十三条、第六十四条', measure: '对该案依法进行自我纠错，并对同类案件开展排查' }],
    outcome: 'closed',
  },
  {
    type: 'opinion',
    issuedOn: '2025-11-21',
    subject: '2025年第5期案卷评查发现的个性问题',
    source: 'review_finding',
    snapshot: '评查不合格卷1卷：重大执法决定未经法制审核',
    units: ['LF-SCJG'],
    findings: [{ problem: '重大行政处罚决定作出前未进行法制审核', legalBasis: '《中华人民共和国行政处罚法》第五十八条', measure: '完善重大执法决定法制审核目录清单，对该案补正程序' }],
    outcome: 'closed',
  },
  {
    type: 'reminder',
    issuedOn: '2025-08-15',
    subject: '行政执法公示信息更新不及时',
    source: 'daily_supervision',
    snapshot: '日常监督：两个单位的行政处罚决定超过7个工作日未公示',
    units: ['LF-JTYS', 'KLS-ZFD'],
    findings: [{ problem: '行政处罚决定未在作出之日起7个工作日内公示', legalBasis: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）', measure: '立即补充公示，明确公示责任人' }],
    outcome: 'closed',
  },
  {
    type: 'reminder',
    issuedOn: '2025-12-12',
    subject: '监督建议书整改反馈不及时',
    source: 'daily_supervision',
    snapshot: '日常监督：2025年第4期监督建议书整改情况逾期未反馈',
    units: ['ZC-ZFD', 'TA-ZFD'],
    findings: [{ problem: '未按期反馈监督建议书指出问题的整改情况', legalBasis: '《行政执法监督条例》', measure: '于期限内书面报送整改情况' }],
    outcome: 'closed',
  },
]

const documents2026: DemoDocument[] = [
  {
    type: 'opinion',
    issuedOn: '2026-09-25',
    subject: '2026年第4期案卷评查发现的个性问题',
    source: 'review_finding',
    snapshot: '评查扣分：决定书未载明履行期限',
    units: ['LF-ZJJ'],
    findings: [{ problem: '行政处罚决定书未载明罚款的履行期限', legalBasis: basis59, measure: '补正文书，对全局执法人员开展文书规范培训' }],
    outcome: 'open',
  },
  {
    type: 'suggestion',
    issuedOn: '2026-07-24',
    subject: '2026年第3期案卷评查发现的共性问题',
    source: 'review_finding',
    snapshot: '2026年第3期评查：涉企检查未经审批',
    units: ['JS-ZF', 'GT-ZF', 'BC-ZF'],
    findings: [{ problem: '涉企行政检查未履行审批程序，未制作检查通知', legalBasis: '《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）', measure: '建立检查审批登记，检查前制作并送达检查通知' }],
    outcome: 'responded',
  },
  {
    type: 'reminder',
    issuedOn: '2026-10-16',
    subject: '裁量基准未按期公布',
    source: 'daily_supervision',
    snapshot: '日常监督：裁量基准修订后未在门户公布',
    units: ['LF-NYNC'],
    findings: [{ problem: '修订后的行政处罚裁量基准未向社会公布', legalBasis: '《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）', measure: '在公示平台公布现行裁量基准' }],
    outcome: 'open',
  },
]

const notices = [
  {
    title: '关于规范行政处罚决定书载明事项的普法提示单',
    issuedOn: '2025-04-10',
    content: '2025年第1期案卷评查发现，部分决定书缺少法定载明事项。现将有关法律规定提示如下，请组织执法人员学习。',
    points: [{ basis: basis59, point: '决定书应当载明当事人信息、违法事实和证据、处罚种类和依据、履行方式和期限、救济途径和期限、作出决定的机关和日期，并加盖印章。' }],
    source: '2025年第1期评查高频扣分项',
    units: ['LF-ZJJ', 'LF-ZRZY', 'LF-SCJG', 'LF-JTYS', 'LF-NYNC', 'LF-WJJ'],
    readBy: 6,
  },
  {
    title: '关于执法人员资格和亮证执法的普法提示单',
    issuedOn: '2025-06-12',
    content: '评查发现个别笔录仅一名执法人员签名。执法人员不得少于两人，并应当主动出示执法证件。',
    points: [
      { basis: '《中华人民共和国行政处罚法》第四十二条', point: '行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人。' },
      { basis: '《中华人民共和国行政处罚法》第五十五条', point: '执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件。' },
    ],
    source: '2025年第2期评查',
    units: ['JS-ZFD', 'GT-ZFD', 'BC-ZFD', 'RX-ZFD', 'QF-ZFD', 'YPL-ZFD'],
    readBy: 5,
  },
  {
    title: '关于严格规范涉企行政检查的普法提示单',
    issuedOn: '2026-08-05',
    content: '2026年第3期评查发现涉企检查审批和通知不到位，现提示有关规定。',
    points: [{ basis: '国办发〔2024〕54号', point: '涉企行政检查应当经过审批，检查前告知检查事项和依据，严禁随意检查、重复检查。' }],
    source: '2026年第3期评查高频问题',
    units: ['JS-ZF', 'GT-ZF', 'BC-ZF', 'LF-ZJJ', 'LF-SCJG'],
    readBy: 2,
  },
]

/** Beijing 10:00 of a date. */
const instant = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)

registerDemoSeeder(async (trx, ctx) => {
  const org = (code: string) => {
    const id = ctx.orgIds.get(code)
    if (!id) throw new Error(`demo org ${code} missing`)
    return id
  }
  const sfjId = ctx.userIds.get('sfj') ?? null
  const supervisor: Actor = { userId: sfjId ?? '', username: 'sfj', displayName: '李明华（司法局监督科）', role: 'supervisor', orgId: org('LF-SFJ'), orgName: '禄丰市司法局', regionPath: null, regionCode: null, mustChangePassword: false }
  const calendar = await workCalendarFor(trx)
  for (const d of [...documents2025, ...documents2026].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))) {
    await seedDocument(trx, d, { supervisor, org, calendar, sfjId })
  }
  for (const n of notices) {
    const unitIds = n.units.map(org)
    const id = await repo.insertLegalNotice(trx, { issuerOrgId: org('LF-SFJ'), title: n.title, content: n.content, legalPoints: n.points, sourceNote: n.source, at: instant(n.issuedOn), by: sfjId, orgIds: unitIds })
    for (const [i, orgId] of unitIds.slice(0, n.readBy).entries()) {
      await trx.updateTable('legal_notice_recipient').set({ read_at: instant(addCalendarDays(n.issuedOn, 1 + i), 9) }).where('notice_id', '=', id).where('org_id', '=', orgId).execute()
    }
  }
})

async function seedDocument(
  trx: Transaction<DB>,
  d: DemoDocument,
  env: { supervisor: Actor; org: (code: string) => string; calendar: Awaited<ReturnType<typeof workCalendarFor>>; sfjId: string | null },
): Promise<void> {
  const type = await repo.resolveDocType(trx, d.type, await repo.orgRegionPath(trx, env.org('LF-SFJ')))
  if (!type) throw new Error(`type ${d.type} missing`)
  const issuedAt = instant(d.issuedOn)
  const ctx: RequestContext & { actor: Actor } = { actor: env.supervisor, ip: 'seed', userAgent: null, now: issuedAt }
  const id = await repo.insertDocument(trx, {
    type,
    issuerOrgId: env.org('LF-SFJ'),
    subject: d.subject,
    sourceKind: d.source,
    sourceRef: null,
    sourceSnapshot: d.snapshot,
    responseDays: type.response_days,
    responseUnit: type.response_unit,
    autoDrafted: false,
    escalatedTaskId: null,
    createdBy: env.sfjId,
    createdAt: issuedAt,
  })
  await repo.insertFindings(trx, id, d.findings)
  await repo.insertRecipients(trx, id, d.units.map(env.org))
  const issued = await issueDraftInTransaction(trx, ctx, id, env.calendar, d.issuedOn)
  // Units read the document within a few days.
  for (const [i, code] of d.units.entries()) {
    await trx.updateTable('supervision_recipient').set({ read_at: instant(addCalendarDays(d.issuedOn, 1 + (i % 3)), 9) }).where('document_id', '=', id).where('org_id', '=', env.org(code)).execute()
  }
  if (d.outcome === 'open') return
  const tasks = await trx.selectFrom('rectification_task').select(['id', 'org_id', 'due_on']).where('id', 'in', issued.taskIds).execute()
  for (const [i, task] of tasks.entries()) {
    // Answered a few days before the deadline; the bureau verifies a week later.
    const answeredOn = addCalendarDays(task.due_on, -3 - (i % 4))
    const head = { actorId: null, actorName: '单位负责人' }
    await repo.appendEvent(trx, { taskId: task.id, at: instant(answeredOn, 15), action: 'respond', ...head, note: '已对照问题逐项整改，修订了相关文书模板并组织执法人员集中学习。', data: { evidence: [] } })
    if (d.outcome === 'responded') {
      await repo.updateTask(trx, task.id, { status: 'responded' })
      continue
    }
    let closedOn = addCalendarDays(answeredOn, 7)
    if (d.outcome === 'returned_then_closed' && i === 0) {
      await repo.appendEvent(trx, { taskId: task.id, at: instant(closedOn), action: 'return', actorId: env.sfjId, actorName: env.supervisor.displayName, note: '未附整改后的案卷材料，请补充。', data: {} })
      const again = addCalendarDays(closedOn, 5)
      await repo.appendEvent(trx, { taskId: task.id, at: instant(again, 15), action: 'respond', ...head, note: '已补充整改后的决定书和学习记录。', data: { evidence: [] } })
      closedOn = addCalendarDays(again, 4)
    }
    await repo.appendEvent(trx, { taskId: task.id, at: instant(closedOn), action: 'accept', actorId: env.sfjId, actorName: env.supervisor.displayName, note: '经核查，整改到位，予以销号。', data: {} })
    await repo.updateTask(trx, task.id, { status: 'closed', closedAt: instant(closedOn) })
  }
}
