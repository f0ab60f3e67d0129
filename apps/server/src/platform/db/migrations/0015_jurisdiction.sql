-- Jurisdiction on every write and every secret (issue 11).

-- 市场主体 belong to the region where they were registered, and to the unit that registered them:
-- contact data, edits, QR posters and account activation codes are theirs and the county bureau's.
-- Rows from before this migration: the registering unit is the creator's unit; the region is the
-- enterprise's township, else that unit's region, else the creator's own jurisdiction. A row left
-- without a region is managed by administrators only.
ALTER TABLE enterprise
  ADD COLUMN region_code          text REFERENCES region (code),
  ADD COLUMN registered_by_org_id uuid REFERENCES org (id);

UPDATE enterprise e SET registered_by_org_id = u.org_id
  FROM app_user u
 WHERE u.id = e.created_by AND u.org_id IS NOT NULL;

UPDATE enterprise e SET region_code = COALESCE(
  e.township_code,
  (SELECT o.region_code FROM org o WHERE o.id = e.registered_by_org_id),
  (SELECT u.region_code FROM app_user u WHERE u.id = e.created_by));

CREATE INDEX enterprise_region_idx ON enterprise (region_code);
CREATE INDEX enterprise_registered_by_idx ON enterprise (registered_by_org_id);

-- 权力事项 belong to the jurisdiction that entered them (NULL for rows from before this migration):
-- only those who govern it, and every region the item is held in, change, repeal or restore it.
ALTER TABLE power_item ADD COLUMN region_code text REFERENCES region (code);

-- 评查标准 adopted by a county bureau apply in its jurisdiction only; NULL = the platform's defaults
-- (entered by administrators). Rows from before this migration were platform-wide.
ALTER TABLE review_standard ADD COLUMN region_code text REFERENCES region (code);
