import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICONS, iconCss } from './icon-drawings';

describe('icons.css', () => {
  it('is the stylesheet made from the drawings (run `npm run icons:css` after adding an icon)', () => {
    expect(fs.readFileSync(path.join(__dirname, 'icons.css'), 'utf8')).toBe(iconCss());
  });

  it('holds every icon as a mask drawn from lucide', () => {
    const css = iconCss();
    for (const name of Object.keys(ICONS)) expect(css).toMatch(new RegExp(`\\.icon-${name} \\{ --icon: url\\("data:image/svg\\+xml,%3Csvg `));
    // A drawing lucide gives as a rect and a path (the lock), written out whole.
    expect(css).toContain("%3Crect width='18' height='11' x='3' y='11' rx='2' ry='2'/%3E%3Cpath d='M7 11V7a5 5 0 0 1 10 0v4'/%3E");
  });
});
