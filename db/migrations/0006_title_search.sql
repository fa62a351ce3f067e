-- Titles alone, for the "title matches first" tier of search: a title index is small, so ranking
-- title matches stays fast when a word appears in the bodies of most pages. An external-content
-- FTS5 table over `pages`, kept in step by triggers (also for bulk loads).
CREATE VIRTUAL TABLE `page_titles` USING fts5(title, content='pages', content_rowid='rowid', tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `page_titles`(`page_titles`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `pages_titles_ai` AFTER INSERT ON `pages` BEGIN
  INSERT INTO `page_titles`(rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `pages_titles_ad` AFTER DELETE ON `pages` BEGIN
  INSERT INTO `page_titles`(`page_titles`, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
--> statement-breakpoint
CREATE TRIGGER `pages_titles_au` AFTER UPDATE OF `title` ON `pages` BEGIN
  INSERT INTO `page_titles`(`page_titles`, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO `page_titles`(rowid, title) VALUES (new.rowid, new.title);
END;
