-- why: a revocation is a decision of its own (issue 12: "Về việc hủy bỏ Quyết định khen thưởng số …"), printed with its
-- date; only the moment it was recorded was kept. Rows recorded before this read as dated the day they were recorded.
ALTER TABLE commendation_revocations ADD COLUMN decision_date date;
