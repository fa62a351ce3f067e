CREATE TABLE `amendment_supports` (
	`amendment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`section_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`amendment_id`, `user_id`),
	FOREIGN KEY (`amendment_id`) REFERENCES `amendments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`page_id` text NOT NULL,
	`number` integer NOT NULL,
	`author_id` text,
	`section_id` text,
	`op` text NOT NULL,
	`anchor` text NOT NULL,
	`replacement` text DEFAULT '' NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`group_id` text NOT NULL,
	`line_from` integer,
	`line_to` integer,
	`modified_replacement` text,
	`decision_note` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`section_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `amendments_page_number_idx` ON `amendments` (`page_id`,`number`);--> statement-breakpoint
CREATE INDEX `amendments_page_status_idx` ON `amendments` (`page_id`,`status`);--> statement-breakpoint
CREATE INDEX `amendments_group_idx` ON `amendments` (`page_id`,`group_id`);--> statement-breakpoint
CREATE TABLE `deliberations` (
	`page_id` text PRIMARY KEY NOT NULL,
	`procedure` text NOT NULL,
	`stage` text NOT NULL,
	`stage_since` integer NOT NULL,
	`filed_version_id` text,
	`amendments_close_at` integer,
	`required_signatures` integer DEFAULT 0 NOT NULL,
	`required_sections` integer DEFAULT 0 NOT NULL,
	`line_map` text,
	`outcome` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`filed_version_id`) REFERENCES `page_versions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deliberations_stage_idx` ON `deliberations` (`stage`);--> statement-breakpoint
CREATE TABLE `motion_signatures` (
	`page_id` text NOT NULL,
	`user_id` text NOT NULL,
	`section_id` text,
	`signed_at` integer NOT NULL,
	`confirmed_hash` text,
	`confirmed_state` text,
	`confirmed_at` integer NOT NULL,
	PRIMARY KEY(`page_id`, `user_id`),
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `motion_signatures_section_idx` ON `motion_signatures` (`page_id`,`section_id`);--> statement-breakpoint
CREATE TABLE `poll_ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`poll_id` text NOT NULL,
	`choice` text NOT NULL,
	`receipt_hash` text NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `poll_ballots_poll_idx` ON `poll_ballots` (`poll_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `poll_ballots_receipt_idx` ON `poll_ballots` (`receipt_hash`);--> statement-breakpoint
CREATE TABLE `poll_voters` (
	`poll_id` text NOT NULL,
	`user_id` text NOT NULL,
	`voted` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`poll_id`, `user_id`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `polls` (
	`id` text PRIMARY KEY NOT NULL,
	`page_id` text NOT NULL,
	`subject` text NOT NULL,
	`amendment_id` text,
	`group_id` text,
	`options` text,
	`space_id` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`quorum_percent` integer DEFAULT 0 NOT NULL,
	`majority` text DEFAULT 'simple' NOT NULL,
	`opened_by` text,
	`result` text,
	`closed_at` integer,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`amendment_id`) REFERENCES `amendments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `polls_page_idx` ON `polls` (`page_id`);--> statement-breakpoint
CREATE INDEX `polls_open_closes_idx` ON `polls` (`status`,`closes_at`);--> statement-breakpoint
CREATE TABLE `stage_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` text NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`by_user_id` text,
	`at` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stage_changes_page_idx` ON `stage_changes` (`page_id`,`id`);--> statement-breakpoint
ALTER TABLE `spaces` ADD `motion_signatures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `motion_sections` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Motions written before deliberations existed: a draft stays a draft; a published one is filed, its published version frozen.
INSERT INTO `deliberations` (`page_id`, `procedure`, `stage`, `stage_since`, `filed_version_id`, `updated_at`)
SELECT `id`, 'motion', CASE WHEN `status` = 'draft' THEN 'draft' ELSE 'filed' END, `updated_at`, CASE WHEN `status` = 'draft' THEN NULL ELSE `published_version_id` END, `updated_at`
FROM `pages` WHERE `kind` = 'motion';
