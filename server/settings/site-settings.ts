import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { settings } from '@/db/schema';
import { AppError } from '@/lib/errors';
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

/** Characters per numbered line of a motion (site setting `motionLineLength`). */
export const MOTION_LINE_LENGTH = { default: 80, min: 40, max: 200 } as const;

export function motionLineLength(): number {
  const stored = Number(db().select().from(settings).where(eq(settings.key, 'motionLineLength')).get()?.value);
  return Number.isInteger(stored) && stored >= MOTION_LINE_LENGTH.min && stored <= MOTION_LINE_LENGTH.max ? stored : MOTION_LINE_LENGTH.default;
}

/** Sets the line length used when a motion's lines are next numbered (stages already numbered keep theirs). */
export function setMotionLineLength(viewer: Viewer, length: number): void {
  authorizeSite(viewer, 'manageSite');
  if (!Number.isInteger(length) || length < MOTION_LINE_LENGTH.min || length > MOTION_LINE_LENGTH.max) {
    throw new AppError('invalid_input', `motionLineLength: a whole number from ${MOTION_LINE_LENGTH.min} to ${MOTION_LINE_LENGTH.max}.`, 'motionLineLength');
  }
  db()
    .insert(settings)
    .values({ key: 'motionLineLength', value: String(length) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(length) } })
    .run();
}
