-- 评价汇总门槛: a unit sees its ratings only in aggregates of at least five (fewer would let it work out
-- a single enterprise's rating). The API already refuses less than 5 and the summary applies max(5, setting);
-- the column now says the same, and any region that had stored 2–4 is raised to 5 (the settings
-- response is validated against the same minimum).
UPDATE inspection_rule_set SET rating_min_count = 5 WHERE rating_min_count < 5;
ALTER TABLE inspection_rule_set DROP CONSTRAINT IF EXISTS inspection_rule_set_rating_min_count_check;
ALTER TABLE inspection_rule_set ADD CONSTRAINT inspection_rule_set_rating_min_count_check CHECK (rating_min_count >= 5);
