-- 执法文书 issued in a case, their numbers per unit and year, the 公示 of decisions, and the
-- party's own lookup attempts (rate limit).

-- One row per issued document. Never changes once issued: the PDF bytes it describes are on the
-- ledger (leaf digest = SHA-256(salt ‖ PDF)), so a changed row would no longer match. A corrected
-- document is a new row with a new number.
CREATE TABLE case_document (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  org_id          uuid NOT NULL REFERENCES org (id),          -- the issuing unit (scope)
  kind            text NOT NULL CHECK (kind IN ('filing_approval_form', 'inquiry_record', 'on_site_record', 'rectification_order',
                    'prior_notice', 'hearing_notice', 'hearing_record', 'legal_review_opinion', 'collective_discussion_record',
                    'penalty_decision', 'no_penalty_decision', 'transfer_letter', 'on_the_spot_decision', 'delivery_receipt',
                    'payment_reminder', 'closing_report')),
  number          text UNIQUE,                                -- 文号; null for 笔录, 回证, 报告
  title           text NOT NULL,
  verify_id       text NOT NULL UNIQUE CHECK (verify_id ~ '^[a-z2-7]{16}$'), -- public, printed in the QR code
  salt            bytea NOT NULL CHECK (octet_length(salt) = 16),            -- private: only the holder of the PDF has it
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),          -- of the PDF bytes (the file store's address)
  file_ref        text NOT NULL,
  byte_size       integer NOT NULL CHECK (byte_size > 0),
  data            jsonb NOT NULL,                             -- the OfficialDocument rendered: rendering it again gives the same bytes
  issued_on       date NOT NULL,
  issued_at       timestamptz NOT NULL,
  issued_by       uuid REFERENCES app_user (id),
  leaf_hash       bytea NOT NULL,                             -- the ledger leaf of case_document.issue
  for_party       boolean NOT NULL,                           -- delivered to the party: visible in the party's lookup
  issue_order     bigserial NOT NULL                          -- the order of issue (one act issues several at one instant)
);
CREATE INDEX case_document_case_idx ON case_document (case_id, issue_order);
CREATE TRIGGER case_document_append_only BEFORE UPDATE OR DELETE ON case_document
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- 文号 sequences: one counter per unit, document kind code (罚决字…) and year. A number is taken by
-- an upsert that locks the row until the act's transaction ends, so two acts never share a number
-- and a rolled-back act gives its number back.
CREATE TABLE doc_number_sequence (
  org_id          uuid NOT NULL REFERENCES org (id),
  kind_code       text NOT NULL,
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  last_seq        integer NOT NULL CHECK (last_seq >= 1),
  PRIMARY KEY (org_id, kind_code, year)
);

-- 公示 of a decision (双公示, art. 48): due within the configured working days of the decision;
-- withdrawn within 3 working days of its revocation, with a note. public_data holds only the
-- whitelisted, masked fields, frozen when published.
CREATE TABLE case_publication (
  case_id           uuid PRIMARY KEY REFERENCES penalty_case (id),
  org_id            uuid NOT NULL REFERENCES org (id),
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'withdrawn')),
  decided_on        date NOT NULL,
  due_on            date NOT NULL,
  due_provisional   boolean NOT NULL DEFAULT false,           -- a year without holiday data was involved
  published_at      timestamptz,
  published_by      uuid REFERENCES app_user (id),
  public_data       jsonb,
  withdraw_due_on   date,
  withdraw_requested_on date,
  withdrawn_at      timestamptz,
  withdrawn_by      uuid REFERENCES app_user (id),
  withdrawal_note   text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'pending' OR (published_at IS NOT NULL AND public_data IS NOT NULL)),
  CHECK (status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawal_note IS NOT NULL))
);
CREATE INDEX case_publication_list_idx ON case_publication (status, published_at DESC);

-- What was published stays as published: a withdrawal hides it with a note, it never rewrites it.
CREATE FUNCTION case_publication_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'case_publication rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'pending' AND (NEW.public_data IS DISTINCT FROM OLD.public_data OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
    RAISE EXCEPTION 'a published decision is not rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'withdrawn' AND NEW.status <> 'withdrawn' THEN
    RAISE EXCEPTION 'a withdrawn publication stays withdrawn' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_publication_guard BEFORE UPDATE OR DELETE ON case_publication
  FOR EACH ROW EXECUTE FUNCTION case_publication_guard();

-- 案件查询: attempts of the party's lookup, for the per-address rate limit (like login_attempt).
CREATE TABLE case_lookup_attempt (
  id          bigserial PRIMARY KEY,
  ip          text NOT NULL,
  succeeded   boolean NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_lookup_attempt_ip_idx ON case_lookup_attempt (ip, at);
