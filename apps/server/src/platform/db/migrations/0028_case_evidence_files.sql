-- 证据材料的文件: photos, scans, audio and video attached to an evidence item of a case (art. 46),
-- stored content-addressed under DATA_DIR/files like the inspection photos, each typed by its bytes
-- (platform/files/file-type-sniff.ts). An item carries any number of files; the same file once per item.
-- Files are attached while the case is investigated and until the decision (after it the evidence is
-- frozen); nothing deletes a row. platform/files/uploads.repository.ts isFileReferenced names this table,
-- so the cleanup of unlinked uploads keeps these files.
CREATE TABLE case_evidence_file (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  evidence_id     uuid NOT NULL REFERENCES case_evidence (id),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type      text NOT NULL,
  byte_size       integer NOT NULL CHECK (byte_size > 0),
  attached_by     uuid NOT NULL REFERENCES app_user (id),
  attached_at     timestamptz NOT NULL,
  UNIQUE (evidence_id, sha256)
);
CREATE INDEX case_evidence_file_case_idx ON case_evidence_file (case_id);
CREATE INDEX case_evidence_file_sha256_idx ON case_evidence_file (sha256);
