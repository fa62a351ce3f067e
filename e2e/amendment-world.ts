/** A motion open for amendments, made through the API, for the amendment specs. */
import { expect, findSpace, type Api } from './fixtures';

export const PASSAGE = 'des cantines bio';
const BODY = '## Dispositif\n\nLa section demande des cantines bio dans toutes les écoles de la ville.';

/**
 * A motion of the group « Transition écologique » (no signatures required there) by Inès, who
 * animates the group: she files it and opens its amendments, through the API.
 */
export async function motionOpenForAmendments(author: Api, title: string, markdown = BODY): Promise<string> {
  const group = await findSpace(author, 'group', 'Transition écologique');
  const res = await author.post('/api/v1/pages', { spaceId: group.id, kind: 'motion', title, visibility: 'members', status: 'draft', markdown });
  expect(res.status, res.body).toBe(201);
  const { id } = res.json() as { id: string };
  const filed = await author.post(`/api/v1/pages/${id}/stage`, { stage: 'filed' });
  expect(filed.status, filed.body).toBe(200);
  const opened = await author.post(`/api/v1/pages/${id}/stage`, { stage: 'amendments', deadline: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString() });
  expect(opened.status, opened.body).toBe(200);
  return id;
}

