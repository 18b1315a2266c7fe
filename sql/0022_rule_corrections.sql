-- why: the criteria corrected after the documents-and-law review (§3.2, issue 12 defect 4). Each change names its source;
-- the rows whose reading we could not check against the 2022 Law's text stay verified = false.

-- "Tập thể lao động tiên tiến" asks the collective to have "hoàn thành tốt nhiệm vụ và kế hoạch được giao", not merely
-- "hoàn thành" (Luật TĐKT 2003, Điều 28 a; the 2022 Law is believed to keep it). "Tập thể lao động xuất sắc" asks the
-- collective's own "sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ" and bars members disciplined at cảnh cáo or above,
-- not at khiển trách (Luật TĐKT 2003, Điều 27; the same caveat).
ALTER TABLE award_rules DROP CONSTRAINT award_rules_eligibility_known;
ALTER TABLE award_rules ADD CONSTRAINT award_rules_eligibility_known CHECK (eligibility <@ ARRAY[
    'rating_good', 'months_worked', 'no_discipline', 'ldtt_same_period', 'excellent_or_initiative',
    'cstd_cs_3_periods', 'cstd_tinh_2_times', 'bk_tinh_route',
    'collective_completed', 'collective_good', 'collective_excellent', 'members_ldtt_majority', 'members_no_warning',
    'members_all_completed', 'members_ldtt_70', 'member_cstd_cs', 'members_no_discipline']::text[]);

UPDATE award_rules
SET eligibility = array_replace(eligibility, 'collective_completed', 'collective_good'),
    citation = citation || '; tiêu chí "hoàn thành tốt nhiệm vụ" theo Luật TĐKT 2003, Điều 28 (chưa đối chiếu Luật 2022)',
    verified = false, updated_at = now()
WHERE award_code = 'TTLDTT' AND 'collective_completed' = ANY (eligibility);

UPDATE award_rules
SET eligibility = ARRAY['collective_excellent']
                  || array_remove(array_replace(eligibility, 'members_no_discipline', 'members_no_warning'), 'collective_excellent'),
    citation = citation || '; tiêu chí tập thể hoàn thành xuất sắc và không có thành viên bị kỷ luật từ cảnh cáo trở lên theo Luật TĐKT 2003, Điều 27 (chưa đối chiếu Luật 2022)',
    verified = false, updated_at = now()
WHERE award_code = 'TTLDXS' AND NOT ('collective_excellent' = ANY (eligibility));

-- The ten months of "Lao động tiên tiến" are a rule for people recruited during the period, and maternity leave counts as
-- time worked (Nghị định 91/2017/NĐ-CP, Điều 6; kept by Nghị định 98/2023/NĐ-CP as we read it — to verify). A rating
-- row keeps the recruitment date when it falls in the period and the months of maternity leave, not only a month count.
ALTER TABLE performance_ratings
    ADD COLUMN recruited_on date,
    ADD COLUMN maternity_months integer NOT NULL DEFAULT 0,
    ADD CONSTRAINT performance_ratings_maternity_check CHECK (maternity_months BETWEEN 0 AND 12);
