import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { getSpaceRow } from '@/server/spaces/queries';

/** The space of the route, or Next's 404 page when there is none. */
export function loadSpaceOr404(id: string) {
  try {
    return getSpaceRow(id);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  }
}
