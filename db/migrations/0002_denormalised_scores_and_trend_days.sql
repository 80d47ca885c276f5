CREATE TABLE `trend_days` (
	`day` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`attempts` integer NOT NULL,
	`measured` integer NOT NULL,
	`total` real NOT NULL,
	PRIMARY KEY(`day`, `criterion_id`)
);
--> statement-breakpoint
DROP INDEX `attempt_tags_tag_idx`;--> statement-breakpoint
ALTER TABLE `attempt_tags` ADD `score` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `attempt_tags` ADD `created_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `attempt_tags_tag_created_idx` ON `attempt_tags` (`tag`,`created_at`,`attempt_id`,`score`);--> statement-breakpoint
CREATE INDEX `attempt_tags_tag_score_idx` ON `attempt_tags` (`tag`,`score`,`created_at`,`attempt_id`);--> statement-breakpoint
DROP INDEX `attempts_score_idx`;--> statement-breakpoint
CREATE INDEX `attempts_score_created_idx` ON `attempts` (`score`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `attempt_criteria` ADD `created_at` integer DEFAULT 0 NOT NULL;