/**
 * Keeps the full-text index (`page_search`, FTS5, accents folded) in step with a page: its title
 * and live text. Rows are keyed by the pages table's rowid.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

type Tx = Pick<Db, 'run' | 'get'>;

export function indexPage(tx: Tx, pageId: string): void {
  const row = tx.get<{ rowid: number; title: string; text: string; deleted_at: number | null }>(
    sql`select rowid, title, text, deleted_at from pages where id = ${pageId}`,
  );
  if (!row) return;
  tx.run(sql`delete from page_search where rowid = ${row.rowid}`);
  if (row.deleted_at === null) tx.run(sql`insert into page_search (rowid, title, body) values (${row.rowid}, ${row.title}, ${row.text})`);
}
