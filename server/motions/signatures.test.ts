/**
 * Signatures across sections: who signs and when, the counts and sections reached, names grouped
 * by section for party members only, and a signatory asked again when an accepted change
 * altered the text since they signed (the diff since, confirm or withdraw).
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { motionSignatures, spaces } from '@/db/schema';
import { BODY_FRAGMENT } from '@/lib/editor/extensions';
import { transactDocument } from '@/server/documents/transact';
import { liveDocState } from '@/server/documents/live-state';
import { derivePage } from '@/server/pages/derive';
import { addMembership, expectAppError, makePage, makeTree, makeUser, viewerOf, type UserRow } from '@/test/factories';
import { changeStage, motionSummary } from './motion-service';
import { confirmSignature, listSignatures, signatureChange, signMotion, unsignMotion } from './signatures';

const tree = makeTree('Signatures');
const thirdSection = makeTree('Autre fédération').section;
db().update(spaces).set({ motionSignatures: 4, motionSections: 3 }).where(eq(spaces.id, tree.section.id)).run();

const author = makeUser({ name: 'Autrice' });
const neighbour = makeUser({ name: 'Voisine' });
const colmar = makeUser({ name: 'Colmarien' });
const faraway = makeUser({ name: 'Lointaine' });
const noSection = makeUser({ name: 'Sans section' });
const secretary = makeUser({ name: 'Secrétaire' });
const citizen = makeUser({ name: 'Citoyen', siteRole: 'citizen' });
addMembership(author, tree.section);
addMembership(neighbour, tree.section);
addMembership(colmar, tree.otherSection);
addMembership(faraway, thirdSection);
addMembership(secretary, tree.section, 'secretary');

const v = (u: UserRow | null) => viewerOf(u);
const later = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

function filedMotion(visibility: 'public' | 'members' = 'public'): string {
  const id = makePage(author, tree.section, { title: `Motion ${Math.random()}`, kind: 'motion', visibility, markdown: 'Nous demandons des bus gratuits le dimanche.' }).id;
  changeStage(v(author), id, { stage: 'filed' });
  return id;
}

/** An accepted amendment, as the server applies it: a targeted change of the live text, then derived. */
function applyChange(pageId: string, actor: UserRow, words: string): void {
  const { state } = transactDocument(pageId, actor.id, (doc) => {
    const paragraph = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length - 1, words);
  });
  derivePage(pageId, state, [actor.id]);
}

describe('signing a motion', () => {
  it('is for party members who read it, while it is filed; signing twice changes nothing', () => {
    const draft = makePage(author, tree.section, { title: 'Brouillon', kind: 'motion', visibility: 'public' }).id;
    expectAppError(() => signMotion(v(author), draft), 'conflict'); // a draft is not signed yet
    expectAppError(() => signMotion(v(neighbour), draft), 'not_found'); // nor read by others
    const id = filedMotion();
    expectAppError(() => signMotion(v(citizen), id), 'forbidden');
    expectAppError(() => signMotion(null, id), 'unauthorized');
    expect(signMotion(v(colmar), id)).toMatchObject({ count: 1, sections: 1 });
    expect(signMotion(v(colmar), id)).toMatchObject({ count: 1, sections: 1 });
    const members = makePage(author, tree.section, { title: 'Motion réservée', kind: 'motion', visibility: 'members' }).id;
    changeStage(v(author), members, { stage: 'filed' });
    expectAppError(() => signMotion(v(citizen), members), 'not_found');
    expect(signMotion(v(faraway), members).count).toBe(1);
  });

  it('counts signatures and the sections reached against the requirement; withdrawn while filed, not after', () => {
    const id = filedMotion();
    expect(signMotion(v(author), id)).toMatchObject({ count: 1, sections: 1, requiredSignatures: 4, requiredSections: 3, missingSignatures: 3, missingSections: 2, requirementMet: false });
    signMotion(v(neighbour), id);
    expect(signMotion(v(colmar), id)).toMatchObject({ count: 3, sections: 2, missingSignatures: 1, missingSections: 1 });
    // No section: the signature counts, the sections do not.
    expect(signMotion(v(noSection), id)).toMatchObject({ count: 4, sections: 2, missingSignatures: 0, missingSections: 1, requirementMet: false });
    expect(unsignMotion(v(noSection), id)).toMatchObject({ count: 3, sections: 2 });
    expect(signMotion(v(faraway), id)).toMatchObject({ count: 4, sections: 3, requirementMet: true });
    expect(db().select({ sectionId: motionSignatures.sectionId }).from(motionSignatures).where(eq(motionSignatures.userId, faraway.id)).get()!.sectionId).toBe(thirdSection.id);
    changeStage(v(secretary), id, { stage: 'amendments', deadline: later(24) });
    expectAppError(() => signMotion(v(secretary), id), 'conflict');
    expectAppError(() => unsignMotion(v(colmar), id), 'conflict'); // the text has not changed since they signed
    expect(motionSummary(null, id).signatures).toMatchObject({ count: 4, sections: 3, requirementMet: true });
  });
});

