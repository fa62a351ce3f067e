/**
 * Amendments in the domain: proposing on the live text (quote, occurrence, wording, deadline),
 * listing with the passage as it is now, grouping rival passages, supports by section,
 * withdrawing, deciding (accept into the text, conflicts, rivals made obsolete, reject, modified
 * adoption), the merge session. Real SQLite; the concurrent-editing cases are in
 * amendment-live.test.ts with real websocket clients.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { pageAuthors, pageStewards, pageVersions, polls } from '@/db/schema';
import { liveDocState } from '@/server/documents/live-state';
import { docOfState, bodyPositions } from '@/server/documents/anchors';
import { writeDocument } from '@/server/pages/write-document';
import { applyMarkdown, yStateToJSON } from '@/server/pages/body';
import { expectAppError } from '@/test/factories';
import { viewerOf } from '@/app/api/v1/test-helpers';
import { loadPage } from '@/server/pages/load-page';
import {
  acceptAmendment,
  amendmentsFirstScreen,
  answerModification,
  closeMergeSession,
  listAmendmentGroups,
  listAmendments,
  mergeSession,
  proposeAmendment,
  proposeModification,
  rejectAmendment,
  supportAmendment,
  unsupportAmendment,
  withdrawAmendment,
  putAmendmentToVote,
  putPassageToVote,
  acceptAmendmentByVote,
  rejectAmendmentByVote,
} from './amendment-service';
import { amendmentWorld, freezeLines, setDeadline, setStage, textOpenForAmendments } from './test-world';

const MOTION = 'Nous voulons des cantines bio dans chaque commune.\n\nLes cantines bio coûtent moins cher que les autres.\n\nLa section suit les achats.';

const w = amendmentWorld();
const { t, author, amender, colmar, citizen, secretary } = w;
const [vAuthor, vAmender, vColmar, vCitizen, vSecretary] = [viewerOf(author), viewerOf(amender), viewerOf(colmar), viewerOf(citizen), viewerOf(secretary)];

const liveText = (pageId: string) => {
  const doc = docOfState(liveDocState(pageId));
  const { text } = bodyPositions(doc);
  doc.destroy();
  return text;
};
const newMotion = () => textOpenForAmendments(author, t.section.id, MOTION);

describe('proposing an amendment', () => {
  it('anchors it on the chosen occurrence, numbers it per page and names the amender’s section', () => {
    const page = newMotion();
    const a1 = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', occurrence: 2, op: 'replace', replacement: 'cantines locales', justification: 'Le local compte.' });
    const a2 = proposeAmendment(vColmar, page.id, { quote: 'La section suit', op: 'delete', justification: '' });
    expect(a1).toMatchObject({ number: 1, op: 'replace', quote: 'cantines bio', replacement: 'cantines locales', status: 'open', groupId: a1.id, lineFrom: null, lineTo: null });
    expect(a1.section).toEqual({ id: t.section.id, name: t.section.name });
    expect(a1.author?.id).toBe(amender.id);
    expect(a1.passage).toMatchObject({ status: 'current', text: 'cantines bio' });
    const text = liveText(page.id);
    expect(a1.passage).toMatchObject({ from: text.lastIndexOf('cantines bio') });
    expect(a2).toMatchObject({ number: 2, section: { id: t.otherSection.id }, replacement: '' });
  });

  it('cites the lines of the stage’s frozen numbering the passage spans', () => {
    const page = newMotion();
    freezeLines(page.id, 20);
    const a = proposeAmendment(vAmender, page.id, { quote: 'Les cantines bio coûtent moins cher', op: 'delete' });
    // 20 characters a line: « Nous voulons des », « cantines bio dans », « chaque commune. », then « Les cantines bio »…
    expect(a).toMatchObject({ lineFrom: 4, lineTo: 5 });
    expect(listAmendments(vAuthor, page.id)[0]).toMatchObject({ lineFrom: 4, lineTo: 5 });
  });

  it('refuses words that are not in the text, an occurrence beyond the last, and a missing wording, naming the field', () => {
    const page = newMotion();
    expectAppError(() => proposeAmendment(vAmender, page.id, { quote: 'cantines végétales', op: 'delete' }), 'invalid_input', 'quote');
    expectAppError(() => proposeAmendment(vAmender, page.id, { quote: 'cantines bio', occurrence: 3, op: 'delete' }), 'invalid_input', 'occurrence');
    expectAppError(() => proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'replace', replacement: '  ' }), 'invalid_input', 'replacement');
    expectAppError(() => proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'insert_after' }), 'invalid_input', 'replacement');
    expect(listAmendments(vAmender, page.id)).toEqual([]);
  });

  it('is refused after the deadline (409), outside the amendments stage (409), to citizens (404 on a members text)', () => {
    const page = newMotion();
    setDeadline(page.id, new Date(Date.now() - 1000));
    expect(() => proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'delete' })).toThrow('The deadline for amendments has passed.');
    expectAppError(() => proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'delete' }), 'conflict');
    setStage(page.id, 'motion', 'filed');
    expectAppError(() => proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'delete' }), 'conflict');
    setStage(page.id, 'motion', 'amendments');
    expectAppError(() => proposeAmendment(vCitizen, page.id, { quote: 'cantines bio', op: 'delete' }), 'not_found');
  });

  it('groups amendments on overlapping passages with the first one, and not those elsewhere', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'des cantines bio dans', op: 'replace', replacement: 'des repas bio dans' });
    const b = proposeAmendment(vColmar, page.id, { quote: 'bio dans chaque commune', op: 'replace', replacement: 'bio dans chaque école' });
    const c = proposeAmendment(vColmar, page.id, { quote: 'coûtent moins cher', op: 'delete' });
    expect(b.groupId).toBe(a.id);
    expect(c.groupId).toBe(c.id);
    const groups = listAmendmentGroups(vAuthor, page.id);
    expect(groups.map((g) => g.amendments.map((x) => x.number))).toEqual([[1, 2], [3]]);
  });
});

describe('reading amendments', () => {
  it('names the amender to party members only; citizens see the section, never the live passage', () => {
    const page = textOpenForAmendments(author, t.section.id, MOTION, 'motion', 'public');
    proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'replace', replacement: 'repas bio' });
    const [forCitizen] = listAmendments(vCitizen, page.id);
    expect(forCitizen!.author).toBeNull();
    expect(forCitizen!.section?.name).toBe(t.section.name);
    expect(forCitizen!.passage).toBeNull();
    expect(listAmendments(vColmar, page.id)[0]!.author?.id).toBe(amender.id);
    expectAppError(() => listAmendments(null, newMotion().id), 'not_found');
  });

  it('filters by status and section, and shows a changed passage with its old quote', () => {
    const page = textOpenForAmendments(secretary, t.section.id, MOTION, 'chapter');
    const a = proposeAmendment(vAmender, page.id, { quote: 'coûtent moins cher', op: 'delete' });
    proposeAmendment(vColmar, page.id, { quote: 'La section suit', op: 'delete' });
    withdrawAmendment(vColmar, listAmendments(vColmar, page.id)[1]!.id);
    expect(listAmendments(vAuthor, page.id, { status: 'open' }).map((x) => x.id)).toEqual([a.id]);
    expect(listAmendments(vAuthor, page.id, { sectionId: t.otherSection.id }).map((x) => x.number)).toEqual([2]);
    writeDocument(page.id, secretary.id, (s) => applyMarkdown(s, MOTION.replace('coûtent moins cher', 'coûtent bien moins cher')));
    expect(listAmendments(vAuthor, page.id, { status: 'open' })[0]!.passage).toMatchObject({ status: 'changed', text: 'coûtent bien moins cher', quote: 'coûtent moins cher' });
  });
});

describe('the first screen of a long list', () => {
  it('holds the first passages in text order (rivals together) with the whole list’s counts and sections', () => {
    const page = newMotion();
    // Proposed from the end of the text to its beginning: numbers and text order disagree.
    const last = proposeAmendment(vAmender, page.id, { quote: 'La section suit', op: 'delete' });
    const middle = proposeAmendment(vColmar, page.id, { quote: 'coûtent moins cher', op: 'delete' });
    const first = proposeAmendment(vAmender, page.id, { quote: 'des cantines bio dans', op: 'replace', replacement: 'des repas bio dans' });
    const rival = proposeAmendment(vColmar, page.id, { quote: 'bio dans chaque commune', op: 'replace', replacement: 'bio dans chaque école' });
    withdrawAmendment(vAmender, last.id);
    const screen = amendmentsFirstScreen(vAuthor, loadPage(page.id), { groups: 2 });
    expect(screen.amendments.map((a) => a.id)).toEqual([middle.id, first.id, rival.id]);
    expect(screen.amendments.find((a) => a.id === rival.id)!.passage).toMatchObject({ status: 'current', text: 'bio dans chaque commune' });
    expect(screen).toMatchObject({ total: 4, pending: 3, complete: false });
    expect(screen.sections.map((s) => s.id).sort()).toEqual([t.section.id, t.otherSection.id].sort());
    expect(amendmentsFirstScreen(vAuthor, loadPage(page.id), { groups: 3 })).toMatchObject({ complete: true, total: 4 });
    // The same rule as the list: citizens never get the live passage.
    const open = textOpenForAmendments(author, t.section.id, MOTION, 'motion', 'public');
    proposeAmendment(vAmender, open.id, { quote: 'cantines bio', op: 'replace', replacement: 'repas bio' });
    expect(amendmentsFirstScreen(vCitizen, loadPage(open.id), { groups: 1 }).amendments[0]!.passage).toBeNull();
    expectAppError(() => amendmentsFirstScreen(null, loadPage(page.id), { groups: 1 }), 'not_found');
  });
});

describe('supports and withdrawal', () => {
  it('counts supports by section, once per member, and shows the viewer’s own', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'delete' });
    supportAmendment(vColmar, a.id);
    supportAmendment(vColmar, a.id);
    supportAmendment(vAuthor, a.id);
    const seen = supportAmendment(vAmender, a.id);
    expect(seen.supports.total).toBe(3);
    expect(seen.supports.mine).toBe(true);
    expect(Object.fromEntries(seen.supports.bySection.map((s) => [s.name, s.count]))).toEqual({ [t.section.name]: 2, [t.otherSection.name]: 1 });
    const after = unsupportAmendment(vColmar, a.id);
    expect(after.supports.total).toBe(2);
    expect(after.supports.mine).toBe(false);
    expect(after.abilities.support).toBe(true);
    expectAppError(() => supportAmendment(vCitizen, a.id), 'not_found');
  });

  it('lets only the amender withdraw, while it waits for a decision', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'delete' });
    expect(a.abilities.withdraw).toBe(true);
    expectAppError(() => withdrawAmendment(vColmar, a.id), 'forbidden');
    expect(withdrawAmendment(vAmender, a.id).status).toBe('withdrawn');
    expectAppError(() => withdrawAmendment(vAmender, a.id), 'conflict');
    expectAppError(() => supportAmendment(vColmar, a.id), 'conflict');
  });
});

describe('deciding', () => {
  it('accepting applies the change to the text, names the amender co-author and saves a named version', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', occurrence: 2, op: 'replace', replacement: 'cantines locales' });
    expectAppError(() => acceptAmendment(vColmar, a.id), 'forbidden');
    expect(a.abilities.decide).toBe(false);
    const done = acceptAmendment(vAuthor, a.id);
    expect(done.status).toBe('accepted');
    expect(liveText(page.id)).toBe(MOTION.replace('Les cantines bio', 'Les cantines locales'));
    expect(db().select().from(pageStewards).where(and(eq(pageStewards.pageId, page.id), eq(pageStewards.userId, amender.id))).get()).toMatchObject({ addedBy: author.id });
    expect(db().select({ name: pageVersions.name }).from(pageVersions).where(eq(pageVersions.pageId, page.id)).all().map((v) => v.name)).toContain('Amendement n° 1 accepté');
    expectAppError(() => acceptAmendment(vAuthor, a.id), 'conflict');
  });

  it('an amender whose words a chapter takes is credited as its author, without steering the page', () => {
    const page = textOpenForAmendments(secretary, t.section.id, 'Chaque école a une cantine publique.', 'chapter');
    const a = proposeAmendment(vAmender, page.id, { quote: 'Chaque école', op: 'replace', replacement: 'Chaque école et chaque crèche' });
    acceptAmendment(vSecretary, a.id);
    expect(db().select().from(pageAuthors).where(and(eq(pageAuthors.pageId, page.id), eq(pageAuthors.userId, amender.id))).get()).toBeTruthy();
    expect(db().select().from(pageStewards).where(and(eq(pageStewards.pageId, page.id), eq(pageStewards.userId, amender.id))).get()).toBeUndefined();
  });

  it('deletes and inserts after the passage', () => {
    const page = newMotion();
    const del = proposeAmendment(vAmender, page.id, { quote: ' que les autres', op: 'delete' });
    const ins = proposeAmendment(vAmender, page.id, { quote: 'La section suit les achats.', op: 'insert_after', replacement: ' Elle publie un bilan.' });
    acceptAmendment(vAuthor, del.id);
    acceptAmendment(vAuthor, ins.id);
    expect(liveText(page.id)).toBe('Nous voulons des cantines bio dans chaque commune.\n\nLes cantines bio coûtent moins cher.\n\nLa section suit les achats. Elle publie un bilan.');
  });

  it('keeps the marks of the words it replaces, writes new paragraphs for line breaks, and joins the paragraphs a deleted passage spanned', () => {
    const page = textOpenForAmendments(author, t.section.id, 'Nous voulons des **cantines bio** partout.\n\nDeuxième.\n\nTroisième paragraphe.\n\nQuatrième paragraphe.');
    const bold = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'replace', replacement: 'repas locaux' });
    const lines = proposeAmendment(vAmender, page.id, { quote: 'Deuxième.', op: 'insert_after', replacement: ' Suite.\nNouvel article.' });
    const across = proposeAmendment(vAmender, page.id, { quote: 'paragraphe.\n\nQuatrième', op: 'replace', replacement: 'et' });
    for (const a of [bold, lines, across]) acceptAmendment(vAuthor, a.id);
    expect(liveText(page.id)).toBe('Nous voulons des repas locaux partout.\n\nDeuxième. Suite.\n\nNouvel article.\n\nTroisième et paragraphe.');
    const json = yStateToJSON(liveDocState(page.id));
    expect(json.content![0]!.content).toContainEqual({ type: 'text', text: 'repas locaux', marks: [{ type: 'bold', attrs: {} }] });
  });

  it('a changed passage is a conflict (409 with the words as they read now), then applied with the decider’s adjusted wording', () => {
    const page = textOpenForAmendments(secretary, t.section.id, MOTION, 'chapter');
    const a = proposeAmendment(vAmender, page.id, { quote: 'coûtent moins cher', op: 'replace', replacement: 'coûtent autant' });
    writeDocument(page.id, secretary.id, (s) => applyMarkdown(s, MOTION.replace('coûtent moins cher', 'coûtent un peu moins cher')));
    let conflict: unknown;
    try {
      acceptAmendment(vSecretary, a.id);
    } catch (e) {
      conflict = e;
    }
    expect(conflict).toMatchObject({ code: 'conflict', passage: { status: 'changed', text: 'coûtent un peu moins cher', quote: 'coûtent moins cher' } });
    expect(liveText(page.id)).toContain('coûtent un peu moins cher');
    expect(listAmendments(vSecretary, page.id)[0]!.status).toBe('open');
    acceptAmendment(vSecretary, a.id, { replacement: 'coûtent à peine plus' });
    expect(liveText(page.id)).toContain('Les cantines bio coûtent à peine plus que les autres.');
  });

  it('accepting one rival makes those whose passage is gone obsolete, and leaves those that still apply open', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'des cantines bio dans chaque commune', op: 'replace', replacement: 'des repas locaux partout' });
    const b = proposeAmendment(vColmar, page.id, { quote: 'bio dans chaque', op: 'replace', replacement: 'bio dans toute' });
    const c = proposeAmendment(vColmar, page.id, { quote: 'Nous voulons des', op: 'replace', replacement: 'Nous exigeons des' });
    expect([b.groupId, c.groupId]).toEqual([a.id, a.id]);
    acceptAmendment(vAuthor, a.id);
    const byNumber = Object.fromEntries(listAmendments(vAuthor, page.id).map((x) => [x.number, x.status]));
    expect(byNumber).toEqual({ 1: 'accepted', 2: 'obsolete', 3: 'open' });
    acceptAmendment(vAuthor, c.id);
    expect(liveText(page.id)).toMatch(/^Nous exigeons des repas locaux partout\./);
  });

  it('rejecting needs a reason', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'delete' });
    expectAppError(() => rejectAmendment(vAuthor, a.id, { reason: ' ' }), 'invalid_input', 'reason');
    expect(rejectAmendment(vAuthor, a.id, { reason: 'Hors sujet.' })).toMatchObject({ status: 'rejected', decisionNote: 'Hors sujet.' });
    expect(liveText(page.id)).toBe(MOTION);
  });

  it('modified adoption: accepted by the amender applies the new wording; declined, the amendment is open again', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'chaque commune', op: 'replace', replacement: 'chaque école' });
    const b = proposeAmendment(vAmender, page.id, { quote: 'La section suit', op: 'replace', replacement: 'Le groupe suit' });
    expectAppError(() => proposeModification(vAmender, a.id, { replacement: 'x' }), 'forbidden');
    const m = proposeModification(vAuthor, a.id, { replacement: 'chaque école et chaque crèche' });
    expect(m).toMatchObject({ status: 'modified', modifiedReplacement: 'chaque école et chaque crèche' });
    expect(m.abilities.answerModification).toBe(false); // the decider is not the amender
    expectAppError(() => answerModification(vAuthor, a.id, true), 'forbidden');
    expect(answerModification(vAmender, a.id, true).status).toBe('accepted');
    expect(liveText(page.id)).toContain('dans chaque école et chaque crèche.');
    proposeModification(vAuthor, b.id, { replacement: 'Le bureau suit' });
    const declined = answerModification(vAmender, b.id, false);
    expect(declined).toMatchObject({ status: 'open', modifiedReplacement: null });
    expect(declined.decisionNote).toMatch(/déclinée/);
    expect(liveText(page.id)).toContain('La section suit');
  });

  it('puts one amendment to the vote (voting, a poll of the space), and applies the vote’s outcome', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'chaque commune', op: 'replace', replacement: 'chaque ville' });
    const b = proposeAmendment(vAmender, page.id, { quote: 'La section suit', op: 'delete' });
    const closesAt = new Date(Date.now() + 86_400_000);
    expectAppError(() => putAmendmentToVote(vColmar, a.id, { closesAt }), 'forbidden');
    expectAppError(() => putAmendmentToVote(vAuthor, a.id, { closesAt: new Date(Date.now() - 1000) }), 'invalid_input', 'closesAt');
    expect(listAmendments(vAuthor, page.id)[0]!.status).toBe('open'); // nothing half done
    const { amendment, pollId } = putAmendmentToVote(vAuthor, a.id, { closesAt, quorum: 10, majority: 'two_thirds' });
    expect(amendment.status).toBe('voting');
    expect(db().select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ subject: 'amendment', amendmentId: a.id, spaceId: t.section.id, quorumPercent: 10, majority: 'two_thirds' });
    expectAppError(() => acceptAmendment(vAuthor, a.id), 'conflict');
    expect(acceptAmendmentByVote(a.id)).toBe('accepted');
    expect(liveText(page.id)).toContain('dans chaque ville.');
    putAmendmentToVote(vAuthor, b.id, { closesAt });
    db().transaction((tx) => rejectAmendmentByVote(tx, b.id));
    expect(listAmendments(vAuthor, page.id).map((x) => x.status)).toEqual(['accepted', 'rejected']);
    expect(liveText(page.id)).toContain('La section suit');
  });

  it('a vote that adopts an amendment whose passage changed sends it back to the deciders', () => {
    const page = textOpenForAmendments(secretary, t.section.id, MOTION, 'chapter');
    const a = proposeAmendment(vAmender, page.id, { quote: 'coûtent moins cher', op: 'replace', replacement: 'coûtent autant' });
    putAmendmentToVote(vSecretary, a.id, { closesAt: new Date(Date.now() + 60_000) });
    writeDocument(page.id, secretary.id, (st) => applyMarkdown(st, MOTION.replace('coûtent moins cher', 'coûtent un peu moins cher')));
    expect(acceptAmendmentByVote(a.id)).toBe('conflict');
    expect(listAmendments(vSecretary, page.id)[0]).toMatchObject({ status: 'open', decisionNote: expect.stringMatching(/passage a changé/) });
    expect(liveText(page.id)).toContain('coûtent un peu moins cher');
  });

  it('puts a passage’s rival wordings to one ranked vote, with the current wording as a choice', () => {
    const page = newMotion();
    const a = proposeAmendment(vAmender, page.id, { quote: 'cantines bio dans', op: 'replace', replacement: 'repas bio dans' });
    const b = proposeAmendment(vColmar, page.id, { quote: 'bio dans chaque', op: 'replace', replacement: 'bio dans toute' });
    const { amendments: voted, pollId } = putPassageToVote(vAuthor, a.groupId, { closesAt: new Date(Date.now() + 60_000) });
    expect(voted.map((x) => [x.id, x.status])).toEqual([[a.id, 'voting'], [b.id, 'voting']]);
    const poll = db().select().from(polls).where(eq(polls.id, pollId)).get()!;
    expect(poll).toMatchObject({ subject: 'passage', groupId: a.id });
    expect(poll.options).toEqual([
      { id: a.id, label: 'Amendement n° 1', amendmentId: a.id },
      { id: b.id, label: 'Amendement n° 2', amendmentId: b.id },
      { id: 'current', label: 'Rédaction actuelle', amendmentId: null },
    ]);
    expectAppError(() => putPassageToVote(vAuthor, a.groupId, { closesAt: new Date(Date.now() + 60_000) }), 'conflict');
  });

  it('the merge session lists pending amendments passage by passage in text order, and closes with a named version', () => {
    const page = newMotion();
    const late = proposeAmendment(vAmender, page.id, { quote: 'La section suit', op: 'delete' });
    const early = proposeAmendment(vColmar, page.id, { quote: 'Nous voulons', op: 'replace', replacement: 'Nous exigeons' });
    const rival = proposeAmendment(vAmender, page.id, { quote: 'voulons des', op: 'replace', replacement: 'souhaitons des' });
    const gone = proposeAmendment(vAmender, page.id, { quote: 'coûtent moins cher', op: 'delete' });
    rejectAmendment(vAuthor, gone.id, { reason: 'Non.' });
    expectAppError(() => mergeSession(vAmender, page.id), 'forbidden');
    const session = mergeSession(vAuthor, page.id);
    expect(session.groups.map((g) => g.amendments.map((x) => x.id))).toEqual([[early.id, rival.id], [late.id]]);
    expect(session.pending).toBe(3);
    acceptAmendment(vAuthor, early.id);
    expect(mergeSession(vAuthor, page.id).groups.map((g) => g.amendments.map((x) => x.id))).toEqual([[late.id]]);
    const v = closeMergeSession(vAuthor, page.id, { versionName: 'Après la séance de fusion' });
    expect(v.name).toBe('Après la séance de fusion');
    expectAppError(() => closeMergeSession(vAuthor, page.id, { versionName: '' }), 'invalid_input', 'versionName');
  });
});
