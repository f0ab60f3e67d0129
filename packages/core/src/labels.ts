import type {
  AdjustmentOp,
  CatalogueVersionStatus,
  CertificateAction,
  CertificateEffectiveStatus,
  DelegationEffectiveStatus,
  DutyAdjustmentOp,
  DutyCategory,
  EnterpriseKind,
  InspectionKind,
  InspectionPlanKind,
  InspectionPlanStatus,
  InspectionResult,
  InspectionRule,
  InspectionStatus,
  InspectionTrigger,
  OverrideStatus,
  EntityAction,
  EntityStatus,
  EntityType,
  OrgKind,
  PersonStatus,
  PowerItemStatus,
  PowerKind,
  RegionLevel,
  Role,
  UserStatus,
} from './enums'

/** The one table of user-facing Chinese labels for enumerations. */
export const labels = {
  role: {
    admin: '系统管理员',
    supervisor: '监督人员',
    unit_head: '单位负责人',
    legal_reviewer: '法制审核员',
    officer: '执法人员',
    enterprise: '企业',
    volunteer: '义务监督员',
  } satisfies Record<Role, string>,
  entityType: {
    administrative_organ: '行政机关',
    authorized_org: '法律法规授权组织',
    entrusted_org: '受委托组织',
    township_government: '乡镇人民政府',
  } satisfies Record<EntityType, string>,
  entityStatus: {
    draft: '草稿',
    audited: '已审核',
    confirmed: '已确认',
    published: '已公示',
  } satisfies Record<EntityStatus, string>,
  orgKind: {
    department: '市直部门',
    township: '乡镇人民政府',
    team: '执法队伍',
    justice_bureau: '司法行政部门',
    other: '其他',
  } satisfies Record<OrgKind, string>,
  regionLevel: {
    province: '省',
    prefecture: '州（市）',
    county: '县（市、区）',
    township: '乡（镇）',
  } satisfies Record<RegionLevel, string>,
  certificateStatus: {
    valid: '有效',
    suspended: '暂扣',
    cancelled: '注销',
    expired: '已过期',
    not_yet_valid: '未生效',
  } satisfies Record<CertificateEffectiveStatus, string>,
  certificateAction: {
    issue: '发证',
    change: '变更',
    suspend: '暂扣',
    restore: '恢复',
    cancel: '注销',
    renew: '换证',
  } satisfies Record<CertificateAction, string>,
  powerKind: {
    penalty: '行政处罚',
    coercion: '行政强制',
    inspection: '行政检查',
    license: '行政许可',
    levy: '行政征收',
    confirmation: '行政确认',
    other: '其他',
  } satisfies Record<PowerKind, string>,
  catalogueVersionStatus: {
    draft: '草稿',
    approved: '已审议通过',
    published: '已公布',
    superseded: '已被替代',
  } satisfies Record<CatalogueVersionStatus, string>,
  adjustmentOp: {
    add: '新增',
    remove: '取消',
    modify: '变更',
  } satisfies Record<AdjustmentOp, string>,
  dutyCategory: {
    basic: '基本履职事项',
    cooperative: '配合履职事项',
    reclaimed: '上级收回事项',
  } satisfies Record<DutyCategory, string>,
  userStatus: {
    active: '正常',
    disabled: '已停用',
  } satisfies Record<UserStatus, string>,
  entityAction: {
    update: '修改',
    audit: '审核',
    confirm: '确认',
    publish: '公示',
    return: '退回草稿',
    withdraw: '撤销公示',
  } satisfies Record<EntityAction, string>,
  personStatus: {
    active: '在岗',
    left: '已离岗',
  } satisfies Record<PersonStatus, string>,
  delegationStatus: {
    active: '有效',
    revoked: '已撤销',
    expired: '已到期',
    not_yet_valid: '未生效',
  } satisfies Record<DelegationEffectiveStatus, string>,
  dutyAdjustmentOp: {
    add: '新增事项',
    remove: '取消事项',
    modify: '变更内容',
    recategorize: '调整类别',
  } satisfies Record<DutyAdjustmentOp, string>,
  powerItemStatus: {
    active: '有效',
    repealed: '已废止',
  } satisfies Record<PowerItemStatus, string>,
  enterpriseKind: {
    enterprise: '企业',
    individual: '个体工商户',
    partnership: '个人合伙',
  } satisfies Record<EnterpriseKind, string>,
  inspectionPlanKind: {
    annual: '年度检查计划',
    special: '专项检查计划',
  } satisfies Record<InspectionPlanKind, string>,
  inspectionPlanStatus: {
    draft: '草稿',
    submitted: '待审批',
    approved: '已批准',
    published: '已公布',
  } satisfies Record<InspectionPlanStatus, string>,
  inspectionKind: {
    planned_annual: '年度计划检查',
    planned_special: '专项计划检查',
    ad_hoc: '临时性检查',
  } satisfies Record<InspectionKind, string>,
  inspectionTrigger: {
    complaint: '投诉举报',
    transfer: '转办交办',
    data_monitoring: '数据监测',
  } satisfies Record<InspectionTrigger, string>,
  inspectionStatus: {
    pending_approval: '待审批',
    scheduled: '待检查',
    in_progress: '检查中',
    completed: '已完成',
    rejected: '未批准',
    cancelled: '已取消',
  } satisfies Record<InspectionStatus, string>,
  inspectionResult: {
    no_issue: '未发现问题',
    correct: '责令改正',
    transfer: '移送立案',
  } satisfies Record<InspectionResult, string>,
  inspectionRule: {
    task: '须有已批准的检查任务',
    scan: '须扫码入企',
    catalogue: '清单之外无权力',
    officers: '两名以上持证执法人员',
    cap_unit: '本单位检查频次上限',
    cap_all: '跨单位检查频次上限',
    plan_month: '计划检查月份',
    backfill: '离线补录时限',
  } satisfies Record<InspectionRule, string>,
  overrideStatus: {
    pending: '待审批',
    approved: '已批准',
    rejected: '已驳回',
    used: '已使用',
  } satisfies Record<OverrideStatus, string>,
  adjustmentStatus: {
    pending: '待审批',
    accepted: '已采纳',
    approved: '已批准',
    rejected: '已驳回',
  } as Record<string, string>,
} as const

/**
 * The Chinese label of an enumeration value, or the value itself when it has none.
 *
 * @example
 * labelOf('role', 'supervisor') // '监督人员'
 */
export function labelOf<K extends keyof typeof labels>(kind: K, value: string): string {
  const table = labels[kind] as Record<string, string>
  return table[value] ?? value
}
