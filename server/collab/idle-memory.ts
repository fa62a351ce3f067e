/**
 * When the last open document has been unloaded, the memory the rooms used is handed back to
 * the system: one full garbage collection, a few seconds later, if nothing reopened meanwhile.
 * V8 otherwise keeps the heap it grew to (the young generation especially) for a long time, and
 * a server that served 500 documents at 9 o'clock would hold their memory all night. The
 * collector is taken from V8 at run time (as `--expose-gc` would give it); without it, nothing
 * happens.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const IDLE_GC_DELAY_MS = 5000;

let collect: (() => void) | null | undefined;
export function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

let timer: NodeJS.Timeout | null = null;

/** Call when the number of open rooms changes; `open` is the new count. */
export function roomsChanged(open: number): void {
  if (open > 0) {
    if (timer) clearTimeout(timer);
    timer = null;
    return;
  }
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    collector()?.();
  }, IDLE_GC_DELAY_MS);
  timer.unref();
}
