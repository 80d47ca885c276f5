CREATE TABLE `attempt_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attempt_id` integer NOT NULL,
	`probe_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_follow_ups_attempt_probe_idx` ON `attempt_follow_ups` (`attempt_id`,`probe_id`);--> statement-breakpoint
CREATE TABLE `loop_questions` (
	`loop_id` integer NOT NULL,
	`position` integer NOT NULL,
	`prompt_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`attempt_id` integer,
	PRIMARY KEY(`loop_id`, `position`),
	FOREIGN KEY (`loop_id`) REFERENCES `loops`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loop_questions_loop_prompt_idx` ON `loop_questions` (`loop_id`,`prompt_id`);--> statement-breakpoint
CREATE INDEX `loop_questions_attempt_idx` ON `loop_questions` (`attempt_id`);--> statement-breakpoint
CREATE TABLE `loops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seed` text NOT NULL,
	`principles` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `loops_created_idx` ON `loops` (`created_at`,`id`);