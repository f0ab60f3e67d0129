-- Registry (主体与人员) and catalogue (权责清单).

-- 执法主体: a unit with legal enforcement status; its information is what gets published.
CREATE TABLE enforcement_entity (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL UNIQUE REFERENCES org (id),
  name          text NOT NULL,
  entity_type   text NOT NULL CHECK (entity_type IN ('administrative_organ', 'authorized_org', 'entrusted_org', 'township_government')),
  region_code   text NOT NULL REFERENCES region (code),
  legal_basis   text NOT NULL,
  responsible_person text,
  address       text,
  phone         text,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'audited', 'confirmed', 'published')),
  audited_by    uuid REFERENCES app_user (id),
  audited_at    timestamptz,
  confirmed_by  uuid REFERENCES app_user (id),
  confirmed_at  timestamptz,
  published_at  timestamptz,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enforcement_entity_region_idx ON enforcement_entity (region_code);

-- 委托: an entity entrusts an organisation with part of its powers, by a document, for a term.
CREATE TABLE delegation (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  principal_entity_id uuid NOT NULL REFERENCES enforcement_entity (id),
  agent_org_id        uuid NOT NULL REFERENCES org (id),
  document_no         text NOT NULL,
  document_title      text NOT NULL,
  scope               text NOT NULL,
  valid_from          date NOT NULL,
  valid_to            date NOT NULL,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  revoked_reason      text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from)
);

-- 执法人员
CREATE TABLE person (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES org (id),
  name        text NOT NULL,
  id_number   text NOT NULL UNIQUE,                    -- 18 digits, GB 11643; shown in full only on admin screens
  sex         text NOT NULL CHECK (sex IN ('male', 'female')),
  phone       text,
  position    text,
  user_id     uuid UNIQUE REFERENCES app_user (id),
  status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_org_idx ON person (org_id);

-- 执法证. "expired" is never stored: a certificate past valid_to is invalid by date.
CREATE TABLE certificate (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES person (id),
  cert_no     text NOT NULL UNIQUE,
  areas       text[] NOT NULL,                         -- 执法领域
  issuer      text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date NOT NULL,
  status      text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'cancelled')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX certificate_person_idx ON certificate (person_id);

CREATE TABLE certificate_event (
  id             bigserial PRIMARY KEY,
  certificate_id uuid NOT NULL REFERENCES certificate (id),
  action         text NOT NULL CHECK (action IN ('issue', 'change', 'suspend', 'restore', 'cancel', 'renew')),
  reason         text NOT NULL,
  before         jsonb,
  after          jsonb,
  actor_id       uuid REFERENCES app_user (id),
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX certificate_event_cert_idx ON certificate_event (certificate_id);

-- 权力事项 (the master list; published versions keep their own snapshots)
CREATE TABLE power_item (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code         text NOT NULL UNIQUE,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('penalty', 'coercion', 'inspection', 'license', 'levy', 'confirmation', 'other')),
  domain       text NOT NULL,
  legal_basis  jsonb NOT NULL,                          -- [{law, article, text}]
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'repealed')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX power_item_domain_idx ON power_item (domain);

-- Which entities hold an item (often many: every township).
CREATE TABLE power_item_holder (
  power_item_id uuid NOT NULL REFERENCES power_item (id),
  entity_id     uuid NOT NULL REFERENCES enforcement_entity (id),
  PRIMARY KEY (power_item_id, entity_id)
);
CREATE INDEX power_item_holder_entity_idx ON power_item_holder (entity_id);

-- 目录版本, e.g. 《禄丰市相对集中行政处罚权事项目录（2025年版）》
CREATE TABLE catalogue_version (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title            text NOT NULL,
  year             integer NOT NULL,
  region_code      text NOT NULL REFERENCES region (code),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'published', 'superseded')),
  based_on_id      uuid REFERENCES catalogue_version (id),
  meeting_name     text,                               -- e.g. 市政府常务会议
  meeting_date     date,
  approval_doc_no  text,                               -- 文号
  approved_by      uuid REFERENCES app_user (id),
  approved_at      timestamptz,
  published_at     timestamptz,
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, year)
);

-- The items of a version, as they stood in it (so a diff between versions never changes afterwards).
CREATE TABLE catalogue_version_item (
  version_id    uuid NOT NULL REFERENCES catalogue_version (id),
  item_code     text NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL,
  domain        text NOT NULL,
  legal_basis   jsonb NOT NULL,
  holder_names  text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (version_id, item_code)
);

-- 调整申请: add / remove / modify one item of a draft version, with its reason.
CREATE TABLE catalogue_adjustment (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id  uuid NOT NULL REFERENCES catalogue_version (id),
  op          text NOT NULL CHECK (op IN ('add', 'remove', 'modify')),
  item_code   text NOT NULL,
  proposal    jsonb,                                   -- the item as it should read after the change
  reason      text NOT NULL,
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  decided_by  uuid REFERENCES app_user (id),
  decided_at  timestamptz,
  decision_note text,
  created_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_adjustment_version_idx ON catalogue_adjustment (version_id);

-- 乡镇履职事项清单
CREATE TABLE duty_item (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  township_code      text NOT NULL REFERENCES region (code),
  category           text NOT NULL CHECK (category IN ('basic', 'cooperative', 'reclaimed')),
  seq                integer NOT NULL,
  name               text NOT NULL,
  lead_department    text NOT NULL,
  cooperating_departments text[] NOT NULL DEFAULT '{}',
  legal_basis        text,
  power_item_id      uuid REFERENCES power_item (id),
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (township_code, category, seq)
);
CREATE INDEX duty_item_township_idx ON duty_item (township_code, category);

-- 动态调整 of a township duty list: proposed with a reason, approved or rejected.
CREATE TABLE duty_adjustment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  township_code  text NOT NULL REFERENCES region (code),
  duty_item_id   uuid REFERENCES duty_item (id),
  op             text NOT NULL CHECK (op IN ('add', 'remove', 'modify')),
  proposal       jsonb,
  reason         text NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  approval_ref   text,
  decided_by     uuid REFERENCES app_user (id),
  decided_at     timestamptz,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX duty_adjustment_township_idx ON duty_adjustment (township_code, created_at);
