import { handlers } from '@/server/auth/auth';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/server/http/api';

export const { GET } = handlers;

/**
 * Sign-in links are asked for on /connexion only, whose action applies the rate limits and the
 * invitation rules; next-auth's own `POST /api/auth/signin/…` would skip both, so it does not
 * exist here. (The action calls next-auth in-process, not through this route.)
 */
export function POST(req: Request): Response | Promise<Response> {
  if (new URL(req.url).pathname.startsWith('/api/auth/signin')) return errorResponse(new AppError('not_found'));
  return handlers.POST(req as Parameters<typeof handlers.POST>[0]);
}
