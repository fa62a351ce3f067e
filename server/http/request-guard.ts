/**
 * Requests refused before Next sees them, because Next would answer them with a 500:
 *  - a path whose percent-encoding does not decode (`/pages/%E0%A4%A`, `/api/v1/pages/%ZZ`);
 *  - a cross-site write outside the JSON API, which is how a server action is reached (a POST
 *    with `Next-Action`, or a plain form post naming an action): Next refuses a foreign
 *    `Origin` by throwing. The JSON API checks origins itself (server/http/api.ts).
 * Each gets a 4xx: JSON under /api/, a short text elsewhere.
 */
import type { IncomingMessage } from 'node:http';
import { pathDecodes } from '@/lib/safe-redirect';

export type Refusal = { status: 400 | 403; code: 'invalid_input' | 'forbidden'; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The path part of a request target (`/a/b?c` → `/a/b`; an absolute-form target keeps its path). */
function pathOf(target: string): string {
  const noQuery = target.split(/[?#]/, 1)[0] ?? '';
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(noQuery);
  return absolute ? noQuery.slice(absolute[0].length) || '/' : noQuery;
}

/**
 * Whether `origin` is this site: the configured public origin, or the host the request was
 * sent to (what Next itself compares, so a site reached by another name keeps working).
 */
function isOwnOrigin(origin: string, siteOrigin: string, host: string | undefined): boolean {
  if (origin === siteOrigin) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // `null` (sandboxed frames, file: pages) and anything unparsable
  }
}

/** Why `req` must be refused, or null to let Next answer it. */
export function refusalOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, siteOrigin: string): Refusal | null {
  const path = pathOf(req.url ?? '/');
  if (!pathDecodes(path)) return { status: 400, code: 'invalid_input', message: 'The address is not valid (bad percent-encoding).' };
  const origin = req.headers.origin;
  if (!SAFE_METHODS.has(req.method ?? 'GET') && origin !== undefined && !path.startsWith('/api/') && !isOwnOrigin(origin, siteOrigin, req.headers.host)) {
    return { status: 403, code: 'forbidden', message: 'Cross-site request refused.' };
  }
  return null;
}

/** The body and content type of a refusal, in the form the path's clients read. */
export function refusalBody(r: Refusal, url: string | undefined): { contentType: string; body: string } {
  if (pathOf(url ?? '/').startsWith('/api/')) {
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ error: { code: r.code, message: r.message } }) };
  }
  return { contentType: 'text/plain; charset=utf-8', body: `${r.message}\n` };
}
