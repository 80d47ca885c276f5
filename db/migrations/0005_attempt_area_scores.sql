CREATE TABLE `area_score_backfill` (
	`attempt_id` integer PRIMARY KEY NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `attempt_area_scores` (
	`attempt_id` integer NOT NULL,
	`rubric_id` text NOT NULL,
	`score` integer NOT NULL,
	`band_id` text NOT NULL,
	`band_label` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `rubric_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_area_scores_area_created_idx` ON `attempt_area_scores` (`rubric_id`,`created_at`,`attempt_id`,`score`);--> statement-breakpoint
CREATE INDEX `attempt_area_scores_area_score_idx` ON `attempt_area_scores` (`rubric_id`,`score`,`created_at`,`attempt_id`);