import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { createSession } from '@/server/auth/session-cookie';
import { isDemo } from '@/server/env';

/** Demo only: a session for the account of `email` (one click signs in as a persona). Refused outside `npm run demo`. */
export function demoSession(email: string, userAgent: string | null): { token: string; expires: Date } {
  if (!isDemo()) throw new AppError('forbidden');
  const user = db().select({ id: users.id, deletedAt: users.deletedAt }).from(users).where(eq(users.email, email)).get();
  if (!user || user.deletedAt) throw new AppError('not_found');
  return createSession(user.id, undefined, userAgent);
}
