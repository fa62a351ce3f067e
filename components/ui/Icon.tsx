/**
 * A decorative icon (hidden from assistive technology: the text beside it says what it means):
 * lucide's drawing as a CSS mask on one empty element, coloured like the text.
 *
 * lucide-react draws each icon as an SVG of several elements through a client component; the
 * shell and a section's page showed some forty, and every element costs twice on each request (in
 * the RSC payload, then in the HTML). Here the drawings are in one stylesheet (`icons.css`, made
 * from lucide-react's own modules by `components/ui/icon-drawings.ts`). Client components that
 * animate an icon keep lucide-react.
 */
import type { CSSProperties } from 'react';
import type { ICON_SIZES, ICONS } from './icon-drawings';
import './icons.css';

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 24, style }: { name: IconName; size?: (typeof ICON_SIZES)[number]; style?: CSSProperties }) {
  return <span className={`icon icon-${size} icon-${name}`} aria-hidden="true" style={style} />;
}
