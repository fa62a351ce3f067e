/**
 * Configuration, validated once with zod. A missing AUTH_SECRET is generated and kept in
 * DATA_DIR so the server, the CLI and a restart all sign with the same key.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import { dataDir } from '@/db/client';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  AUTH_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Coopol <ne-pas-repondre@coopol.test>'),
  COOPOL_DEMO: z.enum(['0', '1']).default('0'),
  /** Session lifetime in seconds (30 days by default). */
  SESSION_MAX_AGE: z.coerce.number().int().positive().default(30 * 86400),
  /** Sign-in link lifetime in seconds (1 hour by default; 5 minutes to 7 days). */
  SIGN_IN_LINK_MAX_AGE: z.coerce.number().int().min(300).max(7 * 86400).default(3600),
  /** Reverse proxies in front of Coopol whose X-Forwarded-For is believed (0: none). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; AUTH_URL: string };

let cached: Env | null = null;

function loadSecret(): string {
  const file = path.join(dataDir(), 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const secret = e.AUTH_SECRET ?? loadSecret();
  process.env.AUTH_SECRET = secret;
  cached = { ...e, AUTH_SECRET: secret, AUTH_URL: e.AUTH_URL ?? `http://localhost:${e.PORT}` };
  return cached;
}

export const isDemo = (): boolean => process.env.COOPOL_DEMO === '1';
