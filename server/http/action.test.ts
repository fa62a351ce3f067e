import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { AppError } from '@/lib/errors';
import fr from '@/lib/i18n/messages/fr/errors.json';
import en from '@/lib/i18n/messages/en/errors.json';
import { actionError } from './action';

type T = Parameters<typeof actionError>[1];
// Typed translators know their keys; actionError takes keys built at run time.
const tFr = createTranslator({ locale: 'fr', messages: { errors: fr }, namespace: 'errors' }) as unknown as T;
const tEn = createTranslator({ locale: 'en', messages: { errors: en }, namespace: 'errors' }) as unknown as T;

describe('actionError', () => {
  it('says exactly what went wrong, in the person’s language', () => {
    const e = new AppError('conflict', 'A space keeps at least one animator.', 'role', { key: 'lastAnimator' });
    expect(actionError(e, tFr)).toEqual({ code: 'conflict', message: fr.detail.lastAnimator, field: 'role' });
    expect(actionError(e, tEn).message).toBe(en.detail.lastAnimator);
  });

  it('falls back to the message of the code, never to the English text of the error', () => {
    expect(actionError(new AppError('conflict', 'Something internal.'), tFr).message).toBe('Cette action entre en conflit avec l’état actuel.');
    expect(actionError(new AppError('forbidden', undefined, undefined, { key: 'noSuchDetail' }), tFr).message).toBe('Vous n’avez pas le droit de faire cela.');
  });

  it('has a French and an English text for every detail key', () => {
    expect(Object.keys(fr.detail).sort()).toEqual(Object.keys(en.detail).sort());
  });
});
