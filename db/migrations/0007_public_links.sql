CREATE TABLE `page_public_links` (
	`source_id` text NOT NULL,
	`target_id` text NOT NULL,
	`snippet` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`source_id`, `target_id`),
	FOREIGN KEY (`source_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `page_public_links_target_idx` ON `page_public_links` (`target_id`);