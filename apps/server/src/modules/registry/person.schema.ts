import { certificateStatuses, isoDateSchema, personStatuses } from '@yangguang/core'
import { z } from 'zod'
import { pageQuery } from '../../platform/db/pagination'
import { certificateView } from './certificate.schema'
import { phoneSchema } from './registry.schema'

export const listPersonsQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgId: z.uuid().optional(),
  regionCode: z.string().max(12).optional(),
  status: z.enum(personStatuses).optional(),
  certificate: z.enum(['valid', 'invalid', 'expiring']).optional(),
})

/**
 * 法律职业资格 (行政处罚法 第五十八条第二款) of a person who does 法制审核: the certificate number and the
 * day it was obtained (both or neither), and 从事法制审核工作起始日期 (who started before 2021-07-15 is not
 * a first-time reviewer). Checked for dates in the future by the service.
 */
const legalQualificationFields = {
  legalQualificationNo: z.string().trim().min(4, '请填写法律职业资格证书编号').max(40).nullish(),
  legalQualificationOn: isoDateSchema.nullish(),
  legalReviewSince: isoDateSchema.nullish(),
}

export const createPersonBody = z.object({
  orgId: z.uuid(),
  name: z.string().trim().min(2, '请填写姓名').max(30),
  /** Checked against GB 11643 (check digit, birth date) by the service, with a Chinese message. */
  idNumber: z.string().trim().max(30),
  phone: phoneSchema.nullish(),
  position: z.string().trim().max(50).nullish(),
  userId: z.uuid().nullish(),
  ...legalQualificationFields,
})
export type CreatePersonInput = z.infer<typeof createPersonBody>

export const updatePersonBody = z.object({
  name: z.string().trim().min(2).max(30).optional(),
  idNumber: z.string().trim().max(30).optional(),
  phone: phoneSchema.nullish(),
  position: z.string().trim().max(50).nullish(),
  userId: z.uuid().nullish(),
  /** 调动 to another unit (supervisors and admins). */
  orgId: z.uuid().optional(),
  ...legalQualificationFields,
})
export type UpdatePersonInput = z.infer<typeof updatePersonBody>

const currentCertificate = z.object({
  id: z.string(),
  certNo: z.string(),
  areas: z.array(z.string()),
  validTo: z.string(),
  effectiveStatus: z.enum([...certificateStatuses, 'expired', 'not_yet_valid']),
  statusLabel: z.string(),
})

export const personView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  sexLabel: z.string(),
  /** Always present: the first 4 and last 4 characters. */
  idNumberMasked: z.string(),
  /** The full number: only for admins, only on the detail screen; null otherwise. */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  position: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  status: z.enum(personStatuses),
  statusLabel: z.string(),
  currentCertificate: currentCertificate.nullable(),
  legalQualificationNo: z.string().nullable().describe('法律职业资格证书编号（第五十八条第二款）'),
  legalQualificationOn: z.string().nullable().describe('取得法律职业资格日期'),
  legalReviewSince: z.string().nullable().describe('从事法制审核工作起始日期'),
  actions: z.array(z.string()),
})

export const personDetailView = z.object({ person: personView, certificates: z.array(certificateView) })
