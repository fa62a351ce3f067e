import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pino'],
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` runs tsc once, in the test command
};

export default withNextIntl(nextConfig);