describe('who signed', () => {
  it('names grouped by section, largest first, to party members; outsiders get 404 (the counts stay public)', () => {
    const id = filedMotion();
    // One millisecond apart: signatures of the same instant are ordered by user id, which is random.
    const t0 = Date.now();
    [author, neighbour, colmar, faraway].forEach((u, i) => signMotion(v(u), id, new Date(t0 + i)));
    const list = listSignatures(v(colmar), id);
    expect(list.counts).toMatchObject({ count: 4, sections: 3 });
    expect(list.bySection.map((g) => [g.sectionName, g.signatories.map((s) => s.name)])).toEqual([
      [tree.section.name, ['Autrice', 'Voisine']],
      // Equal counts: by section name.
      [thirdSection.name, ['Lointaine']],
      [tree.otherSection.name, ['Colmarien']],
    ]);
    expect(list.mine).toEqual({ signed: true, textChanged: false });
    expect(listSignatures(v(secretary), id).mine).toEqual({ signed: false, textChanged: false });
    expectAppError(() => listSignatures(v(citizen), id), 'not_found');
    expectAppError(() => listSignatures(null, id), 'not_found');
    expect(JSON.stringify(motionSummary(v(citizen), id))).not.toContain('Voisine');
    expect(motionSummary(v(citizen), id).signatures!.count).toBe(4);
    const draft = makePage(author, tree.section, { title: 'Brouillon secret', kind: 'motion' }).id;
    expectAppError(() => listSignatures(v(author), draft), 'conflict');
    expectAppError(() => listSignatures(v(colmar), draft), 'not_found');
  });
});

describe('when the text changes after signatures', () => {
  it('each signatory sees the diff since they signed, and confirms or withdraws', () => {
    const id = filedMotion();
    for (const u of [author, neighbour, colmar, faraway]) signMotion(v(u), id);
    expect(signatureChange(v(neighbour), id)).toMatchObject({ signed: true, changed: false, diffHtml: null });
    changeStage(v(secretary), id, { stage: 'amendments', deadline: later(24) });
    applyChange(id, author, ' et les jours fériés');
    expect(liveDocState(id)).toBeTruthy();
    const change = signatureChange(v(neighbour), id);
    expect(change.changed).toBe(true);
    expect(change.diffHtml).toContain('<ins>');
    expect(change.diffHtml).toContain('fériés');
    expect(listSignatures(v(neighbour), id).mine).toEqual({ signed: true, textChanged: true });
    expect(listSignatures(v(secretary), id).bySection[0]!.signatories.every((s) => !s.onCurrentText)).toBe(true);
    expect(signatureChange(v(secretary), id)).toMatchObject({ signed: false, changed: false });
    // Neighbour confirms: asked no more. Colmar withdraws: allowed now, though amendments are open.
    expect(confirmSignature(v(neighbour), id)).toMatchObject({ signed: true, changed: false, diffHtml: null });
    expect(listSignatures(v(neighbour), id).mine).toEqual({ signed: true, textChanged: false });
    expect(unsignMotion(v(colmar), id)).toMatchObject({ count: 3, sections: 2 });
    expectAppError(() => unsignMotion(v(neighbour), id), 'conflict'); // they confirmed this text
    expectAppError(() => confirmSignature(v(colmar), id), 'conflict'); // no signature left to confirm
    // A second change: the diff of the one who confirmed starts from what they confirmed.
    applyChange(id, author, ', et la nuit');
    const second = signatureChange(v(neighbour), id).diffHtml!;
    expect(second).toContain('nuit');
    expect(second).not.toMatch(/<ins>[^<]*fériés/);
    expect(signatureChange(v(author), id).diffHtml).toMatch(/<ins>[^<]*fériés/);
    // A signature stored without its text's version (imported) is compared with the text as filed.
    db().update(motionSignatures).set({ confirmedState: null }).where(and(eq(motionSignatures.pageId, id), eq(motionSignatures.userId, faraway.id))).run();
    expect(signatureChange(v(faraway), id).diffHtml).toMatch(/<ins>[^<]*fériés/);
  });
});
