-- 监督文书种类 per jurisdiction. A type row with region_code NULL is the platform's default, kept by
-- administrators; a county bureau keeps its own rows (region_code = its county), which override the
-- platform row of the same code for documents issued in that county, or add codes of its own.
-- A document points at the very row it was drafted from (type_id), so a later override of the code
-- elsewhere never changes what an existing document was.
ALTER TABLE supervision_doc_type ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE supervision_doc_type ADD COLUMN region_code text REFERENCES region (code);

ALTER TABLE supervision_document ADD COLUMN type_id uuid;
UPDATE supervision_document d SET type_id = t.id FROM supervision_doc_type t WHERE t.code = d.type_code;
ALTER TABLE supervision_document ALTER COLUMN type_id SET NOT NULL;

-- The code alone no longer names a row: documents reference the row by id.
ALTER TABLE supervision_document DROP CONSTRAINT supervision_document_type_code_fkey;
ALTER TABLE supervision_doc_type DROP CONSTRAINT supervision_doc_type_pkey;
ALTER TABLE supervision_doc_type ADD PRIMARY KEY (id);
ALTER TABLE supervision_document ADD CONSTRAINT supervision_document_type_id_fkey FOREIGN KEY (type_id) REFERENCES supervision_doc_type (id);

-- One platform row per code, and one row per code in each region.
CREATE UNIQUE INDEX supervision_doc_type_platform_code ON supervision_doc_type (code) WHERE region_code IS NULL;
CREATE UNIQUE INDEX supervision_doc_type_region_code ON supervision_doc_type (region_code, code) WHERE region_code IS NOT NULL;
CREATE INDEX supervision_document_type_idx ON supervision_document (type_id);
