-- 社会监督 (social supervision): 行政执法义务监督员 with their assignments and opinions, 投诉举报 from the
-- public and enterprises against enforcement conduct, 联席会议 with decisions and follow-up tasks,
-- 线索/案件移送 between units and levels, and 阳光执法 events (forums, campaigns, trainings).
-- Rows are scoped by the region of the bureau that keeps them (`region_code`, a county) or by unit.

-- Days the bureau allows, per jurisdiction (working days on the calendar). [I] 15 working days to
-- answer a complaint or an opinion, 5 to accept a transfer: local practice, not a statute.
CREATE TABLE social_setting (
  region_code          text PRIMARY KEY REFERENCES region (code),
  complaint_answer_days integer NOT NULL DEFAULT 15 CHECK (complaint_answer_days BETWEEN 1 AND 90),
  opinion_answer_days  integer NOT NULL DEFAULT 15 CHECK (opinion_answer_days BETWEEN 1 AND 90),
  transfer_accept_days integer NOT NULL DEFAULT 5 CHECK (transfer_accept_days BETWEEN 1 AND 30),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           uuid REFERENCES app_user (id)
);

-- 阳光执法 events: 座谈会, 专题活动, 培训.
CREATE TABLE social_event (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code       text NOT NULL REFERENCES region (code),
  title             text NOT NULL,
  held_on           date NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('forum', 'campaign', 'training')),
  organisers        text NOT NULL,
  participant_count integer NOT NULL CHECK (participant_count >= 0),
  participants      jsonb NOT NULL DEFAULT '[]',   -- [{kind: 'unit'|'enterprise'|'person', orgId?, name}]
  summary           text NOT NULL DEFAULT '',
  created_by        uuid REFERENCES app_user (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX social_event_region_idx ON social_event (region_code, held_on);

-- 行政执法义务监督员: one appointment per row; a volunteer account may be linked to one appointment.
CREATE TABLE volunteer_supervisor (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code         text NOT NULL REFERENCES region (code),
  name                text NOT NULL,
  phone               text,
  occupation          text NOT NULL,
  representation      text NOT NULL CHECK (representation IN ('npc_deputy', 'cppcc_member', 'enterprise', 'lawyer', 'expert', 'media', 'public')),
  -- eligibility (domain-research §1.11: 大专+, ≥18, no punishment, dismissal or 失信被执行人 listing)
  education           text,
  birth_year          integer CHECK (birth_year BETWEEN 1900 AND 2100),
  no_disqualification boolean NOT NULL DEFAULT false,
  term_from           date NOT NULL,
  term_to             date NOT NULL,
  appointment_doc_no  text NOT NULL,
  event_id            uuid REFERENCES social_event (id),   -- appointed at this event
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_on            date,
  end_reason          text,
  user_id             uuid UNIQUE REFERENCES app_user (id),
  created_by          uuid REFERENCES app_user (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (term_to >= term_from),
  CHECK (status = 'active' OR ended_on IS NOT NULL)
);
CREATE INDEX volunteer_supervisor_region_idx ON volunteer_supervisor (region_code);

CREATE TABLE volunteer_assignment (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  volunteer_id  uuid NOT NULL REFERENCES volunteer_supervisor (id),
  target_kind   text NOT NULL CHECK (target_kind IN ('inspection', 'review_batch', 'meeting', 'event', 'complaint', 'other')),
  target_id     uuid,
  title         text NOT NULL,
  note          text,
  due_on        date,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_at       timestamptz,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_assignment_volunteer_idx ON volunteer_assignment (volunteer_id, status);

-- A volunteer's opinion and the bureau's answer, due on the working-day calendar.
CREATE TABLE volunteer_opinion (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  volunteer_id           uuid NOT NULL REFERENCES volunteer_supervisor (id),
  assignment_id          uuid REFERENCES volunteer_assignment (id),
  content                text NOT NULL,
  attachments            jsonb NOT NULL DEFAULT '[]',   -- [{name, sha256, byteSize}] in the file store
  submitted_at           timestamptz NOT NULL,
  answer_due_on          date NOT NULL,
  answer_due_provisional boolean NOT NULL DEFAULT false,
  answer                 text,
  answered_at            timestamptz,
  answered_by            uuid REFERENCES app_user (id),
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX volunteer_opinion_volunteer_idx ON volunteer_opinion (volunteer_id);

-- 投诉举报 against enforcement conduct. Identity (name, phone) is kept only when not anonymous and is
-- shown only to the bureau. The public follows up with a code of which only the hash is kept.
CREATE TABLE complaint (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_no            text NOT NULL UNIQUE,
  region_code             text NOT NULL REFERENCES region (code),     -- the county whose bureau handles it
  channel                 text NOT NULL CHECK (channel IN ('portal', 'inspection_complaint', 'phone', 'letter', 'visit')),
  inspection_complaint_id uuid UNIQUE REFERENCES inspection_complaint (id),
  complainant_kind        text NOT NULL CHECK (complainant_kind IN ('person', 'enterprise', 'anonymous')),
  anonymous               boolean NOT NULL,
  complainant_name        text,
  complainant_phone       text,
  category                text NOT NULL CHECK (category IN ('arbitrary_inspection', 'arbitrary_fine', 'arbitrary_fee', 'arbitrary_seizure',
                            'profit_driven', 'case_not_filed', 'buck_passing', 'fine_instead_of_management', 'out_of_area', 'conduct', 'other')),
  org_id                  uuid NOT NULL REFERENCES org (id),          -- the unit complained about
  officer_name            text,
  case_id                 uuid REFERENCES penalty_case (id),
  inspection_id           uuid REFERENCES inspection (id),
  occurred_on             date,
  content                 text NOT NULL,
  lookup_code_hash        text UNIQUE CHECK (lookup_code_hash ~ '^[0-9a-f]{64}$'),
  status                  text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'not_accepted', 'transferred', 'assigned', 'answered', 'closed')),
  received_at             timestamptz NOT NULL,
  triage_note             text,
  transferred_to          text,
  triaged_at              timestamptz,
  triaged_by              uuid REFERENCES app_user (id),
  handler_kind            text CHECK (handler_kind IN ('bureau', 'unit')),
  handler_org_id          uuid REFERENCES org (id),
  assigned_at             timestamptz,
  answer_days             integer,
  answer_due_on           date,
  answer_due_provisional  boolean NOT NULL DEFAULT false,
  answer                  text,
  answered_at             timestamptz,
  answered_by             uuid REFERENCES app_user (id),
  escalated_at            timestamptz,
  feedback                text CHECK (feedback IN ('satisfied', 'unsatisfied')),
  feedback_note           text,
  feedback_at             timestamptz,
  CHECK (NOT anonymous OR (complainant_name IS NULL AND complainant_phone IS NULL)),
  CHECK (anonymous = (complainant_kind = 'anonymous'))
);
CREATE INDEX complaint_region_idx ON complaint (region_code, status);
CREATE INDEX complaint_handler_idx ON complaint (handler_org_id, status);

-- The complaint's timeline; a note here never holds the complainant's identity.
CREATE TABLE complaint_event (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL REFERENCES complaint (id),
  action       text NOT NULL,
  note         text,
  actor_name   text NOT NULL,
  at           timestamptz NOT NULL,
  seq          bigserial NOT NULL                  -- order of recording (several acts may share an instant)
);
CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, seq);

-- Portal intake and lookups per address (rate limit). No `id` column: these are not records.
-- The address is kept only as a hash, so an anonymous complaint cannot be traced back through it.
CREATE TABLE social_portal_attempt (
  seq        bigserial PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('intake', 'lookup')),
  ip_hash    text NOT NULL,
  succeeded  boolean NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX social_portal_attempt_idx ON social_portal_attempt (ip_hash, kind, at);

-- 联席会议
CREATE TABLE joint_meeting (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code     text NOT NULL REFERENCES region (code),
  title           text NOT NULL,
  held_on         date NOT NULL,
  convener_org_id uuid NOT NULL REFERENCES org (id),
  location        text,
  attendee_org_ids uuid[] NOT NULL DEFAULT '{}',
  attendee_persons jsonb NOT NULL DEFAULT '[]',   -- [{name, title}]
  minutes         text NOT NULL DEFAULT '',
  decisions       jsonb NOT NULL DEFAULT '[]',   -- ["议定事项", …]
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_meeting_region_idx ON joint_meeting (region_code, held_on);

CREATE TABLE joint_meeting_task (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id   uuid NOT NULL REFERENCES joint_meeting (id),
  decision_no  integer,                          -- 1-based index into the meeting's decisions
  title        text NOT NULL,
  org_id       uuid NOT NULL REFERENCES org (id),
  due_on       date NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_note    text,
  done_at      timestamptz,
  done_by      uuid REFERENCES app_user (id),
  CHECK (status = 'open' OR done_note IS NOT NULL)
);
CREATE INDEX joint_meeting_task_org_idx ON joint_meeting_task (org_id, status);

-- 线索移送 (and 案件移送 of cases not handled on the platform; platform cases move by the case's own
-- 移送 act and are listed from penalty_case).
CREATE TABLE clue_transfer (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('clue', 'case')),
  from_org_id     uuid NOT NULL REFERENCES org (id),
  to_org_id       uuid NOT NULL REFERENCES org (id),
  case_id         uuid REFERENCES penalty_case (id),
  title           text NOT NULL,
  reason          text NOT NULL,
  transferred_on  date NOT NULL,
  accept_days     integer NOT NULL,
  accept_due_on   date NOT NULL,
  accept_due_provisional boolean NOT NULL DEFAULT false,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
  decision_note   text,
  decided_at      timestamptz,
  decided_by      uuid REFERENCES app_user (id),
  escalated_at    timestamptz,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (from_org_id <> to_org_id),
  CHECK (status <> 'refused' OR decision_note IS NOT NULL)
);
CREATE INDEX clue_transfer_to_idx ON clue_transfer (to_org_id, status);
CREATE INDEX clue_transfer_from_idx ON clue_transfer (from_org_id);
