/** Bytes a page's document takes in the database: the pages of its tables and indexes (dbstat). */
import { db } from '@/db/client';

const DOC_TABLES = ['page_updates', 'page_updates_page_idx', 'page_docs', 'sqlite_autoindex_page_docs_1'];

/**
 * On-disk bytes (whole SQLite pages) of the update log and the compacted states, and the payload
 * bytes they hold. Meant for a database holding one document, as the benches make it.
 */
export function storedDocBytes(): { onDiskBytes: number; payloadBytes: number; logRows: number } {
  const client = db().$client;
  const placeholders = DOC_TABLES.map(() => '?').join(',');
  const disk = client.prepare(`SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name IN (${placeholders})`).get(...DOC_TABLES) as { n: number };
  const log = client.prepare('SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM page_updates').get() as { rows: number; bytes: number };
  const docs = client.prepare('SELECT coalesce(sum(length(state)), 0) AS bytes FROM page_docs').get() as { bytes: number };
  return { onDiskBytes: disk.n, payloadBytes: log.bytes + docs.bytes, logRows: log.rows };
}
