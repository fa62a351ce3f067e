/**
 * A motion's life through changeStage: the whole transition matrix (every stage × every stage
 * asked for × every role, with the exact refusal), filing (published, « Motion déposée » frozen,
 * the space's signature settings copied, line numbers frozen), the signature requirement, a
 * chapter opened and closed, the input refused by field, and who writes the text at each stage.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { deliberations, jobs, pages, pageStewards, pageVersions, polls, pollVoters, spaces } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { liveDocumentAccess, type Viewer } from '@/server/policy';
import { getDeliberation, recordStageChange } from '@/server/deliberations/stage-log';
import { loadPage } from '@/server/pages/load-page';
import { updatePage } from '@/server/pages/page-service';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf, type PageRow } from '@/test/factories';
import { changeStage, FILED_VERSION_NAME, motionSummary, type ChangeStageInput } from './motion-service';
import { isLineMap } from './line-numbers';
import { signMotion } from './signatures';
import { AMENDMENTS_DEADLINE_QUEUE } from './amendments-deadline';

const HOUR = 3_600_000;
const tree = makeTree('Motions');
const users = {
  firstSignatory: makeUser({ name: 'Première signataire' }),
  coAuthor: makeUser({ name: 'Co-auteur' }),
  otherMember: makeUser({ name: 'Autre membre' }),
  secretary: makeUser({ name: 'Secrétaire de la section' }),
  otherSecretary: makeUser({ name: 'Secrétaire d’une autre section' }),
  citizen: makeUser({ name: 'Citoyenne', siteRole: 'citizen' }),
  siteAdmin: makeUser({ name: 'Admin du site', siteRole: 'admin' }),
};
addMembership(users.firstSignatory, tree.section);
addMembership(users.coAuthor, tree.otherSection);
addMembership(users.otherMember, tree.section);
addMembership(users.secretary, tree.section, 'secretary');
addMembership(users.otherSecretary, tree.otherSection, 'secretary');

const ROLES = ['firstSignatory', 'coAuthor', 'otherMember', 'secretary', 'otherSecretary', 'citizen', 'anonymous', 'siteAdmin'] as const;
type Role = (typeof ROLES)[number];
const viewer = (role: Role): Viewer => (role === 'anonymous' ? null : viewerOf(users[role]));

const STAGES = ['draft', 'filed', 'amendments', 'vote', 'adopted', 'rejected', 'withdrawn'] as const;
type Stage = (typeof STAGES)[number];
const TARGETS = ['filed', 'withdrawn', 'amendments', 'vote', 'closed'] as const;
type Target = (typeof TARGETS)[number];

const later = (h = 24) => new Date(Date.now() + h * HOUR);
const inputFor = (target: Target): ChangeStageInput =>
  target === 'amendments' ? { stage: target, deadline: later().toISOString() } : target === 'vote' ? { stage: target, closesAt: later(48).toISOString(), quorum: 20, majority: 'two_thirds' } : { stage: target };

let n = 0;
/** A public draft motion of the section, by the first signatory, with a named co-author from another section. */
function makeMotion(space: { id: string } = tree.section): PageRow {
  const row = makePage(users.firstSignatory, space, { title: `Motion ${++n}`, kind: 'motion', visibility: 'public', markdown: 'Exposé des motifs : les transports.\n\nDispositif : la gratuité des bus le dimanche.' });
  db().insert(pageStewards).values({ pageId: row.id, userId: users.coAuthor.id, addedBy: users.firstSignatory.id }).run();
  return row;
}

/** Brings a fresh motion to `stage` the way people do (the outcome of a vote as its poll would). */
function motionAt(stage: Stage): string {
  const id = makeMotion().id;
  const as = (role: Role, input: ChangeStageInput) => changeStage(viewer(role), id, input);
  if (stage === 'draft') return id;
  as('firstSignatory', { stage: 'filed' });
  if (stage === 'filed') return id;
  if (stage === 'withdrawn') return as('firstSignatory', { stage: 'withdrawn' }), id;
  if (stage === 'amendments') return as('secretary', inputFor('amendments')), id;
  as('secretary', inputFor('vote'));
  if (stage === 'vote') return id;
  db().transaction((tx) => recordStageChange(tx, id, stage, null, { note: 'test' }));
  return id;
}

