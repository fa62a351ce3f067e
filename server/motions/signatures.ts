/**
 * Signatures of a filed motion, across sections: any party member who reads it signs in one
 * click and withdraws while it is filed. Counts are as public as the motion; who signed is
 * internal to the party (names grouped by section, to party members only).
 *
 * A signature remembers the text it was given to (`confirmedHash`: the page's content hash;
 * `confirmedState`: the id of a version holding that text, so the diff since can be shown — a
 * Yjs state vector cannot rebuild deleted words, the documents are garbage-collected). When an
 * accepted amendment changes the text, each signatory sees the diff and confirms or withdraws.
 */
import { and, asc, count, countDistinct, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, motionSignatures, pages, spaces, users, type Locale } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { assertStageAllows, authorizeDeliberation, isPartyMember, type DeliberationRef, type Viewer } from '@/server/policy';
import { signatureWithdrawalRefusal, STAGE_REFUSALS } from '@/server/policy/deliberation';
import { getDeliberation, type DeliberationRow } from '@/server/deliberations/stage-log';
import { loadPage, type LoadedPage } from '@/server/pages/load-page';
import { liveDocState } from '@/server/documents/live-state';
import { yStateToJSON } from '@/server/pages/body';
import { renderLinks } from '@/server/links/render-links';
import { displayName } from '@/server/users/display-name';
import { diffDocumentsHTML, type SplitLabels } from '@/server/versions/diff-html';
import { lastVersion, takeVersion, versionState } from '@/server/versions/versions';

export type SignatureCounts = {
  count: number;
  /** Different sections the signatories signed from. */
  sections: number;
  requiredSignatures: number;
  requiredSections: number;
  missingSignatures: number;
  missingSections: number;
  requirementMet: boolean;
};

/** How many signed, from how many sections, against what the motion needs (public as the motion is). */
export function signatureCounts(pageId: string, d: Pick<DeliberationRow, 'requiredSignatures' | 'requiredSections'> | null): SignatureCounts {
  const row = db()
    .select({ n: count(), sections: countDistinct(motionSignatures.sectionId) })
    .from(motionSignatures)
    .where(eq(motionSignatures.pageId, pageId))
    .get() ?? { n: 0, sections: 0 };
  const requiredSignatures = d?.requiredSignatures ?? 0;
  const requiredSections = d?.requiredSections ?? 0;
  const missingSignatures = Math.max(0, requiredSignatures - row.n);
  const missingSections = Math.max(0, requiredSections - row.sections);
  return { count: row.n, sections: row.sections, requiredSignatures, requiredSections, missingSignatures, missingSections, requirementMet: missingSignatures === 0 && missingSections === 0 };
}

/** Refuses (409, saying how many are missing) a step that needs the signature requirement met. */
export function assertSignatureRequirement(pageId: string, d: DeliberationRow): void {
  const c = signatureCounts(pageId, d);
  if (c.requirementMet) return;
  const parts = [
    c.missingSignatures ? `${c.missingSignatures} more signature${c.missingSignatures > 1 ? 's' : ''} (${c.count} of ${c.requiredSignatures})` : null,
    c.missingSections ? `signatures from ${c.missingSections} more section${c.missingSections > 1 ? 's' : ''} (${c.sections} of ${c.requiredSections})` : null,
  ].filter(Boolean);
  throw new AppError('conflict', `This motion needs ${parts.join(' and ')} first.`, undefined, {
    key: 'motionSignaturesMissing',
    values: { signatures: String(c.missingSignatures), sections: String(c.missingSections) },
  });
}

/** The section a party member belongs to (one at most), or null. */
export function sectionOf(userId: string): string | null {
  const row = db()
    .select({ id: spaces.id })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(and(eq(memberships.userId, userId), eq(spaces.kind, 'section')))
    .limit(1)
    .get();
  return row?.id ?? null;
}

type SignatureRow = typeof motionSignatures.$inferSelect;

function signatureOf(pageId: string, userId: string): SignatureRow | null {
  return db().select().from(motionSignatures).where(and(eq(motionSignatures.pageId, pageId), eq(motionSignatures.userId, userId))).get() ?? null;
}

