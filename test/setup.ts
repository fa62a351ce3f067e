/**
 * Every test file gets its own real SQLite file in a temp dir (migrated), and a fixed secret.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coopol-test-'));
process.env.DATA_DIR = dir;
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret';
process.env.AUTH_URL ??= 'http://localhost:3999';

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
