import { afterEach, describe, expect, it } from 'vitest';
import { userIdFromSessionToken } from '@/server/auth/session-cookie';
import { deleteAccount } from '@/server/users/account-service';
import { expectAppError, makeUser } from '@/test/factories';
import { demoSession } from './demo-sign-in';

afterEach(() => {
  delete process.env.COOPOL_DEMO;
});

describe('demoSession', () => {
  it('signs a persona in only in the demo', () => {
    const persona = makeUser();
    expectAppError(() => demoSession(persona.email!, null), 'forbidden');
    process.env.COOPOL_DEMO = '1';
    const { token } = demoSession(persona.email!, 'Mozilla/5.0');
    expect(userIdFromSessionToken(token)).toBe(persona.id);
  });

  it('an unknown or deleted account is not found', () => {
    process.env.COOPOL_DEMO = '1';
    expectAppError(() => demoSession('personne@coopol.test', null), 'not_found');
    const gone = makeUser();
    deleteAccount(gone.id);
    expectAppError(() => demoSession(gone.email!, null), 'not_found');
  });
});
