/** SIGN_IN_LINK_MAX_AGE sets the links' lifetime (this file's own process environment). */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { createSignInLink, signInLinkValidity } from './sign-in-link';

// Read at the first env() call, which comes after this line.
process.env.SIGN_IN_LINK_MAX_AGE = '1800';
afterAll(() => {
  delete process.env.SIGN_IN_LINK_MAX_AGE;
});

describe('SIGN_IN_LINK_MAX_AGE', () => {
  it('sets how long a link lasts, and what the mail says of it', () => {
    const before = Date.now();
    createSignInLink('demi-heure@coopol.test');
    const row = db().select().from(verificationTokens).where(eq(verificationTokens.identifier, 'demi-heure@coopol.test')).get()!;
    expect(row.expires.getTime() - before).toBeGreaterThanOrEqual(1800_000);
    expect(row.expires.getTime() - before).toBeLessThan(1805_000);
    expect(signInLinkValidity('fr')).toMatch(/^30\sminutes$/);
  });
});
