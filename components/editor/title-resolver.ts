/**
 * Current titles of wiki-link targets, resolved by the server in batches: every link node view
 * asks for its id; ids asked within a few milliseconds go in one request. `null` means the viewer
 * may not read the target (shown as "page privée"); `undefined` means not known yet.
 */
type Listener = (title: string | null) => void;

const BATCH_DELAY_MS = 30;
const MAX_BATCH = 200;

export class TitleResolver {
  private titles = new Map<string, string | null>();
  private listeners = new Map<string, Set<Listener>>();
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly fetchTitles: (ids: string[]) => Promise<Record<string, string | null>>) {}

  get(id: string): string | null | undefined {
    return this.titles.get(id);
  }

  /** Records a title already known (a page just created or picked in the suggestion). */
  remember(id: string, title: string): void {
    this.titles.set(id, title);
    this.listeners.get(id)?.forEach((l) => l(title));
  }

  /** Calls `listener` with the id's title now (if known) and whenever it changes. */
  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    const known = this.titles.get(id);
    if (known !== undefined) listener(known);
    else this.enqueue([id]);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Asks again for every title on screen (after a rename elsewhere, when the tab comes back). */
  refresh(): void {
    this.enqueue([...this.listeners.keys()]);
  }

  private enqueue(ids: string[]): void {
    ids.forEach((id) => this.pending.add(id));
    this.timer ??= setTimeout(() => void this.flush(), BATCH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const ids = [...this.pending].slice(0, MAX_BATCH);
    ids.forEach((id) => this.pending.delete(id));
    if (this.pending.size) this.timer = setTimeout(() => void this.flush(), 0);
    if (ids.length === 0) return;
    let result: Record<string, string | null>;
    try {
      result = await this.fetchTitles(ids);
    } catch {
      return; // offline: the links keep their placeholder until the next refresh
    }
    for (const id of ids) {
      const title = result[id] ?? null;
      if (this.titles.get(id) === title) continue;
      this.titles.set(id, title);
      this.listeners.get(id)?.forEach((l) => l(title));
    }
  }
}