type Outcome = 'ok' | number;

/** The hand-written table: who may ask what, at which stage. */
function expected(role: Role, stage: Stage, target: Target): Outcome {
  // A draft is read by its authors, the space's animators and site admins; later, the motion is public.
  const readable = stage !== 'draft' || ['firstSignatory', 'coAuthor', 'secretary', 'siteAdmin'].includes(role);
  if (!readable) return 404;
  const animator = role === 'secretary' || role === 'siteAdmin';
  const may: Record<Target, boolean> = {
    filed: role === 'firstSignatory',
    withdrawn: role === 'firstSignatory' || role === 'coAuthor',
    amendments: animator,
    vote: animator,
    closed: false, // a motion's amendments end with its vote, not by closing them
  };
  if (!may[target]) return role === 'anonymous' ? 401 : 403;
  const allowed: Record<Target, readonly Stage[]> = {
    filed: ['draft'],
    withdrawn: ['draft', 'filed', 'amendments'],
    amendments: ['filed'],
    vote: ['filed', 'amendments'],
    closed: [],
  };
  return allowed[target].includes(stage) ? 'ok' : 409;
}

function attempt(role: Role, id: string, target: Target): Outcome {
  try {
    const summary = changeStage(viewer(role), id, inputFor(target));
    return summary.stage === target ? 'ok' : -1;
  } catch (e) {
    if (isAppError(e)) return e.status;
    throw e;
  }
}

describe('changeStage: the transition matrix', () => {
  it('every stage × every stage asked for × every role: allowed, or refused with its exact status', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const stage of STAGES) {
      let shared: string | null = null; // refusals change nothing: one motion per stage serves them all
      for (const target of TARGETS) {
        for (const role of ROLES) {
          const want = expected(role, stage, target);
          const id = want === 'ok' ? motionAt(stage) : (shared ??= motionAt(stage));
          const got = attempt(role, id, target);
          checked++;
          if (got !== want) mismatches.push(`${role} ${stage} → ${target}: got ${got}, want ${want}`);
        }
      }
    }
    expect(checked).toBe(STAGES.length * TARGETS.length * ROLES.length);
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('adopted, rejected and draft are never asked for: 400 naming stage, whoever asks', () => {
    const id = motionAt('filed');
    for (const stage of ['adopted', 'rejected', 'draft', 'vote!']) {
      for (const role of ['firstSignatory', 'secretary', 'siteAdmin'] as const) expectAppError(() => changeStage(viewer(role), id, { stage } as unknown as ChangeStageInput), 'invalid_input', 'stage');
    }
    expect(getDeliberation(id)!.stage).toBe('filed');
  });

  it('a stage refusal says why (409 with its reason)', () => {
    const id = motionAt('adopted');
    let thrown: unknown;
    try {
      changeStage(viewer('firstSignatory'), id, { stage: 'withdrawn' });
    } catch (e) {
      thrown = e;
    }
    expect(isAppError(thrown) && thrown.code).toBe('conflict');
    expect((thrown as Error).message).toBe('A motion can be withdrawn only before its vote.');
    expect((thrown as { detail?: { key: string } }).detail?.key).toBe('stage_too_late_to_withdraw');
  });
});

describe('changeStage: input', () => {
  it('names the faulty field', () => {
    const filed = motionAt('filed');
    const secretary = viewer('secretary');
    expectAppError(() => changeStage(secretary, filed, { stage: 'amendments' }), 'invalid_input', 'deadline');
    expectAppError(() => changeStage(secretary, filed, { stage: 'amendments', deadline: new Date(Date.now() - 60_000).toISOString() }), 'invalid_input', 'deadline');
    expectAppError(() => changeStage(secretary, filed, { stage: 'amendments', deadline: 'demain' }), 'invalid_input', 'deadline');
    expectAppError(() => changeStage(secretary, filed, { stage: 'vote' }), 'invalid_input', 'closesAt');
    expectAppError(() => changeStage(secretary, filed, { stage: 'vote', closesAt: new Date(Date.now() - 1).toISOString() }), 'invalid_input', 'closesAt');
    expectAppError(() => changeStage(secretary, filed, { stage: 'vote', closesAt: later().toISOString(), quorum: 101 }), 'invalid_input', 'quorum');
    expectAppError(() => changeStage(secretary, filed, { stage: 'vote', closesAt: later().toISOString(), quorum: -1 }), 'invalid_input', 'quorum');
    expectAppError(() => changeStage(secretary, filed, { stage: 'vote', closesAt: later().toISOString(), majority: 'absolute' as 'simple' }), 'invalid_input', 'majority');
    expect(getDeliberation(filed)!.stage).toBe('filed');
    expect(db().select().from(polls).where(eq(polls.pageId, filed)).all()).toEqual([]);
  });
});

