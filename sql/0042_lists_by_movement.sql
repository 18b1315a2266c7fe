-- why: a school's head listing commendations or nominations inside a district's or province's thidua (issue 15) sees
-- only those of movements in her units (the list reads their ids first, then the page). Without an index by movement,
-- PostgreSQL walked every commendation in list order looking for hers: 5.4 s a page among 700 schools' 380,000 commendations (scripts/bench-pages with
-- DISTRICT=700), against 3 ms in a school of its own. With it, her school's rows are found by movement and sorted.
CREATE INDEX commendations_movement_list_idx ON commendations (movement_id, created_at, id);
-- The same for nominations (165 ms a page for the same head, 6 ms in a school of its own).
CREATE INDEX nominations_movement_list_idx ON nominations (movement_id, created_at, id);
