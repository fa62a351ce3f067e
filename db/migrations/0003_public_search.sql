-- What the public may find: the title and the latest published text of each published page,
-- keyed by the pages table's rowid, kept in step by server/versions when a page is published,
-- unpublished, deleted or restored. Never holds live (unpublished) text.
CREATE VIRTUAL TABLE `page_search_public` USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
