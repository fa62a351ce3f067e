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

  it('reuses statements by SQL text, each run in the mode its query asks for', () => {
    const db = openDb(path.join(dataDir(), 'statements.sqlite'));
    db.run(sql`create table t (a integer, b text)`);
    db.run(sql`insert into t values (1, 'un'), (2, 'deux')`);
    const prepared = db.$client.prepare.bind(db.$client);
    let native = 0;
    db.$client.prepare = ((source: string) => (native++, prepared(source))) as typeof db.$client.prepare;
    // The same text read as arrays (raw mode), then as objects, then as arrays again.
    expect(db.values(sql`select a, b from t order by a`)).toEqual([[1, 'un'], [2, 'deux']]);
    expect(db.all(sql`select a, b from t order by a`)).toEqual([{ a: 1, b: 'un' }, { a: 2, b: 'deux' }]);
    expect(db.get(sql`select a, b from t order by a`)).toEqual({ a: 1, b: 'un' });
    expect(db.values(sql`select a, b from t order by a`)).toEqual([[1, 'un'], [2, 'deux']]);
    // Hand-written statements on the connection itself are not shared with drizzle's.
    const plucked = db.$client.prepare('select a, b from t order by a').pluck();
    expect(plucked.all()).toEqual([1, 2]);
    expect(db.all(sql`select a, b from t order by a`)).toEqual([{ a: 1, b: 'un' }, { a: 2, b: 'deux' }]);
    expect(native).toBe(2); // drizzle's text once (then its cache), and the hand-written one
  });
});
