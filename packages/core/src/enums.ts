/** Enumerations shared by server and web. Their Chinese labels live in `labels.ts`. */

/** 角色 */
export const roles = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer', 'enterprise', 'volunteer'] as const
export type Role = (typeof roles)[number]

/** 执法主体类型 */
export const entityTypes = ['administrative_organ', 'authorized_org', 'entrusted_org', 'township_government'] as const
export type EntityType = (typeof entityTypes)[number]

/** 执法主体状态: 草稿 → 已审核 → 已确认 → 已公示 */
export const entityStatuses = ['draft', 'audited', 'confirmed', 'published'] as const
export type EntityStatus = (typeof entityStatuses)[number]

export const orgKinds = ['department', 'township', 'team', 'justice_bureau', 'other'] as const
export type OrgKind = (typeof orgKinds)[number]

export const regionLevels = ['province', 'prefecture', 'county', 'township'] as const
export type RegionLevel = (typeof regionLevels)[number]

/** 执法证状态 as stored; `expired` is derived from the date, never stored. */
export const certificateStatuses = ['valid', 'suspended', 'cancelled'] as const
export type CertificateStatus = (typeof certificateStatuses)[number]
export type CertificateEffectiveStatus = CertificateStatus | 'expired' | 'not_yet_valid'

export const certificateActions = ['issue', 'change', 'suspend', 'restore', 'cancel', 'renew'] as const
export type CertificateAction = (typeof certificateActions)[number]

/** 权力事项类别 */
export const powerKinds = ['penalty', 'coercion', 'inspection', 'license', 'levy', 'confirmation', 'other'] as const
export type PowerKind = (typeof powerKinds)[number]

export const catalogueVersionStatuses = ['draft', 'approved', 'published', 'superseded'] as const
export type CatalogueVersionStatus = (typeof catalogueVersionStatuses)[number]

export const adjustmentOps = ['add', 'remove', 'modify'] as const
export type AdjustmentOp = (typeof adjustmentOps)[number]

/** 乡镇履职事项类别: 基本履职 / 配合履职 / 上级收回 */
export const dutyCategories = ['basic', 'cooperative', 'reclaimed'] as const
export type DutyCategory = (typeof dutyCategories)[number]

export const userStatuses = ['active', 'disabled'] as const
export type UserStatus = (typeof userStatuses)[number]

/** 执法主体的操作: 修改、审核、确认、公示、退回草稿、撤销公示 */
export const entityActions = ['update', 'audit', 'confirm', 'publish', 'return', 'withdraw'] as const
export type EntityAction = (typeof entityActions)[number]

/** 执法人员状态: 在岗 / 已离岗 */
export const personStatuses = ['active', 'left'] as const
export type PersonStatus = (typeof personStatuses)[number]

/** 委托状态 as stored; `expired` and `not_yet_valid` are derived from the term, never stored. */
export const delegationStatuses = ['active', 'revoked'] as const
export type DelegationStatus = (typeof delegationStatuses)[number]
export type DelegationEffectiveStatus = DelegationStatus | 'expired' | 'not_yet_valid'

/** 执法领域: the usual areas written on a 执法证 (suggestions; a certificate may name others). */
export const enforcementAreas = [
  '住房城乡建设',
  '自然资源和规划',
  '林业和草原',
  '市场监督管理',
  '生态环境保护',
  '交通运输',
  '农业农村',
  '文化和旅游',
  '卫生健康',
  '应急管理',
  '水利',
  '教育',
  '人力资源和社会保障',
  '民政',
  '发展和改革',
  '医疗保障',
  '统计',
  '工业和信息化',
  '烟草专卖',
  '司法行政',
  '城市管理',
  '综合行政执法',
  '乡镇综合执法',
] as const

/** 乡镇履职事项的动态调整: 新增、取消、变更、调整类别 */
export const dutyAdjustmentOps = ['add', 'remove', 'modify', 'recategorize'] as const
export type DutyAdjustmentOp = (typeof dutyAdjustmentOps)[number]

/** 权力事项状态: 有效 / 已废止 */
export const powerItemStatuses = ['active', 'repealed'] as const
export type PowerItemStatus = (typeof powerItemStatuses)[number]

