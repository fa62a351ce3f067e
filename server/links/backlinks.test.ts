import { describe, expect, it } from 'vitest';
import { addMembership, expectAppError, makePage, makeTree, makeUser, setPageDates, viewerOf } from '@/test/factories';
import { deletePage } from '@/server/pages/page-service';
import { publishNewVersion } from '@/server/versions/version-service';
import { countBacklinks, listBacklinks } from './backlinks';
import { putPageContent } from './put-page-content';
import { pageRevision } from '@/server/pages/based-write';

const tree = makeTree('Liens');
const writer = makeUser({ name: 'Autrice' });
addMembership(writer, tree.section);
const outsider = makeUser({ name: 'Colmarien' });
addMembership(outsider, tree.otherSection);
const citizen = makeUser({ siteRole: 'citizen' });

const target = makePage(writer, tree.section, { title: 'Programme', visibility: 'public', status: 'published' });
const secretTarget = makePage(writer, tree.section, { title: 'Cible secrète', visibility: 'space', status: 'published' });

/**
 * A page whose body links to `to` (written through the content API's domain function); a
 * published one publishes that text again, so that the public reads the link too.
 */
function linking(title: string, to: string, opts: { visibility: 'public' | 'members' | 'space'; status: 'draft' | 'published' }) {
  const p = makePage(writer, tree.section, { title, ...opts });
  putPageContent(viewerOf(writer), p.id, { markdown: `Avant le lien, voir [le programme](/pages/${to}) pour la suite.`, baseRevision: pageRevision(p.id) });
  if (opts.status === 'published') publishNewVersion(viewerOf(writer), p.id);
  return p;
}

const fromPublic = linking('Source publique', target.id, { visibility: 'public', status: 'published' });
const fromMembers = linking('Source adhérents', target.id, { visibility: 'members', status: 'published' });
const fromSpace = linking('Source de section', target.id, { visibility: 'space', status: 'published' });
const fromDraft = linking('Source brouillon', target.id, { visibility: 'public', status: 'draft' });
const fromDeleted = linking('Source supprimée', target.id, { visibility: 'public', status: 'published' });
deletePage(viewerOf(writer), fromDeleted.id);
setPageDates(fromPublic.id, { updatedAt: new Date(Date.now() - 3000) });
setPageDates(fromMembers.id, { updatedAt: new Date(Date.now() - 2000) });
setPageDates(fromSpace.id, { updatedAt: new Date(Date.now() - 1000) });
setPageDates(fromDraft.id, { updatedAt: new Date(Date.now() - 500) });

const ids = (r: { data: { id: string }[] }) => r.data.map((d) => d.id);

describe('listBacklinks', () => {
  it('lists, newest first, the referrers each viewer may read — and counts only those', () => {
    const cases = [
      [viewerOf(writer), [fromDraft.id, fromSpace.id, fromMembers.id, fromPublic.id]],
      [viewerOf(outsider), [fromMembers.id, fromPublic.id]],
      [viewerOf(citizen), [fromPublic.id]],
      [null, [fromPublic.id]],
    ] as const;
    for (const [viewer, expected] of cases) {
      const r = listBacklinks(viewer, target.id);
      expect(ids(r)).toEqual(expected);
      expect(countBacklinks(viewer, target.id)).toBe(expected.length);
      const json = JSON.stringify(r);
      for (const hidden of [fromPublic, fromMembers, fromSpace, fromDraft, fromDeleted].filter((p) => !expected.includes(p.id as never))) {
        expect(json).not.toContain(hidden.id);
        expect(json).not.toContain(hidden.title);
      }
    }
  });

  it('carries the text around the link, with the target shown by its current title', () => {
    const r = listBacklinks(viewerOf(outsider), target.id);
    expect(r.data.find((b) => b.id === fromPublic.id)).toMatchObject({ title: 'Source publique', snippet: 'Avant le lien, voir Programme pour la suite.' });
  });

  it('shows the public the links of published versions only, with the published text around them', () => {
    const r = listBacklinks(viewerOf(citizen), target.id);
    expect(r.data[0]).toMatchObject({ id: fromPublic.id, title: 'Source publique', snippet: 'Avant le lien, voir Programme pour la suite.' });
    // A public page whose link to the target exists only in its live text: members see it as a
    // referrer, the public does not — until it is published again, with its new text.
    const later = makePage(writer, tree.section, { title: 'Tract du marché', visibility: 'public', status: 'published', markdown: 'Rien encore.' });
    putPageContent(viewerOf(writer), later.id, { markdown: `Le tract renvoie au [programme](/pages/${target.id}) complet.`, baseRevision: pageRevision(later.id) });
    expect(ids(listBacklinks(viewerOf(outsider), target.id))).toContain(later.id);
    for (const v of [viewerOf(citizen), null]) {
      expect(ids(listBacklinks(v, target.id))).not.toContain(later.id);
      expect(countBacklinks(v, target.id)).toBe(1);
    }
    publishNewVersion(viewerOf(writer), later.id);
    expect(listBacklinks(null, target.id).data.find((b) => b.id === later.id)).toMatchObject({ snippet: 'Le tract renvoie au Programme complet.' });
    expect(countBacklinks(null, target.id)).toBe(2);
    // The link removed from the live text stays public until the next publication removes it.
    putPageContent(viewerOf(writer), later.id, { markdown: 'Plus de lien.', baseRevision: pageRevision(later.id) });
    expect(ids(listBacklinks(viewerOf(outsider), target.id))).not.toContain(later.id);
    expect(ids(listBacklinks(null, target.id))).toContain(later.id);
    publishNewVersion(viewerOf(writer), later.id);
    expect(ids(listBacklinks(null, target.id))).not.toContain(later.id);
    deletePage(viewerOf(writer), later.id);
  });

  it('answers not_found when the target itself is unreadable or unknown', () => {
    linking('Vers le secret', secretTarget.id, { visibility: 'public', status: 'published' });
    expect(listBacklinks(viewerOf(writer), secretTarget.id).data).toHaveLength(1);
    expectAppError(() => listBacklinks(viewerOf(outsider), secretTarget.id), 'not_found');
    expectAppError(() => listBacklinks(null, secretTarget.id), 'not_found');
    expectAppError(() => countBacklinks(null, secretTarget.id), 'not_found');
    expectAppError(() => listBacklinks(null, 'no-such-page'), 'not_found');
  });

  it('paginates', () => {
    const viewer = viewerOf(writer);
    const first = listBacklinks(viewer, target.id, { limit: 3 });
    expect(first.data).toHaveLength(3);
    const second = listBacklinks(viewer, target.id, { limit: 3, cursor: first.nextCursor });
    expect(ids(second)).toEqual([fromPublic.id]);
    expect(second.nextCursor).toBeNull();
    expectAppError(() => listBacklinks(viewer, target.id, { cursor: '!!' }), 'invalid_input', 'cursor');
  });
});
