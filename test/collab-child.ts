/**
 * A collaboration server in its own process, over DATA_DIR's database, for tests that kill it
 * (`kill -9`) and start it again. Prints `{"port": N}` on one line once it listens.
 * Run: `node --import tsx test/collab-child.ts` with DATA_DIR, AUTH_SECRET and AUTH_URL set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { db } from '@/db/client';
import { createCollabServer } from '@/server/collab/server';
import { derivePage } from '@/server/pages/derive';

db();
const collab = createCollabServer({ derive: derivePage, config: { deriveDebounceMs: 50 } });
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (req, socket, head) => {
  if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
