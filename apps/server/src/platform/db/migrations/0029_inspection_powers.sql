-- 行政检查 grounded in inspection powers (issue #12 §6).

-- 1. 文号 of the inspection's documents, taken from the unit's counters (doc_number_sequence, kind
--    codes 检通字 / 检录字 / 检改字) in the act's transaction: the notice and the on-site record when the
--    inspection starts, the correction order when it is completed with 责令改正.
ALTER TABLE inspection ADD COLUMN notice_no text;
ALTER TABLE inspection ADD COLUMN record_no text;
ALTER TABLE inspection ADD COLUMN correction_no text;
CREATE UNIQUE INDEX inspection_notice_no_key ON inspection (notice_no) WHERE notice_no IS NOT NULL;
CREATE UNIQUE INDEX inspection_record_no_key ON inspection (record_no) WHERE record_no IS NOT NULL;
CREATE UNIQUE INDEX inspection_correction_no_key ON inspection (correction_no) WHERE correction_no IS NOT NULL;

-- 2. 亮证: which officer showed which 执法证, when (captured on the phone), recorded by whom.
CREATE TABLE inspection_certificate_shown (
  inspection_id  uuid NOT NULL REFERENCES inspection (id),
  person_id      uuid NOT NULL REFERENCES person (id),
  certificate_id uuid NOT NULL REFERENCES certificate (id),
  cert_no        text NOT NULL,
  shown_at       timestamptz NOT NULL,
  recorded_by    uuid REFERENCES app_user (id),
  synced_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, person_id)
);

-- 3. Plans and inspections name 行政检查 items, not 行政处罚 ones. Older data named penalty items: each
--    is mapped to the general inspection item of its domain (created here, with its basis, and held
--    by every entity that held one of the mapped items). Outcomes of several penalty items merged into
--    one inspection item keep the worst (发现问题 > 符合 > 不适用) and join their notes.
CREATE TEMP TABLE inspection_item_map (domain text PRIMARY KEY, code text NOT NULL, name text NOT NULL, basis jsonb NOT NULL) ON COMMIT DROP;
INSERT INTO inspection_item_map VALUES
  ('住房城乡建设', 'JC-ZJ-001', '对建设工程质量的监督检查', '[{"law":"建设工程质量管理条例","article":"第四十七条","text":"县级以上地方人民政府建设行政主管部门和其他有关部门应当加强对有关建设工程质量的法律、法规和强制性标准执行情况的监督检查。"},{"law":"建设工程质量管理条例","article":"第四十八条","text":"县级以上人民政府建设行政主管部门和其他有关部门履行监督检查职责时，有权采取下列措施：（一）要求被检查的单位提供有关工程质量的文件和资料；（二）进入被检查单位的施工现场进行检查；（三）发现有影响工程质量的问题时，责令改正。"}]'),
  ('林草', 'JC-LC-001', '对林木采伐的监督检查', '[{"law":"中华人民共和国森林法","article":"第六十六条","text":"县级以上人民政府林业主管部门依照本法规定，对森林资源的保护、修复、利用、更新等进行监督检查，依法查处破坏森林资源等违法行为。"},{"law":"中华人民共和国森林法","article":"第五十六条第一款","text":"采伐林地上的林木应当申请采伐许可证，并按照采伐许可证的规定进行采伐；采伐自然保护区以外的竹林，不需要申请采伐许可证，但应当符合林木采伐技术规程。"}]'),
  ('自然资源和规划', 'JC-ZR-001', '对土地利用的监督检查', '[{"law":"中华人民共和国土地管理法","article":"第六十七条第一款","text":"县级以上人民政府自然资源主管部门对违反土地管理法律、法规的行为进行监督检查。"},{"law":"中华人民共和国土地管理法","article":"第六十八条","text":"县级以上人民政府自然资源主管部门履行监督检查职责时，有权采取下列措施：（一）要求被检查的单位或者个人提供有关土地权利的文件和资料，进行查阅或者予以复制；（二）要求被检查的单位或者个人就有关土地权利的问题作出说明；（三）进入被检查单位或者个人非法占用的土地现场进行勘测；（四）责令非法占用土地的单位或者个人停止违反土地管理法律、法规的行为。"}]');

CREATE TEMP TABLE inspection_item_remap ON COMMIT DROP AS
  SELECT p.id AS old_id, p.domain
  FROM power_item p
  WHERE p.kind <> 'inspection'
    AND (EXISTS (SELECT 1 FROM inspection_plan_item x WHERE x.power_item_id = p.id)
      OR EXISTS (SELECT 1 FROM inspection_item x WHERE x.power_item_id = p.id));

INSERT INTO power_item (code, name, kind, domain, legal_basis)
  SELECT m.code, m.name, 'inspection', m.domain, m.basis
  FROM inspection_item_map m
  WHERE EXISTS (SELECT 1 FROM inspection_item_remap r WHERE r.domain = m.domain)
ON CONFLICT (code) DO NOTHING;

-- A domain with no mapped item (none today) stops the migration rather than leaving penalty items in plans.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM inspection_item_remap r WHERE NOT EXISTS (SELECT 1 FROM inspection_item_map m WHERE m.domain = r.domain)) THEN
    RAISE EXCEPTION 'inspection items: no 行政检查 item to map the domain(s) % to',
      (SELECT string_agg(DISTINCT r.domain, '、') FROM inspection_item_remap r WHERE NOT EXISTS (SELECT 1 FROM inspection_item_map m WHERE m.domain = r.domain));
  END IF;
