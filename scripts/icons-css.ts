// `npm run icons:css`: writes components/ui/icons.css from the icons' drawings (components/ui/icon-drawings.ts).
import fs from 'node:fs';
import path from 'node:path';
import { iconCss } from '@/components/ui/icon-drawings';

const file = path.join(process.cwd(), 'components', 'ui', 'icons.css');
fs.writeFileSync(file, iconCss());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
