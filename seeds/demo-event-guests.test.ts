/**
 * The demo's guests: answers of every kind, pending invitations by address, a full event with its
 * waiting list, a past assembly checked in, and no invitation mail waiting to leave at start-up.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { jobs, pages, users } from '@/db/schema';
import { loadViewer } from '@/server/auth/load-viewer';
import { listGuests } from '@/server/events/guests';
import { seedDemoIfEmpty } from './demo';

const idOf = (email: string) => db().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const eventNamed = (title: string) => db().select().from(pages).where(eq(pages.title, title)).get()!.id;

describe('demo guests', () => {
  beforeAll(async () => {
    await seedDemoIfEmpty();
  }, 120_000);

  it('fills the events as a secretary would find them', () => {
    const camille = loadViewer(idOf('secretaire@coopol.test'));
    const meeting = listGuests(camille, eventNamed('Réunion publique : se déplacer à Strasbourg'));
    expect(meeting.counts.registered).toBeGreaterThan(5);
    expect(meeting.counts.maybe).toBeGreaterThan(0);
    expect(meeting.counts.no).toBeGreaterThan(0);
    expect(meeting.counts.none).toBeGreaterThan(0);
    expect(meeting.counts.pending).toBe(1);
    expect(meeting.guests.filter((g) => g.source === 'email' && g.response === null)).toHaveLength(2);
    const workshop = listGuests(loadViewer(idOf('militante@coopol.test')), eventNamed('Atelier vélo-école : réparer son vélo'));
    expect(workshop.counts).toMatchObject({ registered: 12, waitlisted: 3 });
    const leafleting = listGuests(camille, eventNamed('Tractage au marché du Neudorf'));
    expect(leafleting.slots[0]!.remaining).toBe(0);
    expect(leafleting.counts.waitlisted).toBeGreaterThan(0);
    const assembly = listGuests(camille, eventNamed('Assemblée générale de rentrée'));
    expect(assembly.counts.attended).toBeGreaterThan(5);
    expect(assembly.counts.attended).toBeLessThan(assembly.counts.registered);
  });

  it('leaves no invitation mail to send when the demo starts', () => {
    const bulk = db().select({ n: sql<number>`count(*)` }).from(jobs).where(eq(jobs.queue, 'mail-bulk')).get()!.n;
    expect(bulk).toBe(0);
  });
});
