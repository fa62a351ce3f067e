CREATE TABLE `space_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`space_id` text NOT NULL,
	`user_id` text NOT NULL,
	`invited_by` text,
	`role` text DEFAULT 'member' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `space_invitations_user_idx` ON `space_invitations` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `space_invitations_space_user_idx` ON `space_invitations` (`space_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`space_id` text NOT NULL,
	`page_id` text,
	`actor_id` text,
	`verb` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activities_space_created_idx` ON `activities` (`space_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `activities_page_actor_idx` ON `activities` (`page_id`,`actor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `page_doc_clients` (
	`page_id` text NOT NULL,
	`client_id` integer NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`page_id`, `client_id`),
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_doc_clients_user_idx` ON `page_doc_clients` (`user_id`);--> statement-breakpoint
CREATE TABLE `page_stewards` (
	`page_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`page_id`, `user_id`),
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_stewards_user_idx` ON `page_stewards` (`user_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text;--> statement-breakpoint
ALTER TABLE `pages` ADD `parent_id` text;--> statement-breakpoint
ALTER TABLE `pages` ADD `position` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pages` ADD `content_hash` text;--> statement-breakpoint
CREATE INDEX `pages_parent_position_idx` ON `pages` (`space_id`,`parent_id`,`position`);--> statement-breakpoint
ALTER TABLE `page_versions` ADD `visibility` text;