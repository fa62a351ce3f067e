import { apiRoute, signedIn } from '@/server/http/api';
import { supportAmendment, unsupportAmendment } from '@/server/amendments/amendment-service';

export const dynamic = 'force-dynamic';

/** The viewer supports the amendment (again: no change). */
export const POST = apiRoute<{ id: string }>(async (_req, { viewer, params }) => supportAmendment(signedIn(viewer), params.id));

/** The viewer withdraws their support. */
export const DELETE = apiRoute<{ id: string }>(async (_req, { viewer, params }) => unsupportAmendment(signedIn(viewer), params.id));