describe('a motion from its creation to its vote', () => {
  it('starts as a draft with its deliberation row; a published motion cannot be created, nor published but by filing', () => {
    const row = makeMotion();
    expect(row.status).toBe('draft');
    expect(getDeliberation(row.id)).toMatchObject({ procedure: 'motion', stage: 'draft', requiredSignatures: 0, lineMap: null });
    expectAppError(() => makePage(users.firstSignatory, tree.section, { kind: 'motion', status: 'published' }), 'invalid_input', 'status');
    // Refused by the policy (publish on a motion) or by updatePage (a motion's status follows its stage).
    expect(() => updatePage(viewer('firstSignatory'), row.id, { status: 'published' })).toThrow(/not allowed|filing/);
    expect(loadPage(row.id).row.status).toBe('draft');
    const filed = motionAt('filed');
    expectAppError(() => updatePage(viewer('firstSignatory'), filed, { status: 'draft' }), 'conflict', 'status');
    expect(loadPage(filed).row.status).toBe('published');
  });

  it('filing publishes it (visibility kept), freezes « Motion déposée », copies the space’s signature settings and numbers its lines', () => {
    db().update(spaces).set({ motionSignatures: 3, motionSections: 2 }).where(eq(spaces.id, tree.federation.id)).run();
    const federal = makeUser({ name: 'Secrétaire fédéral' });
    addMembership(federal, tree.federation, 'secretary');
    const row = makePage(federal, tree.federation, { title: 'Motion fédérale', kind: 'motion', visibility: 'members', markdown: 'Un texte assez long pour tenir sur plusieurs lignes de quatre-vingts caractères, puisque nous voulons vérifier la numérotation des lignes.' });
    const summary = changeStage(viewerOf(federal), row.id, { stage: 'filed' });
    expect(summary.stage).toBe('filed');
    const page = loadPage(row.id).row;
    expect(page).toMatchObject({ status: 'published', visibility: 'members' });
    const d = getDeliberation(row.id)!;
    expect(d).toMatchObject({ stage: 'filed', requiredSignatures: 3, requiredSections: 2 });
    const version = db().select().from(pageVersions).where(eq(pageVersions.id, d.filedVersionId!)).get()!;
    expect(version).toMatchObject({ name: FILED_VERSION_NAME, kind: 'published', pageId: row.id });
    expect(page.publishedVersionId).toBe(version.id);
    expect(version.text).toContain('numérotation des lignes');
    expect(isLineMap(d.lineMap)).toBe(true);
    expect(d.lineMap).toMatchObject({ stage: 'filed' });
    expect((d.lineMap as { lines: unknown[] }).lines.length).toBeGreaterThan(1);
    expect(summary.settings).toEqual({ requiredSignatures: 3, requiredSections: 2 });
    expect(summary.timeline!.map((e) => [e.from, e.to, e.byName])).toEqual([
      [null, 'draft', 'Secrétaire fédéral'],
      ['draft', 'filed', 'Secrétaire fédéral'],
    ]);
  });

  it('amendments and the vote open only once the signatures are there, saying how many are missing', () => {
    const t = makeTree('Signatures');
    db().update(spaces).set({ motionSignatures: 3, motionSections: 2 }).where(eq(spaces.id, t.section.id)).run();
    const [author, neighbour, colmar, secretary] = [makeUser(), makeUser(), makeUser(), makeUser()];
    addMembership(author, t.section);
    addMembership(neighbour, t.section);
    addMembership(colmar, t.otherSection);
    addMembership(secretary, t.section, 'secretary');
    const id = makePage(author, t.section, { title: 'Motion signée', kind: 'motion', visibility: 'members' }).id;
    changeStage(viewerOf(author), id, { stage: 'filed' });
    const open = () => changeStage(viewerOf(secretary), id, inputFor('amendments'));
    const vote = () => changeStage(viewerOf(secretary), id, inputFor('vote'));
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isAppError(e) ? `${e.status} ${e.message}` : String(e);
      }
      return 'allowed';
    };
    expect(refusal(open)).toBe('409 This motion needs 3 more signatures (0 of 3) and signatures from 2 more sections (0 of 2) first.');
    signMotion(viewerOf(author), id);
    signMotion(viewerOf(neighbour), id);
    expect(refusal(open)).toBe('409 This motion needs 1 more signature (2 of 3) and signatures from 1 more section (1 of 2) first.');
    expect(refusal(vote)).toBe('409 This motion needs 1 more signature (2 of 3) and signatures from 1 more section (1 of 2) first.');
    signMotion(viewerOf(colmar), id);
    expect(open().stage).toBe('amendments');
    const d = getDeliberation(id)!;
    expect(d.amendmentsCloseAt!.getTime()).toBeGreaterThan(Date.now());
    expect(d.lineMap).toMatchObject({ stage: 'amendments' });
    const job = db().select().from(jobs).where(eq(jobs.queue, AMENDMENTS_DEADLINE_QUEUE)).all().find((j) => (j.payload as { pageId: string }).pageId === id)!;
    expect(job).toMatchObject({ status: 'pending', dedupeKey: `${AMENDMENTS_DEADLINE_QUEUE}:${id}:${d.amendmentsCloseAt!.getTime()}` });
    expect(job.runAt.getTime()).toBe(d.amendmentsCloseAt!.getTime());
  });

  it('opening the vote opens the motion’s poll of the space’s members, in the same step', () => {
    const id = motionAt('amendments');
    const closesAt = later(72);
    const summary = changeStage(viewer('siteAdmin'), id, { stage: 'vote', closesAt: closesAt.toISOString(), quorum: 25, majority: 'two_thirds' });
    expect(summary.stage).toBe('vote');
    const poll = db().select().from(polls).where(and(eq(polls.pageId, id), eq(polls.subject, 'motion'))).get()!;
    expect(poll).toMatchObject({ spaceId: tree.section.id, status: 'open', quorumPercent: 25, majority: 'two_thirds', openedBy: users.siteAdmin.id });
    expect(poll.closesAt.getTime()).toBe(closesAt.getTime());
    const voters = db().select({ userId: pollVoters.userId }).from(pollVoters).where(eq(pollVoters.pollId, poll.id)).all().map((v) => v.userId).sort();
    expect(voters).toEqual([users.firstSignatory.id, users.otherMember.id, users.secretary.id].sort());
    expect(summary.poll).toMatchObject({ id: poll.id, quorumPercent: 25, majority: 'two_thirds' });
    expect(summary.deadlines!.voteClosesAt!.getTime()).toBe(closesAt.getTime());
    expect(getDeliberation(id)!.lineMap).toMatchObject({ stage: 'vote' });
  });

  it('the summary shows the timeline’s names to party members only, counts to all', () => {
    const id = motionAt('filed');
    signMotion(viewer('otherMember'), id);
    const forMember = motionSummary(viewer('otherMember'), id);
    const forCitizen = motionSummary(viewer('citizen'), id);
    const forAnonymous = motionSummary(null, id);
    expect(forMember.timeline!.map((e) => e.byName)).toEqual(['Première signataire', 'Première signataire']);
    expect(forCitizen.timeline!.map((e) => e.byName)).toEqual([null, null]);
    expect(forAnonymous.timeline!.map((e) => e.to)).toEqual(['draft', 'filed']);
    for (const s of [forMember, forCitizen, forAnonymous]) expect(s.signatures).toMatchObject({ count: 1, sections: 1, requirementMet: true });
    expect(forMember.mySignature).toEqual({ signed: true, textChanged: false });
    expect(forCitizen.mySignature).toBeNull();
    expect(forMember.abilities).toMatchObject({ sign: true, openAmendments: false, withdraw: false });
    expect(motionSummary(viewer('secretary'), id).abilities).toMatchObject({ openAmendments: true, openVote: true, sign: true });
    expect(forCitizen.abilities.sign).toBe(false);
  });
});

