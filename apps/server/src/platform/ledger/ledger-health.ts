import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { witnessStatuses } from './ledger.repository'
import type { LedgerRuntime } from './ledger-runtime'

/** One configured witness whose last answer was not a cosignature. */
export type WitnessAlarm = {
  witness: string
  status: 'refused' | 'unreachable'
  /** Chinese, with the witness's own answer. */
  reason: string
  /** The checkpoint size it was asked to cosign. */
  size: number
  since: Date
}

export type LedgerHealth = {
  /** `degraded` while any configured witness refuses or cannot be reached. */
  status: 'ok' | 'degraded'
  alarms: WitnessAlarm[]
}

/**
 * The ledger's health from the last answer of each configured witness. A refusal is an alarm —
 * the witness says the log is inconsistent with what it cosigned before (rolled back, forked) or
 * badly signed — and lasts until the witness cosigns again; an unreachable witness degrades too,
 * since checkpoints then go unwitnessed.
 *
 * @example
 * const { status, alarms } = await ledgerHealth(db, ledger)
 * if (status === 'degraded') console.error(alarms[0].reason)
 */
export async function ledgerHealth(db: Kysely<DB>, runtime: LedgerRuntime | undefined): Promise<LedgerHealth> {
  if (!runtime || runtime.witnesses.length === 0) return { status: 'ok', alarms: [] }
  const rows = await witnessStatuses(
    db,
    runtime.witnesses.map((w) => w.verifierKey),
  )
  const alarms: WitnessAlarm[] = []
  for (const row of rows) {
    if (row.status === 'cosigned') continue
    const answer = row.detail ? `：${row.detail}` : ''
    const reason =
      row.status === 'refused'
        ? `见证方 ${row.witness_name} 拒绝联署大小为 ${row.size} 的检查点${answer}（可能日志被回滚或分叉，须立即核查）`
        : `见证方 ${row.witness_name} 无法联系，大小为 ${row.size} 的检查点未获联署${answer}`
    alarms.push({ witness: row.witness_name, status: row.status, reason, size: Number(row.size), since: row.since })
  }
  return { status: alarms.length > 0 ? 'degraded' : 'ok', alarms }
}
