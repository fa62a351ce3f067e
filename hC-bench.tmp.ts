import { db } from '@/db/client';
import { sql } from 'drizzle-orm';
import { loadViewer } from '@/server/auth/load-viewer';
import { searchPages } from '@/server/search/search';
const d = db();
const n = d.get<{n:number}>(sql`select count(*) n from pages`);
console.log('pages', n);
const member = d.get<{id:string}>(sql`select u.id from users u join memberships m on m.user_id=u.id where u.site_role='member' limit 1`)!;
const v = loadViewer(member.id);
const admin = d.get<{id:string}>(sql`select id from users where site_role='admin' limit 1`);
const qs = ['élection municipale', 'transport public', 'logement social', 'budget participatif', 'les propositions', 'eau', 'réunion section', 'assemblée générale'];
for (const [name, viewer] of [['member', v], ['anon', null], ['admin', admin ? loadViewer(admin.id) : null]] as const) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) for (const q of qs) { const t = performance.now(); const r = searchPages(viewer, q, { limit: 20 }); times.push(performance.now() - t); if (i === 0) console.log(name, q, r.data.length, (performance.now()-t).toFixed(1)); }
  times.sort((a, b) => a - b);
  console.log(name, 'p50', times[Math.floor(times.length*0.5)].toFixed(1), 'p95', times[Math.floor(times.length*0.95)].toFixed(1));
}
