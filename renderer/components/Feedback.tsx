import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/errors';
import { ApiError } from '../api/client';
import { useLanguage } from '../i18n';
import { FormError } from './form-error';

/** The loading, error, empty and success states every screen shows the same way. */

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="feedback feedback-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!error) return null;
  return (
    <div className="feedback feedback-error" role="alert">
      <span>{errorText(error, t, language)}</span>
      {onRetry && (
        <button type="button" className="button-link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="feedback feedback-empty">{children}</p>;
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="feedback feedback-success" role="status">
      {children}
    </p>
  );
}

/** Backend messages come in both languages; a bug in our own code is not worth a stack trace to an officer. */
function errorText(error: unknown, t: TFunction, language: Language): string {
  if (error instanceof ApiError) return error.messageIn(language);
  if (error instanceof FormError) return t(error.key, error.params);
  console.error(error);
  return t('errors.unexpected');
}
