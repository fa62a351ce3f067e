import { apiRoute, signedIn } from '@/server/http/api';
import { acceptJoinRequest } from '@/server/membership/join-requests';

export const dynamic = 'force-dynamic';

/** A decider accepts the request: the person joins the section (or moves there) or the group. */
export const POST = apiRoute<{ id: string }>(async (_req, { viewer, params }) => acceptJoinRequest(signedIn(viewer), params.id));
