-- why: a school's summary and honor-list pages inside a province (issue 15, DISTRICT=700 scripts/bench-pages) sum the
-- per-decision tallies (sql/0019) of the school's units; without an index by unit PostgreSQL read all 19,542 tallies of
-- 700 schools for the school's 6 (6.5 ms; 0.1 ms with this).
CREATE INDEX commendation_tallies_unit_idx ON commendation_tallies (unit_id);
