import { AppError, isAppError } from '@/lib/errors';
import { getSpaceRow, type SpaceRow } from '@/server/spaces/queries';

/** The public face of a space in the API (its materialised path stays internal). */
export function spaceJson(s: SpaceRow) {
  return { id: s.id, kind: s.kind, name: s.name, description: s.description, parentId: s.parentId };
}

/** A space id given as a filter must exist: an unknown one names the parameter (400), not 404. */
export function requireSpaceParam(id: string, field: string): void {
  try {
    getSpaceRow(id);
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') throw new AppError('invalid_input', 'Unknown space.', field);
    throw e;
  }
}
