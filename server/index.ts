/**
 * The Coopol process: one HTTP server on one port for the Next.js app and (later) the Yjs
 * websocket. Migrates the database, optionally seeds the demo, starts the job worker.
 */
import http from 'node:http';
import next from 'next';
import { db } from '@/db/client';
import { env, isDemo } from '@/server/env';
import { startJobWorker } from '@/server/jobs/worker';
import { clientIp } from '@/server/http/client-ip';
import { refusalBody, refusalOf } from '@/server/http/request-guard';
import { applySecurityHeaders } from '@/server/http/security-headers';
import { requestTimer } from '@/server/http/timing-log';
import { createCollabServer } from '@/server/collab/server';
import { stopOnSignals } from '@/server/collab/stop-on-signals';
import { derivePage } from '@/server/pages/derive';
import { backfillPublishedVersions } from '@/server/versions/versions';

async function main() {
  const e = env(); // validates configuration, fixes AUTH_SECRET
  process.env.AUTH_URL ??= e.AUTH_URL;
  db(); // opens and migrates
  if (isDemo()) {
    const { seedDemoIfEmpty } = await import('@/seeds/demo');
    const seeded = await seedDemoIfEmpty();
    if (seeded) console.log('[coopol] demo content seeded');
  }
  backfillPublishedVersions(); // idempotent: pages published before versions existed get theirs
  const dev = process.env.NODE_ENV !== 'production';
  const app = next({ dev, hostname: 'localhost', port: e.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const timeRequest = requestTimer();
  const siteOrigin = new URL(e.AUTH_URL).origin;
  const server = http.createServer((req, res) => {
    timeRequest?.(req, res);
    applySecurityHeaders(req, res, { origin: siteOrigin, dev });
    // What Next would answer with a 500 (bad percent-encoding, a cross-site server action).
    const refusal = refusalOf(req, siteOrigin);
    if (refusal) {
      const { contentType, body } = refusalBody(refusal, req.url);
      res.writeHead(refusal.status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
      return;
    }
    // The client's address for rate limits: the socket peer, or what trusted proxies saw.
    req.headers['x-coopol-ip'] = clientIp(req, e.TRUST_PROXY);
    void handle(req, res);
  });
  // Idle keep-alive connections stay open longer than clients keep theirs (Node's 5 s default
  // closed them just as a client reused one: the request failed with ECONNRESET), and longer
  // than the usual 60 s of a reverse proxy in front.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const collab = createCollabServer({ derive: derivePage });
  collab.recoverUpdateLogs(); // what a crash left, before anyone opens it
  server.on('upgrade', (req, socket, head) => {
    if (collab.handleUpgrade(req, socket, head)) return;
    // Next attaches its own listener for dev HMR (/_next/hmr). Anything else is refused.
    if (dev && req.url?.startsWith('/_next/')) return;
    socket.destroy();
  });
  const stopWorker = startJobWorker();
  server.listen(e.PORT, () => console.log(`[coopol] ready on ${e.AUTH_URL}${isDemo() ? ' (demo)' : ''}`));
  stopOnSignals(server, collab, stopWorker);
}

main().catch((err) => {
  console.error('[coopol] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
