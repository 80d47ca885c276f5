-- Queue every attempt stored before per-area scores existed. SQL cannot run the scoring engine, so the server
-- scores each queued attempt under its areas' rubrics at start, in batches, and removes it from the queue in the
-- same transaction as its rows (db/area-scores.ts). The queue is filled here once, so the back-fill runs once.
INSERT INTO `area_score_backfill` (`attempt_id`) SELECT `id` FROM `attempts`;
