-- 存证 Ledger: a verifiable append-only log of every audited write — an RFC 9162 Merkle tree stored
-- as C2SP tlog-tiles, C2SP signed-note checkpoints and witness cosignatures.
--
-- Every table here is append-only: triggers refuse UPDATE and DELETE. That is a speed bump, not the
-- guarantee: tampering is *detected* by signed, witnessed checkpoints and `yangguang ledger verify`,
-- which recomputes the tree from the leaves.
--
-- Write path: a business transaction inserts its leaf into ledger_leaf (with its private receipt),
-- committed or rolled back with the write. The integrator, in its own transactions, appends the
-- leaves committed since its last batch (found by transaction snapshot, so late commits are never
-- skipped) as one ledger_batch row plus the hash tiles the batch completes. Nothing is ever moved or
-- deleted, so nothing can be lost between the two.

-- The log's identity, written when it signs its first checkpoint. A server configured with another
-- key refuses to sign: two keys for one log would let it fork.
CREATE TABLE ledger_log (
  origin       text PRIMARY KEY,
  profile      text NOT NULL,                            -- e.g. 'sha256-ed25519'
  verifier_key text NOT NULL,                            -- C2SP verifier key of the log
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ledger_log_single ON ledger_log ((true));

-- A leaf: small canonical JSON without personal data (see modules/ledger/ledger-leaf.ts). `xid` is
-- the writing transaction; comparing it with stored snapshots tells the integrator which leaves
-- were committed in which interval. A leaf is "pending" until a batch lists it.
CREATE TABLE ledger_leaf (
  id         bigserial PRIMARY KEY,
  xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
  leaf       bytea NOT NULL CHECK (length(leaf) BETWEEN 1 AND 65535),  -- tlog-tiles entry limit
  leaf_hash  bytea NOT NULL CHECK (length(leaf_hash) = 32),            -- SHA-256(0x00 || leaf)
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The integrator reads an interval's leaves in (xid, id) order straight off this index.
CREATE INDEX ledger_leaf_xid_idx ON ledger_leaf (xid, id);

-- Private: which record a leaf stands for, and the salt of its content digest. Served only to the
-- record's holders (the public sees leaves and hashes, never salts).
CREATE TABLE ledger_receipt (
  leaf_hash      bytea PRIMARY KEY,
  leaf_id        bigint NOT NULL,
  record_type    text NOT NULL,
  record_id      text NOT NULL,
  record_version integer NOT NULL CHECK (record_version >= 1),
  salt           bytea NOT NULL CHECK (length(salt) = 16),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_receipt_record_idx ON ledger_receipt (record_type, record_id);

-- The entries of the log: each integration appends one batch holding the ids of the leaves it took
-- in index order (entry i of the log is leaf_ids[i - first_index + 1]), the tree size, root and
-- compact-range frontier after it (so an integrator resumes without rereading the log), and the
-- snapshot interval (snapshot_lo, snapshot_hi] of commits it consumed. One row per batch, not per
-- entry: that is what lets integration keep pace with bulk imports.
CREATE TABLE ledger_batch (
  first_index   bigint PRIMARY KEY CHECK (first_index >= 0),
  size          bigint NOT NULL UNIQUE,
  leaf_ids      bigint[] NOT NULL,
  leaf_id_range int8range NOT NULL,                      -- [min, max] of leaf_ids, to find a leaf's batch
  root          bytea NOT NULL CHECK (length(root) = 32),
  frontier      bytea NOT NULL,                          -- the compact range's hashes, concatenated
  snapshot_lo   text,                                    -- pg_snapshot text; null for the first interval
  snapshot_hi   text NOT NULL,
  interval_done boolean NOT NULL,                        -- false: more leaves of this interval follow
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (size = first_index + cardinality(leaf_ids) AND size > first_index)
);
CREATE INDEX ledger_batch_leaf_range_idx ON ledger_batch USING gist (leaf_id_range);
-- Leaf ids and hashes hardly compress; storing them uncompressed makes writing and reading a batch
-- several times faster (8 bytes an entry instead of ~3).
ALTER TABLE ledger_batch ALTER COLUMN leaf_ids SET STORAGE EXTERNAL;

-- Full C2SP hash tiles (256 hashes each). Partial tiles are computed on demand from the entries and
-- the tiles below. `root` is the tile's subtree hash, i.e. one hash of the tile a level up.
CREATE TABLE ledger_tile (
  level  smallint NOT NULL CHECK (level BETWEEN 0 AND 63),
  idx    bigint NOT NULL CHECK (idx >= 0),
  hashes bytea NOT NULL CHECK (length(hashes) = 8192),
  root   bytea NOT NULL CHECK (length(root) = 32),
  PRIMARY KEY (level, idx)
);
ALTER TABLE ledger_tile ALTER COLUMN hashes SET STORAGE EXTERNAL;

-- Signed checkpoints (C2SP tlog-checkpoint notes, log signature only). The primary key is the
-- size: never two roots for one size.
CREATE TABLE ledger_checkpoint (
  size       bigint PRIMARY KEY CHECK (size >= 0),
  root       bytea NOT NULL CHECK (length(root) = 32),
  note       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Witness cosignatures (C2SP tlog-cosignature), one signature line per witness and checkpoint.
CREATE TABLE ledger_cosignature (
  size        bigint NOT NULL REFERENCES ledger_checkpoint (size),
  witness_key text NOT NULL,                             -- the witness's verifier key
  line        text NOT NULL,                             -- '— <name> <base64>'
  signed_at   timestamptz NOT NULL,                      -- the cosignature's timestamp
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (size, witness_key)
);

-- Entries only grow at the end: a batch starts where the last one stopped.
CREATE FUNCTION ledger_batch_contiguous() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  expected bigint;
BEGIN
  SELECT coalesce(max(size), 0) INTO expected FROM ledger_batch;
  IF NEW.first_index <> expected THEN
    RAISE EXCEPTION 'ledger batch must start at %, not %', expected, NEW.first_index USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ledger_batch_contiguous BEFORE INSERT ON ledger_batch FOR EACH ROW EXECUTE FUNCTION ledger_batch_contiguous();

-- A checkpoint signs the root the integrator computed, and only ever a larger tree than before.
CREATE FUNCTION ledger_checkpoint_grows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ledger_checkpoint WHERE size >= NEW.size) THEN
    RAISE EXCEPTION 'ledger checkpoint of size % is not larger than the last one', NEW.size USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.size > 0 AND NOT EXISTS (SELECT 1 FROM ledger_batch WHERE size = NEW.size AND root = NEW.root) THEN
    RAISE EXCEPTION 'ledger checkpoint root does not match the tree of size %', NEW.size USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ledger_checkpoint_grows BEFORE INSERT ON ledger_checkpoint FOR EACH ROW EXECUTE FUNCTION ledger_checkpoint_grows();

CREATE TRIGGER ledger_log_append_only BEFORE UPDATE OR DELETE ON ledger_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_leaf_append_only BEFORE UPDATE OR DELETE ON ledger_leaf FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_receipt_append_only BEFORE UPDATE OR DELETE ON ledger_receipt FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_batch_append_only BEFORE UPDATE OR DELETE ON ledger_batch FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_tile_append_only BEFORE UPDATE OR DELETE ON ledger_tile FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_cosignature_append_only BEFORE UPDATE OR DELETE ON ledger_cosignature FOR EACH ROW EXECUTE FUNCTION refuse_change();
-- TRUNCATE skips row triggers; refuse it too.
CREATE TRIGGER ledger_log_no_truncate BEFORE TRUNCATE ON ledger_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_leaf_no_truncate BEFORE TRUNCATE ON ledger_leaf FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_receipt_no_truncate BEFORE TRUNCATE ON ledger_receipt FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_batch_no_truncate BEFORE TRUNCATE ON ledger_batch FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_tile_no_truncate BEFORE TRUNCATE ON ledger_tile FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_cosignature_no_truncate BEFORE TRUNCATE ON ledger_cosignature FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
