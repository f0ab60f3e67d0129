import { createHmac, randomBytes } from 'node:crypto'
import { shanghaiDateOf } from '@yangguang/core'
import type { Executor } from '../audit/audit'
import { registerJob } from '../jobs/job-runner'

/**
 * What a per-address limit on anonymous intake stores instead of the address: HMAC-SHA-256 under
 * the key of the day (Asia/Shanghai), with a `purpose` so two limits never share a value. The key is
 * random and lives one day: the first call of a day makes it and deletes every earlier key (the
 * hourly {@link ROTATE_ADDRESS_KEYS_JOB} does the same on a quiet day). While the day lasts, whoever
 * reads the key can test a guessed address against that day's rows; afterwards nobody can, so a
 * stored value can no longer be tied to an address. The price: a limit's count starts afresh at
 * midnight.
 *
 * @example
 * const h = await addressHmac(db, 'social-portal', ctx.ip, ctx.now) // 64 hex chars, different tomorrow
 */
export async function addressHmac(db: Executor, purpose: string, ip: string, now: Date): Promise<string> {
  const key = await keyOfDay(db, now)
  return createHmac('sha256', key).update(`${purpose}\n${ip}`).digest('hex')
}

/**
 * Makes the key of `now`'s day if it is missing and deletes the keys of earlier days. Answers the
 * day's key.
 *
 * @example
 * await rotateAddressKeys(db, new Date('2026-11-21T00:05:00+08:00')) // 2026-11-20's key is gone
 */
export async function rotateAddressKeys(db: Executor, now: Date): Promise<Buffer> {
  const day = shanghaiDateOf(now)
  await db.insertInto('anonymity_key').values({ day, key: randomBytes(32) }).onConflict((oc) => oc.column('day').doNothing()).execute()
  await db.deleteFrom('anonymity_key').where('day', '<', day).execute()
  const row = await db.selectFrom('anonymity_key').select('key').where('day', '=', day).executeTakeFirstOrThrow()
  return row.key
}

/**
 * The clock hour holding `instant`: the only time a rate-limit row keeps.
 *
 * @example
 * startOfHour(new Date('2026-11-20T10:31:05.123+08:00')).toISOString() // '2026-11-20T02:00:00.000Z'
 */
export function startOfHour(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 3_600_000) * 3_600_000)
}

/** Job type of the hourly key rotation (deletes yesterday's key even when nobody submits today). */
export const ROTATE_ADDRESS_KEYS_JOB = 'anonymity.rotate_address_keys'

async function keyOfDay(db: Executor, now: Date): Promise<Buffer> {
  const row = await db.selectFrom('anonymity_key').select('key').where('day', '=', shanghaiDateOf(now)).executeTakeFirst()
  return row?.key ?? rotateAddressKeys(db, now)
}

registerJob(
  ROTATE_ADDRESS_KEYS_JOB,
  async (db, _job, now) => {
    await rotateAddressKeys(db, now)
  },
  { everyMs: 3_600_000 },
)
