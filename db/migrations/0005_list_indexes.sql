DROP INDEX `pages_space_updated_idx`;--> statement-breakpoint
DROP INDEX `pages_updated_idx`;--> statement-breakpoint
DROP INDEX `pages_status_vis_idx`;--> statement-breakpoint
CREATE INDEX `pages_space_updated_id_idx` ON `pages` (`space_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `pages_updated_id_idx` ON `pages` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `pages_vis_updated_id_idx` ON `pages` (`visibility`,`updated_at`,`id`);