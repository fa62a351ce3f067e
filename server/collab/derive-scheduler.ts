/**
 * When a room derives (text, links, search, authors): once edits pause for `debounceMs`, and at
 * least every `maxWaitMs` while they go on, with everyone who edited since the last run.
 */
export class DeriveScheduler {
  private editors = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private dirtySince = 0;

  constructor(
    private readonly timing: { deriveDebounceMs: number; deriveMaxWaitMs: number },
    private readonly derive: (editorIds: string[]) => void,
  ) {}

  /** `userId` changed the document: derive after the pause (or the longest wait). */
  markDirty(userId: string): void {
    this.editors.add(userId);
    const now = Date.now();
    if (!this.timer) this.dirtySince = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.timing.deriveDebounceMs, this.dirtySince + this.timing.deriveMaxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  /** Derives now if anything is pending. Returns whether it derived. */
  flush(): boolean {
    this.cancel();
    if (this.editors.size === 0) return false;
    const editors = [...this.editors];
    this.editors.clear();
    this.derive(editors);
    return true;
  }

  /** Drops the pending timer (the edits stay pending until the next flush). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
