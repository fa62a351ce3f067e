import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db, openDb, useDb } from '@/db/client';
import { GET } from './route';

describe('GET /api/health', () => {
  it('answers ok when the database answers', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('answers 503 when the database does not', async () => {
    const real = db();
    const broken = openDb(path.join(process.env.DATA_DIR!, 'broken.sqlite'));
    broken.$client.close();
    useDb(broken);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable' });
    } finally {
      useDb(real);
    }
  });
});
