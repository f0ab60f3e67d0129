-- 存证 verify that misses nothing: every audit row names its ledger leaf, verify's joins are indexed,
-- and the last answer of every witness is kept so that a refusal stays visible after a restart.

-- An audit row commits to its leaf: the leaf's digest is SHA-256(salt ‖ canonical content of the
-- row), with the salt in the leaf's receipt, so `yangguang ledger verify` recomputes it from the row.
-- A leaf with no row claiming it (and not written by a bulk writer) is a deleted row.
ALTER TABLE audit_log ADD COLUMN leaf_hash bytea CHECK (leaf_hash IS NULL OR length(leaf_hash) = 32);

-- Rows written before this migration: the leaf recordAudit wrote in the same transaction is the one
-- for the same record, act and instant (`at` is the request's clock in both), taken in order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
WITH leaves AS (
  SELECT r.leaf_hash, r.record_type, r.record_id, convert_from(l.leaf, 'UTF8')::jsonb AS j, l.id
  FROM ledger_receipt r JOIN ledger_leaf l ON l.id = r.leaf_id
), numbered_leaves AS (
  SELECT leaf_hash, record_type, record_id, j ->> 'act' AS act, (j ->> 'at')::timestamptz AS at,
         row_number() OVER (PARTITION BY record_type, record_id, j ->> 'act', j ->> 'at' ORDER BY id) AS n
  FROM leaves
), numbered_rows AS (
  SELECT id, entity_type, entity_id, action, at,
         row_number() OVER (PARTITION BY entity_type, entity_id, action, at ORDER BY id) AS n
  FROM audit_log
)
UPDATE audit_log a SET leaf_hash = nl.leaf_hash
FROM numbered_rows nr JOIN numbered_leaves nl
  ON nl.record_type = nr.entity_type AND nl.record_id = nr.entity_id AND nl.act = nr.action AND nl.at = nr.at AND nl.n = nr.n
WHERE a.id = nr.id;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
CREATE UNIQUE INDEX audit_log_leaf_hash_idx ON audit_log (leaf_hash);

-- Verify joins receipts to leaves by leaf id (a leaf without a receipt is a deleted receipt) and
-- streams receipts in (leaf_id, leaf_hash) order; and the document tables that hold their own
-- leaves, by leaf hash.
CREATE INDEX ledger_receipt_leaf_id_idx ON ledger_receipt (leaf_id, leaf_hash);
CREATE INDEX case_document_leaf_hash_idx ON case_document (leaf_hash);
CREATE INDEX supervision_document_leaf_hash_idx ON supervision_document (leaf_hash) WHERE leaf_hash IS NOT NULL;
CREATE INDEX supervision_escalation_report_leaf_hash_idx ON supervision_escalation_report (leaf_hash) WHERE leaf_hash IS NOT NULL;

-- The last answer of each witness (C2SP tlog-witness add-checkpoint). A refusal is an alarm: the
-- witness saw something inconsistent with what it cosigned before (rollback, fork) or a bad
-- signature. /api/health reports the ledger degraded and the 监督驾驶舱 shows it until the witness
-- cosigns again. Overwritten on every answer; this is state, not history.
CREATE TABLE ledger_witness_status (
  witness_key  text PRIMARY KEY,                         -- the witness's verifier key
  witness_name text NOT NULL,
  status       text NOT NULL CHECK (status IN ('cosigned', 'refused', 'unreachable')),
  detail       text,                                     -- HTTP status and message when not cosigned
  size         bigint NOT NULL CHECK (size >= 0),        -- the checkpoint it was asked to cosign
  since        timestamptz NOT NULL,                     -- when the status last changed
  checked_at   timestamptz NOT NULL DEFAULT now()
);
