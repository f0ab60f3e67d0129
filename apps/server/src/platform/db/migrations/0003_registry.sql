-- Registry (主体与人员): what the publication workflow and the delegation register need beyond 0002.

-- An entity edited after publication goes back to draft, but the public keeps seeing what was
-- last published until the new version is published (or the publication is withdrawn).
ALTER TABLE enforcement_entity ADD COLUMN published_snapshot jsonb;
ALTER TABLE enforcement_entity ADD COLUMN published_version integer;
-- Why the entity was last sent back to draft or withdrawn from publication (shown to the unit).
ALTER TABLE enforcement_entity ADD COLUMN status_note text;
ALTER TABLE enforcement_entity ADD COLUMN created_by uuid REFERENCES app_user (id);
CREATE INDEX enforcement_entity_status_idx ON enforcement_entity (status);

ALTER TABLE delegation ADD COLUMN created_by uuid REFERENCES app_user (id);
ALTER TABLE delegation ADD COLUMN revoked_by uuid REFERENCES app_user (id);
ALTER TABLE delegation ADD COLUMN revoked_at timestamptz;
CREATE INDEX delegation_principal_idx ON delegation (principal_entity_id);
CREATE INDEX delegation_agent_idx ON delegation (agent_org_id);

-- Expiry reminders scan certificates by end date.
CREATE INDEX certificate_valid_to_idx ON certificate (valid_to);
