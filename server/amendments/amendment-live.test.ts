/**
 * Amendments on a text people are writing: the real collaboration server and stock y-websocket
 * clients. A chapter open for amendments is written by its space's animators while members amend
 * it; a motion in its amendments stage is read live by everyone and changed only by decisions.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { BODY, barrier, bodyText, serverRoundTrip, startCollab, synced, until, type Harness, type RawClient } from '@/test/collab-harness';
import { MESSAGE_AMENDMENTS_CHANGED } from '@/lib/collab/messages';
import { liveDocState } from '@/server/documents/live-state';
import { docOf } from '@/test/collab-harness';
import { person, viewerOf } from '@/app/api/v1/test-helpers';
import { AmendmentConflict, acceptAmendment, closeMergeSession, listAmendments, mergeSession, proposeAmendment, proposeModification, rejectAmendment, supportAmendment, withdrawAmendment } from './amendment-service';
import { amendmentWorld, textOpenForAmendments } from './test-world';

const w = amendmentWorld();
const { t, secretary, author, amender, colmar } = w;
/** A second animator of the section (its federation's secretary): chapters have two writers. */
const fedSecretary = person('member', [[t.federation.id, 'secretary']]);
const [vSecretary, vAuthor, vAmender, vColmar] = [viewerOf(secretary), viewerOf(author), viewerOf(amender), viewerOf(colmar)];

const CHAPTER = 'Premier paragraphe sur les transports publics.\n\nNous voulons des cantines bio dans chaque commune.\n\nDernier paragraphe sur le logement.';

let h: Harness;
beforeAll(async () => {
  h = await startCollab({ deriveDebounceMs: 20 });
});
afterAll(() => h.close());

/** The text node of the body's `index`-th paragraph, as the editor holds it. */
const paragraph = (doc: Y.Doc, index: number) => (doc.getXmlFragment(BODY).get(index) as Y.XmlElement).get(0) as Y.XmlText;
const storedText = (pageId: string) => {
  const doc = docOf(liveDocState(pageId));
  const text = bodyText(doc);
  doc.destroy();
  return text;
};
const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

describe('an amendment while its text is being written', () => {
  it('stays on its words while two writers type before, around and after it', async () => {
    const page = textOpenForAmendments(secretary, t.section.id, CHAPTER, 'chapter');
    const a = h.provider(page.id, { token: secretary.token });
    const b = h.provider(page.id, { token: fedSecretary.token });
    await Promise.all([synced(a), synced(b)]);
    const amendment = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'replace', replacement: 'cantines locales' });
    // Concurrently: A types at the start of the paragraph and just before the passage, B just after it and in another paragraph.
    const pa = paragraph(a.doc, 1);
    const pb = paragraph(b.doc, 1);
    pa.insert(0, 'Oui. ');
    pa.insert(pa.toString().indexOf('cantines bio'), 'belles ');
    pb.insert(pb.toString().indexOf('cantines bio') + 'cantines bio'.length, ' et locales');
    paragraph(b.doc, 0).insert(0, 'Titre. ');
    const expected = 'Oui. Nous voulons des belles cantines bio et locales dans chaque commune.';
    await until(() => storedText(page.id).includes(expected), 'both writers’ words stored');
    const [seen] = listAmendments(vColmar, page.id);
    expect(seen!.passage).toMatchObject({ status: 'current', text: 'cantines bio' });
    // Accepted now, it lands on those words and nowhere else; both writers see it.
    acceptAmendment(vSecretary, amendment.id);
    const after = 'Oui. Nous voulons des belles cantines locales et locales dans chaque commune.';
    await until(() => bodyText(a.doc).includes(after) && bodyText(b.doc).includes(after), 'the accepted change reaches both writers');
    expect(bodyText(a.doc)).toBe(bodyText(b.doc));
    expect(storedText(page.id)).toBe(bodyText(a.doc));
    expect(bodyText(a.doc).split('\n')[0]).toBe('Titre. Premier paragraphe sur les transports publics.');
  });

  it('accepting while someone types elsewhere loses none of their keystrokes and reaches every editor', async () => {
    const page = textOpenForAmendments(secretary, t.section.id, CHAPTER, 'chapter');
    const a = h.provider(page.id, { token: secretary.token });
    const b = h.provider(page.id, { token: fedSecretary.token });
    await Promise.all([synced(a), synced(b)]);
    const first = proposeAmendment(vAmender, page.id, { quote: 'cantines bio', op: 'replace', replacement: 'repas végétariens' });
    const second = proposeAmendment(vColmar, page.id, { quote: 'transports publics', op: 'replace', replacement: 'transports gratuits' });
    const last = paragraph(a.doc, 2);
    let typed = '';
    const typing = (async () => {
      for (let i = 0; i < 60; i++) {
        const ch = String.fromCharCode(97 + (i % 26));
        last.insert(last.length, ch);
        typed += ch;
        await tick(i % 3);
      }
    })();
    await tick(20);
    acceptAmendment(vSecretary, first.id);
    await tick(20);
    acceptAmendment(vSecretary, second.id);
    await typing;
    const expected = `Premier paragraphe sur les transports gratuits.\nNous voulons des repas végétariens dans chaque commune.\nDernier paragraphe sur le logement.${typed}`;
    await until(() => bodyText(a.doc) === expected && bodyText(b.doc) === expected && storedText(page.id) === expected, 'everyone converges on every word', 10_000);
  });
});

