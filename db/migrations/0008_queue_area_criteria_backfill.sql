-- Per-criterion results by area (0007) for attempts stored before them. What SQL can copy exactly it copies now:
-- an attempt's results under its own prompt's rubric are its report's (attempt_criteria), and its score there is
-- its report's score, so coverage and trends for that area are right from the first request. The results under
-- the other areas' rubrics need the scoring engine: every attempt is queued (again) for the server's background
-- back-fill (server/area-scores.ts), which scores it under each area's rubric and takes it off the queue.
INSERT OR IGNORE INTO `attempt_area_scores` (`attempt_id`, `rubric_id`, `score`, `band_id`, `band_label`, `created_at`)
  SELECT a.`id`, a.`rubric_id`, a.`score`, a.`band_id`, a.`band_label`, a.`created_at`
  FROM `attempts` a JOIN `attempt_tags` t ON t.`attempt_id` = a.`id` AND t.`tag` = a.`rubric_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `attempt_area_criteria` (`attempt_id`, `rubric_id`, `criterion_id`, `score`, `max`, `status`)
  SELECT c.`attempt_id`, a.`rubric_id`, c.`criterion_id`, c.`score`, c.`max`, c.`status`
  FROM `attempt_criteria` c JOIN `attempts` a ON a.`id` = c.`attempt_id`
  JOIN `attempt_tags` t ON t.`attempt_id` = a.`id` AND t.`tag` = a.`rubric_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `area_score_backfill` (`attempt_id`) SELECT `id` FROM `attempts`;
