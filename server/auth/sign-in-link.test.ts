import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { createSignInLink, hashVerificationToken, signInLinkValidity, storeSignInToken } from './sign-in-link';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const stored = (email: string, link: string) =>
  db()
    .select()
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashVerificationToken(tokenOf(link)))))
    .get();

describe('sign-in links', () => {
  it('last one hour by default', () => {
    const before = Date.now();
    const link = createSignInLink('une-heure@coopol.test');
    const expires = stored('une-heure@coopol.test', link)!.expires.getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(signInLinkValidity('fr')).toMatch(/^1\sheure$/);
    expect(signInLinkValidity('en')).toMatch(/^1\shour$/);
  });

  it('a newer link voids the older ones of the same address, not those of others', () => {
    const first = createSignInLink('Deux-Liens@coopol.test');
    const other = createSignInLink('autre@coopol.test');
    const second = createSignInLink('deux-liens@coopol.test');
    expect(stored('deux-liens@coopol.test', first)).toBeUndefined();
    expect(stored('deux-liens@coopol.test', second)).toBeDefined();
    expect(stored('autre@coopol.test', other)).toBeDefined();
    // The path next-auth's adapter takes (a link asked for on /connexion) voids them too.
    storeSignInToken({ identifier: 'deux-liens@coopol.test', token: hashVerificationToken('par-le-formulaire'), expires: new Date(Date.now() + 60_000) });
    expect(stored('deux-liens@coopol.test', second)).toBeUndefined();
    expect(db().select().from(verificationTokens).where(eq(verificationTokens.identifier, 'deux-liens@coopol.test')).all()).toHaveLength(1);
  });
});
