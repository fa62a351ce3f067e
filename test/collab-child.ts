/**
 * A collaboration server in its own process, over DATA_DIR's database, for tests that kill it
 * (`kill -9`) or stop (SIGTERM, wired as in server/index.ts) and start again. Prints
 * `{"port": N}` on one line once it listens.
 * Run: `node --import tsx test/collab-child.ts` with DATA_DIR, AUTH_SECRET and AUTH_URL set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { db } from '@/db/client';
import { createCollabServer } from '@/server/collab/server';
import { stopOnSignals } from '@/server/collab/stop-on-signals';
import { derivePage } from '@/server/pages/derive';

db();
// CHILD_DERIVE_DEBOUNCE_MS lets a test keep derivations pending until the process is stopped.
const debounce = Number(process.env.CHILD_DERIVE_DEBOUNCE_MS ?? 50);
const collab = createCollabServer({ derive: derivePage, config: { deriveDebounceMs: debounce, deriveMaxWaitMs: Math.max(debounce, 1000) } });
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (req, socket, head) => {
  if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
});
stopOnSignals(server, collab);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
