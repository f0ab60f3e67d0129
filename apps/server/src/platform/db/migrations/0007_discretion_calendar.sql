-- 裁量基准 (discretion benchmarks), 首违不罚/轻微免罚 lists, holiday years added by admins,
-- and the per-jurisdiction rules of the penalty procedure.

-- Holiday arrangements beyond the years built into packages/core (or corrections to them), as
-- published each year by the State Council General Office. A row replaces the built-in year.
CREATE TABLE holiday_year (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  holidays    date[] NOT NULL,
  workdays    date[] NOT NULL,
  source      text NOT NULL,                          -- 国务院办公厅关于XXXX年部分节假日安排的通知（国办发明电〔…〕…号）
  created_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- 裁量基准: one violation pattern of one power item, with its tiers. Versioned: a published
-- benchmark is never edited; a new version supersedes it.
CREATE TABLE discretion_benchmark (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  power_item_id   uuid NOT NULL REFERENCES power_item (id),
  region_code     text NOT NULL REFERENCES region (code),
  code            text NOT NULL,                      -- e.g. 'LF-ZJ-003-01'
  version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  violation       text NOT NULL,                      -- 违法行为
  violation_basis jsonb NOT NULL,                     -- 违法依据 [{law, article, text}]
  penalty_basis   jsonb NOT NULL,                     -- 处罚依据 [{law, article, text}]
  statutory       jsonb NOT NULL,                     -- 法定处罚幅度 {kinds, fineMinFen, fineMaxFen, multipleMin, multipleMax, multipleOf}
  tiers           jsonb NOT NULL,                     -- [{tier, conditions[], kinds[], fineMinFen, fineMaxFen, multipleMin, multipleMax, note}]
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
  effective_from  date,
  published_at    timestamptz,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version)
);
CREATE INDEX discretion_benchmark_item_idx ON discretion_benchmark (power_item_id, status);

-- 首违不罚清单 / 轻微违法免罚清单 (art. 33): violations that shall or may go unpunished on conditions.
CREATE TABLE no_penalty_item (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  power_item_id      uuid NOT NULL REFERENCES power_item (id),
  region_code        text NOT NULL REFERENCES region (code),
  list_kind          text NOT NULL CHECK (list_kind IN ('first_violation', 'minor')),
  violation          text NOT NULL,
  legal_basis        jsonb NOT NULL,
  conditions         text[] NOT NULL,
  correction_days    integer CHECK (correction_days BETWEEN 1 AND 365),
  education_measure  text NOT NULL,
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
  published_at       timestamptz,
  created_by         uuid REFERENCES app_user (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX no_penalty_item_item_idx ON no_penalty_item (power_item_id);

-- Rules of the penalty procedure per jurisdiction (the longest matching region wins). The
-- statutory ones ([V] in the law) are fixed in code; these are the [R]/[I] ones local rules set.
CREATE TABLE penalty_rule_set (
  region_code                 text PRIMARY KEY REFERENCES region (code),
  filing_days                 integer NOT NULL DEFAULT 15 CHECK (filing_days BETWEEN 1 AND 90),
  filing_unit                 text NOT NULL DEFAULT 'working_days' CHECK (filing_unit IN ('working_days', 'natural_days')),
  statement_days              integer NOT NULL DEFAULT 5 CHECK (statement_days BETWEEN 3 AND 30),
  publication_days            integer NOT NULL DEFAULT 7 CHECK (publication_days BETWEEN 1 AND 30),
  simple_record_days          integer NOT NULL DEFAULT 5 CHECK (simple_record_days BETWEEN 1 AND 30),
  -- art. 63 较大数额罚款 / 较大数额没收: set by the province; these defaults are [I].
  hearing_fine_person_fen     bigint NOT NULL DEFAULT 1000000 CHECK (hearing_fine_person_fen > 0),
  hearing_fine_org_fen        bigint NOT NULL DEFAULT 10000000 CHECK (hearing_fine_org_fen > 0),
  -- art. 58(1): 重大执法决定 thresholds that make legal review mandatory, besides the listed grounds.
  legal_review_fine_fen       bigint NOT NULL DEFAULT 5000000 CHECK (legal_review_fine_fen > 0),
  legal_review_point          text NOT NULL DEFAULT 'before_decision' CHECK (legal_review_point IN ('before_decision', 'before_notice')),
  -- Which periods move to the next working day when they end on a rest day: {"payment": true, …}.
  move_off_rest_days          jsonb NOT NULL DEFAULT '{}'::jsonb,
  remind_days_before          integer NOT NULL DEFAULT 3 CHECK (remind_days_before BETWEEN 1 AND 30),
  updated_by                  uuid REFERENCES app_user (id),
  updated_at                  timestamptz NOT NULL DEFAULT now()
);
