import { apiRoute } from '@/server/http/api';
import { getAmendment } from '@/server/amendments/amendment-service';

export const dynamic = 'force-dynamic';

/** One amendment, with its passage as it reads now; 404 when its page is unreadable. */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => getAmendment(viewer, params.id));
