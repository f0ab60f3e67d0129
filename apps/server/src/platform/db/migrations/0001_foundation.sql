-- Foundation: regions, units, accounts, sessions, audit log, jobs.
-- Written in the PostgreSQL 15 subset so it runs on PGlite (PG 18) and on PostgreSQL >= 15 alike.

CREATE TABLE region (
  code        text PRIMARY KEY,                       -- GB/T 2260 code; townships use the 9-digit statistical code
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'prefecture', 'county', 'township')),
  parent_code text REFERENCES region (code),
  path        text NOT NULL UNIQUE,                   -- '530000/532300/532331/' : prefix search = subtree
  sort        integer NOT NULL DEFAULT 0
);
CREATE INDEX region_parent_idx ON region (parent_code);

-- 执法单位: every organisation whose staff use the platform.
CREATE TABLE org (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code          text NOT NULL UNIQUE,
  name          text NOT NULL UNIQUE,
  short_name    text NOT NULL,                        -- used in document numbers, e.g. 禄住建
  kind          text NOT NULL CHECK (kind IN ('department', 'township', 'team', 'justice_bureau', 'other')),
  region_code   text NOT NULL REFERENCES region (code),
  parent_id     uuid REFERENCES org (id),
  onboarded_on  date,                                 -- started using the platform; null = not yet
  contact_phone text,
  address       text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_region_idx ON org (region_code);

CREATE TABLE app_user (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{3,32}$'),
  display_name        text NOT NULL,
  role                text NOT NULL CHECK (role IN ('admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer', 'enterprise', 'volunteer')),
  org_id              uuid REFERENCES org (id),
  region_code         text REFERENCES region (code),  -- jurisdiction for supervisors/admins without a unit
  password_hash       text NOT NULL,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_login_at       timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (role IN ('admin', 'enterprise', 'volunteer') OR org_id IS NOT NULL OR region_code IS NOT NULL)
);
CREATE INDEX app_user_org_idx ON app_user (org_id);

-- Sessions: the cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE login_attempt (
  id         bigserial PRIMARY KEY,
  username   text NOT NULL,
  ip         text NOT NULL,
  succeeded  boolean NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);
CREATE INDEX login_attempt_user_idx ON login_attempt (username, at);

-- Audit log of every privileged write. Append-only.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    uuid REFERENCES app_user (id),
  actor_name  text NOT NULL,
  actor_role  text NOT NULL,
  org_id      uuid REFERENCES org (id),               -- the unit the record belongs to (scope for readers)
  ip          text,
  user_agent  text,
  action      text NOT NULL,                          -- e.g. 'entity.publish'
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  summary     text NOT NULL,
  before      jsonb,
  after       jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Jobs: deterministic ids for scheduled slots, claimed with SKIP LOCKED.
CREATE TABLE job (
  id           text PRIMARY KEY,
  type         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at       timestamptz NOT NULL DEFAULT now(),
  attempts     integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_error   text,
  done_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_due_idx ON job (run_at) WHERE done_at IS NULL;
