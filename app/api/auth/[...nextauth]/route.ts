import { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/auth';
import { AppError } from '@/lib/errors';
import { safeReturnPath } from '@/lib/safe-redirect';
import { env } from '@/server/env';
import { errorResponse } from '@/server/http/api';

/**
 * next-auth answers a request it finds malformed (a `callbackUrl` holding a newline, a link
 * opened without its token) as a configuration error: a 500. Here the return address is made
 * safe before next-auth reads it, and any 5xx it still makes becomes the sign-in page saying
 * the link did not work: what the person can act on.
 */
async function guarded(req: NextRequest, handler: (req: NextRequest) => Promise<Response>): Promise<Response> {
  const origin = env().AUTH_URL;
  const url = new URL(req.url);
  const callbackUrl = url.searchParams.get('callbackUrl');
  if (callbackUrl !== null && req.method === 'GET') {
    url.searchParams.set('callbackUrl', new URL(safeReturnPath(callbackUrl, '/', origin), origin).toString());
    req = new NextRequest(url, req);
  }
  let res: Response;
  try {
    res = await handler(req);
  } catch (e) {
    console.error('[auth] request failed:', e instanceof Error ? e.message : 'unknown');
    res = new Response(null, { status: 500 });
  }
  if (res.status < 500) return res;
  return new Response(null, { status: 303, headers: { Location: '/connexion?error=Verification', 'Cache-Control': 'no-store' } });
}

export function GET(req: NextRequest): Promise<Response> {
  return guarded(req, handlers.GET);
}

/**
 * Sign-in links are asked for on /connexion only, whose action applies the rate limits and the
 * invitation rules; next-auth's own `POST /api/auth/signin/…` would skip both, so it does not
 * exist here. (The action calls next-auth in-process, not through this route.)
 */
export function POST(req: NextRequest): Response | Promise<Response> {
  if (new URL(req.url).pathname.startsWith('/api/auth/signin')) return errorResponse(new AppError('not_found'));
  return guarded(req, handlers.POST);
}
