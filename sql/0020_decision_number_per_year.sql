-- A decision's number restarts at 01 every 1 January (Nghị định 30/2020/NĐ-CP, Điều 15), and two authorities may both
-- number theirs "…/QĐ-UBND": a number is unique per issuer and year, not for ever. NULL issuer is the unit signing in
-- thidua. Next year's "15/QĐ-THAP" is a new decision; this year's second one is refused.
ALTER TABLE decisions DROP CONSTRAINT decisions_number_key;
CREATE UNIQUE INDEX decisions_issuer_number_year_key
    ON decisions ((coalesce(issuer, '')), number, (extract(year FROM decision_date)));
CREATE INDEX decisions_number_idx ON decisions (number);
