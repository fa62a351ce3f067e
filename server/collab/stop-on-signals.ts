import type http from 'node:http';
import type { CollabServer } from './server';

/**
 * SIGTERM / SIGINT: stop the other work (`beforeStop`: the job worker finishes the job in
 * progress), flush pending derivations and compactions and close every socket
 * (`collab.shutdown`), then stop accepting requests and exit.
 * The same wiring serves the app process and the collab tests' child process.
 */
const BEFORE_STOP_MS = 8000;

export function stopOnSignals(server: http.Server, collab: CollabServer, beforeStop: () => void | Promise<void> = () => {}): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // The job in progress gets a few seconds (an SMTP server that hangs must not hold the exit).
    const worker = Promise.race([Promise.resolve().then(beforeStop), new Promise((r) => setTimeout(r, BEFORE_STOP_MS).unref())]);
    void Promise.allSettled([worker, collab.shutdown()]).finally(() => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
