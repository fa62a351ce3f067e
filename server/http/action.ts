/**
 * Server actions return an `ActionResult` instead of throwing, so forms can show the error
 * next to the field. AppErrors become localized messages; anything else is logged (without
 * personal data) and shown as a generic error.
 */
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { isAppError, type AppError, type ErrorCode } from '@/lib/errors';

export type ActionError = { code: ErrorCode; message: string; field?: string };
export type ActionResult<T = unknown> = { ok: true; data: T; at: number } | { ok: false; error: ActionError; at: number } | null;

export async function runAction<T>(fn: () => Promise<T> | T): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), at: Date.now() };
  } catch (e) {
    unstable_rethrow(e); // redirect(), notFound() keep working inside actions
    const t = await getTranslations('errors');
    if (isAppError(e)) return { ok: false, error: actionError(e, t), at: Date.now() };
    console.error('[action] unexpected error:', e instanceof Error ? e.message : 'unknown');
    return { ok: false, error: { code: 'internal', message: t('internal') }, at: Date.now() };
  }
}

type ErrorTranslator = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

/** What a form shows for an AppError: its precise `detail` when the catalogue has it, else the code's message. */
export function actionError(e: AppError, t: ErrorTranslator): ActionError {
  const detail = e.detail && t.has(`detail.${e.detail.key}`) ? `detail.${e.detail.key}` : null;
  return { code: e.code, message: detail ? t(detail, e.detail?.values) : t(e.code), field: e.field };
}

/** Reads a string field from FormData ('' when missing). */
export function str(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}
