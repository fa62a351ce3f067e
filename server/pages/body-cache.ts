/**
 * Rendered bodies (ProseMirror JSON, text, Markdown), kept between requests. Rebuilding a body
 * means reading its Yjs state, replaying it into a document and converting it: a third of a page
 * view. A live body is kept under a marker of its stored state (the newest update id, the
 * compacted state's date and size), read in one indexed query: every change to a document is
 * stored before it reaches anyone (durable before relay), so an unchanged marker means an
 * unchanged body, whichever process wrote it. Versions never change: kept by id.
 * The cached objects are frozen; callers derive new documents (renderLinks does).
 */
import type { Database } from 'better-sqlite3';
import { db } from '@/db/client';
import { liveDocState } from '@/server/documents/live-state';
import { revisionOf } from './based-write';
import { renderBody, type RenderedBody } from './body';

const ENTRIES = 300;
/**
 * Memory bound, in characters of text (the JSON of a body takes a few times its text): a party's
 * long programme is kept, 300 of them are not. A body longer than a tenth of it is not kept.
 */
const TEXT_BUDGET = 4_000_000;

/** A live body, with the revision of the document it was rendered from (what a based write names). */
export type LiveBody = RenderedBody & { revision: string };

type Kept = RenderedBody & { revision?: string };
type Entry = { marker: string; body: Kept; size: number };
type Cache = { sqlite: Database; marker: ReturnType<Database['prepare']>; bodies: Map<string, Entry>; size: number };

const g = globalThis as unknown as { __coopolBodies?: Cache };

function cache(): Cache {
  const sqlite = db().$client;
  if (g.__coopolBodies?.sqlite !== sqlite) {
    g.__coopolBodies = {
      sqlite,
      marker: sqlite.prepare(
        `select (select coalesce(max(id), 0) from page_updates where page_id = @id) || ':' ||
                coalesce((select updated_at || ':' || length(state) from page_docs where page_id = @id), '-')`,
      ).pluck(),
      bodies: new Map(),
      size: 0,
    };
  }
  return g.__coopolBodies;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function forget(c: Cache, key: string): void {
  const entry = c.bodies.get(key);
  if (!entry) return;
  c.bodies.delete(key);
  c.size -= entry.size;
}

/** What the cache holds now (tests, diagnostics). */
export function bodyCacheStats(): { entries: number; textChars: number } {
  const c = cache();
  return { entries: c.bodies.size, textChars: c.size };
}

function remember(c: Cache, key: string, marker: string, make: () => { body: RenderedBody; revision?: string }): Kept {
  const hit = c.bodies.get(key);
  if (hit && hit.marker === marker) {
    c.bodies.delete(key); // most recently used last
    c.bodies.set(key, hit);
    return hit.body;
  }
  const { body: rendered, revision } = make();
  deepFreeze(rendered.json);
  let markdown: string | undefined;
  const body: Kept = Object.freeze({
    json: rendered.json,
    text: rendered.text,
    ...(revision === undefined ? {} : { revision }),
    get markdown() {
      return (markdown ??= rendered.markdown);
    },
  });
  forget(c, key);
  const size = rendered.text.length + 1;
  if (size > TEXT_BUDGET / 10) return body;
  while (c.bodies.size >= ENTRIES || (c.bodies.size > 0 && c.size + size > TEXT_BUDGET)) forget(c, c.bodies.keys().next().value!);
  c.bodies.set(key, { marker, body, size });
  c.size += size;
  return body;
}

/** The live body of a page (what members read), with the revision it was rendered from. */
export function liveBody(pageId: string): LiveBody {
  const c = cache();
  return remember(c, `live:${pageId}`, c.marker.get({ id: pageId }) as string, () => {
    const state = liveDocState(pageId);
    return { body: renderBody(state), revision: revisionOf(state) };
  }) as LiveBody;
}

/** The body of a stored version (immutable); `state` is read only when it is not cached. */
export function versionBody(versionId: string, state: () => Uint8Array): RenderedBody {
  return remember(cache(), `version:${versionId}`, '', () => ({ body: renderBody(state()) }));
}
