/**
 * Playwright fixtures (cal.com style, `test.extend`): every helper goes through a real channel —
 * the admin CLI (`npm run cli -- …`) for accounts, sign-in links and API tokens, the test SMTP
 * server for mails, the JSON API for data set-up. Each test creates its own data with unique names.
 *
 * Fixture callbacks name their continuation `provide` rather than `use`, so that the React hooks
 * lint rule does not mistake it for React's `use()`.
 */
/* eslint-disable no-empty-pattern -- Playwright fixtures declare "no dependencies" with `{}`. */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { StoredMail } from './mail-types';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PERSONAS = {
  admin: 'admin@coopol.test',
  federation: 'federation@coopol.test',
  secretary: 'secretaire@coopol.test',
  member: 'militante@coopol.test',
  colmar: 'militant.colmar@coopol.test',
  citizen: 'citoyen@coopol.test',
} as const;

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the specs through playwright.config.ts (global set-up).');
  return url;
}

/** A name no other test (nor another run) uses. */
export function unique(prefix: string): string {
  return `${prefix} ${crypto.randomBytes(4).toString('hex')}`;
}

export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}.${crypto.randomBytes(5).toString('hex')}@exemple.test`;
}

/** Runs `npm run cli -- …` against the test server's database; returns the last stdout line. */
export async function cli(...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, AUTH_URL: baseUrl(), NODE_ENV: 'production' };
  delete env.AUTH_SECRET;
  try {
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: root, env, timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    return lines[lines.length - 1]!.trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`npm run cli -- ${args.join(' ')} failed: ${err.stderr?.trim() || err.message}`);
  }
}

/** Creates an account through the CLI; returns its id. */
export function createUser(email: string, name: string, role: 'citizen' | 'member' | 'admin' = 'citizen'): Promise<string> {
  return cli('user:create', '--email', email, '--name', name, '--role', role);
}

/** Signs `page` in as `email` through a one-time link printed by the CLI (the mailed link's twin). */
export async function signInAs(page: Page, email: string, callbackPath = '/'): Promise<void> {
  // A newer link voids the older ones of an address: when two workers sign the same persona in
  // at once, the first link may be void by the time it is opened. Ask again, as a person would.
  for (let attempt = 1; ; attempt++) {
    const url = await cli('login-link', '--email', email, '--callback', callbackPath);
    await page.goto(url);
    if (attempt >= 4 || !/\/connexion\?error=/.test(page.url())) break;
  }
  await expect(page).not.toHaveURL(/\/api\/auth\/|\/connexion/);
}

export type Inbox = {
  /** Every mail received so far for `to`. */
  list(to: string): Promise<StoredMail[]>;
  /** Waits for a mail to `to` (matching `subject` if given) received after `since`. */
  waitFor(to: string, opts?: { subject?: string | RegExp; since?: number; timeoutMs?: number }): Promise<StoredMail>;
};

async function allMails(): Promise<StoredMail[]> {
  const res = await fetch(`${process.env.E2E_MAIL_API}/mails`);
  return (await res.json()) as StoredMail[];
}

export const inbox: Inbox = {
  async list(to) {
    const addr = to.toLowerCase();
    return (await allMails()).filter((m) => m.to.includes(addr));
  },
  async waitFor(to, { subject, since = 0, timeoutMs = 20_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await inbox.list(to)).find(
        (m) => m.receivedAt >= since && (subject === undefined || (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject))),
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to}${subject ? ` (subject ${subject})` : ''} within ${timeoutMs} ms.`);
      await new Promise((r) => setTimeout(r, 200));
    }
  },
};

