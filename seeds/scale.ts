/**
 * A party-sized database for benchmarks: 100 federations, 4,000 sections, 300,000 members,
 * 2,000 groups, 200,000 pages. It starts from the demo (so the personas exist), then bulk-loads
 * the rest with prepared statements in batched transactions. It bypasses the domain functions
 * for speed but writes the rows they would: materialised paths, one section per member, a
 * Yjs state per page body with its plain text, authors, the version taken when a page was
 * published, the search index entry. Bodies come from a pool of generated documents
 * (converting 200,000 bodies to Yjs alone would take minutes).
 */
import { seededRandom } from '@/lib/random/seeded';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { JSONContent } from '@tiptap/core';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { jsonToText, jsonToYState } from '@/server/pages/body';
import { seedDemo } from './demo';
import { personAt } from './people';

export type ScaleOptions = {
  federations?: number;
  sections?: number;
  members?: number;
  groups?: number;
  pages?: number;
  /** Distinct page bodies to draw from. */
  bodyPool?: number;
  log?: (message: string) => void;
};

export type ScaleResult = { federations: number; sections: number; members: number; groups: number; pages: number; seconds: number };

const DEFAULTS = { federations: 100, sections: 4_000, members: 300_000, groups: 2_000, pages: 200_000, bodyPool: 5_000 };
const BATCH = 5_000;
const DAY = 86_400_000;

const DEPARTEMENTS = [
  'Ain', 'Aisne', 'Allier', 'Alpes-de-Haute-Provence', 'Hautes-Alpes', 'Alpes-Maritimes', 'Ardèche', 'Ardennes', 'Ariège', 'Aube',
  'Aude', 'Aveyron', 'Bouches-du-Rhône', 'Calvados', 'Cantal', 'Charente', 'Charente-Maritime', 'Cher', 'Corrèze', 'Corse-du-Sud',
  'Haute-Corse', 'Côte-d’Or', 'Côtes-d’Armor', 'Creuse', 'Dordogne', 'Doubs', 'Drôme', 'Eure', 'Eure-et-Loir', 'Finistère',
  'Gard', 'Haute-Garonne', 'Gers', 'Gironde', 'Hérault', 'Ille-et-Vilaine', 'Indre', 'Indre-et-Loire', 'Isère', 'Jura',
  'Landes', 'Loir-et-Cher', 'Loire', 'Haute-Loire', 'Loire-Atlantique', 'Loiret', 'Lot', 'Lot-et-Garonne', 'Lozère', 'Maine-et-Loire',
  'Manche', 'Marne', 'Haute-Marne', 'Mayenne', 'Meurthe-et-Moselle', 'Meuse', 'Morbihan', 'Moselle', 'Nièvre', 'Nord',
  'Oise', 'Orne', 'Pas-de-Calais', 'Puy-de-Dôme', 'Pyrénées-Atlantiques', 'Hautes-Pyrénées', 'Pyrénées-Orientales', 'Rhône', 'Haute-Saône', 'Saône-et-Loire',
  'Sarthe', 'Savoie', 'Haute-Savoie', 'Seine-Maritime', 'Seine-et-Marne', 'Yvelines', 'Deux-Sèvres', 'Somme', 'Tarn', 'Tarn-et-Garonne',
  'Var', 'Vaucluse', 'Vendée', 'Vienne', 'Haute-Vienne', 'Vosges', 'Yonne', 'Territoire de Belfort', 'Essonne', 'Hauts-de-Seine',
  'Seine-Saint-Denis', 'Val-de-Marne', 'Val-d’Oise', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte',
];

