/**
 * Lower case, without accents: how Coopol compares what someone typed with names and titles
 * (« ines » finds « Inès »), on the server, in SQL (`coopol_fold`) and in the browser alike.
 */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
