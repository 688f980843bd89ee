-- A subtree's inbox (a province leader's: many units) is ordered newest first: without an index in that order
-- PostgreSQL read every opinion of the subtree and sorted them (2 s at 1,000,000 opinions, bench/inbox). One
-- unit's inbox keeps using opinions_unit_created_idx (the query compares unit_id with = for a single unit).
CREATE INDEX opinions_created_idx ON opinions (created_at DESC, id DESC);
