/**
 * The collaboration server alone, for the benches: the real `createCollabServer` (auth on upgrade,
 * persist-before-relay, derivation) on an HTTP server of its own, without Next (which would need
 * a build). `DATA_DIR` selects the database, `PORT` the port (0: any free one); prints
 * `listening <port>` once ready. `GET /stats` answers the open rooms and memory.
 *   DATA_DIR=/tmp/x PORT=0 node --import tsx bench/lib/collab-server.ts
 */
import http from 'node:http';
import { db } from '@/db/client';
import { createCollabServer } from '@/server/collab/server';
import { env } from '@/server/env';
import { derivePage } from '@/server/pages/derive';

env();
db(); // opens and migrates before the first connection
const collab = createCollabServer({ derive: derivePage });
collab.recoverUpdateLogs(); // as server/index.ts does
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

const server = http.createServer((req, res) => {
  if (req.url === '/stats') {
    const mem = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ rooms: collab.rooms.size, rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed) }));
    return;
  }
  res.writeHead(404).end();
});
server.on('upgrade', (req, socket, head) => {
  if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  void collab.shutdown().finally(() => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
