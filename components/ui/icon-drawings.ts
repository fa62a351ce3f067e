/**
 * The drawings of the icons `components/ui/Icon` shows, read from lucide-react's icon modules, and
 * the stylesheet made of them (`icons.css`, written by `npm run icons:css`; a test checks it is up
 * to date). Only the generator and that test import this module: the app ships the stylesheet.
 */
import * as archive from 'lucide-react/icons/archive';
import * as arrowLeft from 'lucide-react/icons/arrow-left';
import * as calendarDays from 'lucide-react/icons/calendar-days';
import * as calendarPlus from 'lucide-react/icons/calendar-plus';
import * as calendarX from 'lucide-react/icons/calendar-x';
import * as download from 'lucide-react/icons/download';
import * as ellipsis from 'lucide-react/icons/ellipsis';
import * as filePlus from 'lucide-react/icons/file-plus-corner';
import * as gavel from 'lucide-react/icons/gavel';
import * as globe from 'lucide-react/icons/globe';
import * as history from 'lucide-react/icons/rotate-ccw-clock';
import * as house from 'lucide-react/icons/house';
import * as inbox from 'lucide-react/icons/inbox';
import * as landmark from 'lucide-react/icons/landmark';
import * as languages from 'lucide-react/icons/languages';
import * as lock from 'lucide-react/icons/lock';
import * as logOut from 'lucide-react/icons/log-out';
import * as mail from 'lucide-react/icons/mail';
import * as mailCheck from 'lucide-react/icons/mail-check';
import * as mailX from 'lucide-react/icons/mail-x';
import * as mapPin from 'lucide-react/icons/map-pin';
import * as menu from 'lucide-react/icons/menu';
import * as pencil from 'lucide-react/icons/pencil';
import * as plus from 'lucide-react/icons/plus';
import * as search from 'lucide-react/icons/search';
import * as send from 'lucide-react/icons/send';
import * as shield from 'lucide-react/icons/shield';
import * as trash from 'lucide-react/icons/trash';
import * as undo from 'lucide-react/icons/undo-2';
import * as userPlus from 'lucide-react/icons/user-plus';
import * as userRound from 'lucide-react/icons/user-round';
import * as users from 'lucide-react/icons/users';

type IconData = { name: string; node: [tag: string, attrs: Record<string, string>][] };

/** The drawing an icon module exports beside its component (not in lucide-react's types). */
function drawing(mod: object): IconData {
  const data = (mod as { __iconData?: IconData }).__iconData;
  if (!data) throw new Error('lucide-react no longer exports __iconData from its icon modules');
  return data;
}

export const ICONS = {
  archive: drawing(archive),
  arrowLeft: drawing(arrowLeft),
  calendarDays: drawing(calendarDays),
  calendarPlus: drawing(calendarPlus),
  calendarX: drawing(calendarX),
  download: drawing(download),
  ellipsis: drawing(ellipsis),
  filePlus: drawing(filePlus),
  gavel: drawing(gavel),
  globe: drawing(globe),
  history: drawing(history),
  house: drawing(house),
  inbox: drawing(inbox),
  landmark: drawing(landmark),
  languages: drawing(languages),
  lock: drawing(lock),
  logOut: drawing(logOut),
  mail: drawing(mail),
  mailCheck: drawing(mailCheck),
  mailX: drawing(mailX),
  mapPin: drawing(mapPin),
  menu: drawing(menu),
  pencil: drawing(pencil),
  plus: drawing(plus),
  search: drawing(search),
  send: drawing(send),
  shield: drawing(shield),
  trash: drawing(trash),
  undo: drawing(undo),
  userPlus: drawing(userPlus),
  userRound: drawing(userRound),
  users: drawing(users),
};

/** Sizes an icon is drawn at (px), one class each. */
export const ICON_SIZES = [12, 14, 16, 18, 20, 24, 36, 40] as const;

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/'/g, '&apos;');

/** An icon as a data URL: lucide's drawing, stroked in black (the mask's opaque part). */
function dataUrl(icon: IconData): string {
  const children = icon.node.map(([tag, { key: _key, ...attrs }]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}='${attr(v)}'`).join(' ')}/>`).join('');
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'>${children}</svg>`;
  return `data:image/svg+xml,${svg.replace(/%/g, '%25').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/#/g, '%23').replace(/"/g, '%22')}`;
}

/** The stylesheet: one mask per icon, drawn in the text's colour; one class per size. */
export function iconCss(): string {
  const lines = [
    '/* Written by `npm run icons:css` from components/ui/icon-drawings.ts: do not edit by hand. */',
    '.icon { display: inline-block; flex: none; width: 1em; height: 1em; background: currentColor; -webkit-mask: var(--icon) center / contain no-repeat; mask: var(--icon) center / contain no-repeat; }',
    ...ICON_SIZES.map((s) => `.icon-${s} { width: ${s}px; height: ${s}px; }`),
    ...Object.entries(ICONS).map(([name, icon]) => `.icon-${name} { --icon: url("${dataUrl(icon)}"); }`),
  ];
  return `${lines.join('\n')}\n`;
}
