import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { settings } from '@/db/schema';
import { authorizeSite, type Viewer } from '@/server/policy';

export function isRegistrationOpen(): boolean {
  return db().select().from(settings).where(eq(settings.key, 'registrationOpen')).get()?.value === 'true';
}

export function setRegistrationOpen(viewer: Viewer, open: boolean): void {
  authorizeSite(viewer, 'manageSite');
  db()
    .insert(settings)
    .values({ key: 'registrationOpen', value: String(open) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(open) } })
    .run();
}
