import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/api/index';
import { STATEMENT_MAPPING_FIELDS } from '../../../shared/api/statements';
import { ApiError, api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { ErrorNotice, SuccessNotice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/form-error';
import { Panel } from '../../components/Page';
import { readAsBase64 } from '../import/file-reading';
import { mappingFromLetters } from './period';

type Imported = Out<'statements.import'>;
/** The backend could not tell which column is which; the treasurer names them and the layout is remembered. */
const NEEDS_MAPPING = new Set(['STATEMENT_NO_HEADER', 'STATEMENT_MISSING_COLUMNS']);
const BLANK_LETTERS = Object.fromEntries(STATEMENT_MAPPING_FIELDS.map((field) => [field, ''])) as Record<string, string>;

/** Upload the day's bank statement; its credits are matched at once and the screen reloads its period. */
export function StatementImport({ onImported }: { onImported(result: Imported): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [letters, setLetters] = useState<Record<string, string> | null>(null);
  const [result, setResult] = useState<Imported | null>(null);
  const send = useAction(async (chosen: { name: string; base64: string }, mapping?: Record<string, number>) => {
    setResult(null);
    try {
      const imported = await api.call('statements.import', { fileName: chosen.name, contentBase64: chosen.base64, mapping });
      setLetters(null);
      setFile(null);
      setResult(imported);
      onImported(imported);
    } catch (error) {
      if (error instanceof ApiError && NEEDS_MAPPING.has(error.code)) setLetters((current) => current ?? { ...BLANK_LETTERS });
      throw error;
    }
  });
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (!picked) return;
    const chosen = { name: picked.name, base64: await readAsBase64(picked) };
    setFile(chosen);
    setLetters(null);
    void send.run(chosen);
  };
  const mapAndSend = useAction(async () => {
    if (!file || !letters) return;
    const parsed = mappingFromLetters(letters);
    if ('invalid' in parsed) throw new FormError('reconciliation.mappingBadLetter', { value: parsed.invalid });
    await send.run(file, parsed.mapping);
  });
  const submitMapping = (event: FormEvent) => {
    event.preventDefault();
    void mapAndSend.run();
  };

  return (
    <Panel title={t('reconciliation.importTitle')}>
      <div className="field">
        <label htmlFor="statement-file">{t('reconciliation.chooseFile')}</label>
        <input id="statement-file" type="file" accept=".xlsx,.xls,.csv" disabled={send.pending} onChange={(e) => void choose(e)} aria-describedby="statement-file-hint" />
        <small id="statement-file-hint">{t('reconciliation.fileHint')}</small>
      </div>
      {send.pending && (
        <p className="feedback feedback-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('reconciliation.importing')}
        </p>
      )}
      <ErrorNotice error={send.error} />
      {result && (
        <SuccessNotice>
          {t('reconciliation.imported', { file: result.fileName, lines: result.lines, credits: result.credits, matched: result.matched, duplicates: result.duplicates })}
          {result.lockedDays.length > 0 && ` ${t('reconciliation.importedLocked', { days: result.lockedDays.join(', ') })}`}
        </SuccessNotice>
      )}
      {letters && file && (
        <form className="form" onSubmit={submitMapping} aria-label={t('reconciliation.mappingTitle')}>
          <p className="callout-title">{t('reconciliation.mappingTitle')}</p>
          <p className="panel-note">{t('reconciliation.mappingIntro')}</p>
          <div className="form-grid">
            {STATEMENT_MAPPING_FIELDS.map((field) => (
              <TextField
                key={field}
                label={t('reconciliation.mappingColumn', { field: t(`reconciliation.fields.${field}`) })}
                maxLength={2}
                autoComplete="off"
                value={letters[field] ?? ''}
                onChange={(e) => setLetters({ ...letters, [field]: e.target.value })}
              />
            ))}
          </div>
          <div className="form-actions">
            <ErrorNotice error={mapAndSend.error} />
            <button type="submit" className="button-primary" disabled={send.pending || mapAndSend.pending}>
              {t('reconciliation.mappingApply')}
            </button>
          </div>
        </form>
      )}
    </Panel>
  );
}
