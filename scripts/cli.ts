/**
 * Admin tasks from the shell: `npm run cli -- <command> [--flags]`. Every command honours
 * DATA_DIR and prints its result on the last line of stdout; errors go to stderr with exit code 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { users, SITE_ROLES } from '@/db/schema';
import { seedDemoIfEmpty } from '@/seeds/demo';
import { insertUser } from '@/seeds/people';
import { seedScale, type ScaleOptions } from '@/seeds/scale';
import { isAppError } from '@/lib/errors';
import { createSignInLink } from '@/server/auth/sign-in-link';
import { env } from '@/server/env';
import { emailSchema } from '@/server/auth/request-sign-in';
import { setRegistrationOpen } from '@/server/settings/site-settings';
import { reindexSearch } from '@/server/search/reindex';
import { createApiToken } from '@/server/users/api-tokens';
import type { Viewer } from '@/server/policy';

const USAGE = `Usage: npm run cli -- <command> [--flags]

  user:create --email E --name N [--role citizen|member|admin]
  token:create --email E [--name N]          prints an API token
  login-link --email E [--callback /path]    prints a one-time sign-in URL
  seed:demo                                  seeds the demo into an empty database
  seed:scale [--federations 100 --sections 4000 --members 300000 --groups 2000 --pages 200000 --pool 5000]
  registration:open | registration:close
  backup --out FILE                          online SQLite backup
  search:reindex                             rebuilds the search indexes from the stored documents

DATA_DIR selects the database (default ./data).`;

class UsageError extends Error {}

/** Whoever runs the CLI operates the site: site-admin rights, attached to no account. */
const OPERATOR: Viewer = { id: 'cli', siteRole: 'admin', roles: new Map(), managedPaths: [] };

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`Missing --${flag}.`);
  return value;
}

function userIdByEmail(raw: string): string {
  const email = emailSchema.parse(raw);
  const user = db().select({ id: users.id, deletedAt: users.deletedAt }).from(users).where(eq(users.email, email)).get();
  if (!user || user.deletedAt) throw new UsageError(`No account uses ${email}.`);
  return user.id;
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} takes a whole number.`);
  return n;
}

async function run(argv: string[]): Promise<string> {
  const { values: f, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      callback: { type: 'string' },
      out: { type: 'string' },
      federations: { type: 'string' },
      sections: { type: 'string' },
      members: { type: 'string' },
      groups: { type: 'string' },
      pages: { type: 'string' },
      pool: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (f.help || !command) return USAGE;
  if (positionals.length > 1) throw new UsageError(`Unexpected argument: ${positionals[1]}`);
  env(); // Fixes AUTH_SECRET from DATA_DIR, so links and tokens match the server's.

  switch (command) {
    case 'user:create': {
      const email = emailSchema.parse(required(f.email, 'email'));
      const name = z.string().trim().min(1).max(100).parse(required(f.name, 'name'));
      const siteRole = z.enum(SITE_ROLES).parse(f.role ?? 'citizen');
      if (db().select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new UsageError(`An account already uses ${email}.`);
      return insertUser({ email, name, siteRole });
    }
    case 'token:create': {
      const userId = userIdByEmail(required(f.email, 'email'));
      return createApiToken(userId, f.name ?? 'CLI').token;
    }
    case 'login-link': {
      const email = required(f.email, 'email');
      userIdByEmail(email); // only known accounts: a link must not create one behind the registration rules
      const callback = f.callback ?? '/';
      if (!callback.startsWith('/') || callback.startsWith('//')) throw new UsageError('--callback takes a path starting with /.');
      return createSignInLink(emailSchema.parse(email), callback);
    }
    case 'seed:demo': {
      if (!(await seedDemoIfEmpty())) throw new UsageError('The database already has accounts: the demo seeds only an empty one.');
      return 'Demo seeded.';
    }
    case 'seed:scale': {
      const opts: ScaleOptions = {
        federations: count(f.federations, 'federations'),
        sections: count(f.sections, 'sections'),
        members: count(f.members, 'members'),
        groups: count(f.groups, 'groups'),
        pages: count(f.pages, 'pages'),
        bodyPool: count(f.pool, 'pool'),
      };
      return JSON.stringify(await seedScale(opts));
    }
    case 'registration:open':
    case 'registration:close': {
      const open = command === 'registration:open';
      setRegistrationOpen(OPERATOR, open);
      return `Registration ${open ? 'open' : 'closed'}.`;
    }
    case 'search:reindex': {
      const r = reindexSearch((done, total) => process.stderr.write(`\r${done}/${total} pages`));
      process.stderr.write('\n');
      return `Indexed ${r.indexed} pages (${r.public} published).`;
    }
    case 'backup': {
      const out = path.resolve(required(f.out, 'out'));
      await db().$client.backup(out);
      return out;
    }
    default:
      throw new UsageError(`Unknown command ${command}.\n\n${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${result}\n`);
  },
  (e: unknown) => {
    const message =
      e instanceof z.ZodError
        ? e.issues.map((i) => i.message).join('; ')
        : e instanceof UsageError || isAppError(e) || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
          ? (e as Error).message
          : String(e instanceof Error ? (e.stack ?? e.message) : e);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  },
);
