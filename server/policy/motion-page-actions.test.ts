/**
 * A motion's page buttons give way to its stages: publishing, a new published version, deleting
 * a filed motion and archiving one not yet decided are refused to everyone, even to those who
 * steer the page; a chapter keeps the page's own rules.
 */
import { describe, expect, it } from 'vitest';
import { MOTION_STAGES } from '@/lib/domain/enums';
import { canPage, type PageRef, type Viewer } from './index';

const space = { id: 's1', kind: 'section' as const, path: '/n/f/s1/', isOpen: true };
const creator: Viewer = { id: 'u1', siteRole: 'member', roles: new Map([['s1', 'member']]), managedPaths: [] };
const secretary: Viewer = { id: 'u2', siteRole: 'member', roles: new Map([['s1', 'secretary']]), managedPaths: ['/n/f/s1/'] };
const admin: Viewer = { id: 'u3', siteRole: 'admin', roles: new Map(), managedPaths: [] };

const motion = (stage: (typeof MOTION_STAGES)[number]): PageRef => ({
  id: 'p1',
  kind: 'motion',
  space,
  visibility: 'members',
  status: stage === 'draft' ? 'draft' : 'published',
  deletedAt: null,
  authorIds: ['u1'],
  createdBy: 'u1',
  stewardIds: [],
  deliberation: { procedure: 'motion', stage, amendmentsCloseAt: null },
});

describe('a motion’s page actions', () => {
  it('is never published nor re-published by the page’s buttons, whoever asks', () => {
    for (const stage of MOTION_STAGES) {
      for (const v of [creator, secretary, admin]) {
        expect(canPage(v, 'publish', motion(stage))).toBe(false);
        expect(canPage(v, 'publishVersion', motion(stage))).toBe(false);
      }
    }
  });

  it('is deleted only as a draft, archived only once decided or withdrawn', () => {
    for (const stage of MOTION_STAGES) {
      expect(canPage(creator, 'delete', motion(stage))).toBe(stage === 'draft');
      expect(canPage(secretary, 'archive', motion(stage))).toBe(['adopted', 'rejected', 'withdrawn'].includes(stage));
    }
  });

  it('leaves a chapter open for amendments to the page’s rules', () => {
    const chapter: PageRef = { ...motion('filed'), kind: 'document', deliberation: { procedure: 'chapter', stage: 'amendments', amendmentsCloseAt: null } };
    expect(canPage(secretary, 'publishVersion', chapter)).toBe(true);
    expect(canPage(secretary, 'archive', chapter)).toBe(true);
  });
});
