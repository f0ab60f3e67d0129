-- 云执法: enterprises (市场主体), inspection plans, rules, scan-to-enter inspections, and the
-- enterprise side (accounts, ratings, complaints).

-- 市场主体: enterprises, individual businesses (个体工商户) and partnerships, keyed by their
-- 统一社会信用代码. The QR token on the premises poster is stored only as its SHA-256.
CREATE TABLE enterprise (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  credit_code     text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name            text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('enterprise', 'individual', 'partnership')),
  address         text,
  township_code   text REFERENCES region (code),
  industry        text,
  contact_name    text,
  contact_phone   text,
  qr_token_hash   text UNIQUE,
  qr_issued_at    timestamptz,
  qr_version      integer NOT NULL DEFAULT 0,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_township_idx ON enterprise (township_code);
CREATE INDEX enterprise_name_idx ON enterprise (name);

-- An enterprise account is bound to its enterprise (an unbound one sees nothing; activation binds).
ALTER TABLE app_user ADD COLUMN enterprise_id uuid REFERENCES enterprise (id);
CREATE INDEX app_user_enterprise_idx ON app_user (enterprise_id);

-- One-time activation codes for enterprise accounts: expiring, single use, stored hashed.
CREATE TABLE enterprise_activation (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprise (id),
  code_hash     text NOT NULL UNIQUE,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  used_by       uuid REFERENCES app_user (id),
  issued_by     uuid REFERENCES app_user (id),
  issued_org_id uuid REFERENCES org (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_activation_enterprise_idx ON enterprise_activation (enterprise_id);

-- Rules enforced when an inspection starts, per jurisdiction (the longest matching region wins).
CREATE TABLE inspection_rule_set (
  region_code          text PRIMARY KEY REFERENCES region (code),
  min_officers         integer NOT NULL DEFAULT 2 CHECK (min_officers >= 2),
  require_area_match   boolean NOT NULL DEFAULT true,
  cap_period           text NOT NULL DEFAULT 'year' CHECK (cap_period IN ('month', 'quarter', 'year')),
  cap_per_unit         integer NOT NULL DEFAULT 2 CHECK (cap_per_unit >= 1),
  cap_all_units        integer NOT NULL DEFAULT 4 CHECK (cap_all_units >= 1),
  joint_window_days    integer NOT NULL DEFAULT 30 CHECK (joint_window_days BETWEEN 1 AND 366),
  late_sync_hours      integer NOT NULL DEFAULT 24 CHECK (late_sync_hours >= 1),
  backfill_max_days    integer NOT NULL DEFAULT 10 CHECK (backfill_max_days BETWEEN 0 AND 30),
  rating_min_count     integer NOT NULL DEFAULT 5 CHECK (rating_min_count >= 2),
  updated_by           uuid REFERENCES app_user (id),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

-- 检查计划: annual or special, per unit; approved by the unit head, then published.
CREATE TABLE inspection_plan (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES org (id),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind           text NOT NULL CHECK (kind IN ('annual', 'special')),
  title          text NOT NULL,
  description    text,
  months         integer[] NOT NULL,
  target_mode    text NOT NULL CHECK (target_mode IN ('list', 'sampling')),
  sampling_rule  jsonb,                                -- {count, industry?, townshipCode?}
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'published')),
  status_note    text,
  approved_by    uuid REFERENCES app_user (id),
  approved_at    timestamptz,
  published_at   timestamptz,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_plan_org_idx ON inspection_plan (org_id, year);

CREATE TABLE inspection_plan_item (
  plan_id       uuid NOT NULL REFERENCES inspection_plan (id),
  power_item_id uuid NOT NULL REFERENCES power_item (id),
  PRIMARY KEY (plan_id, power_item_id)
);

CREATE TABLE inspection_plan_target (
  plan_id       uuid NOT NULL REFERENCES inspection_plan (id),
  enterprise_id uuid NOT NULL REFERENCES enterprise (id),
  PRIMARY KEY (plan_id, enterprise_id)
);
CREATE INDEX inspection_plan_target_enterprise_idx ON inspection_plan_target (enterprise_id);

-- 综合查一次: several units' inspections of one enterprise merged into one visit.
CREATE TABLE joint_inspection (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprise (id),
  planned_date  date NOT NULL,
  lead_org_id   uuid NOT NULL REFERENCES org (id),
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX joint_inspection_enterprise_idx ON joint_inspection (enterprise_id);

-- Overrides of a refused start: requested with a reason, approved by the unit head, single use.
CREATE TABLE inspection_override (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES org (id),
  enterprise_id  uuid NOT NULL REFERENCES enterprise (id),
  inspection_id  uuid,                                 -- the task it is for
  rules          text[] NOT NULL,                      -- the rule keys it sets aside
  violations     jsonb NOT NULL,                       -- what the refusal said
  reason         text NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'used')),
  requested_by   uuid REFERENCES app_user (id),
  requested_at   timestamptz NOT NULL DEFAULT now(),
  decided_by     uuid REFERENCES app_user (id),
  decided_at     timestamptz,
  decision_note  text,
  valid_on       date NOT NULL,
  used_at        timestamptz
);
CREATE INDEX inspection_override_org_idx ON inspection_override (org_id, status);

-- 行政检查: a task (planned or approved ad hoc) that becomes an inspection when the officer
-- scans the enterprise's code on arrival.
CREATE TABLE inspection (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id              uuid NOT NULL REFERENCES org (id),
  enterprise_id       uuid NOT NULL REFERENCES enterprise (id),
  kind                text NOT NULL CHECK (kind IN ('planned_annual', 'planned_special', 'ad_hoc')),
  plan_id             uuid REFERENCES inspection_plan (id),
  trigger             text CHECK (trigger IN ('complaint', 'transfer', 'data_monitoring')),
  trigger_note        text,
  status              text NOT NULL CHECK (status IN ('pending_approval', 'scheduled', 'in_progress', 'completed', 'rejected', 'cancelled')),
  planned_date        date NOT NULL,
  officer_ids         uuid[] NOT NULL DEFAULT '{}',    -- assigned persons
  approved_by         uuid REFERENCES app_user (id),
  approved_at         timestamptz,
  decision_note       text,
  joint_id            uuid REFERENCES joint_inspection (id),
  joint_joined_at     timestamptz,
  client_key          text UNIQUE,                     -- idempotency key from the phone
  inspection_date     date,
  scan_method         text CHECK (scan_method IN ('qr', 'typed')),
  scanned_at          timestamptz,                     -- capture time on the phone
  started_at          timestamptz,                     -- when the server accepted the start
  offline_reason      text,
  override_id         uuid REFERENCES inspection_override (id),
  findings            text,
  result              text CHECK (result IN ('no_issue', 'correct', 'transfer')),
  correction_deadline date,
  representative_name text,
  representative_confirmed_at timestamptz,
  completed_at        timestamptz,                     -- capture time on the phone
  synced_at           timestamptz,                     -- when the server received the record
  late_sync           boolean NOT NULL DEFAULT false,
  created_by          uuid REFERENCES app_user (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'ad_hoc' OR trigger IS NOT NULL),
  CHECK (kind = 'ad_hoc' OR plan_id IS NOT NULL),
  CHECK (result IS DISTINCT FROM 'correct' OR correction_deadline IS NOT NULL)
);
CREATE INDEX inspection_org_idx ON inspection (org_id, status);
CREATE INDEX inspection_enterprise_idx ON inspection (enterprise_id, inspection_date);
CREATE INDEX inspection_date_idx ON inspection (inspection_date);
ALTER TABLE inspection_override ADD CONSTRAINT inspection_override_inspection_fk FOREIGN KEY (inspection_id) REFERENCES inspection (id);

-- The officers who inspected, with the certificate each held that day (亮证).
CREATE TABLE inspection_officer (
  inspection_id  uuid NOT NULL REFERENCES inspection (id),
  person_id      uuid NOT NULL REFERENCES person (id),
  role           text NOT NULL CHECK (role IN ('lead', 'co')),
  certificate_id uuid REFERENCES certificate (id),
  cert_no        text,
  PRIMARY KEY (inspection_id, person_id)
);
CREATE INDEX inspection_officer_person_idx ON inspection_officer (person_id);

-- The catalogue items inspected, with the checklist outcome of each.
CREATE TABLE inspection_item (
  inspection_id uuid NOT NULL REFERENCES inspection (id),
  power_item_id uuid NOT NULL REFERENCES power_item (id),
  outcome       text CHECK (outcome IN ('ok', 'issue', 'not_applicable')),
  note          text,
  PRIMARY KEY (inspection_id, power_item_id)
);

-- Photos: hashed on the phone at capture (SHA-256), stored content-addressed under DATA_DIR/files.
CREATE TABLE inspection_photo (
  inspection_id uuid NOT NULL REFERENCES inspection (id),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  captured_at   timestamptz NOT NULL,
  byte_size     integer NOT NULL,
  media_type    text NOT NULL,
  PRIMARY KEY (inspection_id, sha256)
);

-- The enterprise's rating of an inspection: individual scores reach the justice bureau only.
CREATE TABLE inspection_rating (
  inspection_id uuid PRIMARY KEY REFERENCES inspection (id),
  enterprise_id uuid NOT NULL REFERENCES enterprise (id),
  score         integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment       text,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Complaints from enterprises, read by the justice bureau only. An anonymous one keeps neither the
-- account, the enterprise nor the inspection — only the unit complained about.
CREATE TABLE inspection_complaint (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid REFERENCES inspection (id),
  org_id        uuid REFERENCES org (id),
  enterprise_id uuid REFERENCES enterprise (id),
  user_id       uuid REFERENCES app_user (id),
  anonymous     boolean NOT NULL,
  content       text NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT anonymous OR (user_id IS NULL AND enterprise_id IS NULL AND inspection_id IS NULL))
);
