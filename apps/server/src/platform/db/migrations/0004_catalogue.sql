-- Catalogue (权责清单): what the duty-list adjustment workflow needs beyond 0002.

-- A duty adjustment may move an item to another category (e.g. 基本履职 → 上级收回).
ALTER TABLE duty_adjustment DROP CONSTRAINT duty_adjustment_op_check;
ALTER TABLE duty_adjustment ADD CONSTRAINT duty_adjustment_op_check CHECK (op IN ('add', 'remove', 'modify', 'recategorize'));
-- Why a supervisor rejected (or remarked on) an adjustment; the approval itself cites approval_ref.
ALTER TABLE duty_adjustment ADD COLUMN decision_note text;
CREATE INDEX duty_adjustment_status_idx ON duty_adjustment (status);

-- Public and admin catalogue screens filter a version's items by domain.
CREATE INDEX catalogue_version_item_domain_idx ON catalogue_version_item (version_id, domain);
CREATE INDEX catalogue_version_region_idx ON catalogue_version (region_code, status);
