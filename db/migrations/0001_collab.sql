CREATE TABLE `page_links` (
	`source_id` text NOT NULL,
	`target_id` text NOT NULL,
	`snippet` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`source_id`, `target_id`),
	FOREIGN KEY (`source_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `page_links_target_idx` ON `page_links` (`target_id`);--> statement-breakpoint
CREATE TABLE `page_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` text NOT NULL,
	`data` blob NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `page_updates_page_idx` ON `page_updates` (`page_id`,`id`);--> statement-breakpoint
CREATE TABLE `page_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`page_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`title` text NOT NULL,
	`state` blob NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`created_by` text,
	`author_ids` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_versions_page_idx` ON `page_versions` (`page_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `pages` ADD `published_version_id` text;--> statement-breakpoint
ALTER TABLE `pages` ADD `content_updated_at` integer;