/**
 * Where to go after signing in comes from the query string, so anyone can write it: it must stay
 * on this site. The value is parsed as the browser would parse it (`new URL`, which drops tabs and
 * newlines and reads `\` as `/`: `/\t/evil.example` is `//evil.example`) and kept only when the
 * result has our origin; what is returned is rebuilt from the parsed URL, so it holds no raw
 * control character (a newline in a `Location` header answered 500).
 */

/** Stands for "this site" when the caller does not know its origin: then only paths pass. */
const NO_ORIGIN = 'http://coopol.invalid';

/**
 * A path on this site (`/pages/x?y#z`) for `value`, or `fallback`. `origin` is the site's own
 * (`https://coopol.example`): a full URL on it is accepted and reduced to its path; without it,
 * only paths are.
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/', origin: string = NO_ORIGIN): string {
  if (!value) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil` normalises to the path `//evil`, which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  // A path that does not decode (`/%ZZ`) leads nowhere but to a 400.
  if (!pathDecodes(url.pathname)) return fallback;
  return path;
}

/** Whether a URL path's percent-encoding decodes (`/%ZZ`, `/%E0%A4%A` do not). */
export function pathDecodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
