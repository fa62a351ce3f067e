/**
 * next-auth (v5): passwordless e-mail links, database sessions. The mail itself goes through
 * the outbox; who may receive a link is decided by `requestSignIn` before next-auth is called,
 * and checked again here.
 */
import NextAuth from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/server/env';
import { signInMail } from '@/server/mail/templates';
import { queueMail } from '@/server/mail/outbox';
import { signInLinkMaxAge, signInLinkValidity, storeSignInToken } from './sign-in-link';
import { recordSessionUserAgent, SESSION_UPDATE_AGE_S } from './session-cookie';

export const { handlers, auth, signIn, signOut } = NextAuth((req) => {
  const e = env();
  const adapter = DrizzleAdapter(db(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    adapter: {
      ...adapter,
      // A new link voids the older ones of the address (server/auth/sign-in-link.ts).
      createVerificationToken: async (token) => {
        storeSignInToken(token);
        return token;
      },
      // The session keeps the browser that opened it: the account page names device and browser.
      createSession: async (session) => {
        const created = await adapter.createSession!(session);
        recordSessionUserAgent(session.sessionToken, req?.headers.get('user-agent'));
        return created;
      },
    },
    session: { strategy: 'database', maxAge: e.SESSION_MAX_AGE, updateAge: SESSION_UPDATE_AGE_S },
    pages: { signIn: '/connexion', verifyRequest: '/connexion/envoye', error: '/connexion' },
    providers: [
      Nodemailer({
        server: e.SMTP_URL ?? 'smtp://localhost:25',
        from: e.MAIL_FROM,
        maxAge: signInLinkMaxAge(),
        sendVerificationRequest: ({ identifier, url }) => {
          const locale = db().select({ locale: users.locale }).from(users).where(eq(users.email, identifier)).get()?.locale ?? 'fr';
          queueMail(db(), signInMail(identifier, url, { locale, validity: signInLinkValidity(locale) }));
        },
      }),
    ],
    callbacks: {
      signIn: ({ user }) => {
        // Only known, non-deleted accounts receive links (accounts are created by requestSignIn).
        const row = user.email ? db().select().from(users).where(eq(users.email, user.email.toLowerCase())).get() : undefined;
        return Boolean(row && !row.deletedAt);
      },
    },
  };
});
