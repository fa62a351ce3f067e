/**
 * Lucide's icons drawn by the server as plain SVG, for server components. lucide-react's icon is
 * a client component: each one a server component rendered became a client reference in the RSC
 * payload with its whole drawing as props, then a component for the HTML renderer to run (a
 * section's page had a dozen). Here the drawing is read from the same icon modules and written
 * out once, with the attributes lucide-react gives it. Client components keep lucide-react.
 */
import { createElement, type CSSProperties } from 'react';
import * as arrowLeft from 'lucide-react/icons/arrow-left';
import * as calendarDays from 'lucide-react/icons/calendar-days';
import * as calendarPlus from 'lucide-react/icons/calendar-plus';
import * as calendarX from 'lucide-react/icons/calendar-x';
import * as download from 'lucide-react/icons/download';
import * as filePlus from 'lucide-react/icons/file-plus-corner';
import * as gavel from 'lucide-react/icons/gavel';
import * as globe from 'lucide-react/icons/globe';
import * as inbox from 'lucide-react/icons/inbox';
import * as landmark from 'lucide-react/icons/landmark';
import * as lock from 'lucide-react/icons/lock';
import * as mail from 'lucide-react/icons/mail';
import * as mailCheck from 'lucide-react/icons/mail-check';
import * as mailX from 'lucide-react/icons/mail-x';
import * as plus from 'lucide-react/icons/plus';
import * as trash from 'lucide-react/icons/trash';
import * as userPlus from 'lucide-react/icons/user-plus';
import * as users from 'lucide-react/icons/users';

type IconData = { name: string; node: [tag: string, attrs: Record<string, string>][] };

/** The drawing an icon module exports beside its component (not in lucide-react's types). */
function drawing(mod: object): IconData {
  const data = (mod as { __iconData?: IconData }).__iconData;
  if (!data) throw new Error('lucide-react no longer exports __iconData from its icon modules');
  return data;
}

const ICONS = {
  arrowLeft: drawing(arrowLeft),
  calendarDays: drawing(calendarDays),
  calendarPlus: drawing(calendarPlus),
  calendarX: drawing(calendarX),
  download: drawing(download),
  filePlus: drawing(filePlus),
  gavel: drawing(gavel),
  globe: drawing(globe),
  inbox: drawing(inbox),
  landmark: drawing(landmark),
  lock: drawing(lock),
  mail: drawing(mail),
  mailCheck: drawing(mailCheck),
  mailX: drawing(mailX),
  plus: drawing(plus),
  trash: drawing(trash),
  userPlus: drawing(userPlus),
  users: drawing(users),
};

export type IconName = keyof typeof ICONS;

/** A decorative icon (hidden from assistive technology: the text beside it says what it means). */
export function Icon({ name, size = 24, style }: { name: IconName; size?: number; style?: CSSProperties }) {
  const icon = ICONS[name];
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`lucide lucide-${icon.name}`}
      aria-hidden="true"
      style={style}
    >
      {icon.node.map(([tag, { key, ...attrs }]) => createElement(tag, { key, ...attrs }))}
    </svg>
  );
}
