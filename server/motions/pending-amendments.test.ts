/** A text's vote opens (a chapter's amendments close) only once every amendment on it is decided. */
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { viewerOf } from '@/app/api/v1/test-helpers';
import { proposeAmendment, rejectAmendment } from '@/server/amendments/amendment-service';
import { amendmentWorld, textOpenForAmendments } from '@/server/amendments/test-world';
import { changeStage } from './motion-service';

const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('opening the vote with amendments pending', () => {
  it('is refused (409, how many) while an amendment awaits a decision, and allowed once it is decided', () => {
    const w = amendmentWorld();
    const page = textOpenForAmendments(w.author, w.t.section.id, 'Les cantines servent des repas bio deux fois par semaine.');
    const a = proposeAmendment(viewerOf(w.amender), page.id, { quote: 'deux fois', op: 'replace', replacement: 'cinq fois', justification: 'Tous les jours.' });
    let refusal: unknown;
    try {
      changeStage(viewerOf(w.secretary), page.id, { stage: 'vote', closesAt: inAnHour() });
    } catch (e) {
      refusal = e;
    }
    expect(isAppError(refusal) && refusal.code === 'conflict' && refusal.detail).toEqual({ key: 'stage_amendments_pending', values: { count: '1' } });
    rejectAmendment(viewerOf(w.author), a.id, { reason: 'Le budget ne le permet pas cette année.' });
    expect(changeStage(viewerOf(w.secretary), page.id, { stage: 'vote', closesAt: inAnHour() }).stage).toBe('vote');
  });

  it('closing a chapter’s amendments waits for its amendments too', () => {
    const w = amendmentWorld();
    const page = textOpenForAmendments(w.secretary, w.t.section.id, 'Chaque école a une cantine publique.', 'chapter');
    proposeAmendment(viewerOf(w.amender), page.id, { quote: 'Chaque école', op: 'replace', replacement: 'Chaque école et chaque crèche', justification: 'Les tout-petits aussi.' });
    expect(() => changeStage(viewerOf(w.secretary), page.id, { stage: 'closed' })).toThrow(/await a decision/);
  });
});