describe('a passage rewritten by a writer', () => {
  it('shows « passage modifié » with its old quote, refuses a plain acceptance, and applies the decider’s adjusted wording where the words now are', async () => {
    const page = textOpenForAmendments(secretary, t.section.id, CHAPTER, 'chapter');
    const a = h.provider(page.id, { token: secretary.token });
    const b = h.provider(page.id, { token: fedSecretary.token });
    await Promise.all([synced(a), synced(b)]);
    const amendment = proposeAmendment(vAmender, page.id, { quote: 'des cantines bio dans chaque commune', op: 'replace', replacement: 'des repas bio dans chaque commune' });
    const p = paragraph(b.doc, 1);
    p.insert(p.toString().indexOf('dans chaque'), 'et locales ');
    await until(() => storedText(page.id).includes('cantines bio et locales dans'), 'the rewrite stored');
    expect(listAmendments(vColmar, page.id)[0]!.passage).toMatchObject({ status: 'changed', text: 'des cantines bio et locales dans chaque commune', quote: 'des cantines bio dans chaque commune' });
    expect(() => acceptAmendment(vSecretary, amendment.id)).toThrow(AmendmentConflict);
    await serverRoundTrip(a);
    expect(bodyText(a.doc)).toContain('des cantines bio et locales dans chaque commune.');
    acceptAmendment(vSecretary, amendment.id, { replacement: 'des repas bio et locaux dans chaque commune' });
    const expected = 'Nous voulons des repas bio et locaux dans chaque commune.';
    await until(() => bodyText(a.doc).includes(expected) && bodyText(b.doc).includes(expected), 'the adjusted wording reaches both writers');
    expect(storedText(page.id)).toBe(bodyText(a.doc));
  });
});

describe('a motion in its amendments stage, read live', () => {
  it('readers see an accepted amendment arrive; their own keystrokes are refused', async () => {
    const page = textOpenForAmendments(author, t.section.id, 'Les cantines bio coûtent moins cher.', 'motion');
    const reader = h.provider(page.id, { token: colmar.token });
    const amenderSees = h.provider(page.id, { token: amender.token });
    await Promise.all([synced(reader), synced(amenderSees)]);
    const a = proposeAmendment(vAmender, page.id, { quote: 'moins cher', op: 'replace', replacement: 'beaucoup moins cher' });
    paragraph(reader.doc, 0).insert(0, 'Refusé ');
    await serverRoundTrip(reader);
    acceptAmendment(vAuthor, a.id);
    await until(() => bodyText(amenderSees.doc) === 'Les cantines bio coûtent beaucoup moins cher.', 'the amender sees the accepted change');
    await until(() => bodyText(reader.doc).includes('beaucoup moins cher'), 'the reader sees it');
    expect(storedText(page.id)).toBe('Les cantines bio coûtent beaucoup moins cher.');
  });
});

