-- Hostile uploads: every file a user sends is recorded with the type its bytes show (never the
-- type the client claimed), its size and its uploader, so a per-user daily quota can be enforced
-- and files never linked to a record can be removed after a day. The file itself stays in the
-- content-addressed store under DATA_DIR/files; several rows may name the same digest (two users
-- uploading the same bytes), one row per uploader and digest.
CREATE TABLE upload (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploader_user_id uuid NOT NULL REFERENCES app_user (id),
  kind             text NOT NULL CHECK (kind IN ('photo', 'evidence')),
  media_type       text NOT NULL,
  byte_size        bigint NOT NULL CHECK (byte_size > 0),
  uploaded_at      timestamptz NOT NULL,
  linked_at        timestamptz,
  UNIQUE (uploader_user_id, sha256)
);
-- The quota sums one user's recent uploads; the cleanup scans unlinked old ones.
CREATE INDEX upload_quota_idx ON upload (uploader_user_id, uploaded_at);
CREATE INDEX upload_unlinked_idx ON upload (uploaded_at) WHERE linked_at IS NULL;
CREATE INDEX upload_sha256_idx ON upload (sha256);
