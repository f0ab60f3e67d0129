import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { integrateOnce } from './integrate-batch'
import type { LedgerRuntime } from './ledger-runtime'
import { signOnce } from './sign-checkpoint'
import { submitToWitnesses } from './submit-to-witnesses'

export type LedgerLoopOptions = {
  /** Pause between integration rounds. */
  integrateEveryMs?: number
  /** Least time between two checkpoints. */
  signEveryMs?: number
}

type Logger = { info(msg: string): void; warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void }

export type LedgerLoop = {
  /** Runs one round now (integrate what is pending, sign, ask witnesses) and waits for it. */
  runOnce(): Promise<void>
  /** Stops after the round in progress; no batch is ever cut in half (each is one transaction). */
  stop(): Promise<void>
}

/**
 * The integrator and signer of this server: every 250 ms it appends pending leaves in batches, and
 * at most once a second it signs a checkpoint if the tree grew and sends it to the witnesses.
 * Business transactions never wait for it. With several servers on one database, the ledger lock
 * lets one of them work at a time; the others find the lock taken and skip the round.
 *
 * @example
 * const loop = startLedgerLoop(database.db, ledger, app.log)
 * // … on shutdown:
 * await loop.stop()
 */
export function startLedgerLoop(db: Kysely<DB>, runtime: LedgerRuntime, log: Logger, options: LedgerLoopOptions = {}): LedgerLoop {
  const integrateEveryMs = options.integrateEveryMs ?? 250
  const signEveryMs = options.signEveryMs ?? 1000
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> = Promise.resolve()
  let witnessing: Promise<void> | undefined
  let lastSigned = 0
  let lastWitnessAttempt = 0
  let failures = 0

  const work = async () => {
    const started = Date.now()
    let result
    do result = await integrateOnce(db)
    while (result.more && !stopped && Date.now() - started < 2000)
    if (Date.now() - lastSigned < signEveryMs) return
    lastSigned = Date.now()
    const signed = await signOnce(db, runtime)
    // Ask witnesses after a new checkpoint, and every 10 s while the quorum is still missing.
    if (!witnessing && runtime.witnesses.length > 0 && (signed.signed || Date.now() - lastWitnessAttempt > 10_000)) {
      lastWitnessAttempt = Date.now()
      witnessing = submitToWitnesses(db, runtime)
        .then((outcomes) => {
          for (const o of outcomes) {
            // A refusal means the witness saw a checkpoint inconsistent with what it cosigned before
            // (a rollback or fork) or a bad signature: evidence, not an outage.
            if (o.status === 'refused') log.error({ witness: o.witness, detail: o.detail }, `见证方拒绝联署检查点：${o.detail ?? ''}`)
            if (o.status === 'unreachable') log.warn({ witness: o.witness, detail: o.detail }, `见证方无法联系：${o.detail ?? ''}`)
          }
        })
        .catch((error: unknown) => log.error({ err: error }, '提交见证方失败'))
        .finally(() => {
          witnessing = undefined
        })
    }
  }

  const runOnce = () => {
    round = round.then(work).then(
      () => {
        failures = 0
      },
      (error: unknown) => {
        failures++
        if (failures <= 3 || failures % 100 === 0) log.error({ err: error }, '存证集成失败')
      },
    )
    return round
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      void runOnce().then(schedule)
    }, integrateEveryMs)
  }
  schedule()

  return {
    runOnce,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await round
      await witnessing
    },
  }
}
