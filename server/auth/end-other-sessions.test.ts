/**
 * « Déconnecter les autres appareils » reaches open editors: the sockets of the ended sessions
 * close before the action answers; the device in use keeps its own.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLOSE } from '@/server/collab/config';
import { nextClose, sessionFor, startCollab, synced, type Harness } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser } from '@/test/factories';
import { endOtherSessions } from './session-cookie';

let h: Harness;
beforeAll(async () => {
  h = await startCollab();
});
afterAll(() => h.close());

it('closes the sockets of the other sessions with 4401 and keeps the one of the session in use', async () => {
  const tree = makeTree();
  const lou = makeUser();
  addMembership(lou, tree.section);
  const page = makePage(lou, tree.section, { visibility: 'space', status: 'published' });
  const here = sessionFor(lou);
  const phone = sessionFor(lou);
  const mine = h.provider(page.id, { sessionToken: here });
  const other = h.provider(page.id, { sessionToken: phone });
  await Promise.all([synced(mine), synced(other)]);
  const closing = nextClose(other);
  expect(endOtherSessions(lou.id, here)).toBe(1);
  expect((await closing).code).toBe(CLOSE.unauthenticated);
  expect(mine.wsconnected).toBe(true);
});
