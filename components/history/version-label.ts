/** How a version is called in lists and headings: its name, or a default from its kind and date. */
type Translate = (key: string, values?: Record<string, string>) => string;
type Version = { kind: 'auto' | 'named' | 'published' | 'restore'; name: string | null; createdAt: Date };

export function versionLabel(t: Translate, formatDate: (d: Date) => string, v: Version): string {
  if (v.kind === 'restore' && v.name) return t('restoredFrom', { name: v.name });
  if (v.name) return v.name;
  return t(`defaultName.${v.kind}`, { date: formatDate(v.createdAt) });
}
