import type { CaseDocumentKind } from '@yangguang/core'
import type { Transaction } from 'kysely'
import type { Actor, RequestContext } from '../../platform/auth/actor'
import type { DB } from '../../platform/db/schema'

export type IssuedDocument = { documentId: string; kind: CaseDocumentKind; number: string | null }

/**
 * Issues the case's documents for an act, inside the act's transaction: numbers them per unit and
 * year, renders the PDF, stores it and puts its digest on the ledger. Called by the case service
 * after a transition; `extra` carries what the act recorded (e.g. the 询问笔录's questions).
 *
 * Being written: until it is, no document is issued (cases still move and are audited).
 */
export async function issueCaseDocuments(
  _trx: Transaction<DB>,
  _ctx: RequestContext & { actor: Actor },
  _caseId: string,
  _kinds: readonly CaseDocumentKind[],
  _extra: Record<string, unknown> = {},
): Promise<IssuedDocument[]> {
  return []
}
