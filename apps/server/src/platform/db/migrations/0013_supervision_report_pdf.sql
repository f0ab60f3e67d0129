-- 报告本级人民政府 as an issued document: numbered by the 司法局 that issued the overdue task's
-- document (e.g. 禄司监报〔2026〕第1号), rendered to PDF with a verification QR code, stored
-- content-addressed and put on the ledger like the supervision documents. Reports written before
-- this migration keep their text and have none of these columns.
ALTER TABLE supervision_escalation_report
  ADD COLUMN issuer_org_id uuid REFERENCES org (id),
  ADD COLUMN number        text,
  ADD COLUMN title         text,
  ADD COLUMN issued_on     date,
  ADD COLUMN verify_id     text UNIQUE CHECK (verify_id ~ '^[a-z2-7]{16}$'),
  ADD COLUMN salt          bytea,
  ADD COLUMN sha256        text,
  ADD COLUMN byte_size     integer,
  ADD COLUMN data          jsonb,                         -- the OfficialDocument the PDF was rendered from
  ADD COLUMN leaf_hash     bytea,
  ADD CONSTRAINT supervision_escalation_report_issued
    CHECK (sha256 IS NULL OR (number IS NOT NULL AND issued_on IS NOT NULL AND verify_id IS NOT NULL AND leaf_hash IS NOT NULL));
