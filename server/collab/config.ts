import { CLOSE } from '@/lib/collab/close-codes';
import { compactEveryDefault } from '@/server/documents/config';

/** Limits of the collaboration server, from the environment (benchmarks raise them). */
function num(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export type CollabConfig = {
  maxMessageBytes: number;
  maxConnectionsPerPage: number;
  maxConnectionsPerIp: number;
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messageRate: number;
  messageBurst: number;
  /** A client whose unsent data grows past this is closed (it stopped reading). */
  maxBufferedBytes: number;
  idleUnloadMs: number;
  deriveDebounceMs: number;
  deriveMaxWaitMs: number;
  /** Compact the update log once it holds this many rows. */
  compactEvery: number;
  accessRecheckMs: number;
  /** One client's awareness state (its caret, selection) above this is refused, not relayed. */
  maxAwarenessStateBytes: number;
};

export function collabConfig(overrides: Partial<CollabConfig> = {}): CollabConfig {
  return {
    maxMessageBytes: num('COLLAB_MAX_MESSAGE_BYTES', 2 * 1024 * 1024),
    maxConnectionsPerPage: num('COLLAB_MAX_CONN_PER_PAGE', 300),
    maxConnectionsPerIp: num('COLLAB_MAX_CONN_PER_IP', 60),
    messageRate: num('COLLAB_MESSAGE_RATE', 100),
    messageBurst: num('COLLAB_MESSAGE_BURST', 500),
    maxBufferedBytes: num('COLLAB_MAX_BUFFERED_BYTES', 16 * 1024 * 1024),
    idleUnloadMs: num('COLLAB_IDLE_UNLOAD_MS', 10_000),
    deriveDebounceMs: num('COLLAB_DERIVE_DEBOUNCE_MS', 1500),
    deriveMaxWaitMs: num('COLLAB_DERIVE_MAX_WAIT_MS', 10_000),
    compactEvery: compactEveryDefault(),
    accessRecheckMs: num('COLLAB_ACCESS_RECHECK_MS', 30_000),
    maxAwarenessStateBytes: num('COLLAB_MAX_AWARENESS_STATE_BYTES', 4096),
    ...overrides,
  };
}

/** The close codes (one table with the editor's: lib/collab/close-codes.ts). */
export { CLOSE };
