import type http from 'node:http';
import type { CollabServer } from './server';

/**
 * SIGTERM / SIGINT: stop the other work (`beforeStop`), flush pending derivations and
 * compactions and close every socket (`collab.shutdown`), then stop accepting requests and exit.
 * The same wiring serves the app process and the collab tests' child process.
 */
export function stopOnSignals(server: http.Server, collab: CollabServer, beforeStop: () => void = () => {}): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    beforeStop();
    void collab.shutdown().finally(() => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
