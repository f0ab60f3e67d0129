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
