-- 执法单位的通信地址: the 事先告知书 and the 决定书 tell the party where to hand in 陈述、申辩 and
-- where to ask about payment, so a unit keeps its address, postal code (邮政编码) and telephone.
-- All three stay optional (units created before this have none; a document prints what a unit has).
ALTER TABLE org ADD COLUMN postal_code text;
ALTER TABLE org ADD CONSTRAINT org_postal_code_format CHECK (postal_code ~ '^[0-9]{6}$');
