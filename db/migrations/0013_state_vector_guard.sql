-- A room answers its first clients with page_docs.state_vector as it is: a vector claiming more
-- than the state holds would make clients withhold edits the server lacks. A write that changes
-- the state but not the vector (any writer but compactDoc) drops the vector; it is then computed
-- from the state when the page opens.
CREATE TRIGGER `page_docs_state_vector_guard` AFTER UPDATE OF `state` ON `page_docs`
WHEN NEW.`state_vector` IS OLD.`state_vector` AND NEW.`state` IS NOT OLD.`state`
BEGIN
  UPDATE `page_docs` SET `state_vector` = NULL WHERE `page_id` = NEW.`page_id`;
END;
