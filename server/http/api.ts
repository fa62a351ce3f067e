/**
 * The one wrapper every JSON route handler goes through: it resolves the viewer (bearer token,
 * else session cookie), turns an `AppError` into `{"error":{code,message,field?}}` with the status
 * from `ERROR_STATUS`, answers anything else as a generic 500 (logged without personal data), and
 * marks every answer `Cache-Control: private, no-store`.
 */
import { z } from 'zod';
import { AppError, ERROR_STATUS, isAppError } from '@/lib/errors';
import { viewerFromRequest } from '@/server/auth/current';
import { env } from '@/server/env';
import type { Viewer } from '@/server/policy';

/** Largest JSON body a handler accepts (page Markdown is capped well below this). */
export const MAX_BODY_BYTES = 1_000_000;

const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A JSON answer that no cache keeps (answers depend on who asks). */
export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(data), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...init.headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

export function errorResponse(e: AppError): Response {
  const error: { code: string; message: string; field?: string } = { code: e.code, message: e.message };
  if (e.field) error.field = e.field;
  // RFC 9110: a 401 names the scheme that would work.
  const headers: Record<string, string> = e.code === 'unauthorized' ? { 'WWW-Authenticate': 'Bearer realm="coopol"' } : {};
  return json({ error }, { status: ERROR_STATUS[e.code], headers });
}

/** The signed-in viewer, or `unauthorized`. */
export function signedIn(viewer: Viewer): NonNullable<Viewer> {
  if (!viewer) throw new AppError('unauthorized');
  return viewer;
}

export type ApiContext<P> = { viewer: Viewer; params: P };
type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a handler into a Next route handler. The handler returns a `Response`, or plain data
 * sent as JSON with status 200.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (req: Request, ctx: ApiContext<P>) => Promise<Response | object> | Response | object,
): (req: Request, ctx?: RouteContext<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const { viewer, tokenInvalid } = await viewerFromRequest(req);
      if (tokenInvalid) throw new AppError('unauthorized', 'Invalid or revoked API token.');
      if (viewer && !req.headers.has('authorization')) checkSameOrigin(req);
      const params = ((await ctx?.params) ?? {}) as P;
      const out = await handler(req, { viewer, params });
      return out instanceof Response ? withNoStore(out) : json(out);
    } catch (e) {
      if (isAppError(e)) return errorResponse(e);
      // Only the route and the error's own text: never the body, the query or who asked.
      console.error(`[api] ${req.method} ${new URL(req.url).pathname} failed:`, e instanceof Error ? e.stack ?? e.message : e);
      return errorResponse(new AppError('internal'));
    }
  };
}

function withNoStore(res: Response): Response {
  res.headers.set('Cache-Control', NO_STORE['Cache-Control']);
  return res;
}

/**
 * A change authenticated by the session cookie must come from Coopol's own origin: browsers
 * always send `Origin` on cross-site writes, so a foreign page cannot act with the cookie.
 * Bearer tokens are not sent by browsers on their own and need no such check.
 */
function checkSameOrigin(req: Request): void {
  if (!UNSAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (origin && origin !== new URL(env().AUTH_URL).origin) throw new AppError('forbidden', 'Cross-site request refused.');
}

/**
 * Reads a JSON object body of at most MAX_BODY_BYTES: the declared length is checked first, then
 * the bytes actually received, so a lying or missing `Content-Length` changes nothing.
 */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readAtMost(req, MAX_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_input', 'The body is not valid UTF-8.', 'body');
  }
  if (!text.trim()) throw new AppError('invalid_input', 'A JSON object body is required.', 'body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'The body is not valid JSON.', 'body');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('invalid_input', 'The body must be a JSON object.', 'body');
  }
  return value as Record<string, unknown>;
}

const tooLarge = () => new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`, 'body');

async function readAtMost(req: Request, max: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Refuses fields the schema does not know, naming the first one: a misspelt field in an API
 * call should fail loudly instead of being dropped. Values are validated by the domain function.
 */
export function rejectUnknownFields(body: Record<string, unknown>, schema: z.ZodObject): void {
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys(body).find((k) => !known.has(k));
  if (unknown !== undefined) throw new AppError('invalid_input', `Unknown field: ${unknown}.`, unknown);
}

/** `?limit=`: an integer, clamped to 1..100 by the list functions; anything else names `limit`. */
export function limitParam(q: URLSearchParams): number | undefined {
  const raw = q.get('limit');
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw new AppError('invalid_input', 'limit: expected an integer.', 'limit');
  return Number(raw);
}

/** An optional enum query parameter; an unknown value names the parameter. */
export function enumParam<const T extends readonly string[]>(q: URLSearchParams, name: string, values: T): T[number] | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw)) throw new AppError('invalid_input', `${name}: expected one of ${values.join(', ')}.`, name);
  return raw as T[number];
}
