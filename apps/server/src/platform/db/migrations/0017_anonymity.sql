-- Anonymity that survives a database reader and the public log (issue 11).
--
-- 1. Portal addresses are hashed with HMAC-SHA-256 under a key of the day. The key is random, one
--    row per Shanghai day, and the keys of earlier days are deleted when the day's key is made (and
--    by an hourly job): once a day has passed nobody — not the operator, not a database reader —
--    can recompute an address's hash of that day to test a guess.
CREATE TABLE anonymity_key (
  day date PRIMARY KEY,
  key bytea NOT NULL CHECK (length(key) = 32)
);

-- 2. The portal's rate-limit rows become counters per address hash, kind and clock hour. The old
--    rows held an unsalted SHA-256 of the address and the millisecond of the attempt, written in
--    the complaint's own transaction: joinable with the complaint and recomputable for any address.
--    They are dropped. A counter has no sequence number and no instant, so its order and time say
--    nothing finer than the hour; it is written in its own transaction after the complaint's.
DROP TABLE social_portal_attempt;
CREATE TABLE social_portal_attempt (
  address_hmac text NOT NULL CHECK (address_hmac ~ '^[0-9a-f]{64}$'),
  kind         text NOT NULL CHECK (kind IN ('intake', 'lookup')),
  succeeded    boolean NOT NULL,
  hour         timestamptz NOT NULL CHECK (extract(epoch FROM hour)::bigint % 3600 = 0),
  attempts     integer NOT NULL CHECK (attempts >= 1),
  PRIMARY KEY (address_hmac, kind, succeeded, hour)
);

-- 3. Anonymous submissions reach the audit log and the ledger late and shuffled. Their audit row
--    and leaf wait here until `not_before` (the submission plus a random delay); the integrator
--    then moves every due entry into audit_log and ledger_leaf in a random order, in one
--    transaction, and integrates them like any other leaf. Ordinary leaves never pass through
--    here. The leaf's prefix (`at` = the submission's day, actor `anon`, salted digest) is fixed
--    at submission; its version is numbered when it is released.
CREATE TABLE ledger_delayed_entry (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  not_before  timestamptz NOT NULL,
  leaf_prefix text NOT NULL,
  salt        bytea NOT NULL CHECK (length(salt) = 16),
  record_type text NOT NULL,
  record_id   text NOT NULL,
  audit       jsonb                                   -- the audit_log row written on release, if any
);
CREATE INDEX ledger_delayed_entry_due_idx ON ledger_delayed_entry (not_before);
