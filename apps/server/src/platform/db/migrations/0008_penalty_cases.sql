-- 行政处罚 cases: the case, its officers, its append-only event log, evidence, deadlines,
-- payments and remedies. The status moves only through the transition table in
-- packages/core/src/penalty-procedure.ts; every move is one case_event row.

CREATE TABLE penalty_case (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id                  uuid NOT NULL REFERENCES org (id),
  case_no                 text UNIQUE,                -- 案件编号, given at 立案 (or at once for the simple procedure)
  procedure               text NOT NULL CHECK (procedure IN ('simple', 'general')),
  status                  text NOT NULL CHECK (status IN ('registered', 'filing_approval', 'investigating', 'under_review', 'notified',
                            'hearing', 'legal_review', 'pending_decision', 'decided', 'executing', 'enforcement', 'closed', 'archived',
                            'not_filed', 'terminated', 'transferred', 'suspended', 'revoked')),
  status_before_suspension text,
  source                  text NOT NULL CHECK (source IN ('inspection', 'complaint', 'transfer', 'discovery', 'assigned')),
  source_note             text,
  inspection_id           uuid REFERENCES inspection (id),
  transferred_from_id     uuid REFERENCES penalty_case (id),
  transferred_to_org_id   uuid REFERENCES org (id),
  power_item_id           uuid NOT NULL REFERENCES power_item (id),
  benchmark_id            uuid REFERENCES discretion_benchmark (id),
  title                   text NOT NULL,              -- 案由, e.g. 未取得施工许可证擅自施工案
  party_kind              text NOT NULL CHECK (party_kind IN ('person', 'organization')),
  party_name              text NOT NULL,
  party_id_number         text,                       -- 公民身份号码 (person): masked in every public view
  party_credit_code       text,                       -- 统一社会信用代码 (organization)
  party_legal_rep         text,
  party_address           text,
  party_phone             text,
  enterprise_id           uuid REFERENCES enterprise (id),
  act_date                date NOT NULL,              -- 违法行为发生之日
  act_end_date            date,                       -- 连续或者继续状态终了之日 (art. 36)
  act_place               text,
  harm_to_safety          boolean NOT NULL DEFAULT false, -- art. 36: life/health or financial safety, with harm → 5 years
  facts                   text,
  registered_at           timestamptz NOT NULL,
  filed_on                date,                       -- 立案日
  major                   boolean NOT NULL DEFAULT false, -- 情节复杂或重大违法 → 集体讨论 (art. 57)
  legal_review_required   boolean NOT NULL DEFAULT false,
  legal_review_reasons    text[] NOT NULL DEFAULT '{}',
  proposal                jsonb,                      -- 处罚建议 {outcome, kinds, fineFen, confiscateFen, tier, circumstances, reason, ground}
  notified_proposal       jsonb,                      -- the proposal as notified (art. 45 compares against it)
  notice_served_on        date,
  waived_at               timestamptz,                -- 当事人明确放弃陈述申辩 (art. 62)
  hearing_eligible        boolean NOT NULL DEFAULT false,
  hearing                 jsonb,                      -- {requestedOn, date, place, presidingPersonId, noticeServedOn, heldOn, absent}
  legal_review            jsonb,                      -- {passed, reviewerId, reviewerName, at, opinion}
  collective_discussion   jsonb,                      -- {heldOn, attendees[], conclusion}
  decision                jsonb,                      -- {outcome, kinds, fineFen, confiscateFen, ground, tier, outsideBenchmark, reason}
  decided_on              date,
  delivered_on            date,
  fine_fen                bigint NOT NULL DEFAULT 0 CHECK (fine_fen >= 0),
  confiscate_fen          bigint NOT NULL DEFAULT 0 CHECK (confiscate_fen >= 0),
  payment_due_on          date,
  outside_benchmark       boolean NOT NULL DEFAULT false, -- flagged to supervisors
  closed_on               date,
  archived_at             timestamptz,
  lookup_code_hash        text,                       -- 当事人查询码, printed on documents delivered to the party; stored hashed
  created_by              uuid REFERENCES app_user (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX penalty_case_org_idx ON penalty_case (org_id, status);
CREATE INDEX penalty_case_party_idx ON penalty_case (party_credit_code);
CREATE INDEX penalty_case_party_id_idx ON penalty_case (party_id_number);
CREATE INDEX penalty_case_enterprise_idx ON penalty_case (enterprise_id);

-- 承办人: the officers on the case, with the certificate each acted under.
CREATE TABLE case_officer (
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  person_id       uuid NOT NULL REFERENCES person (id),
  role            text NOT NULL CHECK (role IN ('lead', 'co')),
  added_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, person_id)
);

-- Every act on a case, in order. Append-only.
CREATE TABLE case_event (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  seq             integer NOT NULL,
  action          text NOT NULL,
  from_status     text NOT NULL,
  to_status       text NOT NULL,
  at              timestamptz NOT NULL,
  on_date         date NOT NULL,                      -- the legal date of the act (Asia/Shanghai)
  actor_id        uuid REFERENCES app_user (id),
  actor_name      text NOT NULL,
  officer_ids     uuid[] NOT NULL DEFAULT '{}',       -- officers who performed an investigative act
  data            jsonb NOT NULL DEFAULT '{}'::jsonb,
  note            text,
  UNIQUE (case_id, seq)
);
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- 证据 (art. 46), files content-addressed under DATA_DIR/files.
CREATE TABLE case_evidence (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  kind            text NOT NULL CHECK (kind IN ('documentary', 'physical', 'audio_visual', 'electronic', 'witness', 'party_statement',
                    'expert_opinion', 'inspection_record')),
  title           text NOT NULL,
  description     text,
  collected_on    date NOT NULL,
  officer_ids     uuid[] NOT NULL,
  file_sha256     text,
  file_name       text,
  file_size       integer,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_evidence_case_idx ON case_evidence (case_id);

-- 期限: computed from the calendar, never typed in. An extension supersedes a row with a new one.
CREATE TABLE case_deadline (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  kind            text NOT NULL CHECK (kind IN ('filing', 'decision', 'statement', 'hearing_request', 'hearing_notice', 'delivery', 'payment',
                    'publication', 'withdrawal', 'preservation', 'simple_record', 'court_application')),
  starts_on       date NOT NULL,                      -- the day of the event (not counted)
  days            integer NOT NULL,
  unit            text NOT NULL CHECK (unit IN ('working_days', 'natural_days')),
  basis           text NOT NULL,                      -- e.g. 行政处罚法第六十条
  due_on          date NOT NULL,
  moved           boolean NOT NULL DEFAULT false,     -- moved off a rest day
  provisional     boolean NOT NULL DEFAULT false,     -- a year without holiday data was involved
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'missed', 'superseded', 'cancelled')),
  met_on          date,
  superseded_by   uuid REFERENCES case_deadline (id),
  reason          text,                               -- reason of an extension or override (audited)
  reminded_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_deadline_open_idx ON case_deadline (due_on) WHERE status = 'open';
CREATE INDEX case_deadline_case_idx ON case_deadline (case_id);

-- 缴款 (罚缴分离: paid at a bank or electronically; the receipt number is the bank's).
CREATE TABLE case_payment (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  kind            text NOT NULL CHECK (kind IN ('fine', 'late_fee', 'confiscation')),
  amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
  paid_on         date NOT NULL,
  receipt_no      text,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_payment_case_idx ON case_payment (case_id);

-- 暂缓或分期缴纳 (art. 66): each instalment is a due date and amount.
CREATE TABLE case_instalment (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  seq             integer NOT NULL,
  due_on          date NOT NULL,
  amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq)
);

-- 行政复议 / 行政诉讼: while one runs, the late fee does not accrue (art. 73).
CREATE TABLE case_remedy (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES penalty_case (id),
  kind            text NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
  started_on      date NOT NULL,
  ended_on        date,
  result          text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX case_remedy_case_idx ON case_remedy (case_id);
