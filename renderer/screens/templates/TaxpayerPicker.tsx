import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi';
import { useDebounced } from '../../components/debounce';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { useNumberFormat } from '../../components/numbers';

export interface PickedTaxpayer {
  id: number;
  name: string;
  npwpd: string | null;
}

/** Enough to recognise the one meant; a longer list means the search should be narrower. */
const RESULTS = 6;

/** Finds a real taxpayer in the ledger by name or NPWPD for the preview; the largest debtors come first. */
export function TaxpayerPicker({ picked, onPick }: { picked: PickedTaxpayer | null; onPick(taxpayer: PickedTaxpayer | null): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  if (picked) {
    return (
      <div className="picked-taxpayer">
        <span>
          <span className="strong">{picked.name}</span> <span className="mono muted">{picked.npwpd ?? t('ledger.noNpwpd')}</span>
        </span>
        <button type="button" className="button-small" onClick={() => onPick(null)}>
          {t('templates.preview.changeTaxpayer')}
        </button>
      </div>
    );
  }
  return (
    <div className="taxpayer-picker">
      <label className="field-label" htmlFor="template-taxpayer-search">
        {t('templates.preview.searchTaxpayer')}
      </label>
      <input id="template-taxpayer-search" type="search" autoComplete="off" placeholder={t('templates.preview.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} />
      {settled.length >= 2 ? <Results search={settled} onPick={onPick} /> : <p className="panel-note picker-note">{t('templates.preview.searchPrompt')}</p>}
    </div>
  );
}

function Results({ search, onPick }: { search: string; onPick(taxpayer: PickedTaxpayer): void }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const found = useApi('ledger.taxpayers', { search, limit: RESULTS, sort: 'unpaidPrincipal', direction: 'desc' });
  if (found.loading && !found.data) return <Loading />;
  if (found.error) return <ErrorNotice error={found.error} onRetry={found.reload} />;
  if (!found.data || found.data.rows.length === 0) return <EmptyState>{t('templates.preview.noTaxpayer')}</EmptyState>;
  return (
    <ul className="picker-results" aria-label={t('templates.preview.results')}>
      {found.data.rows.map((taxpayer) => (
        <li key={taxpayer.id}>
          <button type="button" onClick={() => onPick({ id: taxpayer.id, name: taxpayer.name, npwpd: taxpayer.npwpd })}>
            <span className="cell-main">{taxpayer.name}</span>
            <span className="cell-sub">
              <span className="mono">{taxpayer.npwpd ?? t('ledger.noNpwpd')}</span> · {t('templates.preview.unpaidBills', { count: formatNumber(taxpayer.unpaidBills) })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
