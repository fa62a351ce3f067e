import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./server/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets several builds sit side by side (parallel work on one checkout); .next by default.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Native or stateful modules stay outside the bundle: one Yjs instance per process.
  // prosemirror-model too: y-tiptap (outside) and the bundled schema (@tiptap/pm/model) must
  // share one copy, or `Node.fromJSON` fails ("multiple versions of prosemirror-model").
  serverExternalPackages: ['better-sqlite3', 'pino', 'yjs', 'y-protocols', 'lib0', '@tiptap/y-tiptap', 'prosemirror-model'],
  // Server code keeps its names: readable stack traces in the log and in CPU profiles.
  experimental: { serverMinification: false },
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc once, in the test command
};

export default withNextIntl(nextConfig);