const sameText = (a: Uint8Array, b: Uint8Array) => JSON.stringify(yStateToJSON(a)) === JSON.stringify(yStateToJSON(b));

/**
 * A version holding the text as it is now: the last one when it is the same text (while filed,
 * the « Motion déposée » version), else a new automatic one.
 */
function versionOfCurrentText(pageId: string, now: Date): string | null {
  const live = liveDocState(pageId);
  const last = lastVersion(pageId);
  const lastState = last ? versionState(last.id) : null;
  if (last && lastState && sameText(lastState, live)) return last.id;
  return takeVersion(pageId, live, { kind: 'auto', now })?.id ?? null;
}

function pageHash(pageId: string): string | null {
  return db().select({ h: pages.contentHash }).from(pages).where(eq(pages.id, pageId)).get()?.h ?? null;
}

function requireSigner(viewer: Viewer, pageId: string): { v: NonNullable<Viewer>; loaded: LoadedPage; d: DeliberationRef | null } {
  const loaded = loadPage(pageId);
  authorizeDeliberation(viewer, 'sign', loaded.ref);
  return { v: viewer!, loaded, d: loaded.ref.deliberation ?? null };
}

/** The viewer signs the filed motion, from their section (again: nothing changes). */
export function signMotion(viewer: Viewer, pageId: string, now = new Date()): SignatureCounts {
  const { v, d } = requireSigner(viewer, pageId);
  assertStageAllows('sign', d, now);
  if (!signatureOf(pageId, v.id)) {
    // Signed only while filed, when nobody edits: the text is the one frozen at filing.
    const versionId = getDeliberation(pageId)?.filedVersionId ?? versionOfCurrentText(pageId, now);
    db()
      .insert(motionSignatures)
      .values({ pageId, userId: v.id, sectionId: sectionOf(v.id), signedAt: now, confirmedHash: pageHash(pageId), confirmedState: versionId, confirmedAt: now })
      .onConflictDoNothing()
      .run();
  }
  return signatureCounts(pageId, getDeliberation(pageId));
}

/**
 * The viewer withdraws their signature: while the motion is filed, or later (before the vote)
 * when the text changed since they signed it.
 */
export function unsignMotion(viewer: Viewer, pageId: string, now = new Date()): SignatureCounts {
  const { v, d } = requireSigner(viewer, pageId);
  const mine = signatureOf(pageId, v.id);
  const why = signatureWithdrawalRefusal(d, mine !== null && textChanged(mine, pageHash(pageId)), now);
  if (why) throw new AppError('conflict', STAGE_REFUSALS[why] ?? why, undefined, { key: `stage_${why}` });
  if (mine) db().delete(motionSignatures).where(and(eq(motionSignatures.pageId, pageId), eq(motionSignatures.userId, v.id))).run();
  return signatureCounts(pageId, getDeliberation(pageId));
}

const textChanged = (sig: Pick<SignatureRow, 'confirmedHash'>, hash: string | null) => hash !== null && sig.confirmedHash !== hash;

/** The viewer confirms their signature on the text as it is now (after an accepted amendment). */
export function confirmSignature(viewer: Viewer, pageId: string, now = new Date()): SignatureChange {
  const { v } = requireSigner(viewer, pageId);
  const mine = signatureOf(pageId, v.id);
  if (!mine) throw new AppError('conflict', 'You have not signed this motion.', undefined, { key: 'motionNotSigned' });
  const hash = pageHash(pageId);
  if (textChanged(mine, hash)) {
    db()
      .update(motionSignatures)
      .set({ confirmedHash: hash, confirmedState: versionOfCurrentText(pageId, now), confirmedAt: now })
      .where(and(eq(motionSignatures.pageId, pageId), eq(motionSignatures.userId, v.id)))
      .run();
  }
  return signatureChange(viewer, pageId);
}

export type SignatureChange = {
  signed: boolean;
  signedAt: Date | null;
  confirmedAt: Date | null;
  /** The text changed since the viewer signed (or last confirmed). */
  changed: boolean;
  /** The changes since, formatted (<ins>/<del>); null when nothing changed. */
  diffHtml: string | null;
};

