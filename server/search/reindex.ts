/**
 * Rebuilds the search indexes from the stored documents (`npm run cli -- search:reindex`): for
 * every page, its stored Yjs state (compacted state + update log) gives the plain text, written
 * to `pages.text` and `page_search`; then the published versions' texts are derived again and
 * `page_search_public` is rebuilt from them. Works in batches of pages, each in its own short transaction, so a running server
 * keeps writing between them.
 */
import * as Y from 'yjs';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { jsonToText, yStateToJSON } from '@/server/pages/body';
import { reindexPublicSearch } from '@/server/versions/versions';

export const REINDEX_BATCH = 500;

type Row = { rowid: number; id: string; title: string; deleted: number; state: Buffer | null };

function textOf(base: Buffer | null, log: Buffer[]): string {
  const parts = [...(base ? [new Uint8Array(base)] : []), ...log.map((b) => new Uint8Array(b))];
  if (parts.length === 0) return '';
  return jsonToText(yStateToJSON(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)));
}

/**
 * Re-derives `pages.text` and the search rows of every page. `onProgress(done, total)` is called
 * after each batch. Returns the number of pages indexed (deleted pages are dropped from the index).
 */
export function reindexSearch(onProgress?: (done: number, total: number) => void): { indexed: number; public: number } {
  const d = db();
  const total = d.get<{ n: number }>(sql`select count(*) as n from pages`)!.n;
  let after = -1;
  let done = 0;
  let indexed = 0;
  for (;;) {
    const rows = d.all<Row>(sql`select p.rowid as rowid, p.id as id, p.title as title, p.deleted_at is not null as deleted, d.state as state
      from pages p left join page_docs d on d.page_id = p.id
      where p.rowid > ${after} order by p.rowid limit ${REINDEX_BATCH}`);
    if (rows.length === 0) break;
    const first = rows[0]!.rowid;
    const last = rows[rows.length - 1]!.rowid;
    const logs = new Map<string, Buffer[]>();
    for (const u of d.all<{ pageId: string; data: Buffer }>(sql`select page_id as pageId, data from page_updates
        where page_id in (select id from pages where rowid between ${first} and ${last}) order by id`)) {
      const list = logs.get(u.pageId) ?? [];
      list.push(u.data);
      logs.set(u.pageId, list);
    }
    const texts = rows.map((r) => (r.deleted ? null : textOf(r.state, logs.get(r.id) ?? [])));
    d.transaction((tx) => {
      tx.run(sql`delete from page_search where rowid > ${after} and rowid <= ${last}`);
      rows.forEach((r, i) => {
        const text = texts[i];
        if (text === null || text === undefined) return;
        tx.run(sql`update pages set text = ${text} where rowid = ${r.rowid}`);
        tx.run(sql`insert into page_search (rowid, title, body) values (${r.rowid}, ${r.title}, ${text})`);
        indexed++;
      });
    });
    after = last;
    done += rows.length;
    onProgress?.(done, total);
  }
  // Rows whose page is gone for good (purged from the trash).
  d.run(sql`delete from page_search where rowid > ${after}`);
  rederivePublishedTexts();
  return { indexed, public: reindexPublicSearch() };
}

/**
 * The text of every published version, derived again from its document: what the public reads
 * in excerpts and finds in search. Text derived before wiki-link labels were left out of stored
 * text holds the titles of linked pages, which a reader may not be allowed to read.
 */
function rederivePublishedTexts(): void {
  const d = db();
  for (let after = -1; ; ) {
    const rows = d.all<{ rowid: number; state: Buffer; text: string }>(sql`select v.rowid as rowid, v.state as state, v.text as text
      from page_versions v join pages p on p.published_version_id = v.id
      where v.rowid > ${after} order by v.rowid limit ${REINDEX_BATCH}`);
    if (rows.length === 0) return;
    const changed = rows.flatMap((r) => {
      const text = jsonToText(yStateToJSON(new Uint8Array(r.state)));
      return text === r.text ? [] : [{ rowid: r.rowid, text }];
    });
    d.transaction((tx) => {
      for (const c of changed) tx.run(sql`update page_versions set text = ${c.text} where rowid = ${c.rowid}`);
    });
    after = rows[rows.length - 1]!.rowid;
  }
}