const TOWN_STEMS = [
  'Saint-Martin', 'Saint-Julien', 'Saint-Germain', 'Saint-Laurent', 'Saint-Pierre', 'Saint-Denis', 'Saint-Étienne', 'Sainte-Marie', 'Sainte-Croix', 'Saint-Aubin',
  'Villeneuve', 'Villefranche', 'Montigny', 'Fontaine', 'Beaumont', 'Bourg', 'Châteauneuf', 'Neuville', 'Montreuil', 'Roche',
  'Val', 'Bois', 'Marcilly', 'Chambon', 'Champagne', 'Belleville', 'Clermont', 'Pont', 'Vieux-Moulin', 'Mareuil',
  'Mont', 'Château', 'Bussy', 'Chaumont', 'Conflans', 'Dampierre', 'Épinay', 'Ferrières', 'Givry', 'Jouy',
  'Lachapelle', 'Longueville', 'Marigny', 'Mesnil', 'Montfort', 'Noyers', 'Orgeval', 'Pierrefitte', 'Plessis', 'Pouilly',
  'Rochefort', 'Rosny', 'Sainville', 'Savigny', 'Thury', 'Vauvert', 'Verneuil', 'Vic', 'Villers', 'Vitry',
  'Aubigny', 'Bagneux', 'Brie', 'Cernay', 'Charmes', 'Crécy', 'Égly', 'Fleury', 'Gournay', 'Lagny',
  'Lussac', 'Meung', 'Nanteuil', 'Oissel', 'Passy', 'Quincy', 'Revel', 'Salins', 'Tournan', 'Vernon',
  'Arnay', 'Bléré', 'Cormeilles', 'Donzy', 'Ervy', 'Fougerolles', 'Grignan', 'Héricourt', 'Lormes', 'Moûtiers',
];
const TOWN_TAILS = [
  '', '-sur-Loire', '-sur-Seine', '-sur-Marne', '-sur-Saône', '-sur-Mer', '-sur-Orge', '-sur-Yonne', '-sur-Cher', '-sur-Lot',
  '-en-Bresse', '-en-Vexin', '-en-Brie', '-en-Forez', '-en-Auxois', '-en-Velay', '-en-Champagne', '-en-Othe', '-en-Beauce', '-en-Gâtinais',
  '-les-Bains', '-les-Vignes', '-les-Bois', '-les-Prés', '-les-Étangs', '-le-Château', '-le-Vieux', '-le-Haut', '-le-Bas', '-le-Grand',
  '-la-Forêt', '-la-Rivière', '-la-Montagne', '-la-Ville', '-la-Campagne', '-sous-Bois', '-sous-Roche', '-d’Azergues', '-d’Allier', '-d’Oise',
  '-du-Lac', '-du-Bois', '-du-Mont', '-aux-Dames', '-aux-Moines', '-lès-Nancy', '-lès-Dijon', '-de-Bretagne', '-de-Provence', '-du-Rhône',
];

const GROUP_THEMES = [
  'Transports du quotidien', 'Agriculture paysanne', 'Santé et hôpital public', 'École publique', 'Culture pour tous', 'Sport populaire',
  'Économie sociale et solidaire', 'Droits des locataires', 'Accueil des exilés', 'Laïcité', 'Retraités actifs', 'Syndicalistes',
  'Enseignement supérieur', 'Petite enfance', 'Eau et biens communs', 'Vélo et mobilités douces', 'Énergies renouvelables', 'Handicap et accessibilité',
  'Quartiers populaires', 'Europe sociale', 'Paix et désarmement', 'Lutte contre les discriminations', 'Médias et démocratie', 'Condition animale',
];

