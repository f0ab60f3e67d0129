-- 评价汇总门槛: a unit sees its ratings only in aggregates of at least five (fewer would let it work out
-- a single enterprise's rating). The API already refuses less than 5 and the summary applies max(5, setting);
-- the column now says the same, and any region that had stored 2–4 is raised to 5 (the settings
-- response is validated against the same minimum).
UPDATE inspection_rule_set SET rating_min_count = 5 WHERE rating_min_count < 5;
ALTER TABLE inspection_rule_set DROP CONSTRAINT IF EXISTS inspection_rule_set_rating_min_count_check;
ALTER TABLE inspection_rule_set ADD CONSTRAINT inspection_rule_set_rating_min_count_check CHECK (rating_min_count >= 5);

-- 企业评价: a rating gets an id of its own, random, to name it in the audit log and the public ledger.
-- Its leaf used to carry the inspection's id, so a unit reading the log learned which of its
-- inspections were rated and on which day. (Leaves already in the log are append-only and keep it.)
ALTER TABLE inspection_rating ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE inspection_rating ADD CONSTRAINT inspection_rating_id_key UNIQUE (id);

-- Attempt logs are pruned daily by time (platform/auth/attempt-retention.jobs.ts): an index on the instant.
CREATE INDEX IF NOT EXISTS login_attempt_at_idx ON login_attempt (at);
CREATE INDEX IF NOT EXISTS case_lookup_attempt_at_idx ON case_lookup_attempt (at);