/** The URLs of a mail's text, in order. */
export function linksIn(mail: StoredMail): string[] {
  return [...mail.text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}

/** The sign-in link of a mail (`…/api/auth/callback/nodemailer?…`). */
export function signInLinkIn(mail: StoredMail): string {
  const link = linksIn(mail).find((u) => u.includes('/api/auth/callback/nodemailer'));
  if (!link) throw new Error(`No sign-in link in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}

/** A JSON API client authenticated with `token` (or anonymous). */
export type Api = {
  token: string | null;
  get(path: string): Promise<{ status: number; body: string; json: () => unknown }>;
  post(path: string, data: unknown): Promise<{ status: number; body: string; json: () => unknown }>;
  put(path: string, data: unknown): Promise<{ status: number; body: string; json: () => unknown }>;
  patch(path: string, data: unknown): Promise<{ status: number; body: string; json: () => unknown }>;
  dispose(): Promise<void>;
};

export async function apiClient(token: string | null): Promise<Api> {
  const ctx: APIRequestContext = await playwrightRequest.newContext({
    baseURL: baseUrl(),
    extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const wrap = async (p: Promise<import('@playwright/test').APIResponse>) => {
    const res = await p;
    const body = await res.text();
    return { status: res.status(), body, json: () => JSON.parse(body) as unknown };
  };
  return {
    token,
    get: (p) => wrap(ctx.get(p, { maxRedirects: 0 })),
    post: (p, data) => wrap(ctx.post(p, { data, maxRedirects: 0 })),
    put: (p, data) => wrap(ctx.put(p, { data, maxRedirects: 0 })),
    patch: (p, data) => wrap(ctx.patch(p, { data, maxRedirects: 0 })),
    dispose: () => ctx.dispose(),
  };
}

export type SpaceJson = { id: string; kind: string; name: string; parentId: string | null };
export type PageJson = { id: string; title: string; spaceId: string; visibility: string; status: string; url: string; revision: string | null };

/** Finds a space by kind and exact name through `GET /api/v1/spaces` (paging through). */
export async function findSpace(api: Api, kind: 'national' | 'federation' | 'section' | 'group', name: string): Promise<SpaceJson> {
  let cursor: string | null = null;
  for (;;) {
    const q = new URLSearchParams({ kind, limit: '100' });
    if (cursor) q.set('cursor', cursor);
    const res = await api.get(`/api/v1/spaces?${q}`);
    expect(res.status, res.body).toBe(200);
    const page = res.json() as { data: SpaceJson[]; nextCursor: string | null };
    const found = page.data.find((s) => s.name === name);
    if (found) return found;
    if (!page.nextCursor) throw new Error(`No ${kind} named ${name}.`);
    cursor = page.nextCursor;
  }
}

/** Creates a page through `POST /api/v1/pages`. */
export async function createPageViaApi(
  api: Api,
  input: { spaceId: string; title: string; visibility: 'public' | 'members' | 'space'; status: 'draft' | 'published'; markdown?: string },
): Promise<PageJson> {
  const res = await api.post('/api/v1/pages', input);
  expect(res.status, res.body).toBe(201);
  return res.json() as PageJson;
}

type Fixtures = {
  /** Signs a page in as `email` (CLI one-time link). */
  signInAs: (page: Page, email: string, callbackPath?: string) => Promise<void>;
  inbox: Inbox;
  /** A fresh API token for `email` (CLI `token:create`). */
  apiToken: (email: string) => Promise<string>;
  /** An API client for `email` (a fresh token), or anonymous with `null`; disposed after the test. */
  apiAs: (email: string | null) => Promise<Api>;
};

export const test = base.extend<Fixtures>({
  baseURL: async ({}, provide) => {
    await provide(baseUrl());
  },
  signInAs: async ({}, provide) => {
    await provide(signInAs);
  },
  inbox: async ({}, provide) => {
    await provide(inbox);
  },
  apiToken: async ({}, provide) => {
    await provide((email) => cli('token:create', '--email', email));
  },
  apiAs: async ({}, provide) => {
    const made: Api[] = [];
    await provide(async (email) => {
      const api = await apiClient(email ? await cli('token:create', '--email', email) : null);
      made.push(api);
      return api;
    });
    await Promise.all(made.map((a) => a.dispose()));
  },
});

export { expect };

/** Signs in a new browser context (a second person at their own computer) and opens `path`. */
export async function personAt(browser: Browser, email: string, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, path);
  return { context, page };
}

/** The live editor's text area (tiptap, bound to the page's Yjs document). */
/**
 * A space's page shows the first 25 top-level pages of its tree; this shows them all. The e2e
 * database's section grows as specs add pages to it, so a page just made may be further down.
 */
export async function showWholeTree(page: Page): Promise<void> {
  const main = page.getByRole('main');
  await expect(main.getByRole('tree', { name: 'Pages' })).toBeVisible();
  const more = main.getByRole('button', { name: /^Afficher (l’autre page|les \d+ autres pages)$/ });
  if ((await more.count()) > 0) await more.click();
}

export function liveEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Texte de la page' });
}

/** Waits until the editor's status chip says it is connected (and synced) to the collab server. */
export async function expectConnected(page: Page): Promise<void> {
  await expect(page.locator('.live-editor').getByRole('status').filter({ hasText: /^\s*Connecté\s*$/ })).toBeVisible();
  await expect(liveEditor(page)).toBeVisible();
}

/** Places the caret at the very end of the live document (clicking, then Ctrl+End). */
export async function caretAtEnd(page: Page): Promise<void> {
  await placeCaret(page, 'end');
}

/**
 * Puts the caret at the start or the end of the live editor, and waits until the browser's
 * selection is really there (a click's own caret can land after the key press when the page is
 * busy: the first keys typed then went to the clicked spot). Others' caret labels do not count.
 */
export async function placeCaret(page: Page, where: 'start' | 'end'): Promise<void> {
  const editor = liveEditor(page);
  await editor.click();
  await expect
    .poll(async () => {
      await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
      return editor.evaluate((el, at) => {
        const sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || !el.contains(sel.anchorNode) || !sel.isCollapsed) return false;
        const range = document.createRange();
        range.selectNodeContents(el);
        if (at === 'start') range.setEnd(sel.anchorNode!, sel.anchorOffset);
        else range.setStart(sel.anchorNode!, sel.anchorOffset);
        const rest = range.cloneContents();
        rest.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
        return (rest.textContent ?? '').trim() === '';
      }, where);
    })
    .toBe(true);
}

/** The display name of the account behind `api` (`GET /api/v1/me`). */
export async function nameOf(api: Api): Promise<string> {
  const res = await api.get('/api/v1/me');
  expect(res.status, res.body).toBe(200);
  return (res.json() as { name: string }).name;
}

/** The live document's text as its reader sees it, without the others' caret labels (paragraphs joined by newlines). */
export function docText(page: Page): Promise<string> {
  return liveEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return [...copy.children].map((c) => c.textContent ?? '').join('\n');
  });
}
