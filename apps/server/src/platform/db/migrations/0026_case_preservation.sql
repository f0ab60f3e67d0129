-- 先行登记保存 (行政处罚法 第五十六条): where evidence may be lost or hard to obtain later, the head of the
-- agency approves registering it for preservation; the party may not destroy or move it; within seven
-- (working, 第八十五条) days the agency decides what becomes of it: 解除 (returned), 移送 (to the competent
-- authority), or kept for 没收, which only the penalty decision can order (the item stays preserved
-- until then and the decision confiscates it).
CREATE TABLE case_preservation (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  seq             integer NOT NULL CHECK (seq >= 1),          -- per case: 第1次, 第2次…
  approved_on     date NOT NULL,                              -- the head's approval (the act's date)
  approved_by     uuid REFERENCES app_user (id),
  approver_name   text NOT NULL,
  preserved_on    date NOT NULL,                              -- the 7 days count from here
  place           text NOT NULL,
  custody         text NOT NULL CHECK (custody IN ('on_site', 'agency')),  -- 就地保存 / 异地保存 by the agency
  custodian       text,                                       -- who keeps it where kept on site
  reason          text NOT NULL,                              -- why the evidence may be lost or hard to obtain
  officer_ids     uuid[] NOT NULL,
  deadline_id     uuid REFERENCES case_deadline (id),
  resolved_on     date,                                       -- the 处理决定
  resolution_note text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq),
  CHECK (preserved_on >= approved_on),
  CHECK (resolved_on IS NULL OR resolved_on >= preserved_on)
);
CREATE INDEX case_preservation_case_idx ON case_preservation (case_id);

-- 先行登记保存物品清单: one row per item, with its 处理.
CREATE TABLE case_preserved_item (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  preservation_id uuid NOT NULL REFERENCES case_preservation (id),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  seq             integer NOT NULL CHECK (seq >= 1),
  name            text NOT NULL,
  spec            text,                                       -- 规格、型号、批号
  quantity        text NOT NULL,
  unit            text NOT NULL,
  note            text,
  status          text NOT NULL DEFAULT 'preserved' CHECK (status IN ('preserved', 'released', 'transferred', 'held_for_decision', 'confiscated')),
  outcome_on      date,                                       -- the day of its 处理决定 (or of the penalty decision for 没收)
  transfer_to     text,
  UNIQUE (preservation_id, seq),
  CHECK (status <> 'transferred' OR transfer_to IS NOT NULL),
  CHECK (status = 'preserved' OR outcome_on IS NOT NULL)
);
CREATE INDEX case_preserved_item_case_idx ON case_preserved_item (case_id);

-- Its documents: 先行登记保存通知书 and 物品清单 (delivered to the party).
ALTER TABLE case_document DROP CONSTRAINT IF EXISTS case_document_kind_check;
ALTER TABLE case_document ADD CONSTRAINT case_document_kind_check CHECK (kind IN ('filing_approval_form', 'inquiry_record', 'on_site_record',
  'rectification_order', 'prior_notice', 'hearing_notice', 'hearing_record', 'legal_review_opinion', 'collective_discussion_record',
  'penalty_decision', 'no_penalty_decision', 'transfer_letter', 'on_the_spot_decision', 'delivery_receipt', 'payment_reminder',
  'closing_report', 'preservation_notice', 'preservation_list'));
