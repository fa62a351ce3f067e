-- Full-text search over titles and bodies, French-aware: accents folded (« election » finds
-- « élection »). Rows are keyed by the pages table's rowid, kept in step by server/search.
CREATE VIRTUAL TABLE `page_search` USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
