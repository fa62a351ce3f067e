/** How every bench ends: one JSON line on stdout, or a readable error on stderr and exit 1. */
import { BenchError } from './harness';

export function runBench(main: () => Promise<Record<string, unknown>>): void {
  main().then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof BenchError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}

/** Progress on stderr (stdout carries only the result line). */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
