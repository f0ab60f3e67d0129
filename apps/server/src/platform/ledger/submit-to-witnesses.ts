import { checkNoteSignatures, encodeBase64, parseCosignatureV1, parseNote } from '@yangguang/ledger'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { consistencyProof } from './ledger-tiles'
import { type CheckpointRow, cosignaturesOf, insertCosignature, latestCheckpoint, upsertWitnessStatus, witnessLatestSize } from './ledger.repository'
import type { LedgerRuntime, WitnessEndpoint } from './ledger-runtime'

/** What became of one witness request. */
export type WitnessOutcome = {
  witness: string
  status: 'cosigned' | 'already' | 'refused' | 'unreachable'
  /** HTTP status and the witness's message when refused. */
  detail?: string
}

/**
 * Sends the newest checkpoint to every configured witness that has not cosigned it yet (C2SP
 * tlog-witness add-checkpoint, with a consistency proof from the witness's last cosigned size) and
 * stores the cosignatures that verify. A 409 answer names the witness's latest size; the request is
 * retried once from there. Runs outside any transaction: witnesses are remote.
 *
 * @example
 * const outcomes = await submitToWitnesses(db, ledger)
 */
export async function submitToWitnesses(db: Kysely<DB>, runtime: LedgerRuntime): Promise<WitnessOutcome[]> {
  const checkpoint = await latestCheckpoint(db)
  if (!checkpoint || runtime.witnesses.length === 0) return []
  const have = new Set((await cosignaturesOf(db, checkpoint.size)).map((c) => c.witness_key))
  return Promise.all(
    runtime.witnesses.map(async (witness) => {
      const outcome = have.has(witness.verifierKey) ? { witness: witness.name, status: 'already' as const } : await requestCosignature(db, witness, checkpoint)
      await recordOutcome(db, witness, checkpoint.size, outcome)
      return outcome
    }),
  )
}

/**
 * Keeps the answer in ledger_witness_status: a refusal must outlive the process that received it,
 * since health and the 监督驾驶舱 report it until the witness cosigns again.
 */
async function recordOutcome(db: Kysely<DB>, witness: WitnessEndpoint, size: number, outcome: WitnessOutcome): Promise<void> {
  const status = outcome.status === 'already' ? 'cosigned' : outcome.status
  await upsertWitnessStatus(db, { witnessKey: witness.verifierKey, witnessName: witness.name, status, detail: outcome.detail ?? null, size, at: new Date() })
}

async function requestCosignature(db: Kysely<DB>, witness: WitnessEndpoint, checkpoint: CheckpointRow): Promise<WitnessOutcome> {
  let old = Math.min(await witnessLatestSize(db, witness.verifierKey), checkpoint.size)
  for (let attempt = 0; attempt < 2; attempt++) {
    let answer: Awaited<ReturnType<WitnessEndpoint['submit']>>
    try {
      const proof = await consistencyProof(db, old, checkpoint.size, { cache: true })
      answer = await witness.submit(`old ${old}\n${proof.map((h) => `${encodeBase64(h)}\n`).join('')}\n${checkpoint.note}`)
    } catch (error) {
      return { witness: witness.name, status: 'unreachable', detail: (error as Error).message }
    }
    if (answer.status === 200) return storeCosignatures(db, witness, checkpoint, answer.body)
    const theirs = /^(0|[1-9][0-9]*)\n?$/.exec(answer.body)
    if (answer.status === 409 && theirs && Number(theirs[1]) <= checkpoint.size && Number(theirs[1]) !== old) {
      old = Number(theirs[1])
      continue
    }
    return { witness: witness.name, status: 'refused', detail: `${answer.status} ${answer.body.trim().slice(0, 200)}` }
  }
  return { witness: witness.name, status: 'refused', detail: '409 after retry' }
}

async function storeCosignatures(db: Kysely<DB>, witness: WitnessEndpoint, checkpoint: CheckpointRow, body: string): Promise<WitnessOutcome> {
  const text = parseNote(checkpoint.note).text
  const lines = body.split('\n').filter((line) => line.length > 0)
  for (const line of lines) {
    let note
    try {
      note = parseNote(`${text}\n${line}\n`)
    } catch {
      continue
    }
    // Ignore lines from other keys; keep the first that verifies under this witness's key.
    const [check] = checkNoteSignatures(note, [witness.verifier])
    if (check?.status !== 'valid') continue
    const { timestamp } = parseCosignatureV1(check.signature.signature)
    await insertCosignature(db, { size: checkpoint.size, witnessKey: witness.verifierKey, line, signedAt: new Date(timestamp * 1000) })
    return { witness: witness.name, status: 'cosigned' }
  }
  return { witness: witness.name, status: 'refused', detail: 'no valid cosignature in the answer' }
}
