CREATE TABLE `attempt_area_criteria` (
	`attempt_id` integer NOT NULL,
	`rubric_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`score` real NOT NULL,
	`max` real NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `rubric_id`, `criterion_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_area_criteria_scores_idx` ON `attempt_area_criteria` (`attempt_id`,`rubric_id`,`criterion_id`,`score`,`max`);