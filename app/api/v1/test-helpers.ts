/**
 * Fixtures for the API tests: people with tokens, a small territory tree, and requests shaped
 * like the ones a client sends. Everything goes through the real domain functions and database;
 * people are made by test/factories.ts.
 */
import type { SiteRole, SpaceRole } from '@/lib/domain/enums';
import { loadViewer } from '@/server/auth/load-viewer';
import { createGroup, createSubspace, ensureNationalSpace } from '@/server/spaces/space-service';
import { createApiToken } from '@/server/users/api-tokens';
import { addMembership, makeUser } from '@/test/factories';

export const BASE = 'http://localhost:3999';

let n = 0;

export type Person = { id: string; email: string; token: string };

/** A user with an API token, optionally a member of spaces. */
export function person(siteRole: SiteRole, spaces: [spaceId: string, role: SpaceRole][] = []): Person {
  n += 1;
  const email = `person${n}-${siteRole}@coopol.test`;
  const u = makeUser({ name: `Personne ${n}`, email, siteRole });
  for (const [spaceId, role] of spaces) addMembership(u, { id: spaceId }, role);
  return { id: u.id, email, token: createApiToken(u.id, 'test').token };
}

export const viewerOf = (p: Person) => loadViewer(p.id);

/** National → federation → two sections, and a group, created by a site admin. */
export function territory() {
  const admin = person('admin');
  const va = viewerOf(admin);
  const national = ensureNationalSpace();
  const federation = createSubspace(va, { parentId: national.id, name: `Bas-Rhin ${++n}` });
  const section = createSubspace(va, { parentId: federation.id, name: `Strasbourg-Centre ${n}` });
  const otherSection = createSubspace(va, { parentId: federation.id, name: `Colmar ${n}` });
  const group = createGroup(va, { name: `Écologie ${n}` });
  return { admin, national, federation, section, otherSection, group };
}

type Init = { method?: string; token?: string; body?: unknown; headers?: Record<string, string> };

/** A request as a client sends it: JSON body, bearer token. Strings are sent as they are. */
export function req(path: string, init: Init = {}): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`${BASE}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
}

export const params = <P>(p: P) => ({ params: Promise.resolve(p) });

/** Status, headers and parsed JSON (null for an empty body) of a response. */
export async function read(res: Response): Promise<{ status: number; headers: Headers; text: string; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}
