import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { fileStoreOf } from '../../platform/files/file-store'
import { sendStoredFile } from '../../platform/files/serve-file'
import { errorBody, idParams } from '../../platform/http/openapi'
import { signedIn } from '../../platform/http/request'
import * as complaints from './complaints.service'
import * as coordination from './coordination.service'
import * as presenter from './social.presenter'
import * as s from './social.schema'
import * as volunteers from './volunteers.service'
import './social.jobs'
import './social.todos'

/**
 * 社会监督: complaints and reports (portal intake without login, the bureau's triage, the unit's
 * answer, the complainant's follow-up by code), volunteer supervisors, joint meetings, transfers and
 * 阳光执法 events.
 */
export const socialRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db
  const store = () => fileStoreOf(app.deps.config)
  const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 422: errorBody }
  const publicTags = ['公示 public']
  const complaintTags = ['投诉举报 complaints']
  const volunteerTags = ['义务监督员 volunteers']
  const coordTags = ['联席会议与移送 coordination']

  // ——— portal (no login) ———
  app.get('/public/complaints/options', { schema: { tags: publicTags, summary: '投诉举报：类别和可投诉的执法单位', response: { 200: s.publicUnitsView } } }, async () => {
    return presenter.presentComplaintOptions(await complaints.complainableUnits(db))
  })
  app.post('/public/complaints', { schema: { tags: publicTags, summary: '提交投诉举报（无需登录；可匿名，匿名不保存姓名和电话；按地址限制频率；查询码仅返回一次）', body: s.complaintIntakeBody, response: { 201: s.complaintReceipt, 400: errorBody, 429: errorBody } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    const { complaintNo, lookupCode } = await complaints.fileComplaint(db, req.ctx, { ...req.body, phone: req.body.phone || null })
    return reply.status(201).send({ complaintNo, lookupCode })
  })
  app.post('/public/complaints/lookup', { schema: { tags: publicTags, summary: '凭查询码查看投诉举报的办理进度和答复（按地址限制失败次数）', body: s.lookupBody, response: { 200: s.publicComplaintView, 400: errorBody, 404: errorBody, 429: errorBody } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    const c = await complaints.lookupComplaint(db, req.ctx, req.body.code)
    return presenter.presentPublicComplaint(c, await complaints.complaintTimeline(db, c.id))
  })
  app.post('/public/complaints/feedback', { schema: { tags: publicTags, summary: '投诉人凭查询码评价答复（满意/不满意，一次）', body: s.feedbackBody, response: { 200: s.publicComplaintView, 400: errorBody, 404: errorBody, 409: errorBody, 429: errorBody } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store')
    const c = (await complaints.giveFeedback(db, req.ctx, req.body))!
    return presenter.presentPublicComplaint(c, await complaints.complaintTimeline(db, c.id))
  })

  // ——— complaints (bureau and handling units) ———
  app.get('/complaints', { schema: { tags: complaintTags, summary: '投诉举报列表（司法局：本辖区全部，含投诉人；承办单位：交办给本单位的，不含投诉人身份）', querystring: s.complaintListQuery, response: { 200: z.object({ items: z.array(s.complaintView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await complaints.listComplaints(db, ctx, { status: req.query.status, category: req.query.category, overdue: req.query.overdue === 'true' })
    return { items: rows.map((r) => presenter.presentComplaint(ctx.actor, r, ctx.now)) }
  })
  app.get('/complaints/inspection-complaints', { schema: { tags: complaintTags, summary: '尚未转入的企业投诉（来自检查记录，司法局分拣用）', response: { 200: z.object({ items: z.array(s.inspectionComplaintView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    return { items: (await complaints.openInspectionComplaints(db, signedIn(req))).map(presenter.presentInspectionComplaint) }
  })
  app.post('/complaints/from-inspection/:id', { schema: { tags: complaintTags, summary: '将企业投诉转入投诉举报办理（视为已受理）', params: idParams, body: s.escalateBody, response: { 201: z.object({ complaint: s.complaintView }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const row = (await complaints.escalateInspectionComplaint(db, ctx, req.params.id, req.body))!
    return reply.status(201).send({ complaint: presenter.presentComplaint(ctx.actor, row, ctx.now) })
  })
  app.get('/complaints/:id', { schema: { tags: complaintTags, summary: '投诉举报详情与办理过程', params: idParams, response: { 200: s.complaintDetail, 401: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const row = await complaints.loadComplaint(db, ctx, req.params.id)
    const events = await complaints.complaintTimeline(db, row.id)
    return { complaint: presenter.presentComplaint(ctx.actor, row, ctx.now), timeline: events.map((e) => ({ action: e.action, note: e.note, actorName: e.actor_name, at: e.at.toISOString() })) }
  })
  const one = z.object({ complaint: s.complaintView })
  app.post('/complaints/:id/triage', { schema: { tags: complaintTags, summary: '分拣：受理、不予受理（说明理由）或转有权机关', params: idParams, body: s.triageBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { complaint: presenter.presentComplaint(ctx.actor, (await complaints.triageComplaint(db, ctx, req.params.id, req.body))!, ctx.now) }
  })
  app.post('/complaints/:id/assign', { schema: { tags: complaintTags, summary: '交办：本局办理或交承办单位，按工作日计算答复期限', params: idParams, body: s.assignBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { complaint: presenter.presentComplaint(ctx.actor, (await complaints.assignComplaint(db, ctx, req.params.id, req.body))!, ctx.now) }
  })
  app.post('/complaints/:id/answer', { schema: { tags: complaintTags, summary: '答复投诉举报（承办单位负责人或法制审核员；本局办理的由监督人员）', params: idParams, body: s.answerBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { complaint: presenter.presentComplaint(ctx.actor, (await complaints.answerComplaint(db, ctx, req.params.id, req.body))!, ctx.now) }
  })
  app.post('/complaints/:id/close', { schema: { tags: complaintTags, summary: '办结投诉举报（答复之后）', params: idParams, body: s.closeBody, response: { 200: one, ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { complaint: presenter.presentComplaint(ctx.actor, (await complaints.closeComplaint(db, ctx, req.params.id, req.body))!, ctx.now) }
  })

  // ——— volunteers ———
  app.get('/volunteers', { schema: { tags: volunteerTags, summary: '行政执法义务监督员名册（司法局）', response: { 200: z.object({ items: z.array(s.volunteerView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await volunteers.listVolunteers(db, ctx)
    const assignments = await volunteers.assignmentsOf(db, rows.map((r) => r.id))
    return { items: rows.map((v) => presenter.presentVolunteer(ctx.actor, v, assignments, ctx.now)) }
  })
  app.post('/volunteers', { schema: { tags: volunteerTags, summary: '聘任义务监督员（聘期、文号、资格条件）', body: s.volunteerBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    return reply.status(201).send({ id: await volunteers.appointVolunteer(db, signedIn(req), req.body) })
  })
  app.get('/volunteers/me', { schema: { tags: volunteerTags, summary: '我的聘任、监督任务和意见答复（义务监督员本人）', response: { 200: s.myVolunteerView, 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const me = await volunteers.myAppointment(db, ctx)
    const [assignments, opinions] = await Promise.all([volunteers.assignmentsOf(db, [me.id]), volunteers.listOpinions(db, ctx)])
    const { actions: _actions, ...volunteer } = presenter.presentVolunteer(ctx.actor, me, assignments, ctx.now)
    return { volunteer, opinions: opinions.map((o) => presenter.presentOpinion(ctx.actor, o, ctx.now)) }
  })
  app.post('/volunteers/:id/end', { schema: { tags: volunteerTags, summary: '提前解聘义务监督员（聘期内、不晚于今天，说明理由；未完成的任务随之取消）', params: idParams, body: s.endVolunteerBody, response: { 204: z.null(), ...refusals } } }, async (req, reply) => {
    await volunteers.endVolunteer(db, signedIn(req), req.params.id, req.body)
    return reply.status(204).send(null)
  })
  app.post('/volunteers/:id/account', { schema: { tags: volunteerTags, summary: '关联义务监督员账号（一个账号对应一条聘任记录）', params: idParams, body: s.linkAccountBody, response: { 204: z.null(), ...refusals } } }, async (req, reply) => {
    await volunteers.linkAccount(db, signedIn(req), req.params.id, req.body)
    return reply.status(204).send(null)
  })
  app.post('/volunteers/:id/assignments', { schema: { tags: volunteerTags, summary: '给义务监督员安排任务（观摩检查、参加评查、列席会议等）', params: idParams, body: s.assignVolunteerBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    return reply.status(201).send({ id: await volunteers.assignVolunteer(db, signedIn(req), req.params.id, req.body) })
  })
  app.post('/volunteer-assignments/:id/done', { schema: { tags: volunteerTags, summary: '义务监督员报告任务完成', params: idParams, response: { 204: z.null(), ...refusals } } }, async (req, reply) => {
    await volunteers.completeAssignment(db, signedIn(req), req.params.id)
    return reply.status(204).send(null)
  })
  app.get('/volunteer-opinions', { schema: { tags: volunteerTags, summary: '监督意见（司法局：本辖区；义务监督员：本人）', response: { 200: z.object({ items: z.array(s.opinionView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { items: (await volunteers.listOpinions(db, ctx)).map((o) => presenter.presentOpinion(ctx.actor, o, ctx.now)) }
  })
  app.post('/volunteer-opinions', { schema: { tags: volunteerTags, summary: '义务监督员提出监督意见（可附材料，答复期限按工作日计算）', body: s.opinionBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    return reply.status(201).send({ id: await volunteers.submitOpinion(db, signedIn(req), store(), req.body, { quotaBytesPerDay: app.deps.config.uploadQuotaBytesPerDay }) })
  })
  app.post('/volunteer-opinions/:id/answer', { schema: { tags: volunteerTags, summary: '司法局答复监督意见', params: idParams, body: s.answerBody, response: { 200: z.object({ opinion: s.opinionView }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { opinion: presenter.presentOpinion(ctx.actor, (await volunteers.answerOpinion(db, ctx, req.params.id, req.body))!, ctx.now) }
  })
  app.get('/volunteer-opinions/:id/attachments/:sha256', { schema: { tags: volunteerTags, summary: '下载监督意见的附件（本人或司法局）', params: s.sha256Params, response: { 200: z.any().describe('附件内容'), 401: errorBody, 404: errorBody } } }, async (req, reply) => {
    const file = await volunteers.opinionAttachment(db, signedIn(req), store(), req.params.id, req.params.sha256)
    // Any file a volunteer sent: an opaque download, sandboxed, never rendered on this origin.
    return sendStoredFile(reply, { body: file.bytes, mediaType: file.mediaType ?? 'application/octet-stream', fileName: file.name, cacheControl: 'private, no-store' })
  })

  // ——— joint meetings ———
  app.get('/joint-meetings', { schema: { tags: coordTags, summary: '联席会议（司法局：本辖区；单位：本单位参加或承办任务的）', response: { 200: z.object({ items: z.array(s.meetingView.extend({ openTasks: z.number(), taskCount: z.number() })) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const rows = await coordination.listMeetingsWithTasks(db, ctx)
    return { items: rows.map(({ meeting, tasks }) => ({ ...presenter.presentMeeting(meeting), taskCount: tasks.length, openTasks: tasks.filter((t) => t.status === 'open').length })) }
  })
  app.post('/joint-meetings', { schema: { tags: coordTags, summary: '登记联席会议（参会单位和人员、纪要、议定事项、任务分解）', body: s.meetingBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    return reply.status(201).send({ id: await coordination.recordMeeting(db, signedIn(req), req.body) })
  })
  app.get('/joint-meetings/:id', { schema: { tags: coordTags, summary: '联席会议详情与任务落实情况', params: idParams, response: { 200: s.meetingDetail, 401: errorBody, 403: errorBody, 404: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { meeting, tasks, attendeeOrgs } = await coordination.loadMeeting(db, ctx, req.params.id)
    return { meeting: presenter.presentMeeting(meeting), attendeeOrgs, tasks: tasks.map((t) => presenter.presentMeetingTask(ctx.actor, t, ctx.now)) }
  })
  app.post('/joint-meetings/:id/tasks', { schema: { tags: coordTags, summary: '为联席会议增加任务（承办单位、期限）', params: idParams, body: s.meetingTaskBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    return reply.status(201).send({ id: await coordination.addMeetingTask(db, signedIn(req), req.params.id, req.body) })
  })
  app.get('/joint-meeting-tasks', { schema: { tags: coordTags, summary: '联席会议任务（单位：本单位承办的）', querystring: s.taskListQuery, response: { 200: z.object({ items: z.array(s.meetingTaskView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    return { items: (await coordination.listMeetingTasks(db, ctx, req.query)).map((t) => presenter.presentMeetingTask(ctx.actor, t, ctx.now)) }
  })
  app.post('/joint-meeting-tasks/:id/done', { schema: { tags: coordTags, summary: '报告会议任务完成（承办单位）', params: idParams, body: s.taskDoneBody, response: { 200: z.object({ task: s.meetingTaskView }), ...refusals } } }, async (req) => {
    const ctx = signedIn(req)
    return { task: presenter.presentMeetingTask(ctx.actor, (await coordination.completeMeetingTask(db, ctx, req.params.id, req.body))!, ctx.now) }
  })

  // ——— transfers ———
  app.get('/transfers', { schema: { tags: coordTags, summary: '线索和案件移送（线索移送在此登记；平台内案件的移送取自案件办理，只读）', response: { 200: z.object({ items: z.array(s.transferView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    const ctx = signedIn(req)
    const { clues, cases } = await coordination.listTransfers(db, ctx)
    const items = [...clues.map((t) => presenter.presentTransfer(ctx.actor, t, ctx.now)), ...cases.map(presenter.presentCaseTransfer)]
    return { items: items.sort((a, b) => b.transferredOn.localeCompare(a.transferredOn)) }
  })
  app.post('/transfers', { schema: { tags: coordTags, summary: '移送线索（单位之间、市乡两级之间），接收期限按工作日计算', body: s.transferBody, response: { 201: z.object({ transfer: s.transferView }), ...refusals } } }, async (req, reply) => {
    const ctx = signedIn(req)
    const id = await coordination.createTransfer(db, ctx, req.body)
    return reply.status(201).send({ transfer: presenter.presentTransfer(ctx.actor, await coordination.getTransfer(db, ctx, id), ctx.now) })
  })
  for (const decision of ['accept', 'refuse'] as const) {
    app.post(`/transfers/:id/${decision}`, { schema: { tags: coordTags, summary: decision === 'accept' ? '接收移送（接收单位负责人）' : '拒绝接收移送（说明理由）', params: idParams, body: s.transferDecisionBody, response: { 200: z.object({ transfer: s.transferView }), ...refusals } } }, async (req) => {
      const ctx = signedIn(req)
      return { transfer: presenter.presentTransfer(ctx.actor, (await coordination.decideTransfer(db, ctx, req.params.id, decision, req.body))!, ctx.now) }
    })
  }

  // ——— events and settings ———
  app.get('/social-events', { schema: { tags: coordTags, summary: '阳光执法活动：企业座谈会、专题活动、培训', response: { 200: z.object({ items: z.array(s.eventView) }), 401: errorBody, 403: errorBody } } }, async (req) => {
    return { items: (await coordination.listEvents(db, signedIn(req))).map(presenter.presentEvent) }
  })
  app.post('/social-events', { schema: { tags: coordTags, summary: '登记阳光执法活动（参加单位、企业和人数）', body: s.eventBody, response: { 201: z.object({ id: z.string() }), ...refusals } } }, async (req, reply) => {
    return reply.status(201).send({ id: await coordination.recordEvent(db, signedIn(req), req.body) })
  })
  app.get('/social/settings', { schema: { tags: complaintTags, summary: '社会监督期限设置（投诉答复、意见答复、移送接收的工作日数）', response: { 200: s.settingsView, 401: errorBody, 403: errorBody } } }, async (req) => coordination.getSettings(db, signedIn(req)))
  app.post('/social/settings', { schema: { tags: complaintTags, summary: '修改社会监督期限设置（监督人员）', body: s.settingsBody, response: { 200: s.settingsView, ...refusals } } }, async (req) => coordination.saveSettings(db, signedIn(req), req.body))
}
