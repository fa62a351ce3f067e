/**
 * The cursor of every paginated list: the key of the last row served (or an offset), as
 * base64url JSON, opaque to clients. A cursor that does not decode to the list's key shape is
 * one error everywhere: `invalid_input` on the `cursor` field.
 */
import { AppError } from '@/lib/errors';

export function invalidCursor(): AppError {
  return new AppError('invalid_input', 'Invalid cursor.', 'cursor');
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key `cursor` carries, as `read` accepts it (`read` answers undefined for a wrong shape);
 * null when there is no cursor (the first page).
 */
export function decodeCursor<K>(cursor: string | null | undefined, read: (value: unknown) => K | undefined): K | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw invalidCursor();
  }
  const key = read(value);
  if (key === undefined) throw invalidCursor();
  return key;
}

/** The key of a list by time then id (pages, backlinks): `{ t, id }`. */
export function timeAndId(value: unknown): { t: number; id: string } | undefined {
  const v = value as { t?: unknown; id?: unknown } | null;
  return v && typeof v.t === 'number' && typeof v.id === 'string' ? { t: v.t, id: v.id } : undefined;
}

/** The key of a list by name then id (spaces, members): `[name, id]`. */
export function nameAndId(value: unknown): [string, string] | undefined {
  return Array.isArray(value) && value.length === 2 ? [String(value[0]), String(value[1])] : undefined;
}

/** An offset into a ranked list (search): `{ o }`, a whole number up to `max`. */
export function offsetUpTo(max: number): (value: unknown) => number | undefined {
  return (value) => {
    const o = (value as { o?: unknown } | null)?.o;
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= max ? o : undefined;
  };
}
