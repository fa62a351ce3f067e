import { db } from '@/db/client';

/** Whether the database answers a trivial query (liveness for load balancers and `npm run demo`). */
export function databaseAnswers(): boolean {
  try {
    db().$client.prepare('select 1').get();
    return true;
  } catch (e) {
    console.error('[health] database check failed:', e instanceof Error ? e.message : e);
    return false;
  }
}
