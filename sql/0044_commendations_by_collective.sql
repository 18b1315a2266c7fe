-- why: a school's honor-list page inside a province (issue 15, DISTRICT=700 scripts/bench-pages): its collectives'
-- commendations were found by reading every commendation of the award (35 ms an award among 380,000; 0.1 ms with this),
-- as only individuals had an index by nominee (sql/0019's commendations_person_award_idx).
CREATE INDEX commendations_unit_award_idx ON commendations (nominee_unit_id, award_code) WHERE nominee_unit_id IS NOT NULL;
