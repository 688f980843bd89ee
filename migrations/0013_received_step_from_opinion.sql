-- An opinion's first timeline step, "received", is now read from the opinion itself (received_at and
-- entered_by_user_id, see listOpinionEvents): intake writes one row fewer per opinion. The rows written
-- before say nothing the opinion does not; they go, so that the step is not shown twice.
DELETE FROM opinion_events WHERE type = 'received';
