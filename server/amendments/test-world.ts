/**
 * Texts open for amendments for the amendments' tests: a motion in its amendments stage (its
 * first signatory decides) and a chapter opened by its section's secretary (who decides and
 * writes), with members of two sections to propose and support. Real domain functions and SQLite.
 */
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { deliberations } from '@/db/schema';
import type { DeliberationProcedure, DeliberationStage } from '@/lib/domain/enums';
import { getDeliberation, recordStageChange, startDeliberation } from '@/server/deliberations/stage-log';
import { createPage } from '@/server/pages/page-service';
import { docOfState } from '@/server/documents/anchors';
import { liveDocState } from '@/server/documents/live-state';
import { freezeLineMap } from '@/server/motions/line-numbers';
import { person, territory, viewerOf, type Person } from '@/app/api/v1/test-helpers';

export function amendmentWorld() {
  const t = territory();
  const secretary = person('member', [[t.section.id, 'secretary']]);
  const author = person('member', [[t.section.id, 'member']]);
  const amender = person('member', [[t.section.id, 'member']]);
  const colmar = person('member', [[t.otherSection.id, 'member']]);
  const citizen = person('citizen');
  return { t, secretary, author, amender, colmar, citizen };
}

/** Puts a page at `stage` of `procedure`, with an optional amendments deadline. */
export function setStage(pageId: string, procedure: DeliberationProcedure, stage: DeliberationStage, opts: { closeAt?: Date | null } = {}): void {
  db().transaction((tx) => {
    const set = { amendmentsCloseAt: opts.closeAt ?? null };
    if (getDeliberation(pageId, tx)) recordStageChange(tx, pageId, stage, null, { set });
    else startDeliberation(tx, pageId, procedure, stage, null, { set });
  });
}

/** Freezes the page's line numbers at `lineLength` characters a line, as filing a motion does. */
export function freezeLines(pageId: string, lineLength: number): void {
  const doc = docOfState(liveDocState(pageId));
  db().update(deliberations).set({ lineMap: freezeLineMap(doc, 'amendments', lineLength) }).where(eq(deliberations.pageId, pageId)).run();
  doc.destroy();
}

export function setDeadline(pageId: string, closeAt: Date | null): void {
  db().update(deliberations).set({ amendmentsCloseAt: closeAt }).where(eq(deliberations.pageId, pageId)).run();
}

/** A published page of `owner` in the section, its text `markdown`, open for amendments as a motion or a chapter. */
export function textOpenForAmendments(owner: Person, spaceId: string, markdown: string, procedure: DeliberationProcedure = 'motion', visibility: 'members' | 'public' | 'space' = 'members') {
  const page = createPage(viewerOf(owner), { spaceId, title: procedure === 'motion' ? 'Motion cantines' : 'Chapitre alimentation', visibility, status: 'published', markdown });
  setStage(page.id, procedure, 'amendments');
  return page;
}
