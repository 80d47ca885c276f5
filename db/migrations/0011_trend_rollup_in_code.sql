-- The daily trend rollup is kept by the write paths in db/attempts.ts, one set-based statement per attempt inside
-- each write's transaction, instead of row triggers that ran once per criterion row. trend_days keeps its rows.
DROP TRIGGER IF EXISTS `attempts_trend_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `attempts_trend_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `attempts_trend_rescore`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `attempt_criteria_trend_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `attempt_criteria_trend_delete`;
