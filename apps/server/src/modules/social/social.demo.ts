import type { Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema'
import type { EventParticipant } from '../../platform/db/social-supervision-schema'
import { type DemoContext, registerDemoSeeder } from '../demo/seed-demo'
import { lookupCodeHash } from './complaints.service'
import { defaultSocialSettings, workingDaysAfter } from './social-deadlines'

/**
 * The code that follows the demo's answered complaint on the portal (进度查询), printed in the README
 * and the report; real codes are random and exist only in the intake's answer.
 */
export const DEMO_COMPLAINT_CODE = 'DEMO-LFTS-2026'

const LUFENG = '532331'

/**
 * 社会监督 demo, shaped like the article's 2025: the July 暖心行动 enterprise forum with the
 * 市工商联, the December 阳光执法 campaign (17 departments' heads and enterprise representatives, near
 * 40 people) at which 10 义务监督员 were appointed (fictional names; `volunteer` is 段秀英), five
 * 联席会议 with their decisions and tasks, clue transfers between the levels, and 2026 complaints in
 * every state. Figures the article does not give are marked [I] in the summaries.
 */
async function seedSocialDemo(trx: Transaction<DB>, ctx: DemoContext): Promise<void> {
  const org = (code: string) => {
    const id = ctx.orgIds.get(code)
    if (!id) throw new Error(`demo org ${code} missing`)
    return id
  }
  const sfjUser = ctx.userIds.get('sfj') ?? null
  const enterprises = await trx.selectFrom('enterprise').select(['id', 'name']).orderBy('credit_code').limit(14).execute()
  const cityDepartments = ['LF-ZJJ', 'LF-ZRZY', 'LF-LCJ', 'LF-SCJG', 'LF-STHJ', 'LF-JTYS', 'LF-NYNC', 'LF-WLJ', 'LF-WJJ', 'LF-YJGL', 'LF-SWJ', 'LF-JTJ', 'LF-RSJ', 'LF-MZJ', 'LF-FGJ', 'LF-YBJ', 'LF-ZHZF']
  const unitNames = new Map((await trx.selectFrom('org').select(['id', 'name']).execute()).map((o) => [o.id, o.name]))
  const unit = (code: string): EventParticipant => ({ kind: 'unit', orgId: org(code), name: unitNames.get(org(code)) ?? code })

  // ── Events ──
  const forum = await trx
    .insertInto('social_event')
    .values({
      region_code: LUFENG,
      title: '“暖心行动”企业代表座谈会',
      held_on: '2025-07-17',
      kind: 'forum',
      organisers: '禄丰市司法局、禄丰市工商业联合会',
      participant_count: 28,
      participants: JSON.stringify([unit('LF-SFJ'), unit('LF-SCJG'), unit('LF-ZJJ'), unit('LF-ZHZF'), unit('LF-YJGL'), ...enterprises.slice(0, 10).map((e): EventParticipant => ({ kind: 'enterprise', name: e.name }))]),
      summary: '司法局联合市工商联召开企业代表座谈会，听取企业对涉企行政检查和执法方式的意见建议，现场答复问题，会后交相关部门办理。（参加人数为演示数据 [I]）',
      created_by: sfjUser,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const campaign = await trx
    .insertInto('social_event')
    .values({
      region_code: LUFENG,
      title: '“深化行政执法不规范问题专项整治 打造一流法治化营商环境”阳光执法专题活动',
      held_on: '2025-12-18',
      kind: 'campaign',
      organisers: '禄丰市司法局',
      participant_count: 39,
      participants: JSON.stringify([...cityDepartments.map(unit), ...enterprises.slice(0, 12).map((e): EventParticipant => ({ kind: 'enterprise', name: e.name }))]),
      summary: '17家行政执法部门负责人及企业代表近40人参加；新聘行政执法义务监督员10名，拓展社会监督渠道。',
      created_by: sfjUser,
    })
    .returning('id')
    .executeTakeFirstOrThrow()

  // ── The 10 volunteers appointed at the campaign (fictional people) ──
  const people: Array<[name: string, representation: 'npc_deputy' | 'cppcc_member' | 'enterprise' | 'lawyer' | 'public', occupation: string, birthYear: number, education: string]> = [
    ['段秀英', 'public', '金山镇北门社区居民、个体工商户', 1978, '大专'],
    ['李国荣', 'npc_deputy', '禄丰市人大代表、勤丰镇村委会主任', 1972, '大专'],
    ['杨春梅', 'npc_deputy', '禄丰市人大代表、中学教师', 1981, '本科'],
    ['张志华', 'cppcc_member', '禄丰市政协委员、医师', 1975, '本科'],
    ['普丽琼', 'cppcc_member', '禄丰市政协委员、文旅企业负责人', 1983, '本科'],
    ['王德明', 'enterprise', '建材企业负责人、市工商联执委', 1969, '大专'],
    ['赵云飞', 'enterprise', '物流企业负责人', 1986, '本科'],
    ['陈佳', 'enterprise', '餐饮企业负责人', 1990, '大专'],
    ['刘建军', 'lawyer', '律师事务所执业律师', 1979, '本科'],
    ['何桂兰', 'public', '广通镇居民、退休教师', 1962, '大专'],
  ]
  const volunteerIds: string[] = []
  for (const [name, representation, occupation, birthYear, education] of people) {
    const { id } = await trx
      .insertInto('volunteer_supervisor')
      .values({
        region_code: LUFENG,
        name,
        phone: null,
        occupation,
        representation,
        education,
        birth_year: birthYear,
        no_disqualification: true,
        term_from: '2025-12-18',
        term_to: '2027-12-17',
        appointment_doc_no: '禄司发〔2025〕58号',
        event_id: campaign.id,
        user_id: name === '段秀英' ? (ctx.userIds.get('volunteer') ?? null) : null,
        created_by: sfjUser,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    volunteerIds.push(id)
  }
  const duan = volunteerIds[0]!
  const inspection = await trx
    .selectFrom('inspection')
    .select(['id', 'inspection_date'])
    .where('org_id', '=', org('LF-ZJJ'))
    .where('status', '=', 'completed')
    .where('inspection_date', '>=', '2026-03-01')
    .orderBy('inspection_date')
    .limit(1)
    .executeTakeFirst()
  const assignments = [
    { volunteer_id: duan, target_kind: 'inspection' as const, target_id: inspection?.id ?? null, title: '观摩住建局建筑工地涉企行政检查（扫码入企、亮证执法）', due_on: inspection?.inspection_date ?? '2026-04-15', status: 'done' as const, done_at: new Date('2026-04-16T10:00:00+08:00') },
    { volunteer_id: duan, target_kind: 'review_batch' as const, target_id: null, title: '参加2026年第6期行政处罚案卷评查（旁听评分、提出意见）', due_on: '2026-12-10', status: 'open' as const, done_at: null },
    { volunteer_id: duan, target_kind: 'complaint' as const, target_id: null, title: '跟踪金山镇涉企投诉办理情况并提出意见', due_on: '2026-11-27', status: 'open' as const, done_at: null },
    { volunteer_id: volunteerIds[5]!, target_kind: 'event' as const, target_id: forum.id, title: '收集建材行业企业对执法检查的意见', due_on: '2026-03-31', status: 'done' as const, done_at: new Date('2026-03-28T16:00:00+08:00') },
    { volunteer_id: volunteerIds[8]!, target_kind: 'review_batch' as const, target_id: null, title: '参加2026年第2期案卷评查（法律专业意见）', due_on: '2026-04-30', status: 'done' as const, done_at: new Date('2026-04-28T16:00:00+08:00') },
  ]
  const assignmentIds: string[] = []
  for (const a of assignments) assignmentIds.push((await trx.insertInto('volunteer_assignment').values({ ...a, created_by: sfjUser, created_at: new Date('2026-01-10T09:00:00+08:00') }).returning('id').executeTakeFirstOrThrow()).id)

  const opinion = async (volunteerId: string, assignmentId: string | null, at: string, content: string, answer: string | null, answeredAt: string | null) => {
    const day = at.slice(0, 10)
    const due = await workingDaysAfter(trx, day, defaultSocialSettings.opinionAnswerDays)
    await trx
      .insertInto('volunteer_opinion')
      .values({ volunteer_id: volunteerId, assignment_id: assignmentId, content, attachments: '[]', submitted_at: new Date(at), answer_due_on: due.date, answer_due_provisional: due.provisional, answer, answered_at: answeredAt ? new Date(answeredAt) : null, answered_by: answer ? sfjUser : null })
      .execute()
  }
  await opinion(duan, assignmentIds[0]!, '2026-04-16T15:00:00+08:00', '观摩中执法人员主动出示执法证并扫码入企，程序规范；建议检查结束时向企业说明整改期限的计算方法，并留下书面告知。', '感谢您的意见。已要求住建局在《责令改正通知书》中写明整改期限的起止日期，并在现场向企业口头说明，下一期评查将抽查落实情况。', '2026-04-28T10:00:00+08:00')
  await opinion(duan, assignmentIds[2]!, '2026-11-16T11:00:00+08:00', '金山镇部分个体户反映同一月内被不同部门重复检查两次，建议推动“综合查一次”，并在平台上公开检查频次。', null, null)
  await opinion(volunteerIds[5]!, assignmentIds[3]!, '2026-03-28T16:00:00+08:00', '建材企业普遍希望执法部门提前公布年度检查计划，并对首次轻微违法更多采用说服教育。', '已将意见转市场监管、住建等部门；年度检查计划已在公示门户公布，首违不罚清单已公布并在执法中适用。', '2026-04-10T15:00:00+08:00')

  // ── Five 联席会议 in 2025 ──
  const meetings: Array<{ title: string; held_on: string; attendees: string[]; decisions: string[]; tasks: Array<{ title: string; org: string; due_on: string; decision_no: number; done?: string }> }> = [
    {
      title: '2025年第一次行政执法协调指挥联席会议',
      held_on: '2025-03-20',
      attendees: ['LF-ZJJ', 'LF-ZRZY', 'LF-SCJG', 'LF-ZHZF', 'JS-ZF', 'GT-ZF'],
      decisions: ['研究《禄丰市相对集中行政处罚权事项目录》年度调整意见，报市政府审定', '明确乡镇综合执法队承接事项的业务指导部门'],
      tasks: [
        { title: '汇总各部门目录调整意见并提交市政府常务会议', org: 'LF-SFJ', due_on: '2025-04-15', decision_no: 1, done: '已汇总 12 条调整意见，经市政府常务会议审定后印发。' },
        { title: '制定乡镇承接事项业务指导清单', org: 'LF-ZHZF', due_on: '2025-04-30', decision_no: 2, done: '已印发业务指导清单，明确对口指导部门。' },
      ],
    },
    {
      title: '2025年第二次行政执法联席会议（涉企检查“综合查一次”）',
      held_on: '2025-05-22',
      attendees: ['LF-SCJG', 'LF-YJGL', 'LF-WJJ', 'LF-ZJJ', 'LF-STHJ'],
      decisions: ['统筹下半年涉企检查计划，同一企业同一时段的检查合并为联合检查', '推行“扫码入企”，检查记录全部录入云执法APP'],
      tasks: [
        { title: '梳理各部门下半年检查计划中的重复对象', org: 'LF-SCJG', due_on: '2025-06-20', decision_no: 1, done: '梳理出重复检查企业 37 户，已合并为联合检查。' },
        { title: '完成执法人员云执法APP使用培训', org: 'LF-SFJ', due_on: '2025-06-30', decision_no: 2, done: '组织线上培训，各部门执法人员全部完成。' },
      ],
    },
    {
      title: '2025年第三次行政执法联席会议（违法建设查处衔接）',
      held_on: '2025-08-14',
      attendees: ['LF-ZJJ', 'LF-ZRZY', 'LF-ZHZF', 'JS-ZF', 'JS-ZFD', 'BC-ZF'],
      decisions: ['明确城区与乡镇违法建设查处的职责边界和线索移送程序', '建立住建、自然资源、综合执法三方信息共享'],
      tasks: [
        { title: '起草违法建设线索移送工作指引', org: 'LF-ZJJ', due_on: '2025-09-30', decision_no: 1, done: '已起草并经联席会议成员单位会签印发。' },
        { title: '建立违法建设线索共享台账', org: 'LF-ZRZY', due_on: '2025-10-31', decision_no: 2, done: '台账已建立，每月更新。' },
      ],
    },
    {
      title: '2025年第四次行政执法联席会议（市、乡（镇）两级协调联动）',
      held_on: '2025-10-23',
      attendees: ['LF-ZHZF', 'JS-ZFD', 'GT-ZFD', 'QF-ZFD', 'YPL-ZFD', 'LF-SCJG'],
      decisions: ['乡镇综合执法队发现属市级部门管辖的线索，5个工作日内移送，接收部门5个工作日内决定是否接收', '市级部门对乡镇执法队开展案卷指导'],
      tasks: [
        { title: '在平台上登记两级之间的线索移送并跟踪接收情况', org: 'LF-ZHZF', due_on: '2025-11-30', decision_no: 1, done: '已在平台上登记移送 9 件，均按期接收。' },
        { title: '到金山、广通两镇执法队开展案卷指导', org: 'LF-SCJG', due_on: '2026-12-15', decision_no: 2 },
      ],
    },
    {
      title: '2025年第五次行政执法联席会议（评查问题整改与“一函三书”落实）',
      held_on: '2025-12-11',
      attendees: ['LF-ZJJ', 'LF-SCJG', 'LF-ZRZY', 'LF-NYNC', 'LF-JTYS', 'JS-ZF'],
      decisions: ['通报全年案卷评查情况，督促“一函三书”所列问题整改', '将整改落实情况纳入年度法治政府建设考核'],
      tasks: [
        { title: '报送监督建议书所列共性问题的整改报告', org: 'LF-ZJJ', due_on: '2026-01-31', decision_no: 1, done: '已报送整改报告，补正文书格式问题 6 项。' },
        { title: '报送监督意见书所列问题的整改报告', org: 'LF-NYNC', due_on: '2026-11-13', decision_no: 1 },
        { title: '拟定整改落实情况考核细则', org: 'LF-SFJ', due_on: '2026-12-31', decision_no: 2 },
      ],
    },
  ]
  for (const m of meetings) {
    const { id } = await trx
      .insertInto('joint_meeting')
      .values({
        region_code: LUFENG,
        title: m.title,
        held_on: m.held_on,
        convener_org_id: org('LF-SFJ'),
        location: '禄丰市司法局三楼会议室',
        attendee_org_ids: [org('LF-SFJ'), ...m.attendees.map(org)],
        attendee_persons: JSON.stringify([{ name: '李明华', title: '司法局监督科' }]),
        minutes: `会议由市司法局召集，${m.attendees.length} 家单位参加。会议依据《禄丰市综合行政执法协调指挥联席会议制度（试行）》，研究议定如下事项。`,
        decisions: JSON.stringify(m.decisions),
        created_by: sfjUser,
        created_at: new Date(`${m.held_on}T18:00:00+08:00`),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const t of m.tasks) {
      await trx
        .insertInto('joint_meeting_task')
        .values({ meeting_id: id, decision_no: t.decision_no, title: t.title, org_id: org(t.org), due_on: t.due_on, status: t.done ? 'done' : 'open', done_note: t.done ?? null, done_at: t.done ? new Date(`${t.due_on}T10:00:00+08:00`) : null })
        .execute()
    }
  }

  // ── Clue transfers between units and levels ──
  const transfers: Array<{ kind: 'clue' | 'case'; from: string; to: string; title: string; reason: string; on: string; status: 'pending' | 'accepted' | 'refused'; note?: string }> = [
    { kind: 'clue', from: 'JS-ZFD', to: 'LF-ZRZY', title: '金山镇某村疑似非法占用耕地建房线索', reason: '涉及土地管理法，属自然资源部门管辖', on: '2026-03-10', status: 'accepted' },
    { kind: 'clue', from: 'LF-SCJG', to: 'LF-WJJ', title: '某诊所疑似超范围执业线索', reason: '投诉举报中发现，属卫生健康部门管辖', on: '2026-05-12', status: 'accepted' },
    { kind: 'clue', from: 'LF-ZHZF', to: 'GT-ZF', title: '广通镇集镇占道经营线索', reason: '已下放乡镇的事项，由乡镇人民政府处理', on: '2026-06-03', status: 'refused', note: '经核实该路段属市政道路，尚未下放乡镇，退回市综合行政执法局处理。' },
    { kind: 'case', from: 'QF-ZFD', to: 'LF-STHJ', title: '勤丰镇某养殖场污水直排案件（纸质卷宗）', reason: '涉及水污染防治法，超出乡镇承接事项', on: '2026-09-16', status: 'accepted' },
    { kind: 'clue', from: 'LF-ZJJ', to: 'JS-ZFD', title: '金山镇居民楼顶违规搭建彩钢棚线索', reason: '属下放乡镇的违法建设查处事项', on: '2026-11-10', status: 'pending' },
    { kind: 'clue', from: 'LF-ZJJ', to: 'LF-ZRZY', title: '碧城镇某工地疑似未批先建线索', reason: '涉及建设用地审批，需自然资源部门先行认定', on: '2026-11-18', status: 'pending' },
  ]
  for (const t of transfers) {
    const due = await workingDaysAfter(trx, t.on, defaultSocialSettings.transferAcceptDays)
    await trx
      .insertInto('clue_transfer')
      .values({
        kind: t.kind,
        from_org_id: org(t.from),
        to_org_id: org(t.to),
        title: t.title,
        reason: t.reason,
        transferred_on: t.on,
        accept_days: defaultSocialSettings.transferAcceptDays,
        accept_due_on: due.date,
        accept_due_provisional: due.provisional,
        status: t.status,
        decision_note: t.note ?? null,
        decided_at: t.status === 'pending' ? null : new Date(`${t.on}T16:00:00+08:00`),
        created_at: new Date(`${t.on}T09:00:00+08:00`),
      })
      .execute()
  }

  // ── 2026 complaints in every state ──
  type C = { no: string; code?: string; anonymous: boolean; name?: string; phone?: string; kind: 'person' | 'enterprise' | 'anonymous'; category: DB['complaint']['category']; org: string; on: string; content: string; status: 'received' | 'accepted' | 'not_accepted' | 'assigned' | 'answered' | 'closed' | 'transferred'; handler?: string; assignedOn?: string; answer?: string; answeredOn?: string; note?: string; transferredTo?: string; feedback?: 'satisfied' | 'unsatisfied' }
  const complaints: C[] = [
    { no: 'TS20260315-D1', code: DEMO_COMPLAINT_CODE, anonymous: false, name: '禄丰恒达商贸有限公司', phone: '0878-4121234', kind: 'enterprise', category: 'arbitrary_inspection', org: 'LF-SCJG', on: '2026-03-15', content: '三月上旬同一周内市场监管所两次到店检查同一事项，均未出示检查通知，影响正常经营。', status: 'closed', handler: 'LF-SCJG', assignedOn: '2026-03-17', answer: '经核查，两次检查分别为计划检查和投诉核查，未合并实施，已责令相关所今后同一事项合并检查并提前告知。感谢监督。', answeredOn: '2026-03-30', feedback: 'satisfied' },
    { no: 'TS20260608-D2', anonymous: true, kind: 'anonymous', category: 'arbitrary_fine', org: 'LF-JTYS', on: '2026-06-08', content: '货车超限检查站对轻微超限车辆一律顶格罚款，未说明裁量依据。', status: 'answered', handler: 'LF-JTYS', assignedOn: '2026-06-09', answer: '已调阅相关案卷，两起案件罚款在裁量基准一般档范围内，已要求在决定书中写明适用的裁量档次和理由。', answeredOn: '2026-06-24' },
    { no: 'TS20260720-D3', anonymous: false, name: '李某', phone: '13700001111', kind: 'person', category: 'other', org: 'LF-MZJ', on: '2026-07-20', content: '反映邻里纠纷，要求民政部门处理。', status: 'not_accepted', note: '所反映事项不属于行政执法行为，已告知通过人民调解途径解决。' },
    { no: 'TS20260905-D4', anonymous: false, name: '王某', phone: '13800002222', kind: 'person', category: 'case_not_filed', org: 'YPL-ZF', on: '2026-09-05', content: '举报一平浪镇某砂石场非法开采，多次反映无人处理。', status: 'transferred', note: '涉及矿产资源，转有权机关办理。', transferredTo: '楚雄州自然资源局' },
    { no: 'TS20261023-D5', anonymous: true, kind: 'anonymous', category: 'profit_driven', org: 'LF-ZHZF', on: '2026-10-23', content: '城区执法队对早餐摊点按月集中罚款，疑似下达罚没指标。', status: 'assigned', handler: 'LF-ZHZF', assignedOn: '2026-10-26' },
    { no: 'TS20261110-D6', anonymous: false, name: '禄丰金山恒通建材有限公司', phone: '0878-4129876', kind: 'enterprise', category: 'conduct', org: 'LF-ZJJ', on: '2026-11-10', content: '住建局执法人员到厂检查时态度生硬，未说明检查依据。', status: 'assigned', handler: 'LF-ZJJ', assignedOn: '2026-11-12' },
    { no: 'TS20261117-D7', anonymous: false, name: '赵某', phone: '13900003333', kind: 'person', category: 'buck_passing', org: 'JS-ZF', on: '2026-11-17', content: '楼顶违建反映到镇政府和住建局，互相推诿。', status: 'accepted' },
    { no: 'TS20261119-D8', anonymous: true, kind: 'anonymous', category: 'arbitrary_inspection', org: 'LF-YJGL', on: '2026-11-19', content: '应急管理局一个月内三次到厂检查消防和安全生产，内容重复。', status: 'received' },
  ]
  for (const c of complaints) {
    const due = c.assignedOn ? await workingDaysAfter(trx, c.assignedOn, defaultSocialSettings.complaintAnswerDays) : null
    const receivedAt = new Date(`${c.on}T${c.anonymous ? '00:00' : '10:30'}:00+08:00`)
    const { id } = await trx
      .insertInto('complaint')
      .values({
        complaint_no: c.no,
        region_code: LUFENG,
        channel: 'portal',
        complainant_kind: c.kind,
        anonymous: c.anonymous,
        complainant_name: c.name ?? null,
        complainant_phone: c.phone ?? null,
        category: c.category,
        org_id: org(c.org),
        content: c.content,
        lookup_code_hash: lookupCodeHash(c.code ?? `${c.no}-demo-unprinted`),
        status: c.status,
        received_at: receivedAt,
        triage_note: c.note ?? null,
        transferred_to: c.transferredTo ?? null,
        triaged_at: c.status === 'received' ? null : new Date(`${c.on}T16:00:00+08:00`),
        triaged_by: c.status === 'received' ? null : sfjUser,
        handler_kind: c.handler ? 'unit' : null,
        handler_org_id: c.handler ? org(c.handler) : null,
        assigned_at: c.assignedOn ? new Date(`${c.assignedOn}T09:00:00+08:00`) : null,
        answer_days: c.assignedOn ? defaultSocialSettings.complaintAnswerDays : null,
        answer_due_on: due?.date ?? null,
        answer_due_provisional: due?.provisional ?? false,
        answer: c.answer ?? null,
        answered_at: c.answeredOn ? new Date(`${c.answeredOn}T15:00:00+08:00`) : null,
        feedback: c.feedback ?? null,
        feedback_at: c.feedback ? new Date(`${c.answeredOn}T20:00:00+08:00`) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const events: Array<[string, string | null, string, string]> = [['receive', null, c.anonymous ? '匿名' : '投诉人', receivedAt.toISOString()]]
    if (c.status !== 'received') events.push([c.status === 'not_accepted' ? 'not_accept' : c.status === 'transferred' ? 'transfer' : 'accept', c.note ?? null, '李明华（司法局监督科）', `${c.on}T16:00:00+08:00`])
    if (c.assignedOn) events.push(['assign', `交由${unitNames.get(org(c.handler!))}办理，${defaultSocialSettings.complaintAnswerDays}个工作日内答复（${due!.date}前）`, '李明华（司法局监督科）', `${c.assignedOn}T09:00:00+08:00`])
    if (c.answeredOn) events.push(['answer', null, unitNames.get(org(c.handler!)) ?? '', `${c.answeredOn}T15:00:00+08:00`])
    if (c.feedback) events.push(['feedback', '满意', '投诉人', `${c.answeredOn}T20:00:00+08:00`])
    if (c.status === 'closed') events.push(['close', null, '李明华（司法局监督科）', `${c.answeredOn}T21:00:00+08:00`])
    for (const [action, note, actor, at] of events) await trx.insertInto('complaint_event').values({ complaint_id: id, action, note, actor_name: actor, at: new Date(at) }).execute()
  }
}

registerDemoSeeder(seedSocialDemo)
