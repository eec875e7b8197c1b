import { type ErrorBody, type Language, UserError } from '../../shared/errors.js';
import type { App } from './context.js';

/**
 * Turns anything thrown by a procedure into what a person reads. A UserError is shown as it
 * is; anything else is a bug: logged with its stack and context, shown as "see the log".
 */
export function toErrorBody(app: App, err: unknown, lang: Language, context: Record<string, unknown>): { status: number; body: ErrorBody } {
  if (err instanceof UserError) return { status: err.status, body: err.toBody(lang) };
  app.logger.error('unexpected error', { ...context, error: err instanceof Error ? err.stack : String(err) });
  const internal = new UserError('INTERNAL', { log: app.logger.file });
  return { status: internal.status, body: internal.toBody(lang) };
}
