/**
 * The permission matrix on the websocket: every role of the matrix × every page (space,
 * visibility, status, deleted) connects with its own token, and the server's decision on
 * upgrade — edit, read-only, or the one refusal 4404 — is what the hand-written table says.
 * Citizens never get the live document (they read the published version over HTTP).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from './config';
import { apiTokenFor, startCollab, until, type Harness } from '@/test/collab-harness';
import { buildPermissionWorld, MATRIX_ROLES, type MatrixPage, type MatrixRole, type PermissionWorld } from '@/test/factories';
import { ROLE_FACTS, expectedPage, expectedRead } from '@/test/permission-matrix';

let h: Harness;
let w: PermissionWorld;

beforeAll(async () => {
  // Every matrix socket comes from 127.0.0.1, one after the other.
  h = await startCollab({ maxConnectionsPerIp: 10_000, idleUnloadMs: 50 });
  w = buildPermissionWorld();
});

afterAll(() => h.close());

type Outcome = 'edit' | 'read' | `closed ${number}`;

function expected(role: MatrixRole, p: MatrixPage): Outcome {
  if (role === 'anonymous') return `closed ${CLOSE.unauthenticated}`;
  if (!ROLE_FACTS[role].partyMember || !expectedRead(role, p)) return `closed ${CLOSE.notFound}`;
  return expectedPage(role, 'edit', p) ? 'edit' : 'read';
}

/** Connects as `userId` (or nobody) and reports what the server decided. */
async function outcome(pageId: string, userId: string | null, token: string | null): Promise<Outcome> {
  const c = h.raw(pageId, token ? { token } : null);
  try {
    await until(() => c.closedWith !== null || c.messages.length > 0, `answer on ${pageId}`);
    if (c.closedWith) return `closed ${c.closedWith.code}`;
    const conn = [...(h.collab.rooms.get(pageId)?.conns.values() ?? [])].find((x) => x.userId === userId);
    if (!conn) throw new Error(`accepted, but no connection for ${userId} in the room`);
    return conn.access;
  } finally {
    c.ws.terminate();
  }
}

describe('websocket permission matrix', () => {
  it('every role × every page: edit, read-only or refused, as the table says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const role of MATRIX_ROLES) {
      const user = role === 'anonymous' ? null : w.users[role];
      const token = user ? apiTokenFor(user) : null;
      for (const p of w.pages) {
        const got = await outcome(p.id, user?.id ?? null, token);
        const want = expected(role, p);
        checked++;
        if (got !== want) mismatches.push(`${role} ${p.space}/${p.visibility}/${p.status}/${p.deleted}: got ${got}, want ${want}`);
      }
    }
    expect(checked).toBe(MATRIX_ROLES.length * 54);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
