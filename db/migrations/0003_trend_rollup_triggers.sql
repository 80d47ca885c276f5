-- Fill the copied columns and the daily trend rollup from existing attempts, then keep the rollup in step with
-- triggers: they run inside the statement that changes a row, so the rollup commits or rolls back with it.
UPDATE `attempt_criteria` SET `created_at` = (SELECT `a`.`created_at` FROM `attempts` `a` WHERE `a`.`id` = `attempt_criteria`.`attempt_id`);
--> statement-breakpoint
UPDATE `attempt_tags` SET
  `score` = (SELECT `a`.`score` FROM `attempts` `a` WHERE `a`.`id` = `attempt_tags`.`attempt_id`),
  `created_at` = (SELECT `a`.`created_at` FROM `attempts` `a` WHERE `a`.`id` = `attempt_tags`.`attempt_id`);
--> statement-breakpoint
INSERT INTO `trend_days` (`day`, `criterion_id`, `attempts`, `measured`, `total`)
  SELECT `created_at` / 86400000, '', count(*), count(*), sum(`score`) FROM `attempts` GROUP BY 1;
--> statement-breakpoint
INSERT INTO `trend_days` (`day`, `criterion_id`, `attempts`, `measured`, `total`)
  SELECT `created_at` / 86400000, `criterion_id`, count(*), sum(`max` > 0), coalesce(sum(100.0 * `score` / nullif(`max`, 0)), 0)
  FROM `attempt_criteria` GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `attempts_trend_insert` AFTER INSERT ON `attempts` BEGIN
  INSERT INTO `trend_days` (`day`, `criterion_id`, `attempts`, `measured`, `total`)
    VALUES (NEW.`created_at` / 86400000, '', 1, 1, NEW.`score`)
    ON CONFLICT (`day`, `criterion_id`) DO UPDATE SET
      `attempts` = `attempts` + 1, `measured` = `measured` + 1, `total` = `total` + excluded.`total`;
END;
--> statement-breakpoint
CREATE TRIGGER `attempts_trend_delete` AFTER DELETE ON `attempts` BEGIN
  UPDATE `trend_days` SET `attempts` = `attempts` - 1, `measured` = `measured` - 1, `total` = `total` - OLD.`score`
    WHERE `day` = OLD.`created_at` / 86400000 AND `criterion_id` = '';
  DELETE FROM `trend_days` WHERE `day` = OLD.`created_at` / 86400000 AND `criterion_id` = '' AND `attempts` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `attempts_trend_rescore` AFTER UPDATE OF `score` ON `attempts` WHEN OLD.`score` <> NEW.`score` BEGIN
  UPDATE `trend_days` SET `total` = `total` - OLD.`score` + NEW.`score`
    WHERE `day` = OLD.`created_at` / 86400000 AND `criterion_id` = '';
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_criteria_trend_insert` AFTER INSERT ON `attempt_criteria` BEGIN
  INSERT INTO `trend_days` (`day`, `criterion_id`, `attempts`, `measured`, `total`)
    VALUES (NEW.`created_at` / 86400000, NEW.`criterion_id`, 1, NEW.`max` > 0,
      coalesce(100.0 * NEW.`score` / nullif(NEW.`max`, 0), 0))
    ON CONFLICT (`day`, `criterion_id`) DO UPDATE SET
      `attempts` = `attempts` + 1, `measured` = `measured` + excluded.`measured`, `total` = `total` + excluded.`total`;
END;
--> statement-breakpoint
CREATE TRIGGER `attempt_criteria_trend_delete` AFTER DELETE ON `attempt_criteria` BEGIN
  UPDATE `trend_days` SET `attempts` = `attempts` - 1, `measured` = `measured` - (OLD.`max` > 0),
      `total` = `total` - coalesce(100.0 * OLD.`score` / nullif(OLD.`max`, 0), 0)
    WHERE `day` = OLD.`created_at` / 86400000 AND `criterion_id` = OLD.`criterion_id`;
  DELETE FROM `trend_days`
    WHERE `day` = OLD.`created_at` / 86400000 AND `criterion_id` = OLD.`criterion_id` AND `attempts` <= 0;
END;
