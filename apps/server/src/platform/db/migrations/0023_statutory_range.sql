-- 法定处罚幅度 (issue #12 §1): a penalty power item carries the range the provision that sets its penalty
-- allows, as data — kinds, mandatory kinds, fine bands (fixed, a multiple of a base with the law's
-- fallback, or a rate per unit) — in the shape of core's StatutoryPenaltyRange
-- (packages/core/src/statutory-range.ts). Every proposal and decision on the item must lie inside it.
-- Null: not entered yet; a penalty on such an item is refused until it is.
ALTER TABLE power_item ADD COLUMN statutory_range jsonb;
