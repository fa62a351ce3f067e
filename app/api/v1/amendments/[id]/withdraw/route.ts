import { apiRoute, signedIn } from '@/server/http/api';
import { withdrawAmendment } from '@/server/amendments/amendment-service';

export const dynamic = 'force-dynamic';

/** The amender withdraws their amendment while it waits for a decision. */
export const POST = apiRoute<{ id: string }>(async (_req, { viewer, params }) => withdrawAmendment(signedIn(viewer), params.id));