describe('the merge session', () => {
  it('the deciders go through the passages one after another while everyone watching sees the text change, then name the version', async () => {
    const page = textOpenForAmendments(author, t.section.id, CHAPTER, 'motion');
    const watchers = [h.provider(page.id, { token: amender.token }), h.provider(page.id, { token: colmar.token })];
    await Promise.all(watchers.map(synced));
    proposeAmendment(vColmar, page.id, { quote: 'le logement', op: 'replace', replacement: 'le logement social' });
    proposeAmendment(vAmender, page.id, { quote: 'transports publics', op: 'replace', replacement: 'transports gratuits' });
    proposeAmendment(vColmar, page.id, { quote: 'publics.', op: 'replace', replacement: 'en commun.' });
    proposeAmendment(vAmender, page.id, { quote: 'dans chaque commune', op: 'delete' });
    const session = mergeSession(vAuthor, page.id);
    expect(session.groups.map((g) => g.amendments.map((a) => a.number))).toEqual([[2, 3], [4], [1]]);
    const [first, second, third] = session.groups;
    acceptAmendment(vAuthor, first!.amendments[0]!.id);
    const sees = (text: string) => until(() => watchers.every((w) => bodyText(w.doc) === text), `watchers see « ${text} »`);
    await sees('Premier paragraphe sur les transports gratuits.\nNous voulons des cantines bio dans chaque commune.\nDernier paragraphe sur le logement.');
    expect(mergeSession(vAuthor, page.id).groups.map((g) => g.amendments.map((a) => a.number))).toEqual([[4], [1]]); // n° 3 became obsolete
    rejectAmendment(vAuthor, second!.amendments[0]!.id, { reason: 'Le texte y perdrait.' });
    acceptAmendment(vAuthor, third!.amendments[0]!.id);
    const final = 'Premier paragraphe sur les transports gratuits.\nNous voulons des cantines bio dans chaque commune.\nDernier paragraphe sur le logement social.';
    await sees(final);
    expect(mergeSession(vAuthor, page.id).pending).toBe(0);
    const version = closeMergeSession(vAuthor, page.id, { versionName: 'Texte issu de la séance' });
    expect(version.text).toBe(final.replaceAll('\n', '\n\n'));
  });
});

describe('the amendments’ readers are told at once', () => {
  const notices = (c: RawClient) => c.messages.filter((m) => decoding.readVarUint(decoding.createDecoder(m)) === MESSAGE_AMENDMENTS_CHANGED);

  it('each proposal, support, withdrawal and decision reaches the sockets open on the text (a notice without content), and no other', async () => {
    const page = textOpenForAmendments(author, t.section.id, CHAPTER, 'motion');
    const other = textOpenForAmendments(author, t.section.id, CHAPTER, 'motion');
    const reader = h.raw(page.id, { token: colmar.token });
    const elsewhere = h.raw(other.id, { token: colmar.token });
    await Promise.all([reader.opened, elsewhere.opened]);
    await Promise.all([barrier(reader.ws), barrier(elsewhere.ws)]);
    const seen = async (n: number, what: string) => until(() => notices(reader).length === n, what);

    const a = proposeAmendment(vAmender, page.id, { quote: 'le logement', op: 'replace', replacement: 'le logement social' });
    await seen(1, 'a proposal');
    expect(notices(reader)[0]!.byteLength).toBe(1); // the type alone
    supportAmendment(vColmar, a.id);
    await seen(2, 'a support');
    proposeModification(vAuthor, a.id, { replacement: 'le logement pour tous' });
    await seen(3, 'a modified adoption proposed');
    const b = proposeAmendment(vColmar, page.id, { quote: 'transports publics', op: 'delete' });
    await seen(4, 'a second proposal');
    rejectAmendment(vAuthor, b.id, { reason: 'Non.' });
    await seen(5, 'a rejection');
    const c = proposeAmendment(vAmender, page.id, { quote: 'dans chaque commune', op: 'delete' });
    await seen(6, 'a third proposal');
    withdrawAmendment(vAmender, c.id);
    await seen(7, 'a withdrawal');
    acceptAmendment(vAuthor, a.id);
    await seen(8, 'an acceptance');
    // Several changes in one go (as a passage's vote deciding its rivals) make one notice, sent after them.
    const f = proposeAmendment(vAmender, page.id, { quote: 'transports publics', op: 'replace', replacement: 'transports en commun' });
    await seen(9, 'a fourth proposal');
    supportAmendment(vColmar, f.id);
    supportAmendment(vAuthor, f.id);
    await seen(10, 'two supports at once');
    await barrier(reader.ws);
    expect(notices(reader)).toHaveLength(10);

    await barrier(elsewhere.ws);
    expect(notices(elsewhere)).toHaveLength(0);
    expect(reader.isOpen()).toBe(true);
  });
});
