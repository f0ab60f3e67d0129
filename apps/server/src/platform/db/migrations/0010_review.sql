-- 案卷评查 (case-file review): versioned standards, files kept in other systems, batches with a frozen
-- pool and an unsteerable draw, the sampled files, reviewers' score sheets and the units' responses.

-- 评查标准: versioned data, validated by core's reviewStandardSchema before it is stored. A published
-- version is never edited (a sheet names the version it was scored against); a change is a new version.
CREATE TABLE review_standard (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  file_kind        text NOT NULL CHECK (file_kind IN ('penalty', 'license')),
  title            text NOT NULL,
  source           text NOT NULL,                   -- where the standard comes from (document, 文号, or platform default)
  body             jsonb NOT NULL,                  -- the whole ReviewStandard (sections, items, deductions, thresholds)
  grade_excellent  numeric(5, 1) NOT NULL,
  grade_pass       numeric(5, 1) NOT NULL,
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version)
);

-- Files kept in other systems: 行政许可案卷 handled in 政务服务 (there is no licensing module here).
-- Entered by the bureau or imported; they enter a batch's pool like closed penalty cases.
CREATE TABLE review_external_file (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES org (id),
  kind        text NOT NULL DEFAULT 'license' CHECK (kind IN ('license')),
  file_no     text NOT NULL,                        -- 受理/决定编号 in the other system
  title       text NOT NULL,
  closed_on   date NOT NULL,                        -- 办结日期
  source      text NOT NULL DEFAULT '政务服务平台',
  created_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, file_no)
);
CREATE INDEX review_external_file_closed ON review_external_file (closed_on);

-- 评查批次: draft → frozen (pool text and digest fixed, digest on the ledger) → drawn (seed from the
-- first checkpoint that commits to the freeze) → reviewing → published (results public).
CREATE TABLE review_batch (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_code           text NOT NULL REFERENCES region (code),   -- the supervising jurisdiction
  title                 text NOT NULL,                            -- e.g. 2026年第3期
  kind                  text NOT NULL CHECK (kind IN ('regular', 'special', 'key')),
  org_ids               uuid[] NOT NULL,                          -- units in scope
  file_kinds            text[] NOT NULL,
  closed_from           date NOT NULL,
  closed_to             date NOT NULL CHECK (closed_to >= closed_from),
  per_unit              integer NOT NULL CHECK (per_unit BETWEEN 1 AND 100),
  penalty_standard_id   uuid REFERENCES review_standard (id),
  license_standard_id   uuid REFERENCES review_standard (id),
  status                text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'frozen', 'drawn', 'reviewing', 'published')),
  origin                text NOT NULL DEFAULT 'platform' CHECK (origin IN ('platform', 'imported')),
  origin_note           text,                                     -- for imported batches: where the record comes from
  pool_text             text,
  pool_digest           text,
  pool_size             integer,
  frozen_at             timestamptz,
  freeze_leaf_hash      bytea,                                    -- the ledger leaf of the freeze (commits to the digest)
  seed                  text,
  seed_checkpoint_size  integer,
  seed_checkpoint_root  text,
  seed_beacon           text,                                     -- optional external public value mixed into the seed
  draw_result           jsonb,                                    -- DrawResult of core's drawSample
  drawn_at              timestamptz,
  published_at          timestamptz,
  created_by            uuid REFERENCES app_user (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- 抽中案卷: one row per selected file of a batch.
CREATE TABLE review_file (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id           uuid NOT NULL REFERENCES review_batch (id),
  pool_id            text NOT NULL,                               -- the id in the pool text
  case_id            uuid REFERENCES penalty_case (id),
  external_file_id   uuid REFERENCES review_external_file (id),
  org_id             uuid NOT NULL REFERENCES org (id),
  kind               text NOT NULL CHECK (kind IN ('penalty', 'license')),
  file_no            text NOT NULL,
  title              text NOT NULL,
  closed_on          date NOT NULL,
  rank               integer NOT NULL,
  draw_hash          text NOT NULL,
  standard_id        uuid NOT NULL REFERENCES review_standard (id),
  score              numeric(5, 1),
  grade              text CHECK (grade IN ('excellent', 'pass', 'fail')),
  vetoed             boolean,
  result_sheet_id    uuid,
  response           text,                                        -- the unit's written response
  response_by        uuid REFERENCES app_user (id),
  response_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (batch_id, pool_id),
  CHECK ((case_id IS NULL) <> (external_file_id IS NULL))
);
CREATE INDEX review_file_org ON review_file (org_id);

-- 评分表: one per file, reviewer and role (primary / cross-review / re-review).
CREATE TABLE review_sheet (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id        uuid NOT NULL REFERENCES review_file (id),
  reviewer_id    uuid NOT NULL REFERENCES app_user (id),
  role           text NOT NULL CHECK (role IN ('primary', 'cross', 're_review')),
  standard_id    uuid NOT NULL REFERENCES review_standard (id),
  items          jsonb NOT NULL DEFAULT '[]',                   -- ReviewSheet.items
  status         text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'submitted')),
  score          numeric(5, 1),
  grade          text CHECK (grade IN ('excellent', 'pass', 'fail')),
  vetoed         boolean,
  deductions     jsonb,                                         -- AppliedDeduction[] at submission
  assigned_by    uuid REFERENCES app_user (id),
  submitted_at   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, role, reviewer_id)
);
CREATE INDEX review_sheet_reviewer ON review_sheet (reviewer_id);
