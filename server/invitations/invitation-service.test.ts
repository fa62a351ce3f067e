import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { invitations } from '@/db/schema';
import { expectAppError, makeUser, viewerOf, type UserRow } from '@/test/factories';
import { checkInvitation, createInvitation, listMyInvitations, revokeInvitation, useInvitation } from './invitation-service';

const tokenOf = (url: string) => url.split('/invitation/')[1]!;
const usesOf = (id: string) => db().select().from(invitations).where(eq(invitations.id, id)).get()!.uses;

let member: UserRow;
beforeAll(() => {
  member = makeUser();
});

describe('invitations', () => {
  it('party members create links; citizens and anonymous cannot', () => {
    const inv = createInvitation(viewerOf(member), { maxUses: 3, expiresInDays: 7, note: 'réunion publique' });
    expect(inv.url).toMatch(/^http:\/\/localhost:3999\/invitation\/[\w-]+\.[\w-]+$/);
    expect(inv).toMatchObject({ maxUses: 3, uses: 0, note: 'réunion publique', createdBy: member.id });
    expect(inv.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    expect(checkInvitation(tokenOf(inv.url)).id).toBe(inv.id);
    expect(listMyInvitations(viewerOf(member)).map((i) => i.id)).toContain(inv.id);
    expectAppError(() => createInvitation(viewerOf(makeUser({ siteRole: 'citizen' })), {}), 'forbidden');
    expectAppError(() => createInvitation(null, {}), 'unauthorized');
    expectAppError(() => createInvitation(viewerOf(member), { maxUses: 0 }), 'invalid_input', 'maxUses');
  });

  it('counts uses and refuses once they are spent', () => {
    const inv = createInvitation(viewerOf(member), { maxUses: 2 });
    const token = tokenOf(inv.url);
    useInvitation(token);
    useInvitation(token);
    expect(usesOf(inv.id)).toBe(2);
    expectAppError(() => useInvitation(token), 'invalid_input', 'token');
    expectAppError(() => checkInvitation(token), 'invalid_input', 'token');
    expect(usesOf(inv.id)).toBe(2);
  });

  it('refuses an expired invitation', () => {
    const inv = createInvitation(viewerOf(member), { maxUses: 5 });
    db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, inv.id)).run();
    expectAppError(() => checkInvitation(tokenOf(inv.url)), 'invalid_input', 'token');
    expectAppError(() => useInvitation(tokenOf(inv.url)), 'invalid_input', 'token');
    expect(usesOf(inv.id)).toBe(0);
  });

  it('only its creator revokes it; a revoked invitation admits nobody', () => {
    const inv = createInvitation(viewerOf(member), { maxUses: 5 });
    expectAppError(() => revokeInvitation(viewerOf(makeUser()), inv.id), 'not_found');
    checkInvitation(tokenOf(inv.url));
    revokeInvitation(viewerOf(member), inv.id);
    expectAppError(() => useInvitation(tokenOf(inv.url)), 'invalid_input', 'token');
    expect(usesOf(inv.id)).toBe(0);
  });

  it('refuses forged or foreign tokens', () => {
    const inv = createInvitation(viewerOf(member), { maxUses: 5 });
    const [body] = tokenOf(inv.url).split('.');
    expectAppError(() => useInvitation(`${body}.AAAA`), 'invalid_input', 'token');
  });

  it('processes racing for the last seat: exactly one wins', async () => {
    const inv = createInvitation(viewerOf(member), { maxUses: 1 });
    const token = tokenOf(inv.url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coopol-race-'));
    const script = path.join(dir, 'race.mts');
    const service = path.resolve('server/invitations/invitation-service.ts');
    // Each process waits for the same instant, then spends the invitation.
    fs.writeFileSync(
      script,
      `const { useInvitation } = await import(${JSON.stringify(service)});
const start = Number(process.argv[2]);
while (Date.now() < start) {}
try { useInvitation(process.argv[3]); console.log('won'); } catch (e) { console.log('lost:' + (e as { code?: string }).code); }
`,
    );
    const start = Date.now() + 4000;
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['--import', 'tsx', script, String(start), token], { env: { ...process.env }, cwd: process.cwd() }, (err, stdout) =>
          err ? reject(err) : resolve(stdout.trim()),
        ),
      );
    const results = await Promise.all([run(), run(), run()]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost:invalid_input')).toHaveLength(2);
    expect(usesOf(inv.id)).toBe(1);
  }, 60_000);
});
