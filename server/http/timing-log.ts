/**
 * Server time of requests, for the HTTP benchmark: with `COOPOL_TIMING_LOG=FILE`, each request
 * carrying an `x-bench-id` header appends `<id> <ms>` to FILE, measured from the moment Node
 * hands the request to us until the last byte of the response is handed to the OS. The bench
 * (`bench/http.ts --timing-log FILE`) joins these to its own samples. Off unless set.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

const ID = /^[\w-]{1,64}$/;

export function requestTimer(file = process.env.COOPOL_TIMING_LOG): ((req: IncomingMessage, res: ServerResponse) => void) | null {
  if (!file) return null;
  const out = fs.createWriteStream(file, { flags: 'a' });
  out.on('error', (e) => console.error('[coopol] timing log:', e.message));
  return (req, res) => {
    const id = req.headers['x-bench-id'];
    if (typeof id !== 'string' || !ID.test(id)) return;
    const start = process.hrtime.bigint();
    res.once('finish', () => out.write(`${id} ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}\n`));
  };
}
