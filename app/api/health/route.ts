import { json } from '@/server/http/api';
import { databaseAnswers } from '@/server/health';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and `npm run demo`: ok only when the database answers. */
export async function GET(): Promise<Response> {
  return databaseAnswers() ? json({ status: 'ok' }) : json({ status: 'unavailable' }, { status: 503 });
}
