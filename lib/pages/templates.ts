/**
 * What a new page starts with, per kind: the headings a motion, an event or a document of the
 * party usually has, in the writer's language. Written as Markdown (the body a page is created
 * with); the writer lands in the live editor with them and fills them in.
 */
import type { Locale, PageKind } from '@/lib/domain/enums';

/** The kinds a person creates from "Nouvelle page" (sections and groups get their page with their space). */
export const CREATABLE_KINDS = ['document', 'motion', 'event'] as const satisfies readonly PageKind[];
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

const TEMPLATES: Record<CreatableKind, Record<Locale, string>> = {
  document: { fr: '', en: '' },
  motion: {
    fr: '## Exposé des motifs\n\nPourquoi cette motion : le constat, les raisons.\n\n## Dispositif\n\nCe que l’assemblée décide :\n\n1. Premier point.',
    en: '## Statement of reasons\n\nWhy this motion: the facts, the reasons.\n\n## Resolution\n\nWhat the assembly decides:\n\n1. First point.',
  },
  event: {
    fr: '## Quand et où\n\nDate, heure, adresse.\n\n## Programme\n\n- Accueil\n\n## Contact\n\nQui joindre pour venir ou aider.',
    en: '## When and where\n\nDate, time, address.\n\n## Programme\n\n- Welcome\n\n## Contact\n\nWho to reach to come or help.',
  },
};

export function isCreatableKind(kind: string): kind is CreatableKind {
  return (CREATABLE_KINDS as readonly string[]).includes(kind);
}

/** The body (Markdown) a new page of `kind` starts with; empty for a plain document. */
export function pageTemplate(kind: CreatableKind, locale: string): string {
  return TEMPLATES[kind][locale === 'en' ? 'en' : 'fr'];
}