/** 市场主体类别: 企业 / 个体工商户 / 合伙 (国办发〔2024〕54号: inspections target all 经营主体) */
export const enterpriseKinds = ['enterprise', 'individual', 'partnership'] as const
export type EnterpriseKind = (typeof enterpriseKinds)[number]

/** 检查计划类别: 年度检查计划 / 专项检查计划 */
export const inspectionPlanKinds = ['annual', 'special'] as const
export type InspectionPlanKind = (typeof inspectionPlanKinds)[number]

/** 检查计划状态: 草稿 → 待审批 → 已批准 → 已公布 */
export const inspectionPlanStatuses = ['draft', 'submitted', 'approved', 'published'] as const
export type InspectionPlanStatus = (typeof inspectionPlanStatuses)[number]

/** 检查类型: 年度计划内 / 专项计划内 / 临时性 (云南16项措施 第1项) */
export const inspectionKinds = ['planned_annual', 'planned_special', 'ad_hoc'] as const
export type InspectionKind = (typeof inspectionKinds)[number]

/** 临时性检查的启动事由: 投诉举报 / 转办交办 / 数据监测 */
export const inspectionTriggers = ['complaint', 'transfer', 'data_monitoring'] as const
export type InspectionTrigger = (typeof inspectionTriggers)[number]

/** 检查状态 */
export const inspectionStatuses = ['pending_approval', 'scheduled', 'in_progress', 'completed', 'rejected', 'cancelled'] as const
export type InspectionStatus = (typeof inspectionStatuses)[number]

/** 检查结果: 未发现问题 / 责令改正 / 移送立案 */
export const inspectionResults = ['no_issue', 'correct', 'transfer'] as const
export type InspectionResult = (typeof inspectionResults)[number]

/** The rules checked when an inspection starts; the overridable ones may be set aside by the unit head. */
export const inspectionRules = ['task', 'scan', 'catalogue', 'inspection_item', 'officers', 'cap_unit', 'cap_all', 'plan_month', 'backfill', 'certificates_shown'] as const
export type InspectionRule = (typeof inspectionRules)[number]

/** 例外放行申请状态 */
export const overrideStatuses = ['pending', 'approved', 'rejected', 'used'] as const
export type OverrideStatus = (typeof overrideStatuses)[number]

/** 社会监督 — 投诉举报的类别 (行政执法监督条例: 行为监督的重点问题, domain-research §1.6) */
export const complaintCategories = [
  'arbitrary_inspection',
  'arbitrary_fine',
  'arbitrary_fee',
  'arbitrary_seizure',
  'profit_driven',
  'case_not_filed',
  'buck_passing',
  'fine_instead_of_management',
  'out_of_area',
  'conduct',
  'other',
] as const
export type ComplaintCategory = (typeof complaintCategories)[number]

/** 投诉举报状态: 待受理 → 已受理 → 办理中 → 已答复 → 已办结; 或 不予受理 / 已转办 */
export const complaintStatuses = ['received', 'accepted', 'not_accepted', 'transferred', 'assigned', 'answered', 'closed'] as const
export type ComplaintStatus = (typeof complaintStatuses)[number]

/** 义务监督员的界别 */
export const volunteerRepresentations = ['npc_deputy', 'cppcc_member', 'enterprise', 'lawyer', 'expert', 'media', 'public'] as const
export type VolunteerRepresentation = (typeof volunteerRepresentations)[number]

/** 义务监督员任务的对象 */
export const volunteerTargetKinds = ['inspection', 'review_batch', 'meeting', 'event', 'complaint', 'other'] as const
export type VolunteerTargetKind = (typeof volunteerTargetKinds)[number]

/** 阳光执法活动类别: 座谈会 / 专题活动 / 培训 */
export const socialEventKinds = ['forum', 'campaign', 'training'] as const
export type SocialEventKind = (typeof socialEventKinds)[number]

/** 移送: 线索 / 案件; 状态 待接收 / 已接收 / 拒绝接收 */
export const transferKinds = ['clue', 'case'] as const
export type TransferKind = (typeof transferKinds)[number]
export const transferStatuses = ['pending', 'accepted', 'refused'] as const
export type TransferStatus = (typeof transferStatuses)[number]
