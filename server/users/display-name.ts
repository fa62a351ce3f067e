/**
 * How a person is named to others. Someone who has set no name is never shown by their e-mail
 * address (it is personal data that only those who manage their spaces may see): they are
 * « Membre de <section> », or « Un·e membre » when no section is known. Use it wherever a
 * person is shown to someone else: bylines, history, member lists, carets, mails.
 */
import { eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createTranslator } from 'next-intl';
import { prepared } from '@/db/prepared';
import { memberships, spaces, users, type Locale } from '@/db/schema';
import fr from '@/lib/i18n/messages/fr/spaces.json';
import en from '@/lib/i18n/messages/en/spaces.json';

const translators = {
  fr: createTranslator({ locale: 'fr', messages: { spaces: fr }, namespace: 'spaces.displayName' }),
  en: createTranslator({ locale: 'en', messages: { spaces: en }, namespace: 'spaces.displayName' }),
};

export type NamedPerson = { name: string | null; deletedAt?: Date | null };

/** The person's own name, else « Membre de <section> », else « Un·e membre »; « Ancien membre » once the account is deleted. */
export function displayName(person: NamedPerson, opts: { sectionName?: string | null; locale?: Locale } = {}): string {
  const t = translators[opts.locale ?? 'fr'];
  if (person.deletedAt) return t('former');
  const name = person.name?.trim();
  if (name) return name;
  return opts.sectionName ? t('sectionMember', { section: opts.sectionName }) : t('member');
}

/** SQL for the name of the section `userId` belongs to (null if none), to select beside a person in one query. */
export function sectionNameSql(userId: SQLiteColumn): SQL<string | null> {
  // Aliased, so that it nests in a query over memberships or spaces itself; the outer column is
  // named with its table (drizzle writes a lone column of a one-table query unqualified).
  const outer = sql`${sql.identifier(getTableName(userId.table))}.${sql.identifier(userId.name)}`;
  return sql<string | null>`(select dn_s.name from ${memberships} dn_m join ${spaces} dn_s on dn_s.id = dn_m.space_id where dn_m.user_id = ${outer} and dn_s.kind = 'section' limit 1)`;
}

/** `displayName` of one person by id (one query); « Un·e membre » for an unknown id. */
export function displayNameOf(userId: string, locale: Locale = 'fr'): string {
  const row = prepared('displayNameOf', (d) =>
    d
      .select({ name: users.name, deletedAt: users.deletedAt, sectionName: sectionNameSql(users.id) })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: userId });
  return displayName(row ?? { name: null }, { sectionName: row?.sectionName, locale });
}
