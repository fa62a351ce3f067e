import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from '@/lib/errors';
import { parseInput } from '@/lib/parse-input';
import { titleSchema } from './title';

const title = titleSchema();
const detailOf = (value: string) => {
  try {
    parseInput(z.object({ title }), { title: value });
    return null;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { field: e.field, detail: e.detail?.key };
  }
};

describe('titleSchema', () => {
  it('accepts ordinary titles, trimmed, in any script, with emoji joiners and direction marks', () => {
    expect(title.parse('  Programme 2027 : l’école  ')).toBe('Programme 2027 : l’école');
    for (const ok of ['Réunion du 12 mars', 'نشست عمومی\u200c ها', 'Famille 👨\u200d👩\u200d👧', 'עברית\u200f 2027', 'a']) {
      expect(title.safeParse(ok).success, ok).toBe(true);
    }
  });

  it('refuses control characters and line breaks', () => {
    for (const bad of ['Budget\u0000', 'Bud\nget', 'Bud\tget', 'Bud\u007fget', 'Bud\u0085get', 'Bud\u2028get', 'a\u001bb']) {
      expect(detailOf(bad), JSON.stringify(bad)).toEqual({ field: 'title', detail: 'titleControl' });
    }
  });

  it('refuses bidi embeddings, overrides and isolates', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(detailOf(`Facture ${String.fromCodePoint(cp)}gpj.exe`), cp.toString(16)).toEqual({ field: 'title', detail: 'titleBidi' });
    }
  });

  it('refuses names made of zero-width characters only', () => {
    for (const bad of ['\u200b', '\u200b\u200c\u200d', ' \u2060 ', '\u200b \u200b', '\ufeff\u200b']) {
      expect(detailOf(bad), JSON.stringify(bad)).toEqual({ field: 'title', detail: 'titleInvisible' });
    }
  });

  it('keeps its length rules', () => {
    const name = titleSchema({ min: 2, max: 5 });
    expect(name.safeParse('a').success).toBe(false);
    expect(name.safeParse('abcdef').success).toBe(false);
    expect(name.safeParse('abc').success).toBe(true);
    expect(title.safeParse('   ').success).toBe(false);
  });
});

describe('where the rule applies', () => {
  it('page titles (create and rename) and space and group names refuse what disguises text', async () => {
    const { createPageInput, updatePageInput } = await import('@/server/pages/page-service');
    const { createGroup } = await import('@/server/spaces/space-service');
    const { makeUser, viewerOf } = await import('@/test/factories');
    expect(createPageInput.safeParse({ spaceId: 's', title: 'Facture \u202egpj.exe' }).success).toBe(false);
    expect(updatePageInput.safeParse({ title: '\u200b\u200b' }).success).toBe(false);
    expect(updatePageInput.safeParse({ title: 'Budget 2027' }).success).toBe(true);
    const viewer = viewerOf(makeUser());
    expect(() => createGroup(viewer, { name: '\u200b\u200d' })).toThrowError(expect.objectContaining({ code: 'invalid_input', field: 'name', detail: { key: 'titleInvisible' } }));
    expect(createGroup(viewer, { name: 'Jeunes écologistes' }).name).toBe('Jeunes écologistes');
  });
});
