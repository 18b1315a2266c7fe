-- why: the web app's "Việc cần làm" lists nominations by state, oldest change first (WorkQueueRepository): without this index
-- every page view scanned the whole table (70 ms on the 100,000-commendation demo, debug build; scripts/bench-pages).
CREATE INDEX nominations_status_idx ON nominations (status, updated_at, id);
-- A staff member's own nominations (the same page, and their lifetime record).
CREATE INDEX nominations_nominee_person_idx ON nominations (nominee_person_id, updated_at);
