/**
 * A motion's line numbers as its page renders them: frozen when it is filed, put in the first HTML
 * before each line's words (for members on the live text, for the public on the published version,
 * whose Yjs items are not the live ones), and with the live positions the editor follows.
 */
import type * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { deliberations } from '@/db/schema';
import { bodyPositions, docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { transactDocument } from '@/server/documents/transact';
import { markdownToJSON, yStateToJSON } from '@/server/pages/body';
import { setMotionLineLength } from '@/server/settings/site-settings';
import { addMembership, makePage, makeTree, makeUser, viewerOf } from '@/test/factories';
import { changeStage } from './motion-service';
import { isLineMap } from './line-numbers';
import { groupLines, htmlWithLineNumbers, pageLineNumbers } from './line-numbers-view';

const MOTION = [
  '## Exposé des motifs',
  '',
  'Nous voulons des cantines bio dans chaque commune de la fédération. Les cantines bio coûtent moins cher que les repas industriels quand on achète local.',
  '',
  'Article 1 : la commune finance les repas des écoles.',
].join('\n');

/** Each number in the HTML with the words that follow it (tags dropped). */
function numbered(html: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /<span class="line-number" aria-hidden="true" data-line="([^"]+)"><\/span>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push([m[1]!, html.slice(m.index + m[0].length).replace(/<[^>]+>/g, '').slice(0, 8)]);
  return out;
}

function filedMotion() {
  const tree = makeTree();
  const author = makeUser();
  addMembership(author, tree.section);
  const page = makePage(author, tree.section, { title: `Motion ${Math.random()}`, kind: 'motion', visibility: 'members', markdown: MOTION });
  expect(pageLineNumbers(page.id, markdownToJSON(MOTION), { live: true })).toBeNull(); // a draft has none
  changeStage(viewerOf(author), page.id, { stage: 'filed' });
  return { page, author };
}

describe('a motion’s line numbers on its page', () => {
  beforeAll(() => setMotionLineLength(viewerOf(makeUser({ siteRole: 'admin' })), 40));

  it('are frozen when it is filed and drawn before each line’s first words, aria-hidden', () => {
    const { page } = filedMotion();
    const stored = db().select({ lineMap: deliberations.lineMap }).from(deliberations).where(eq(deliberations.pageId, page.id)).get()!.lineMap;
    expect(isLineMap(stored)).toBe(true);
    const json = yStateToJSON(liveDocState(page.id));
    const lines = pageLineNumbers(page.id, json, { live: true })!;
    expect(lines).toMatchObject({ stage: 'filed', lineLength: 40, count: 7 });
    expect(numbered(lines.html)).toEqual([
      ['1', 'Exposé d'],
      ['2', 'Nous vou'],
      ['3', 'chaque c'],
      ['4', 'cantines'],
      ['5', 'repas in'],
      ['6', 'Article '],
      ['7', 'des écol'],
    ]);
    // the text itself is intact once the numbers are taken out
    expect(lines.html.replace(/<span class="line-number"[^>]*><\/span>/g, '')).toContain('Nous voulons des cantines bio dans chaque commune');
    expect(lines.lines.every((l) => l.start)).toBe(true);
  });

  it('stay on their words in the live text after an accepted change, and are found by their words in the published version', () => {
    const { page, author } = filedMotion();
    const published = yStateToJSON(liveDocState(page.id)); // the filed version, as the public reads it
    transactDocument(page.id, author.id, (doc) => {
      const text = (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, 'Considérant la loi Egalim, ');
    });
    const live = pageLineNumbers(page.id, yStateToJSON(liveDocState(page.id)), { live: true })!;
    expect(numbered(live.html).map(([n, w]) => `${n} ${w}`)).toEqual(['1 Exposé d', '2 Nous vou', '3 chaque c', '4 cantines', '5 repas in', '6 Article ', '7 des écol']);
    // the live starts resolve in the live document before the same words
    const doc = docOfState(liveDocState(page.id));
    const { text } = bodyPositions(doc);
    expect(text.startsWith('Exposé des motifs\n\nConsidérant la loi Egalim, Nous voulons')).toBe(true);
    const forPublic = pageLineNumbers(page.id, published, { live: false })!;
    expect(numbered(forPublic.html).map(([n]) => n)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(numbered(forPublic.html)[1]![1]).toBe('Nous vou');
  });

  it('shows lines whose words are gone with the next ones, as one label', () => {
    const lines = groupLines([
      { number: 1, offset: 0, pos: 1, present: true, start: 'a', words: 'Un' },
      { number: 2, offset: 10, pos: 11, present: false, start: null, words: 'Deux' },
      { number: 3, offset: 10, pos: 11, present: true, start: 'c', words: 'Trois' },
    ]);
    expect(lines).toEqual([
      { label: '1', start: 'a', pos: 1, words: 'Un' },
      { label: '2–3', start: 'c', pos: 11, words: 'Trois' },
    ]);
    const html = htmlWithLineNumbers(markdownToJSON('Un deux trois quatre'), [{ label: '2–3', start: null, pos: 4 }]);
    expect(html).toContain('Un <span class="line-number" aria-hidden="true" data-line="2–3"></span>deux');
  });
});
