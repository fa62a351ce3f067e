/**
 * The one rule for a name people read in lists, links, tabs and mails: page titles, space and
 * group names. Besides its length, it refuses what can hide or disguise text:
 *  - control characters (C0, DEL, C1) and line or paragraph separators: a title is one line;
 *  - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what
 *    follows them, so that « gpj.exe » reads « exe.jpg » or a title spills over its neighbours;
 *  - a name of zero-width characters only (U+200B–U+200D, U+2060, U+FEFF), which looks empty.
 * Zero-width joiners inside a real name stay allowed (emoji sequences, Persian, Indic scripts),
 * and so do the plain direction marks U+200E/U+200F, which right-to-left text needs.
 * Each refusal carries a catalogue detail key (`errors.detail.*`) for a precise message.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

export type TitleRules = { min?: number; max?: number };

/** A trimmed title or name of `min`..`max` characters (1..200 by default) that shows what it says. */
export function titleSchema({ min = 1, max = 200 }: TitleRules = {}) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), { message: 'Control characters and line breaks are not allowed.', params: { detail: 'titleControl' } })
    .refine((s) => !BIDI_CONTROL.test(s), { message: 'Bidirectional override characters are not allowed.', params: { detail: 'titleBidi' } })
    .refine((s) => s.replace(INVISIBLE, '').length > 0, { message: 'The title has no visible character.', params: { detail: 'titleInvisible' } });
}
