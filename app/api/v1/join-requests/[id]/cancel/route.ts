import { apiRoute, signedIn } from '@/server/http/api';
import { cancelJoinRequest } from '@/server/membership/join-requests';

export const dynamic = 'force-dynamic';

/** The person who asked withdraws their pending request. */
export const POST = apiRoute<{ id: string }>(async (_req, { viewer, params }) => cancelJoinRequest(signedIn(viewer), params.id));