/** Whether the text changed since the viewer signed it, and how. */
export function signatureChange(viewer: Viewer, pageId: string, opts: { locale?: Locale; labels?: SplitLabels } = {}): SignatureChange {
  const { v } = requireSigner(viewer, pageId);
  const mine = signatureOf(pageId, v.id);
  if (!mine) return { signed: false, signedAt: null, confirmedAt: null, changed: false, diffHtml: null };
  const changed = textChanged(mine, pageHash(pageId));
  let diffHtml: string | null = null;
  if (changed) {
    // A signature written without its text's version (imported) is on the text as filed.
    const base = mine.confirmedState ?? getDeliberation(pageId)?.filedVersionId ?? null;
    const before = base ? versionState(base) : null;
    if (before) diffHtml = diffDocumentsHTML(renderLinks(viewer, yStateToJSON(before), opts), renderLinks(viewer, yStateToJSON(liveDocState(pageId)), opts), { labels: opts.labels });
  }
  return { signed: true, signedAt: mine.signedAt, confirmedAt: mine.confirmedAt, changed, diffHtml };
}

export type Signatory = { id: string; name: string; signedAt: Date; /** Signed the text as it is now (else: asked to confirm). */ onCurrentText: boolean };
export type SignatoryGroup = { sectionId: string | null; sectionName: string | null; signatories: Signatory[] };

/**
 * The signatories grouped by section (largest first), for party members who read the motion;
 * 404 to anyone else (who signed is internal to the party), 409 on a draft.
 */
export function listSignatures(viewer: Viewer, pageId: string, opts: { locale?: Locale } = {}) {
  const loaded = loadPage(pageId);
  authorizeDeliberation(viewer, 'viewSignatories', loaded.ref);
  assertStageAllows('viewSignatories', loaded.ref.deliberation ?? null);
  const d = getDeliberation(pageId);
  const hash = loaded.row.contentHash;
  const rows = db()
    .select({
      id: users.id,
      name: users.name,
      deletedAt: users.deletedAt,
      signedAt: motionSignatures.signedAt,
      confirmedHash: motionSignatures.confirmedHash,
      sectionId: motionSignatures.sectionId,
      sectionName: spaces.name,
    })
    .from(motionSignatures)
    .innerJoin(users, eq(users.id, motionSignatures.userId))
    .leftJoin(spaces, eq(spaces.id, motionSignatures.sectionId))
    .where(eq(motionSignatures.pageId, pageId))
    .orderBy(asc(motionSignatures.signedAt), asc(sql`${users.id}`))
    .all();
  const groups = new Map<string, SignatoryGroup>();
  for (const r of rows) {
    const key = r.sectionId ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sectionId: r.sectionId, sectionName: r.sectionName, signatories: [] }));
    g.signatories.push({ id: r.id, name: displayName(r, { sectionName: r.sectionName, locale: opts.locale }), signedAt: r.signedAt, onCurrentText: !textChanged(r, hash) });
  }
  const bySection = [...groups.values()].sort(
    (a, b) => b.signatories.length - a.signatories.length || (a.sectionName === null ? 1 : b.sectionName === null ? -1 : a.sectionName.localeCompare(b.sectionName, 'fr')),
  );
  const mine = viewer ? rows.find((r) => r.id === viewer.id) : undefined;
  return {
    counts: signatureCounts(pageId, d),
    bySection,
    mine: { signed: Boolean(mine), textChanged: mine ? textChanged(mine, hash) : false },
  };
}
export type SignatureList = ReturnType<typeof listSignatures>;

/** Whether `viewer` signed and must be asked again (for the page's summary); null for non-members. */
export function mySignature(viewer: Viewer, pageId: string, hash: string | null): { signed: boolean; textChanged: boolean } | null {
  if (!isPartyMember(viewer)) return null;
  const mine = signatureOf(pageId, viewer!.id);
  return { signed: Boolean(mine), textChanged: mine ? textChanged(mine, hash) : false };
}
