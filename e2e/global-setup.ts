/**
 * Starts what every spec needs and tears it down afterwards:
 *  - a temp DATA_DIR (fresh database, seeded with the demo: COOPOL_DEMO=1);
 *  - a real SMTP server (smtp-server) in this process, whose mails are parsed with mailparser and
 *    served to the workers as JSON on a loopback HTTP port (`GET /mails`);
 *  - the built app (`node --import tsx server/index.ts`, NODE_ENV=production) on a free port,
 *    awaited through `GET /api/health`.
 * Workers find them through the E2E_* environment variables set here (inherited by workers).
 * E2E_DEV=1 runs the app in dev mode instead (to check this set-up without a build).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { StoredMail } from './mail-types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Listens on an ephemeral loopback port; `address` reads the bound port (SMTPServer keeps its net.Server inside). */
function listen(server: { listen: (port: number, host: string, cb: () => void) => unknown }, address: () => net.AddressInfo): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(address().port));
  });
}

async function startSmtp(mails: StoredMail[]): Promise<{ port: number; close: () => Promise<void> }> {
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          mails.push({
            id: mails.length + 1,
            receivedAt: Date.now(),
            to: envelopeTo,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  const port = await listen(smtp, () => smtp.server.address() as net.AddressInfo);
  return { port, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** `GET /mails` → every mail received so far, oldest first. */
async function startMailApi(mails: StoredMail[]): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/mails')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(mails));
      return;
    }
    res.writeHead(404).end();
  });
  const port = await listen(server, () => server.address() as net.AddressInfo);
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function waitForHealth(base: string, app: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (app.exitCode !== null) break;
    try {
      const res = await fetch(`${base}/api/health`);
      const body = await res.text();
      last = `${res.status} ${body}`;
      if (res.ok && (JSON.parse(body) as { status?: string }).status === 'ok') return;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '';
  throw new Error(`The app did not answer ${base}/api/health with {"status":"ok"} (last: ${last}; exit code ${app.exitCode}).\n--- server log ---\n${log}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dev = process.env.E2E_DEV === '1';
  if (!dev && !fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    throw new Error('No production build in .next/: run `npx next build` first (scripts/e2e.mjs does it), or set E2E_DEV=1.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coopol-e2e-'));
  const mails: StoredMail[] = [];
  const smtp = await startSmtp(mails);
  const mailApi = await startMailApi(mails);
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? 'development' : 'production',
    COOPOL_DEMO: '1',
    PORT: String(port),
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    AUTH_URL: base,
    JOB_POLL_MS: '200',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete appEnv.AUTH_SECRET; // the server and the CLI share the one kept in DATA_DIR
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const app = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'index.ts')], {
    cwd: root,
    env: appEnv,
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so teardown ends the server and nothing else
  });

  const teardown = async () => {
    if (app.exitCode === null && app.pid) {
      const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
      try {
        process.kill(-app.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          if (app.pid) process.kill(-app.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    await Promise.all([smtp.close(), mailApi.close()]);
    if (process.env.E2E_KEEP_DATA === '1') console.log(`[e2e] data and server log kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(base, app, logFile, dev ? 240_000 : 120_000);
  } catch (e) {
    await teardown();
    throw e;
  }

  process.env.E2E_BASE_URL = base;
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_MAIL_API = `http://127.0.0.1:${mailApi.port}`;
  process.env.E2E_SERVER_LOG = logFile;
  return teardown;
}
