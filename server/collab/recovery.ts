/**
 * Start-up recovery: update logs that no room folded. A room folds its log every
 * COLLAB_COMPACT_EVERY updates and when it unloads (a clean stop unloads every room), so a log
 * found at start-up is what a crash (`kill -9`, power loss) or a foreign writer (a restored
 * backup, a script writing rows) left. Folding it before the server listens means the first
 * person to open the page gets the stored state as it is, instead of waiting for the history to
 * be replayed. Longest logs first, within a time budget; what is left is folded in the
 * background, one page per turn of the event loop, skipping pages a room has opened meanwhile.
 */
import { db } from '@/db/client';
import { compactStored } from '@/server/documents/store';

export type Recovery = { folded: number; pending: number; ms: number };

function pagesWithLogs(): string[] {
  return db()
    .$client.prepare('select page_id from page_updates group by page_id order by count(*) desc')
    .pluck()
    .all() as string[];
}

function foldOne(pageId: string): boolean {
  try {
    compactStored(pageId);
    return true;
  } catch (e) {
    // Left as it is: the room that opens the page replays the log, or refuses an undecodable one.
    console.error(`[collab] could not fold the update log of page ${pageId}:`, e instanceof Error ? e.message : e);
    return false;
  }
}

/**
 * Folds leftover logs for up to `budgetMs`, then the rest in the background (unless
 * `background` is false). `isOpen` tells which pages a room holds: those are left to it.
 */
export function recoverUpdateLogs(opts: { budgetMs?: number; background?: boolean; isOpen?: (pageId: string) => boolean } = {}): Recovery {
  const started = performance.now();
  const budget = opts.budgetMs ?? 5000;
  const isOpen = opts.isOpen ?? (() => false);
  const ids = pagesWithLogs();
  let folded = 0;
  let i = 0;
  for (; i < ids.length && performance.now() - started < budget; i++) if (!isOpen(ids[i]!) && foldOne(ids[i]!)) folded++;
  const rest = ids.slice(i);
  if (rest.length && opts.background !== false) {
    const next = () => {
      const id = rest.shift();
      if (id === undefined) return;
      if (!isOpen(id)) foldOne(id);
      setImmediate(next).unref();
    };
    setImmediate(next).unref();
  }
  const ms = Math.round(performance.now() - started);
  if (ids.length) console.log(`[collab] start-up: folded the update logs of ${folded} page(s) in ${ms} ms${rest.length ? `, ${rest.length} left for the background` : ''}`);
  return { folded, pending: rest.length, ms };
}