// Sentence parts for page bodies: plausible French, varied enough for search benchmarks.
const SUBJECTS = [
  'La section', 'Notre fédération', 'Le conseil municipal', 'Les habitants du quartier', 'Le groupe de travail', 'La commission logement',
  'L’assemblée générale', 'Le collectif des locataires', 'La majorité sortante', 'Le syndicat des enseignants', 'Chaque militant', 'Le bureau de la section',
  'L’association des parents d’élèves', 'La communauté de communes', 'Le conseil départemental', 'La région',
];
const VERBS = [
  'propose', 'demande', 'défend', 'soutient', 'examine', 'conteste', 'prépare', 'soumet au vote', 'met en débat', 'réclame', 'étudie', 'porte',
];
const OBJECTS = [
  'la rénovation des écoles', 'un plan de transport en commun', 'la gratuité des cantines', 'l’encadrement des loyers', 'la réouverture du bureau de poste',
  'un centre de santé public', 'la création de logements sociaux', 'la protection des terres agricoles', 'une régie publique de l’eau', 'des pistes cyclables sécurisées',
  'la défense de la maternité', 'un budget participatif', 'l’accueil des nouveaux adhérents', 'la baisse des tarifs de la piscine', 'un marché de producteurs locaux',
  'la rénovation thermique des logements', 'l’ouverture d’une crèche municipale', 'la titularisation des agents contractuels', 'la lutte contre les logements vacants', 'des navettes vers les villages',
];
const ENDINGS = [
  'avant la fin de l’année.', 'dans chaque quartier.', 'avec les associations locales.', 'lors de la prochaine assemblée générale.', 'pour les familles modestes.',
  'en lien avec les syndicats.', 'sans augmenter les impôts locaux.', 'dès la rentrée prochaine.', 'en concertation avec les habitants.', 'à l’échelle de l’agglomération.',
  'malgré les réticences de la préfecture.', 'comme le prévoit notre programme.',
];
const HEADINGS = ['Le constat', 'Contexte', 'Nos propositions', 'Débat', 'Décisions', 'Prochaines étapes', 'Ce que disent les habitants', 'Calendrier'];
const TITLE_FORMS = [
  (o: string) => `Note sur ${o}`,
  (o: string) => `Motion : pour ${o}`,
  (o: string) => `Tract — ${o}`,
  (o: string, place: string) => `Compte rendu de réunion — ${place}`,
  (o: string, place: string) => `${capitalize(o)} à ${place}`,
  (o: string) => `Contribution au programme : ${o}`,
  (o: string, place: string) => `Ordre du jour — ${place}`,
  (o: string) => `Fiche argumentaire : ${o}`,
];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

type Rng = ReturnType<typeof seededRandom>;

function paragraph(rng: Rng, sentences: number): JSONContent {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(`${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(ENDINGS)}`);
  return { type: 'paragraph', content: [{ type: 'text', text: parts.join(' ') }] };
}

function heading(text: string): JSONContent {
  return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] };
}

/** A body of a few paragraphs under headings, sometimes with a list. */
function makeBody(rng: Rng): JSONContent {
  const content: JSONContent[] = [heading(rng.pick(HEADINGS)), paragraph(rng, 3 + rng.int(3)), paragraph(rng, 2 + rng.int(3))];
  if (rng.next() < 0.6) {
    const items = 2 + rng.int(3);
    content.push({
      type: 'bulletList',
      content: Array.from({ length: items }, () => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: capitalize(rng.pick(OBJECTS)) }] }] })),
    });
  }
  content.push(heading(rng.pick(HEADINGS)), paragraph(rng, 2 + rng.int(4)));
  return { type: 'doc', content };
}

function townName(i: number): string {
  const total = TOWN_STEMS.length * TOWN_TAILS.length;
  const j = (i * 7919) % total; // 7919 is prime and does not divide total: a permutation
  const base = `${TOWN_STEMS[j % TOWN_STEMS.length]}${TOWN_TAILS[Math.floor(j / TOWN_STEMS.length)]}`;
  return i < total ? base : `${base} ${Math.floor(i / total) + 1}`;
}

const uuid = () => crypto.randomUUID();

