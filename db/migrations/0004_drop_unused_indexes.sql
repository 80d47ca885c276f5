DROP INDEX `attempt_criteria_criterion_idx`;--> statement-breakpoint
DROP INDEX `attempts_facts_idx`;