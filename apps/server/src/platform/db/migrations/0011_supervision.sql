-- 执法监督文书 (一函三书), rectification to the end (整改闭环) and 普法提示单.
-- The document names, binding force and response periods are local practice ([I]/[R], see
-- domain-research §1.6): they are rows here, editable by supervisors, never constants in code.

-- 监督文书种类: 监督提醒函 / 意见书 / 建议书 / 决定书 as seeded; supervisors may change the periods,
-- the escalation and the template text.
CREATE TABLE supervision_doc_type (
  code           text PRIMARY KEY,                 -- stable key: reminder, opinion, suggestion, decision
  name           text NOT NULL,                    -- e.g. 行政执法监督意见书
  binding        boolean NOT NULL,                 -- 监督决定书 binds (责令改正); the others recommend
  response_days  integer NOT NULL CHECK (response_days BETWEEN 1 AND 365),
  response_unit  text NOT NULL CHECK (response_unit IN ('working_days', 'natural_days')),
  escalates_to   text NOT NULL,                    -- another type's code or 'report_to_government'
  number_code    text NOT NULL,                    -- 文号 kind, e.g. 监意 → 禄司监意〔2026〕第3号
  template       jsonb NOT NULL,                   -- { opening, requirement, closing } text blocks
  sort_order     integer NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     uuid REFERENCES app_user (id)
);

INSERT INTO supervision_doc_type (code, name, binding, response_days, response_unit, escalates_to, number_code, template, sort_order) VALUES
  ('reminder', '行政执法监督工作提醒函', false, 10, 'working_days', 'report_to_government', '监提',
   '{"opening":"经日常监督，发现你单位在行政执法工作中存在以下落实不力的情形，现予提醒：","requirement":"请你单位高度重视，于收到本函之日起{days}内落实整改，并将整改情况书面报送本机关。","closing":"特此函告。"}', 1),
  ('opinion', '行政执法监督意见书', false, 15, 'working_days', 'reminder', '监意',
   '{"opening":"根据《行政执法监督条例》的规定，本机关对你单位的行政执法工作进行了监督，发现以下问题：","requirement":"请你单位于收到本意见书之日起{days}内，按照上述意见进行整改，并将整改措施和结果书面报送本机关。","closing":"特此提出监督意见。"}', 2),
  ('suggestion', '行政执法监督建议书', false, 30, 'natural_days', 'reminder', '监建',
   '{"opening":"本机关在行政执法监督工作中发现，下列共性问题在多个执法单位中存在：","requirement":"建议你单位对照上述问题开展自查，于收到本建议书之日起{days}内完善相关制度、落实整改，并将情况书面报送本机关。","closing":"特此建议。"}', 3),
  ('decision', '行政执法监督决定书', true, 15, 'working_days', 'report_to_government', '监决',
   '{"opening":"经监督查明，你单位存在以下违法或者不当的行政执法行为：","requirement":"现责令你单位于收到本决定书之日起{days}内改正，并将改正情况书面报告本机关。逾期不改正的，本机关将报请本级人民政府依法处理。","closing":"本决定自送达之日起生效。"}', 4);

-- A supervision document: drafted (by a supervisor, or by the escalation job), then issued — numbered,
-- rendered, stored, put on the ledger and delivered to its units in the platform.
CREATE TABLE supervision_document (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type_code        text NOT NULL REFERENCES supervision_doc_type (code),
  issuer_org_id    uuid NOT NULL REFERENCES org (id),      -- the 司法局 that issues it
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  subject          text NOT NULL,                          -- 事由, one line
  source_kind      text NOT NULL CHECK (source_kind IN ('review_finding', 'inspection_oversight', 'complaint', 'daily_supervision', 'case', 'escalation')),
  source_ref       text,                                   -- id of the source record in its module
  source_snapshot  text NOT NULL DEFAULT '',               -- what the source said when the document was drafted
  response_days    integer NOT NULL,                       -- copied from the type when drafted
  response_unit    text NOT NULL CHECK (response_unit IN ('working_days', 'natural_days')),
  auto_drafted     boolean NOT NULL DEFAULT false,
  escalated_task_id uuid,                                  -- the overdue task an escalation letter was drafted for
  number           text,
  title            text,
  issued_on        date,
  issued_at        timestamptz,
  issued_by        uuid REFERENCES app_user (id),
  verify_id        text UNIQUE,
  salt             bytea,
  sha256           text,
  byte_size        integer,
  data             jsonb,                                  -- the OfficialDocument the PDF was rendered from
  leaf_hash        bytea,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       uuid REFERENCES app_user (id),
  CHECK (status = 'draft' OR (number IS NOT NULL AND issued_on IS NOT NULL AND sha256 IS NOT NULL))
);
CREATE INDEX supervision_document_issuer ON supervision_document (issuer_org_id, status);

