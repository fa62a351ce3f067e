/**
 * Who writes a motion, on the websocket (the permission matrix's style, real sockets on port 0):
 * a draft is co-written live by its authors only (the first signatory and the co-author they
 * named, from another section), whatever the space's rules; from filing on nobody edits. An
 * author's open editor is closed with 4403 « read only » the moment the motion is filed, comes
 * back as a reader, and what it sends then is never applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { pageStewards, pageVersions } from '@/db/schema';
import { READ_ONLY_NOW } from '@/lib/collab/close-codes';
import { CLOSE } from '@/server/collab/config';
import { getDeliberation, recordStageChange } from '@/server/deliberations/stage-log';
import { addParagraph, apiTokenFor, barrier, bodyText, socketOf, startCollab, synced, until, type Harness } from '@/test/collab-harness';
import { addMembership, makePage, makeTree, makeUser, viewerOf, type UserRow } from '@/test/factories';
import { changeStage } from './motion-service';

let h: Harness;
beforeAll(async () => {
  h = await startCollab({ maxConnectionsPerIp: 10_000, idleUnloadMs: 50 });
});
afterAll(() => h.close());

const tree = makeTree('Motions en direct');
const users = {
  firstSignatory: makeUser({ name: 'Première signataire' }),
  coAuthor: makeUser({ name: 'Co-auteur' }),
  otherMember: makeUser({ name: 'Autre membre de la section' }),
  secretary: makeUser({ name: 'Secrétaire' }),
  otherSecretary: makeUser({ name: 'Secrétaire d’ailleurs' }),
  citizen: makeUser({ name: 'Citoyen', siteRole: 'citizen' }),
  siteAdmin: makeUser({ name: 'Admin', siteRole: 'admin' }),
};
addMembership(users.firstSignatory, tree.section);
addMembership(users.coAuthor, tree.otherSection);
addMembership(users.otherMember, tree.section);
addMembership(users.secretary, tree.section, 'secretary');
addMembership(users.otherSecretary, tree.otherSection, 'secretary');
type Role = keyof typeof users | 'anonymous';
const ROLES: Role[] = ['firstSignatory', 'coAuthor', 'otherMember', 'secretary', 'otherSecretary', 'citizen', 'anonymous', 'siteAdmin'];
const STAGES = ['draft', 'filed', 'amendments', 'vote', 'adopted', 'withdrawn'] as const;
type Stage = (typeof STAGES)[number];
const tokens = new Map<UserRow, string>();
const tokenOf = (u: UserRow) => tokens.get(u) ?? (tokens.set(u, apiTokenFor(u)), tokens.get(u)!);

/** A members-only motion of the section (its space's members could edit an ordinary page of it). */
function makeMotion(): string {
  const id = makePage(users.firstSignatory, tree.section, { title: `Motion ${Math.random()}`, kind: 'motion', visibility: 'members', markdown: 'Exposé des motifs.' }).id;
  db().insert(pageStewards).values({ pageId: id, userId: users.coAuthor.id, addedBy: users.firstSignatory.id }).run();
  return id;
}

function motionAt(stage: Stage): string {
  const id = makeMotion();
  if (stage === 'draft') return id;
  changeStage(viewerOf(users.firstSignatory), id, { stage: 'filed' });
  if (stage === 'withdrawn') changeStage(viewerOf(users.coAuthor), id, { stage: 'withdrawn' });
  if (stage === 'amendments' || stage === 'vote' || stage === 'adopted') changeStage(viewerOf(users.secretary), id, { stage: 'amendments', deadline: new Date(Date.now() + 86_400_000).toISOString() });
  if (stage === 'vote' || stage === 'adopted') changeStage(viewerOf(users.secretary), id, { stage: 'vote', closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  if (stage === 'adopted') db().transaction((tx) => recordStageChange(tx, id, 'adopted', null));
  return id;
}

type Outcome = 'edit' | 'read' | `closed ${number}`;

function expected(role: Role, stage: Stage): Outcome {
  if (role === 'anonymous') return `closed ${CLOSE.unauthenticated}`;
  if (role === 'citizen') return `closed ${CLOSE.notFound}`; // citizens never get the live document
  if (stage === 'draft') {
    if (role === 'firstSignatory' || role === 'coAuthor') return 'edit';
    if (role === 'secretary' || role === 'siteAdmin') return 'read';
    return `closed ${CLOSE.notFound}`;
  }
  return 'read';
}

async function outcome(pageId: string, role: Role): Promise<Outcome> {
  const user = role === 'anonymous' ? null : users[role];
  const c = h.raw(pageId, user ? { token: tokenOf(user) } : null);
  try {
    await until(() => c.closedWith !== null || c.messages.length > 0, `answer on ${pageId}`);
    if (c.closedWith) return `closed ${c.closedWith.code}`;
    const conn = [...(h.collab.rooms.get(pageId)?.conns.values() ?? [])].find((x) => x.userId === user?.id);
    if (!conn) throw new Error(`accepted, but no connection for ${role}`);
    return conn.access;
  } finally {
    c.ws.terminate();
  }
}

describe('a motion on the websocket', () => {
  it('every role × every stage: edit only for the authors of a draft, read-only or refused otherwise', async () => {
    const mismatches: string[] = [];
    for (const stage of STAGES) {
      const id = motionAt(stage);
      for (const role of ROLES) {
        const got = await outcome(id, role);
        const want = expected(role, stage);
        if (got !== want) mismatches.push(`${role} at ${stage}: got ${got}, want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('filing closes the authors’ open editors (4403 read only); back as readers, what they send is not applied', async () => {
    const id = makeMotion();
    const first = h.provider(id, { token: tokenOf(users.firstSignatory) });
    const coAuthor = h.provider(id, { token: tokenOf(users.coAuthor) });
    await Promise.all([synced(first), synced(coAuthor)]);
    addParagraph(coAuthor.doc, 'Le co-auteur écrit le dispositif.');
    await until(() => bodyText(first.doc).includes('le dispositif'), 'co-writing live');
    const stopped = new Promise<{ code: number; reason: string }>((resolve) => coAuthor.on('closed', (e) => resolve(e)));
    changeStage(viewerOf(users.firstSignatory), id, { stage: 'filed' });
    expect(await stopped).toEqual({ code: CLOSE.forbidden, reason: READ_ONLY_NOW });
    // The version frozen at filing is the live text, with what was just typed.
    const filed = db().select({ text: pageVersions.text }).from(pageVersions).where(eq(pageVersions.id, getDeliberation(id)!.filedVersionId!)).get()!;
    expect(filed.text).toContain('Le co-auteur écrit le dispositif.');
    const again = h.provider(id, { token: tokenOf(users.coAuthor) });
    await synced(again);
    const room = h.collab.rooms.get(id)!; // a new room, maybe: the old one unloads once both editors left
    expect([...room.conns.values()].find((c) => c.userId === users.coAuthor.id)?.access).toBe('read');
    addParagraph(again.doc, 'Ajout après le dépôt');
    await barrier(socketOf(again));
    expect(bodyText(room.doc)).toContain('Le co-auteur écrit le dispositif.');
    expect(bodyText(room.doc)).not.toContain('Ajout après le dépôt');
  });
});
