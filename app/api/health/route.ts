import { db } from '@/db/client';
import { json } from '@/server/http/api';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and `npm run demo`: ok only when the database answers. */
export async function GET(): Promise<Response> {
  try {
    db().$client.prepare('select 1').get();
    return json({ status: 'ok' });
  } catch (e) {
    console.error('[health] database check failed:', e instanceof Error ? e.message : e);
    return json({ status: 'unavailable' }, { status: 503 });
  }
}
