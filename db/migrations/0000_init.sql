CREATE TABLE `attempt_criteria` (
	`attempt_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`score` real NOT NULL,
	`max` real NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `criterion_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_criteria_criterion_idx` ON `attempt_criteria` (`criterion_id`);--> statement-breakpoint
CREATE TABLE `attempt_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`rubric_id` text NOT NULL,
	`rubric_hash` text NOT NULL,
	`engine_version` text NOT NULL,
	`score` integer NOT NULL,
	`band_id` text NOT NULL,
	`band_label` text NOT NULL,
	`report` text NOT NULL,
	`scored_at` integer NOT NULL,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_reports_attempt_idx` ON `attempt_reports` (`attempt_id`,`scored_at`);--> statement-breakpoint
CREATE TABLE `attempt_tags` (
	`attempt_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `tag`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_tags_tag_idx` ON `attempt_tags` (`tag`,`attempt_id`);--> statement-breakpoint
CREATE TABLE `attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prompt_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`rubric_hash` text NOT NULL,
	`engine_version` text NOT NULL,
	`answer` text NOT NULL,
	`score` integer NOT NULL,
	`band_id` text NOT NULL,
	`band_label` text NOT NULL,
	`report` text NOT NULL,
	`duration_ms` integer,
	`created_at` integer NOT NULL,
	`scored_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attempts_created_idx` ON `attempts` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `attempts_prompt_created_idx` ON `attempts` (`prompt_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `attempts_rubric_created_idx` ON `attempts` (`rubric_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `attempts_score_idx` ON `attempts` (`score`);