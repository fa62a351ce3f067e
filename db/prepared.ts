/**
 * Queries of the per-request hot path (session, viewer, profile, spaces of the shell, the page
 * being read), built and prepared once per database handle instead of on every call: building a
 * query with drizzle cost four times as much as running it (loadPage: 0.56 ms → 0.13 ms), and a
 * page view ran a dozen of them. Values go in through `sql.placeholder(name)`.
 */
import { db, type Db } from './client';

const byHandle = new WeakMap<Db, Map<string, unknown>>();

/** The query `build` makes, prepared once for the process's current database handle. */
export function prepared<Q>(name: string, build: (handle: Db) => Q): Q {
  const handle = db();
  let queries = byHandle.get(handle);
  if (!queries) byHandle.set(handle, (queries = new Map()));
  let q = queries.get(name) as Q | undefined;
  if (q === undefined) queries.set(name, (q = build(handle)));
  return q;
}
