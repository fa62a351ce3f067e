import type { z } from 'zod';
import { AppError } from './errors';

/** Parses with zod and turns the first issue into an AppError naming the field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  // A refinement may name a catalogue detail (`params: { detail }`) for a precise message in forms.
  const detail = issue?.code === 'custom' && typeof issue.params?.detail === 'string' ? { key: issue.params.detail } : undefined;
  throw new AppError('invalid_input', field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input.'), field, detail);
}
