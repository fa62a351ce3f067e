/**
 * Deterministic French identities for the demo and scale seeds, and the one way seeds and the CLI
 * create an account row (there is no sign-up domain function to go through: accounts are created
 * by the sign-in flow, which needs a mail round trip).
 */
import { db } from '@/db/client';
import { users, type SiteRole } from '@/db/schema';

const FIRST_NAMES = [
  'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Louis', 'Camille', 'Gabriel', 'Sarah', 'Arthur',
  'Emma', 'Jules', 'Jade', 'Nathan', 'Louise', 'Adam', 'Alice', 'Raphaël', 'Lina', 'Théo',
  'Zoé', 'Mathis', 'Anaïs', 'Maxime', 'Clara', 'Antoine', 'Mélanie', 'Thomas', 'Élodie', 'Nicolas',
  'Sophie', 'Julien', 'Aurélie', 'Mehdi', 'Fatima', 'Karim', 'Yasmine', 'Samir', 'Leïla', 'Rachid',
  'Marie', 'Pierre', 'Claire', 'François', 'Isabelle', 'Jean', 'Nathalie', 'Philippe', 'Sandrine', 'Olivier',
  'Céline', 'Stéphane', 'Valérie', 'Christophe', 'Hélène', 'Frédéric', 'Agnès', 'Bernard', 'Martine', 'Gérard',
  'Aminata', 'Moussa', 'Awa', 'Ibrahim', 'Nour', 'Youssef', 'Inès', 'Bastien', 'Margaux', 'Quentin',
];

const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Schmitt', 'Meyer', 'Weber', 'Klein', 'Wagner', 'Schneider', 'Fischer', 'Koenig', 'Hoffmann', 'Zimmermann',
  'Benali', 'Haddad', 'Mansouri', 'Traoré', 'Diallo', 'Nguyen', 'Da Silva', 'Pereira', 'Kaya', 'Rossi',
  'Lemaire', 'Caron', 'Renaud', 'Brun', 'Barbier', 'Arnaud', 'Marchand', 'Duval', 'Denis', 'Lucas',
];

/** ASCII, lower case, no spaces: "Da Silva" → "dasilva", "Léa" → "lea". */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export type Person = { name: string; email: string };

/** The n-th generated person; the same n always gives the same person, and e-mails never collide. */
export function personAt(n: number): Person {
  const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const last = LAST_NAMES[(n * 7 + Math.floor(n / FIRST_NAMES.length)) % LAST_NAMES.length]!;
  return { name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}.${n}@exemple.fr` };
}

/** Inserts an account (a verified e-mail: seeds and the CLI act for the site's operator). */
export function insertUser(input: { email: string; name: string; siteRole?: SiteRole; createdAt?: Date }): string {
  const row = db()
    .insert(users)
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      siteRole: input.siteRole ?? 'citizen',
      emailVerified: input.createdAt ?? new Date(),
      createdAt: input.createdAt ?? new Date(),
    })
    .returning({ id: users.id })
    .get();
  return row.id;
}
