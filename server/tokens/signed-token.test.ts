import { describe, expect, it } from 'vitest';
import { expectAppError } from '@/test/factories';
import { consumeToken, issueToken, readToken } from './signed-token';

const HOUR = 3_600_000;

describe('signed tokens', () => {
  it('carries its subject, purpose and expiry', () => {
    const token = issueToken({ purpose: 'rsvp', subject: 'page-1 user-2', ttlMs: HOUR });
    const t = readToken(token, 'rsvp');
    expect(t.subject).toBe('page-1 user-2');
    expect(t.singleUse).toBe(false);
    expect(t.expiresAt).toBeGreaterThan(Date.now() + HOUR - 5_000);
  });

  it('refuses a tampered body, a tampered signature and malformed tokens', () => {
    const token = issueToken({ purpose: 'rsvp', subject: 'alice', ttlMs: HOUR });
    const [body, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, s: 'mallory' })).toString('base64url');
    expectAppError(() => readToken(`${forged}.${mac}`, 'rsvp'), 'invalid_input', 'token');
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    expectAppError(() => readToken(`${body}.${flipped}`, 'rsvp'), 'invalid_input', 'token');
    // Same length in characters, not in bytes: must be refused, not crash.
    expectAppError(() => readToken(`${body}.${'é'.repeat(mac.length)}`, 'rsvp'), 'invalid_input', 'token');
    expectAppError(() => readToken(`${token}.extra`, 'rsvp'), 'invalid_input', 'token');
    for (const bad of ['', '.', 'abc', `${body}.`, `.${mac}`]) expectAppError(() => readToken(bad, 'rsvp'), 'invalid_input', 'token');
  });

  it('refuses another purpose', () => {
    const token = issueToken({ purpose: 'invitation', subject: 'x', ttlMs: HOUR });
    expectAppError(() => readToken(token, 'email-change'), 'invalid_input', 'token');
    expectAppError(() => consumeToken(token, 'email-change'), 'invalid_input', 'token');
  });

  it('expires', () => {
    const token = issueToken({ purpose: 'rsvp', subject: 'x', ttlMs: HOUR });
    expect(readToken(token, 'rsvp', Date.now() + HOUR - 10_000).subject).toBe('x');
    expectAppError(() => readToken(token, 'rsvp', Date.now() + HOUR + 1_000), 'invalid_input', 'token');
    expectAppError(() => consumeToken(token, 'rsvp', Date.now() + HOUR + 1_000), 'invalid_input', 'token');
  });

  it('a single-use token is spent once; a reusable one is not', () => {
    const once = issueToken({ purpose: 'email-change', subject: 'u1 a@b.c', ttlMs: HOUR, singleUse: true });
    expect(consumeToken(once, 'email-change')).toBe('u1 a@b.c');
    expectAppError(() => consumeToken(once, 'email-change'), 'invalid_input', 'token');
    // Each token is its own: a second one with the same subject still works once.
    const again = issueToken({ purpose: 'email-change', subject: 'u1 a@b.c', ttlMs: HOUR, singleUse: true });
    expect(consumeToken(again, 'email-change')).toBe('u1 a@b.c');
    const reusable = issueToken({ purpose: 'unsubscribe', subject: 'u1', ttlMs: HOUR });
    expect(consumeToken(reusable, 'unsubscribe')).toBe('u1');
    expect(consumeToken(reusable, 'unsubscribe')).toBe('u1');
  });
});
