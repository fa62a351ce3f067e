/**
 * The HTTP bench's floor (`bench/http.ts`): the cheapest dynamic page the App Router can serve,
 * rendered per request under the root layout but outside the (app) shell, with no database, no
 * session and no translation of its own. The bench reports every endpoint's server time as a
 * ratio to this page's. It exists only in a server started with COOPOL_BENCH_FLOOR=1; anywhere
 * else it is the same 404 as any unknown address.
 */
import { notFound } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default function BenchFloor() {
  if (process.env.COOPOL_BENCH_FLOOR !== '1') notFound();
  return (
    <main id="main">
      <p>Coopol</p>
    </main>
  );
}