-- 主送单位 with delivery and the read receipt (first opening by the unit head).
CREATE TABLE supervision_recipient (
  document_id  uuid NOT NULL REFERENCES supervision_document (id) ON DELETE CASCADE,
  org_id       uuid NOT NULL REFERENCES org (id),
  delivered_on date,
  read_at      timestamptz,
  read_by      uuid REFERENCES app_user (id),
  PRIMARY KEY (document_id, org_id)
);
CREATE INDEX supervision_recipient_org ON supervision_recipient (org_id);

-- One problem per finding: what is wrong, the legal basis, the measure required.
CREATE TABLE supervision_finding (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id  uuid NOT NULL REFERENCES supervision_document (id) ON DELETE CASCADE,
  seq          integer NOT NULL,
  problem      text NOT NULL,
  legal_basis  text NOT NULL,
  measure      text NOT NULL,
  UNIQUE (document_id, seq)
);

-- 整改任务: one per finding and unit, created when the document is issued.
-- status: open (awaiting the unit) → responded (awaiting verification) → closed; returned → open again.
-- escalation: none → reminded (待办) → letter (提醒函 drafted/issued) → reported (报告本级人民政府).
CREATE TABLE rectification_task (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id      uuid NOT NULL REFERENCES supervision_document (id),
  finding_id       uuid NOT NULL REFERENCES supervision_finding (id),
  org_id           uuid NOT NULL REFERENCES org (id),
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'responded', 'closed')),
  due_on           date NOT NULL,
  due_provisional  boolean NOT NULL DEFAULT false,        -- the calendar lacked a year's holidays
  escalation       text NOT NULL DEFAULT 'none' CHECK (escalation IN ('none', 'reminded', 'letter', 'reported')),
  letter_document_id uuid REFERENCES supervision_document (id),
  closed_at        timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (finding_id, org_id)
);
CREATE INDEX rectification_task_org ON rectification_task (org_id, status);
CREATE INDEX rectification_task_due ON rectification_task (status, due_on);

-- The timeline of a task: every step, by whom, with its data (measures, evidence files, reasons, deadlines).
CREATE TABLE rectification_event (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id   uuid NOT NULL REFERENCES rectification_task (id) ON DELETE CASCADE,
  seq       integer NOT NULL,
  at        timestamptz NOT NULL,
  action    text NOT NULL CHECK (action IN ('create', 'respond', 'accept', 'return', 'remind', 'draft_letter', 'report')),
  actor_id  uuid REFERENCES app_user (id),
  actor_name text NOT NULL,
  note      text,
  data      jsonb NOT NULL DEFAULT '{}',
  UNIQUE (task_id, seq)
);

-- 报告本级人民政府: the last step of an escalation, with the generated report text.
CREATE TABLE supervision_escalation_report (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id      uuid NOT NULL UNIQUE REFERENCES rectification_task (id),
  org_id       uuid NOT NULL REFERENCES org (id),
  addressee    text NOT NULL,                             -- e.g. 禄丰市人民政府
  body         text NOT NULL,
  created_at   timestamptz NOT NULL
);

-- 普法提示单: legal-education notices to selected units, reading tracked per unit.
CREATE TABLE legal_notice (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer_org_id  uuid NOT NULL REFERENCES org (id),
  title          text NOT NULL,
  content        text NOT NULL,
  legal_points   jsonb NOT NULL,                          -- [{ basis, point }]
  source_note    text NOT NULL DEFAULT '',                -- e.g. 2026年第3期评查中的高频扣分项
  issued_at      timestamptz NOT NULL,
  issued_by      uuid REFERENCES app_user (id)
);

CREATE TABLE legal_notice_recipient (
  notice_id  uuid NOT NULL REFERENCES legal_notice (id) ON DELETE CASCADE,
  org_id     uuid NOT NULL REFERENCES org (id),
  read_at    timestamptz,
  read_by    uuid REFERENCES app_user (id),
  PRIMARY KEY (notice_id, org_id)
);
CREATE INDEX legal_notice_recipient_org ON legal_notice_recipient (org_id);
