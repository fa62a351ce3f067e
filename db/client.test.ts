import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { dataDir, openDb } from './client';

describe('openDb', () => {
  it('runs transactions IMMEDIATE: one that reads then writes is not lost to another process writing in between', () => {
    const file = path.join(dataDir(), 'concurrent.sqlite');
    const db = openDb(file);
    db.run(sql`create table counters (n integer not null)`);
    db.run(sql`insert into counters values (0)`);
    // Another process (here a second connection) that gives up quickly when the lock is taken.
    const other = new Database(file, { timeout: 50 });
    let otherError: unknown = null;
    const n = db.transaction((tx) => {
      const before = tx.get<{ n: number }>(sql`select n from counters`)!.n;
      try {
        other.prepare('update counters set n = 100').run();
      } catch (e) {
        otherError = e;
      }
      tx.run(sql`update counters set n = ${before + 1}`);
      return before + 1;
    });
    // Deferred, the outer write would have failed with SQLITE_BUSY (its snapshot went stale);
    // immediate, it holds the lock and it is the other writer that waits and gives up.
    expect(n).toBe(1);
    expect((otherError as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
    expect(db.get<{ n: number }>(sql`select n from counters`)!.n).toBe(1);
    other.close();
    db.$client.close();
  });
});
