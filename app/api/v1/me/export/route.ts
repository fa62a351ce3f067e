import { apiRoute, json, signedIn } from '@/server/http/api';
import { exportMyData } from '@/server/users/export-data';

export const dynamic = 'force-dynamic';

/** GDPR art. 15/20: everything Coopol holds about the caller, as a file to keep. */
export const GET = apiRoute(async (_req, { viewer }) =>
  json(exportMyData(signedIn(viewer).id), { headers: { 'Content-Disposition': 'attachment; filename="coopol-mes-donnees.json"' } }),
);
