-- 期限延长 (issue #12 §2): a deadline the law fixes cannot be stretched after the fact.
--
-- Every deadline keeps its original statutory due date (`original_due_on`, set on insert, never
-- changed: the trigger refuses it). An extension is a row superseding the previous one that says
-- on which ground (负责人批准, 集体讨论, or 中止 — the days a suspended case stood still), on which
-- day it was granted, by whom, from which due date, and the 集体讨论 record where one was needed.
-- The review pre-checks and the supervisor dashboard judge every act against the original due date
-- and only the extensions granted while the period still ran.
ALTER TABLE case_deadline ADD COLUMN original_due_on date;
ALTER TABLE case_deadline ADD COLUMN extension_ground text
  CHECK (extension_ground IN ('head_approval', 'collective_discussion', 'suspension', 'legacy'));
ALTER TABLE case_deadline ADD COLUMN extension_days integer CHECK (extension_days > 0);
ALTER TABLE case_deadline ADD COLUMN extended_from_due_on date;
ALTER TABLE case_deadline ADD COLUMN extended_on date;
ALTER TABLE case_deadline ADD COLUMN extended_by uuid REFERENCES app_user (id);
ALTER TABLE case_deadline ADD COLUMN extended_at timestamptz;
ALTER TABLE case_deadline ADD COLUMN extension_discussion jsonb;

-- Existing rows: a chain of rows linked by superseded_by shares its first row's due date. Rows that
-- superseded another were extensions (or art. 66 deferrals of the payment, which set a new due date
-- of their own); those recorded before this migration are marked 'legacy', 中止 ones 'suspension'.
WITH RECURSIVE chain AS (
  SELECT d.id, d.due_on AS original_due_on, d.due_on AS from_due_on, false AS extension
  FROM case_deadline d
  WHERE NOT EXISTS (SELECT 1 FROM case_deadline p WHERE p.superseded_by = d.id)
  UNION ALL
  SELECT n.id, CASE WHEN n.kind = 'payment' THEN n.due_on ELSE c.original_due_on END, p.due_on, n.kind <> 'payment'
  FROM chain c
  JOIN case_deadline p ON p.id = c.id
  JOIN case_deadline n ON n.id = p.superseded_by
)
UPDATE case_deadline d
SET original_due_on = chain.original_due_on,
    extension_ground = CASE WHEN NOT chain.extension THEN NULL WHEN d.reason LIKE '案件中止%' THEN 'suspension' ELSE 'legacy' END,
    extended_from_due_on = CASE WHEN chain.extension THEN chain.from_due_on END,
    extension_days = CASE WHEN chain.extension AND d.due_on > chain.from_due_on THEN d.due_on - chain.from_due_on END,
    extended_on = CASE WHEN chain.extension THEN (d.created_at AT TIME ZONE 'Asia/Shanghai')::date END,
    extended_at = CASE WHEN chain.extension THEN d.created_at END
FROM chain
WHERE chain.id = d.id;
UPDATE case_deadline SET original_due_on = due_on WHERE original_due_on IS NULL;
ALTER TABLE case_deadline ALTER COLUMN original_due_on SET NOT NULL;
ALTER TABLE case_deadline ADD CONSTRAINT case_deadline_extension_recorded
  CHECK (extension_ground IS NULL OR (extended_from_due_on IS NOT NULL AND extended_on IS NOT NULL));
ALTER TABLE case_deadline ADD CONSTRAINT case_deadline_discussion_recorded
  CHECK (extension_ground IS DISTINCT FROM 'collective_discussion' OR extension_discussion IS NOT NULL);
CREATE INDEX case_deadline_extension_idx ON case_deadline (case_id, kind, original_due_on) WHERE extension_ground IS NOT NULL;

-- The original due date is written once: on insert it defaults to the due date, and no update may change it.
CREATE FUNCTION case_deadline_original_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.original_due_on := coalesce(NEW.original_due_on, NEW.due_on);
  ELSIF NEW.original_due_on IS DISTINCT FROM OLD.original_due_on THEN
    RAISE EXCEPTION 'case_deadline.original_due_on is immutable';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER case_deadline_original_due BEFORE INSERT OR UPDATE ON case_deadline
  FOR EACH ROW EXECUTE FUNCTION case_deadline_original_due();

-- Which periods a jurisdiction lets be extended, and how (see core's DeadlineExtensionRules). The
-- default follows 《市场监督管理行政处罚程序规定》第六十四条: the 90 days once by 30 days 经负责人批准,
-- further only 经负责人集体讨论决定, which fixes the length.
ALTER TABLE penalty_rule_set ADD COLUMN deadline_extensions jsonb NOT NULL
  DEFAULT '{"decision": {"headApprovalMaxDays": 30, "collectiveDiscussion": true, "collectiveDiscussionMaxDays": null}}'::jsonb;
