import { apiRoute, json, limitParam, readJsonObject, rejectUnknownFields, signedIn } from '@/server/http/api';
import { parseInput } from '@/lib/parse-input';
import { inviteMembers, inviteOneInput } from '@/server/membership/member-invitations';
import { recentWritingOf } from '@/server/membership/member-queries';
import { listMembers } from '@/server/spaces/queries';

export const dynamic = 'force-dynamic';

/**
 * The space's members (`?q=`, `?limit=`, `?cursor=`): to its members and those who manage it
 * (403 otherwise), with their role, since when, and their last pages here the viewer may read.
 * `email` only for those who manage the space.
 */
export const GET = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const q = new URL(req.url).searchParams;
  const page = listMembers(viewer, params.id, { q: q.get('q') ?? undefined, limit: limitParam(q), cursor: q.get('cursor') });
  const recent = recentWritingOf(viewer, params.id, page.data.map((m) => m.userId));
  return {
    data: page.data.map((m) => ({
      userId: m.userId,
      name: m.displayName,
      role: m.role,
      since: m.since.toISOString(),
      ...(m.email !== null ? { email: m.email } : {}),
      recent: (recent.get(m.userId) ?? []).map((w) => ({ pageId: w.pageId, title: w.title, at: w.at.toISOString() })),
    })),
    nextCursor: page.nextCursor,
  };
});

/**
 * Invites one address `{email, role?, message?}` by e-mail (the space's secretaries, a group's
 * admins). 202 `{invited: 1}` whatever the address: a member, a pending invitation, nobody.
 */
export const POST = apiRoute<{ id: string }>(async (req, { viewer, params }) => {
  const v = signedIn(viewer);
  const body = await readJsonObject(req);
  rejectUnknownFields(body, inviteOneInput);
  const input = parseInput(inviteOneInput, body);
  return json(await inviteMembers(v, params.id, { emails: [input.email], role: input.role, message: input.message }), { status: 202 });
});