END $$;

CREATE TEMP TABLE inspection_item_target ON COMMIT DROP AS
  SELECT r.old_id, p.id AS new_id
  FROM inspection_item_remap r
  JOIN inspection_item_map m ON m.domain = r.domain
  JOIN power_item p ON p.code = m.code;

INSERT INTO power_item_holder (power_item_id, entity_id)
  SELECT DISTINCT t.new_id, h.entity_id FROM inspection_item_target t JOIN power_item_holder h ON h.power_item_id = t.old_id
ON CONFLICT DO NOTHING;

INSERT INTO inspection_plan_item (plan_id, power_item_id)
  SELECT DISTINCT x.plan_id, t.new_id FROM inspection_plan_item x JOIN inspection_item_target t ON t.old_id = x.power_item_id
ON CONFLICT DO NOTHING;
DELETE FROM inspection_plan_item x USING inspection_item_target t WHERE x.power_item_id = t.old_id;

CREATE TEMP TABLE inspection_item_merged ON COMMIT DROP AS
  SELECT x.inspection_id, t.new_id,
         (array_agg(x.outcome ORDER BY CASE x.outcome WHEN 'issue' THEN 0 WHEN 'ok' THEN 1 WHEN 'not_applicable' THEN 2 ELSE 3 END))[1] AS outcome,
         string_agg(x.note, '；' ORDER BY x.note) AS note
  FROM inspection_item x JOIN inspection_item_target t ON t.old_id = x.power_item_id
  GROUP BY x.inspection_id, t.new_id;
DELETE FROM inspection_item x USING inspection_item_target t WHERE x.power_item_id = t.old_id;
INSERT INTO inspection_item (inspection_id, power_item_id, outcome, note)
  SELECT inspection_id, new_id, outcome, note FROM inspection_item_merged
ON CONFLICT (inspection_id, power_item_id) DO UPDATE SET
  outcome = CASE WHEN inspection_item.outcome = 'issue' OR EXCLUDED.outcome = 'issue' THEN 'issue'
                 WHEN inspection_item.outcome = 'ok' OR EXCLUDED.outcome = 'ok' THEN 'ok'
                 ELSE coalesce(inspection_item.outcome, EXCLUDED.outcome) END,
  note = nullif(concat_ws('；', inspection_item.note, EXCLUDED.note), '');

-- 4. Numbers for inspections started before this migration: per unit and year of the inspection, in
--    the order of the scans; the counters continue from there.
WITH numbered AS (
  SELECT i.id, o.short_name, extract(year FROM i.inspection_date)::int AS year,
         row_number() OVER (PARTITION BY i.org_id, extract(year FROM i.inspection_date) ORDER BY i.scanned_at, i.id) AS seq
  FROM inspection i JOIN org o ON o.id = i.org_id
  WHERE i.inspection_date IS NOT NULL AND i.status IN ('in_progress', 'completed')
)
UPDATE inspection i
SET notice_no = n.short_name || '检通字〔' || n.year || '〕第' || n.seq || '号',
    record_no = n.short_name || '检录字〔' || n.year || '〕第' || n.seq || '号'
FROM numbered n WHERE n.id = i.id;

WITH numbered AS (
  SELECT i.id, o.short_name, extract(year FROM i.inspection_date)::int AS year,
         row_number() OVER (PARTITION BY i.org_id, extract(year FROM i.inspection_date) ORDER BY i.completed_at, i.id) AS seq
  FROM inspection i JOIN org o ON o.id = i.org_id
  WHERE i.status = 'completed' AND i.result = 'correct' AND i.inspection_date IS NOT NULL
)
UPDATE inspection i
SET correction_no = n.short_name || '检改字〔' || n.year || '〕第' || n.seq || '号'
FROM numbered n WHERE n.id = i.id;

INSERT INTO doc_number_sequence (org_id, kind_code, year, last_seq)
  SELECT org_id, kind, year, count(*)::int
  FROM (
    SELECT org_id, '检通字' AS kind, extract(year FROM inspection_date)::int AS year FROM inspection WHERE notice_no IS NOT NULL
    UNION ALL
    SELECT org_id, '检录字', extract(year FROM inspection_date)::int FROM inspection WHERE record_no IS NOT NULL
    UNION ALL
    SELECT org_id, '检改字', extract(year FROM inspection_date)::int FROM inspection WHERE correction_no IS NOT NULL
  ) numbered
  GROUP BY org_id, kind, year
ON CONFLICT (org_id, kind_code, year) DO UPDATE SET last_seq = greatest(doc_number_sequence.last_seq, EXCLUDED.last_seq);

-- 5. 亮证 of inspections recorded before this migration: the certificates the start recorded for each
--    officer (inspection_officer.cert_no), shown at the scan — what the old record printed as shown.
INSERT INTO inspection_certificate_shown (inspection_id, person_id, certificate_id, cert_no, shown_at, synced_at)
  SELECT io.inspection_id, io.person_id, io.certificate_id, io.cert_no, i.scanned_at, coalesce(i.started_at, i.scanned_at)
  FROM inspection_officer io JOIN inspection i ON i.id = io.inspection_id
  WHERE i.status = 'completed' AND io.certificate_id IS NOT NULL AND io.cert_no IS NOT NULL AND i.scanned_at IS NOT NULL
ON CONFLICT DO NOTHING;
