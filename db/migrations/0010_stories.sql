CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`version` integer NOT NULL,
	`fit` text NOT NULL,
	`rubrics_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `stories_live_updated_idx` ON `stories` (`deleted_at`,`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `story_versions` (
	`story_id` integer NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`fit` text NOT NULL,
	`rubrics_key` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`story_id`, `version`),
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
