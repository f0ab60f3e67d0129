import { generateUscc } from '@yangguang/core'
import type { TestApp } from './harness'

/**
 * A 市场主体 registered in 牟定县 (the sibling county) by 牟定县住房和城乡建设局 — the enterprise
 * that 禄丰 staff must treat as absent. `serial` keeps credit codes distinct across test files.
 */
export async function foreignCountyEnterprise(t: TestApp, serial: number): Promise<{ id: string; creditCode: string; contactPhone: string }> {
  const registrar = await t.db.selectFrom('org').select('id').where('code', '=', 'MD-ZJJ').executeTakeFirstOrThrow()
  const creditCode = generateUscc({ serial })
  const contactPhone = '13987650000'
  const { id } = await t.db
    .insertInto('enterprise')
    .values({ credit_code: creditCode, name: `牟定共和建材有限公司${serial}`, kind: 'enterprise', address: '牟定县共和镇', township_code: '532323100', region_code: '532323100', registered_by_org_id: registrar.id, contact_name: '杨某', contact_phone: contactPhone, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, creditCode, contactPhone }
}

/** A 禄丰 enterprise registered by a unit other than `notByOrgId` (a township's team): readable across the county, its contact data kept from `notByOrgId`. */
export async function countyEnterpriseOfAnotherUnit(t: TestApp, notByOrgId: string) {
  return t.db
    .selectFrom('enterprise as e')
    .innerJoin('region as r', 'r.code', 'e.region_code')
    .select(['e.id', 'e.name', 'e.contact_phone', 'e.registered_by_org_id'])
    .where('r.path', 'like', '530000/532300/532331/%')
    .where('e.registered_by_org_id', '!=', notByOrgId)
    .where('e.contact_phone', 'is not', null)
    .orderBy('e.credit_code')
    .executeTakeFirstOrThrow()
}