/** Fills an empty database; prints progress through `log` (stderr by default). */
export async function seedScale(opts: ScaleOptions = {}): Promise<ScaleResult> {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & ScaleOptions;
  const log = o.log ?? ((m: string) => process.stderr.write(`[seed:scale] ${m}\n`));
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const hasUsers = (db().select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0) > 0;
  if (hasUsers) throw new AppError('conflict', 'seed:scale fills an empty database: this one already has accounts.');

  log('demo and personas…');
  const demo = await seedDemo();
  const raw = db().$client;
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  const rng = seededRandom(20_260_101);
  const now = Date.now();
  const tx = <T>(fn: () => T): T => raw.transaction(fn)();

  const insSpace = raw.prepare('insert into spaces (id, kind, name, description, parent_id, path, is_open, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const insUser = raw.prepare("insert into users (id, name, email, email_verified, site_role, locale, created_at) values (?, ?, ?, ?, 'member', 'fr', ?)");
  const insMember = raw.prepare('insert or ignore into memberships (user_id, space_id, role, created_at) values (?, ?, ?, ?)');
  const insPage = raw.prepare(
    `insert into pages (id, space_id, kind, title, visibility, status, text, created_by, created_at, updated_at, updated_by, published_at, published_version_id, content_updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insDoc = raw.prepare('insert into page_docs (page_id, state, updated_at) values (?, ?, ?)');
  const insAuthor = raw.prepare('insert into page_authors (page_id, user_id) values (?, ?)');
  // A motion has its deliberation from its creation: a draft is a draft, a published one was filed with its version.
  const insDeliberation = raw.prepare(
    "insert into deliberations (page_id, procedure, stage, stage_since, filed_version_id, updated_at) values (?, 'motion', ?, ?, ?, ?)",
  );
  const insStage = raw.prepare('insert into stage_changes (page_id, from_stage, to_stage, by_user_id, at) values (?, ?, ?, ?, ?)');
  const insVersion = raw.prepare(
    "insert into page_versions (id, page_id, kind, name, title, state, text, created_by, author_ids, created_at) values (?, ?, 'published', null, ?, ?, ?, ?, ?, ?)",
  );
  const insSearch = raw.prepare('insert into page_search (rowid, title, body) values (?, ?, ?)');

  // Federations.
  type Fed = { id: string; path: string; name: string; secretaryId?: string };
  const feds: Fed[] = [];
  const usedNames = new Set(demo.federations.keys());
  const freeDepartements = DEPARTEMENTS.filter((d) => !usedNames.has(d));
  tx(() => {
    for (let i = 0; i < o.federations - demo.federations.size; i++) {
      const id = uuid();
      const name = freeDepartements[i] ?? `Fédération ${i + 1}`;
      const path = `${demo.national.path}${id}/`;
      insSpace.run(id, 'federation', name, `La fédération ${name}.`, demo.national.id, path, 1, now - 900 * DAY);
      feds.push({ id, path, name });
    }
  });
  const parentFeds: Fed[] = feds.length ? feds : [...demo.federations.values()].map((f) => ({ id: f.id, path: f.path, name: f.name }));
  log(`${feds.length} federations (${elapsed()})`);

  // Sections, spread over the new federations.
  type Section = { id: string; fed: Fed; members: number[] };
  const sections: Section[] = [];
  tx(() => {
    for (let i = 0; i < o.sections - demo.sections.size; i++) {
      const fed = parentFeds[i % parentFeds.length]!;
      const id = uuid();
      const name = townName(i);
      insSpace.run(id, 'section', name, `La section ${name} de la fédération ${fed.name}.`, fed.id, `${fed.path}${id}/`, 1, now - 800 * DAY);
      sections.push({ id, fed, members: [] });
    }
  });
  log(`${sections.length} sections (${elapsed()})`);

  // Members: one section each; the first member of a section is its secretary.
  const existingMembers = db().select({ n: sql<number>`count(*)` }).from(users).where(sql`${users.siteRole} = 'member'`).get()?.n ?? 0;
  const memberCount = Math.max(0, o.members - existingMembers);
  const userIds: string[] = new Array<string>(memberCount);
  for (let start = 0; start < memberCount; start += BATCH) {
    tx(() => {
      for (let i = start; i < Math.min(start + BATCH, memberCount); i++) {
        const id = uuid();
        const person = personAt(demo.peopleUsed + i);
        const since = now - (30 + rng.int(1500)) * DAY;
        insUser.run(id, person.name, person.email, since, since);
        userIds[i] = id;
        if (sections.length === 0) continue;
        const section = sections[i < sections.length ? i : rng.int(sections.length)]!;
        insMember.run(id, section.id, section.members.length === 0 ? 'secretary' : 'member', since);
        section.members.push(i);
      }
    });
    if ((start / BATCH) % 10 === 9 && start + BATCH < memberCount) log(`${start + BATCH} members (${elapsed()})`);
  }
  tx(() => {
    for (const fed of feds) {
      const first = sections.find((s) => s.fed === fed && s.members.length > 1);
      if (!first) continue;
      fed.secretaryId = userIds[first.members[1]!]!;
      insMember.run(fed.secretaryId, fed.id, 'secretary', now - 600 * DAY);
    }
  });
  log(`${memberCount} members (${elapsed()})`);

  // Groups: an admin and about thirty members each.
  type Group = { id: string; members: number[] };
  const groups: Group[] = [];
  if (memberCount > 0) {
    tx(() => {
      for (let i = 0; i < o.groups - demo.groups.size; i++) {
        const id = uuid();
        const theme = GROUP_THEMES[i % GROUP_THEMES.length]!;
        const place = DEPARTEMENTS[Math.floor(i / GROUP_THEMES.length) % DEPARTEMENTS.length]!;
        const round = Math.floor(i / (GROUP_THEMES.length * DEPARTEMENTS.length));
        const name = `${theme} — ${place}${round ? ` ${round + 1}` : ''}`;
        const created = now - (10 + rng.int(700)) * DAY;
        insSpace.run(id, 'group', name, `Groupe « ${theme} » des militants du département ${place}.`, null, `/${id}/`, rng.next() < 0.9 ? 1 : 0, created);
        const members = new Set<number>();
        const size = 5 + rng.int(50);
        while (members.size < Math.min(size, memberCount)) members.add(rng.int(memberCount));
        const list = [...members];
        list.forEach((m, k) => insMember.run(userIds[m], id, k === 0 ? 'admin' : 'member', created + k * 3_600_000));
        groups.push({ id, members: list });
      }
    });
  }
  log(`${groups.length} groups (${elapsed()})`);

  // Page bodies: a pool of generated documents, each converted to Yjs once.
  const pool = Array.from({ length: Math.max(1, o.bodyPool) }, () => {
    const json = makeBody(rng);
    return { text: jsonToText(json), state: Buffer.from(jsonToYState(json)) };
  });
  log(`${pool.length} bodies (${elapsed()})`);

  const existingPages = raw.prepare('select count(*) as n from pages').get() as { n: number };
  const pageCount = Math.max(0, o.pages - existingPages.n);
  const peopled = sections.filter((s) => s.members.length > 0);
  const fedsWithSecretary = feds.filter((f) => f.secretaryId);
  const share = (r: number, table: [number, string][]): string => {
    for (const [p, v] of table) if ((r -= p) < 0) return v;
    return table[table.length - 1]![1];
  };
  for (let start = 0; start < pageCount; start += BATCH) {
    tx(() => {
      // Search rows go in after the batch's pages: the title trigger on `pages` opens a
      // savepoint, and FTS5 flushes its pending terms at every savepoint, so interleaving the
      // two would write one tiny segment per page and spend the load merging them (10× slower).
      const searchRows: [number | bigint, string, string][] = [];
      for (let i = start; i < Math.min(start + BATCH, pageCount); i++) {
        const r = rng.next();
        let spaceId: string;
        let place: string;
        let authors: string[];
        let visibility: string;
        if ((r < 0.78 || (!groups.length && !fedsWithSecretary.length)) && peopled.length) {
          const s = rng.pick(peopled);
          spaceId = s.id;
          place = s.fed.name;
          authors = [userIds[rng.pick(s.members)]!];
          if (rng.next() < 0.25) authors.push(userIds[rng.pick(s.members)]!);
          visibility = share(rng.next(), [[0.6, 'space'], [0.25, 'members'], [0.15, 'public']]);
        } else if (r < 0.93 && groups.length) {
          const g = rng.pick(groups);
          spaceId = g.id;
          place = 'groupe';
          authors = [userIds[rng.pick(g.members)]!];
          if (rng.next() < 0.25) authors.push(userIds[rng.pick(g.members)]!);
          visibility = share(rng.next(), [[0.5, 'space'], [0.35, 'members'], [0.15, 'public']]);
        } else if (r < 0.99 && fedsWithSecretary.length) {
          const f = rng.pick(fedsWithSecretary);
          spaceId = f.id;
          place = f.name;
          authors = [f.secretaryId!];
          visibility = share(rng.next(), [[0.3, 'space'], [0.4, 'members'], [0.3, 'public']]);
        } else {
          spaceId = demo.national.id;
          place = 'national';
          authors = [demo.adminId];
          visibility = rng.next() < 0.6 ? 'public' : 'members';
        }
        const unique = [...new Set(authors)];
        const status = share(rng.next(), [[0.78, 'published'], [0.12, 'draft'], [0.1, 'archived']]);
        const form = rng.int(TITLE_FORMS.length);
        const kind = form === 1 ? 'motion' : 'document';
        const title = TITLE_FORMS[form]!(rng.pick(OBJECTS), place);
        const age = rng.next();
        const updatedAt = now - Math.floor(age * age * 730 * DAY);
        const createdAt = updatedAt - rng.int(60 * DAY);
        const publishedAt = status === 'draft' ? null : createdAt + Math.floor((updatedAt - createdAt) * rng.next());
        const body = rng.pick(pool);
        const id = uuid();
        // A published (or since archived) page shows readers the version taken when publishing.
        const versionId = publishedAt === null ? null : uuid();
        const { lastInsertRowid } = insPage.run(
          id, spaceId, kind, title, visibility, status, body.text, unique[0], createdAt, updatedAt, unique[unique.length - 1], publishedAt, versionId, updatedAt,
        );
        insDoc.run(id, body.state, updatedAt);
        for (const a of unique) insAuthor.run(id, a);
        if (versionId) insVersion.run(versionId, id, title, body.state, body.text, unique[0], JSON.stringify(unique), publishedAt);
        if (kind === 'motion') {
          insDeliberation.run(id, publishedAt === null ? 'draft' : 'filed', publishedAt ?? createdAt, versionId, updatedAt);
          insStage.run(id, null, 'draft', unique[0], createdAt);
          if (publishedAt !== null) insStage.run(id, 'draft', 'filed', unique[0], publishedAt);
        }
        searchRows.push([lastInsertRowid, title, body.text]);
      }
      for (const row of searchRows) insSearch.run(...row);
    });
    if ((start / BATCH) % 4 === 3 && start + BATCH < pageCount) log(`${start + BATCH} pages (${elapsed()})`);
  }
  log(`${pageCount} pages (${elapsed()})`);

  raw.pragma('synchronous = NORMAL');
  raw.pragma('cache_size = -2000');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const n = (q: string) => (raw.prepare(q).get() as { n: number }).n;
  const result: ScaleResult = {
    federations: n("select count(*) as n from spaces where kind = 'federation'"),
    sections: n("select count(*) as n from spaces where kind = 'section'"),
    members: n("select count(*) as n from users where site_role = 'member'"),
    groups: n("select count(*) as n from spaces where kind = 'group'"),
    pages: n('select count(*) as n from pages'),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  log(`done in ${elapsed()}`);
  return result;
}
