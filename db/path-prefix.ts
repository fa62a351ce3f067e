import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * `column` starts with `prefix` (a space's materialised path, `/id/id/`), as a range SQLite can
 * answer from the path's index: `like 'prefix%'` compares without case and cannot use it, so every
 * list read by a secretary or an admin of a group scanned all the party's spaces, twice.
 * The upper bound is the prefix with its last character moved one code point up: every string
 * that starts with the prefix sorts between the two, and no other.
 */
export function startsWith(column: SQLWrapper, prefix: string): SQL {
  if (prefix === '') return sql`1`;
  return sql`(${column} >= ${prefix} and ${column} < ${prefixEnd(prefix)})`;
}

/** The first string after every string that starts with `prefix` (not empty). */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
