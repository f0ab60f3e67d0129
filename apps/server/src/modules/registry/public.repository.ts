import type { Executor } from '../../platform/audit/audit'

/** Counts for the portal's header line, within a region subtree. */
export async function publicCounts(db: Executor, regionPath: string, today: string) {
  const [entities, units, certificates] = await Promise.all([
    db
      .selectFrom('enforcement_entity as e')
      .innerJoin('org as o', 'o.id', 'e.org_id')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .where('e.published_snapshot', 'is not', null)
      .where('r.path', 'like', `${regionPath}%`)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('org as o')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .where('r.path', 'like', `${regionPath}%`)
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('o.onboarded_on').as('onboarded')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('certificate as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .innerJoin('region as r', 'r.code', 'o.region_code')
      .where('r.path', 'like', `${regionPath}%`)
      .where('p.status', '=', 'active')
      .where('c.status', '=', 'valid')
      .where('c.valid_from', '<=', today)
      .where('c.valid_to', '>=', today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    publishedEntities: Number(entities.n),
    units: Number(units.n),
    onboardedUnits: Number(units.onboarded),
    validCertificates: Number(certificates.n),
  }
}
