import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import type { Inspection } from './useImportFlow';

type Column = Inspection['columns'][number];

const STATUS_BADGE: Record<Column['status'], string> = {
  recognised: 'badge badge-on',
  unknown: 'badge badge-warning',
  ambiguous: 'badge badge-danger',
  profile: 'badge badge-info',
  chosen: 'badge badge-info',
};

/** A field's name in the UI's language, as the backend labels it; `ignore` and `unknown` are the screen's own. */
export function useFieldLabel(fields: Inspection['fields']): (field: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (field) => {
    if (field === 'ignore') return t('import.ignore');
    if (field === 'unknown') return t('import.unknownField');
    const known = fields.find((f) => f.field === field);
    if (!known) return field;
    return language === 'en' ? known.labelEn : known.labelId;
  };
}

/** Each column of the export's header row and the field it feeds; the officer may change any of them. */
export function MappingTable({ inspection, disabled, onMap }: { inspection: Inspection; disabled: boolean; onMap(index: number, field: string): void }) {
  const { t } = useTranslation();
  const label = useFieldLabel(inspection.fields);
  return (
    <div className="table-scroll">
      <table className="table table-mapping" aria-label={t('import.mappingTable')}>
        <thead>
          <tr>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.header')}</th>
            <th scope="col">{t('import.field')}</th>
            <th scope="col">{t('import.columnStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {inspection.columns.map((column) => (
            <tr key={column.index} className={column.status === 'unknown' || column.status === 'ambiguous' ? 'row-attention' : undefined}>
              <td className="mono column-letter">{column.letter}</td>
              <td>{column.header || <span className="muted">{t('import.emptyHeader')}</span>}</td>
              <td>
                <select aria-label={t('import.fieldFor', { letter: column.letter, header: column.header })} value={column.field} disabled={disabled} onChange={(e) => onMap(column.index, e.target.value)}>
                  {column.field === 'unknown' && (
                    <option value="unknown" disabled>
                      {t('import.pickField')}
                    </option>
                  )}
                  <option value="ignore">{t('import.ignore')}</option>
                  {inspection.fields.map((field) => (
                    <option key={field.field} value={field.field}>
                      {label(field.field)}
                      {field.required ? ' *' : ''}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {column.field === 'ignore' && column.status !== 'chosen' ? (
                  <span className="badge badge-off">{t('import.status.ignored')}</span>
                ) : (
                  <span className={STATUS_BADGE[column.status]}>{t(`import.status.${column.status}`)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted table-footnote">{t('import.requiredNote')}</p>
    </div>
  );
}
