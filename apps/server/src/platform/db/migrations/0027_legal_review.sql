-- 法制审核 (行政处罚法 第五十八条第二款): a person who reviews records their 法律职业资格 (certificate
-- number and the day it was obtained) and, for those who reviewed before the law took effect
-- (2021-07-15), the day they started — a first-time reviewer without the qualification is refused.
ALTER TABLE person ADD COLUMN legal_qualification_no text;
ALTER TABLE person ADD COLUMN legal_qualification_on date;
ALTER TABLE person ADD COLUMN legal_review_since date;
ALTER TABLE person ADD CONSTRAINT person_legal_qualification_check
  CHECK ((legal_qualification_no IS NULL) = (legal_qualification_on IS NULL));

-- 复议/诉讼的结果 (第四十八条第二款): 变更、撤销、确认违法、确认无效 withdraw the published decision
-- within three working days (第八十五条); the organ and its document are named in the reason.
ALTER TABLE case_remedy ADD COLUMN outcome text
  CHECK (outcome IN ('upheld', 'changed', 'revoked', 'confirmed_illegal', 'confirmed_invalid'));
ALTER TABLE case_remedy ADD COLUMN organ text;
ALTER TABLE case_remedy ADD COLUMN document_no text;
ALTER TABLE case_remedy ADD CONSTRAINT case_remedy_outcome_ended_check CHECK (outcome IS NULL OR ended_on IS NOT NULL);