describe('a chapter opened for amendments', () => {
  it('is opened and closed by its space’s animators only, opened again from closed', () => {
    const chapter = makePage(users.otherMember, tree.section, { title: 'Programme : chapitre transports', visibility: 'members', status: 'published', markdown: 'Nous voulons des bus.' });
    expectAppError(() => changeStage(viewer('otherMember'), chapter.id, { stage: 'amendments' }), 'forbidden');
    expectAppError(() => changeStage(viewer('otherSecretary'), chapter.id, { stage: 'amendments' }), 'forbidden');
    expectAppError(() => changeStage(viewer('citizen'), chapter.id, { stage: 'amendments' }), 'not_found');
    expectAppError(() => changeStage(viewer('secretary'), chapter.id, { stage: 'closed' }), 'forbidden');
    expectAppError(() => changeStage(viewer('secretary'), chapter.id, { stage: 'filed' }), 'forbidden');
    const deadline = later(10);
    expect(changeStage(viewer('secretary'), chapter.id, { stage: 'amendments', deadline: deadline.toISOString() })).toMatchObject({ procedure: 'chapter', stage: 'amendments' });
    expect(getDeliberation(chapter.id)!.amendmentsCloseAt!.getTime()).toBe(deadline.getTime());
    expectAppError(() => changeStage(viewer('secretary'), chapter.id, { stage: 'amendments' }), 'conflict');
    expectAppError(() => changeStage(viewer('secretary'), chapter.id, { stage: 'vote', closesAt: later().toISOString() }), 'forbidden');
    expectAppError(() => changeStage(viewer('otherMember'), chapter.id, { stage: 'closed' }), 'forbidden');
    expect(changeStage(viewer('siteAdmin'), chapter.id, { stage: 'closed' }).stage).toBe('closed');
    expectAppError(() => changeStage(viewer('secretary'), chapter.id, { stage: 'closed' }), 'conflict');
    // Opened again, without a deadline this time.
    expect(changeStage(viewer('secretary'), chapter.id, { stage: 'amendments' }).stage).toBe('amendments');
    expect(getDeliberation(chapter.id)!.amendmentsCloseAt).toBeNull();
    expect(motionSummary(viewer('otherMember'), chapter.id).timeline!.map((e) => e.to)).toEqual(['amendments', 'closed', 'amendments']);
  });
});

