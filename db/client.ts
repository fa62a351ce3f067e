import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { foldText } from '../lib/text/fold';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** Opens (and migrates) a database file: WAL, foreign keys on. */
export function openDb(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of SQLite's own page cache (the default is 2 MiB): the hot pages of a large party's
  // database stay in the process instead of being read again through the kernel.
  sqlite.pragma('cache_size = -65536');
  // Case- and accent-insensitive comparisons in SQL (« ines » finds « Inès »): SQLite's lower()
  // folds ASCII only.
  sqlite.function('coopol_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldText(s) : null));
  const db = drizzle(withStatementCache(sqlite), { schema }) as Db;
  // Hand-written statements (the collaboration log, the seed) use the connection itself: their
  // modes (pluck) stay theirs.
  (db as { $client: Database.Database }).$client = sqlite;
  // Transactions take the write lock as they begin (BEGIN IMMEDIATE). A deferred one that reads,
  // then writes, fails at once with SQLITE_BUSY when another connection (the CLI, a backup)
  // committed in between, and busy_timeout cannot save it; an immediate one waits its turn.
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn, config) => deferred(fn, { behavior: 'immediate', ...config })) as Db['transaction'];
  migrate(db, { migrationsFolder: MIGRATIONS });
  // Keeps the query planner's statistics fresh (cheap; analyses only what needs it).
  sqlite.pragma('optimize=0x10002');
  return db;
}

/** Statements kept per connection for drizzle, by SQL text (least recently used dropped first). */
const STATEMENT_CACHE = 500;

/**
 * The connection as drizzle sees it: `prepare` keeps its statements. drizzle prepares the SQL of
 * every query each time it runs, and SQLite's prepare was the largest cost of a request after
 * rendering. A statement finishes before the call that runs it returns (better-sqlite3 is
 * synchronous and drizzle never iterates), so one statement can serve every query of that text;
 * drizzle switches raw mode on where it reads rows as arrays, so a statement taken from the cache
 * is set back to objects first.
 */
function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
      if (stmt.reader) stmt.raw(false);
    } else {
      stmt = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return Object.create(sqlite, { prepare: { value: prepare } }) as Database.Database;
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || './data');
}

export function dbFile(): string {
  return path.join(dataDir(), 'coopol.sqlite');
}

// Next bundles route code separately from the custom server: the handle lives on globalThis so
// the whole process shares one connection.
const g = globalThis as unknown as { __coopolDb?: Db };

/** The process's one database handle. */
export function db(): Db {
  if (!g.__coopolDb) g.__coopolDb = openDb(dbFile());
  return g.__coopolDb;
}

/** Tests: point the process at another database file. */
export function useDb(handle: Db): void {
  g.__coopolDb = handle;
}
