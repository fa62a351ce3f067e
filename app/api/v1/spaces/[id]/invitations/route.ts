import { apiRoute, json, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { parseInput } from '@/lib/parse-input';
import { inviteManyInput, inviteMembers, listInvitations } from '@/server/membership/member-invitations';
import { invitationJson } from '../members/invitation-json';

export const dynamic = 'force-dynamic';

/** The invitations not accepted nor revoked (pending or expired), newest first: to those who may invite (403 otherwise). */
export const GET = apiRoute<{ id: string }>(async (_req, { viewer, params }) => ({ data: listInvitations(signedIn(viewer), params.id).map(invitationJson) }));

/** Invites addresses `{emails[], role?, message?}`; 202 `{invited: n}` (distinct addresses) whatever they are. */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, inviteManyInput);
  const input = parseInput(inviteManyInput, body);
  return json(await inviteMembers(v, params.id, input), { status: 202 });
});