describe('who writes the text', () => {
  it('a draft motion only by its authors (websocket edit), read-only for the animators; after filing nobody edits', () => {
    const id = makeMotion().id;
    const access = () => Object.fromEntries(ROLES.map((r) => [r, liveDocumentAccess(viewer(r), loadPage(id).ref)]));
    expect(access()).toEqual({
      firstSignatory: 'edit',
      coAuthor: 'edit',
      otherMember: null,
      secretary: 'read',
      otherSecretary: null,
      citizen: null,
      anonymous: null,
      siteAdmin: 'read',
    });
    // The space's rules do not matter: a member of the section who can read it (members visibility) still only reads.
    expectAppError(() => updatePage(viewer('secretary'), id, { title: 'Repris par la secrétaire' }), 'forbidden');
    changeStage(viewer('firstSignatory'), id, { stage: 'filed' });
    expect(access()).toEqual({
      firstSignatory: 'read',
      coAuthor: 'read',
      otherMember: 'read',
      secretary: 'read',
      otherSecretary: 'read',
      citizen: null, // citizens read the published version, never the live document
      anonymous: null,
      siteAdmin: 'read',
    });
    expectAppError(() => updatePage(viewer('firstSignatory'), id, { title: 'Changé après dépôt' }), 'forbidden');
    expect(db().select({ stage: deliberations.stage }).from(deliberations).where(eq(deliberations.pageId, id)).get()!.stage).toBe('filed');
    expect(db().select({ title: pages.title }).from(pages).where(eq(pages.id, id)).get()!.title).not.toBe('Changé après dépôt');
  });
});
